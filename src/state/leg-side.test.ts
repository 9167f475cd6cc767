import { describe, expect, it } from 'vitest';
import { suggestSide, twoLegMuscles } from './leg-side';

describe('leg side', () => {
  it('suggests involved or uninvolved only when patient and channels agree on one leg', () => {
    expect(suggestSide('left', ['left', 'left'])).toBe('involved');
    expect(suggestSide('left', ['right'])).toBe('uninvolved');
    expect(suggestSide(null, ['right'])).toBeNull();
    expect(suggestSide('right', [])).toBeNull();
    expect(suggestSide('right', ['left', 'right'])).toBeNull();
  });

  it('finds muscles recorded on both legs', () => {
    const leg = (channel: number, muscle: string, side: 'left' | 'right') => ({ sensorId: 's', channel, muscle, side });
    expect(twoLegMuscles([leg(0, 'vmo', 'left'), leg(1, 'vl', 'left'), leg(2, 'vmo', 'right'), leg(3, 'other', 'right')])).toEqual(['vmo']);
    expect(twoLegMuscles([leg(0, 'vmo', 'left'), leg(1, 'vmo', 'left')])).toEqual([]);
  });
});
