import { describe, expect, it } from 'vitest';
import { announcementFor, spokenFor, toneFor, visualFor } from './cue-mapping';
import { testWords as words } from './cue-test-doubles';
import type { CueEvent, CueVisual } from './cue-types';

/** Runs events through visualFor and returns the banner after each. */
function banners(events: CueEvent[]): (CueVisual | null)[] {
  let current: CueVisual | null = null;
  return events.map((event) => (current = visualFor(event, current, words)));
}

describe('cue mapping', () => {
  it('gives each phase its colour tone, shape and words, in the engine’s order of events', () => {
    const seen = banners([
      { kind: 'squeeze', repNumber: 1, repsTotal: 10 },
      { kind: 'enter-band' },
      { kind: 'hold-countdown', count: 3 },
      { kind: 'hold-countdown', count: 2 },
      { kind: 'hold-countdown', count: 1 },
      { kind: 'hold-complete' },
      { kind: 'rep-complete', repNumber: 1, repsTotal: 10, achieved: true },
      { kind: 'relax' },
      { kind: 'set-complete', setNumber: 1, setsTotal: 1 },
      { kind: 'session-complete' },
    ]);
    expect(seen.map((v) => v && `${v.tone}/${v.shape}/${v.words}`)).toEqual([
      'squeeze/up/Squeeze',
      'hold/circle/Hold',
      'hold/circle/Hold 3',
      'hold/circle/Hold 2',
      'hold/circle/Hold 1',
      'hold/circle/Hold 1',
      'hold/circle/Hold 1',
      'relax/down/Relax',
      'done/star/Well done',
      'done/star/Well done',
    ]);
  });

  it('sends a dip out of the band back to squeezing', () => {
    const seen = banners([{ kind: 'enter-band' }, { kind: 'leave-band' }, { kind: 'enter-band' }]);
    expect(seen.map((v) => v?.tone)).toEqual(['hold', 'squeeze', 'hold']);
  });

  it('announces phase changes and rep counts, not countdown numbers or dips', () => {
    expect(announcementFor({ kind: 'squeeze', repNumber: 2, repsTotal: 10 }, words)).toBe('Rep 2 of 10: squeeze');
    expect(announcementFor({ kind: 'rep-complete', repNumber: 2, repsTotal: 10, achieved: false }, words)).toBe('Rep 2 of 10 missed');
    expect(announcementFor({ kind: 'set-complete', setNumber: 1, setsTotal: 3 }, words)).toBe('Set 1 of 3 done');
    expect(announcementFor({ kind: 'hold-countdown', count: 2 }, words)).toBeNull();
    expect(announcementFor({ kind: 'leave-band' }, words)).toBeNull();
  });

  it('speaks the count and the phase words only', () => {
    expect(spokenFor({ kind: 'hold-countdown', count: 3 }, words)).toBe('3');
    expect(spokenFor({ kind: 'relax' }, words)).toBe('Relax');
    expect(spokenFor({ kind: 'enter-band' }, words)).toBeNull();
  });

  it('plays a tone on entering the band and on a completed hold, nothing else', () => {
    expect(toneFor({ kind: 'enter-band' })).toBe('enter-band');
    expect(toneFor({ kind: 'hold-complete' })).toBe('hold-complete');
    expect(toneFor({ kind: 'relax' })).toBeNull();
  });
});
