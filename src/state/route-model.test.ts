import { describe, expect, it } from 'vitest';
import { hashForScreen, screenFromHash, screenIds } from './route-model';

describe('route model', () => {
  it('maps every screen to a hash and back', () => {
    for (const id of screenIds) expect(screenFromHash(hashForScreen(id))).toBe(id);
  });

  it('falls back to Connect for an empty or unknown hash', () => {
    expect(screenFromHash('')).toBe('connect');
    expect(screenFromHash('#/nope')).toBe('connect');
    expect(screenFromHash('#live')).toBe('live');
    expect(screenFromHash('#/program/AQID')).toBe('exercises');
  });
});
