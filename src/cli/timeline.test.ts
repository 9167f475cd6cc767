import { describe, expect, it } from 'vitest';
import { isAllReceived, timelineOf } from './timeline';

describe('timeline with holes', () => {
  it('returns the samples themselves when nothing was lost', () => {
    const values = Float64Array.of(1, 2, 3);
    expect(timelineOf(values, []).samples).toBe(values);
  });

  it('bridges each hole with a straight line and says where the fill is', () => {
    const { samples, fill } = timelineOf(Float64Array.of(0, 10, 40, 50), [{ atIndex: 2, lengthSamples: 2 }]);
    expect(Array.from(samples)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(fill).toEqual([{ start: 2, end: 4 }]);
  });

  it('holds the one neighbour of a hole at either end', () => {
    const { samples, fill } = timelineOf(Float64Array.of(5, 6), [
      { atIndex: 0, lengthSamples: 1 },
      { atIndex: 2, lengthSamples: 2 },
    ]);
    expect(Array.from(samples)).toEqual([5, 5, 6, 6, 6]);
    expect(fill).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 5 },
    ]);
  });

  it('tells a window of received samples from one that touches fill', () => {
    const fill = [{ start: 10, end: 12 }];
    expect(isAllReceived(fill, 0, 10)).toBe(true);
    expect(isAllReceived(fill, 5, 11)).toBe(false);
    expect(isAllReceived(fill, 11, 20)).toBe(false);
    expect(isAllReceived(fill, 12, 20)).toBe(true);
  });
});
