import { describe, expect, it } from 'vitest';
import type { CueEvent } from '../../state/cue-types';
import { annotationText, CUE_IDS, eventOfAnnotation } from './event-annotations';

describe('annotation text → session event', () => {
  it.each([
    ['set 1 rep 2', { kind: 'rep', set: 1, rep: 2, detail: {} }],
    ['set 12 rep 0', { kind: 'rep', set: 12, rep: 0, detail: {} }],
    ['cue squeeze', { kind: 'cue', cue: 'squeeze' }],
    ['cue hold-complete', { kind: 'cue', cue: 'hold-complete' }],
    ['pain 3/10', { kind: 'pain', score: 3 }],
    ['pain 0/10', { kind: 'pain', score: 0 }],
    ['effort 6.5/10', { kind: 'effort', score: 6.5 }],
    ['effort 10/10', { kind: 'effort', score: 10 }],
  ])('reads Quadcue’s own %j back as its event', (text, event) => {
    expect(eventOfAnnotation(text)).toEqual(event);
  });

  it.each([
    ['Stimulus on', 'Stimulus on'],
    ['rep 1', 'rep 1'],
    ['cue: push', 'cue: push'],
    ['pain 2/10 – fine', 'pain 2/10 – fine'],
    ['pain 11/10', 'pain 11/10'],
    ['effort 2.50/10', 'effort 2.50/10'],
    ['set 01 rep 1', 'set 01 rep 1'],
    ['set 99999999999999999999 rep 1', 'set 99999999999999999999 rep 1'],
    ['cue', 'cue'],
    ['cue push', 'cue push'],
    ['cue squeeze harder', 'cue squeeze harder'],
    ['cue Squeeze', 'cue Squeeze'],
    ['Lights\toff\r\n', 'Lights off'],
  ])('keeps any other text, %j, as a note', (text, note) => {
    expect(eventOfAnnotation(text)).toEqual({ kind: 'note', text: note });
  });

  it('cleans before it reads, and drops a text with nothing readable in it', () => {
    expect(eventOfAnnotation(' pain\t4/10 ')).toEqual({ kind: 'pain', score: 4 });
    expect(eventOfAnnotation('\u202e\u0007 ')).toBeNull();
  });
});

describe('the cues read back', () => {
  it('are exactly the cue player’s own cue kinds, and each is read as its cue', () => {
    // Checked by the compiler both ways: a kind added to CueEvent and not listed fails typecheck.
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const same: Same<CueEvent['kind'], (typeof CUE_IDS)[number]> = true;
    expect(same).toBe(true);
    for (const id of CUE_IDS) expect(eventOfAnnotation(`cue ${id}`)).toEqual({ kind: 'cue', cue: id });
  });
});

describe('annotationText', () => {
  it('writes every event kind so that eventOfAnnotation reads the same event back', () => {
    const events = [
      { kind: 'rep', set: 2, rep: 11, detail: {} },
      { kind: 'cue', cue: 'squeeze' },
      { kind: 'pain', score: 3 },
      { kind: 'effort', score: 6.5 },
      { kind: 'note', text: 'knee felt stiff' },
    ] as const;
    for (const event of events) expect(eventOfAnnotation(annotationText(event)!)).toEqual(event);
    expect(annotationText({ kind: 'gap', lengthSamples: 5, reason: 'loss' })).toBeNull();
  });
});
