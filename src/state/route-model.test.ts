import { describe, expect, it } from 'vitest';
import { hashForScreen, hashForSubpage, screenFromHash, screenIds, subpageFromHash } from './route-model';

describe('route model', () => {
  it('maps every screen to a hash and back', () => {
    for (const id of screenIds) expect(screenFromHash(hashForScreen(id))).toBe(id);
  });

  it('falls back to the patient home for an empty or unknown hash', () => {
    expect(screenFromHash('')).toBe('home');
    expect(screenFromHash('#/nope')).toBe('home');
    expect(screenFromHash('#live')).toBe('live');
    expect(screenFromHash('#/program/AQID')).toBe('exercises');
  });

  it('opens the report as a subpage of History', () => {
    expect(subpageFromHash(hashForSubpage('report'))).toBe('report');
    expect(screenFromHash('#/report')).toBe('history');
    expect(subpageFromHash('#/history')).toBeNull();
    expect(subpageFromHash('#/toString')).toBeNull();
  });
});
