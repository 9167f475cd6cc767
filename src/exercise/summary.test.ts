import { describe, expect, it } from 'vitest';
import { libraryEntry } from './library.ts';
import { scoreExercise, scoreSet, type ExerciseScore, type RepScore } from './scoring.ts';
import { chooseWentWell, summariseSession, validateRating, type ExerciseSummary } from './summary.ts';
import { wentWellSentence } from './summary-text.ts';

const QUAD_SET = libraryEntry('quad-set').defaults;
const STEP_DOWN = libraryEntry('step-down').defaults;

function rep(set: number, rep: number, o: Partial<RepScore> = {}): RepScore {
  return {
    set, rep, unit: '%MVC', holdAchieved: true, heldS: 10, timeInBandPct: 100, peak: 62, mean: 60,
    contractionStartIndex: 0, holdStartIndex: 0, holdEndIndex: 1, ...o,
  };
}

function exerciseOf(...sets: RepScore[][]): ExerciseScore {
  return scoreExercise('%MVC', sets.map((reps, k) => scoreSet(k + 1, reps)));
}

function summaryOf(score: ExerciseScore): ExerciseSummary[] {
  const r = summariseSession({ exercises: [{ exercise: QUAD_SET, score }], pain: 2, effort: 6 });
  if (!r.ok) throw new Error('unexpected');
  return r.value.exercises;
}

describe('session summary', () => {
  it('joins measurements to reps and averages them per exercise', () => {
    const score = exerciseOf([rep(1, 1), rep(1, 2), rep(1, 3)]);
    const r = summariseSession({
      exercises: [{
        exercise: STEP_DOWN,
        score,
        measurements: [{ set: 1, rep: 1, vmoToVl: 0.9, vmoMinusVlOnsetMs: 20 }, { set: 1, rep: 3, vmoToVl: 1.1, vmoMinusVlOnsetMs: 10 }],
      }],
      pain: 3,
      effort: 7,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = r.value.exercises[0]!;
    expect(e.sets[0]!.reps.map((x) => [x.vmoToVl, x.vmoMinusVlOnsetMs])).toEqual([[0.9, 20], [null, null], [1.1, 10]]);
    expect(e.vmoToVlMean).toBeCloseTo(1, 12);
    expect(e.vmoMinusVlOnsetMeanMs).toBe(15);
    expect(r.value).toMatchObject({ pain: 3, effort: 7, wentWell: { id: 'all-holds', reps: 3 } });
  });

  it('reports no VMO:VL when none was measured', () => {
    expect(summaryOf(exerciseOf([rep(1, 1)]))[0]).toMatchObject({ vmoToVlMean: null, vmoMinusVlOnsetMeanMs: null });
  });

  it.each([
    [-1, 'out-of-range'], [11, 'out-of-range'], [4.5, 'not-integer'], ['5', 'not-number'], [undefined, 'missing'],
  ] as const)('rejects a pain rating of %j', (pain, code) => {
    const r = summariseSession({ exercises: [], pain, effort: 5 });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([['pain', code]]);
  });

  it('accepts the ends of the 0–10 scale', () => {
    expect(validateRating(0, 'effort')).toEqual({ ok: true, value: 0 });
    expect(validateRating(10, 'effort')).toEqual({ ok: true, value: 10 });
  });
});

describe('what went well', () => {
  it.each([
    ['every hold achieved', [[rep(1, 1), rep(1, 2)]], { id: 'all-holds', reps: 2 }],
    ['mostly in band', [[rep(1, 1, { timeInBandPct: 90 }), rep(1, 2, { holdAchieved: false, timeInBandPct: 80 })]], { id: 'in-band', percent: 85 }],
    [
      'a steady level',
      [[rep(1, 1, { timeInBandPct: 50 }), rep(1, 2, { holdAchieved: false, timeInBandPct: 50, mean: 59 }), rep(1, 3, { timeInBandPct: 50, mean: 59 })]],
      { id: 'steady', reps: 3 },
    ],
    [
      'a better last set',
      [
        [rep(1, 1, { holdAchieved: false, timeInBandPct: 10, mean: 60 }), rep(1, 2, { holdAchieved: false, timeInBandPct: 10, mean: 55 })],
        [rep(2, 1, { timeInBandPct: 40, mean: 50 }), rep(2, 2, { holdAchieved: false, timeInBandPct: 10, mean: 45 })],
      ],
      { id: 'improved', firstSetAchieved: 0, lastSetAchieved: 1 },
    ],
    [
      'some holds',
      [[rep(1, 1, { timeInBandPct: 40, mean: 60 }), rep(1, 2, { holdAchieved: false, timeInBandPct: 10, mean: 45 }), rep(1, 3, { holdAchieved: false, timeInBandPct: 10, mean: 30 })]],
      { id: 'some-holds', achieved: 1, total: 3 },
    ],
    [
      'only reps',
      [[rep(1, 1, { holdAchieved: false, timeInBandPct: 10, mean: 50 }), rep(1, 2, { holdAchieved: false, timeInBandPct: 10, mean: 40 })]],
      { id: 'reps-done', reps: 2 },
    ],
    ['nothing yet', [[]], { id: 'started' }],
  ] as const)('%s', (_name, sets, want) => {
    expect(chooseWentWell(summaryOf(exerciseOf(...sets.map((s) => [...s]))))).toEqual(want);
  });

  it('words every choice as one plain sentence', () => {
    expect(wentWellSentence({ id: 'all-holds', reps: 10 })).toBe('You held all 10 repetitions for the full time.');
    expect(wentWellSentence({ id: 'all-holds', reps: 1 })).toBe('You held your repetition for the full time.');
    expect(wentWellSentence({ id: 'in-band', percent: 85 })).toBe('You kept within the target band for 85 % of your hold time.');
    expect(wentWellSentence({ id: 'some-holds', achieved: 4, total: 10 })).toBe('You completed 4 of 10 holds.');
    expect(wentWellSentence({ id: 'reps-done', reps: 1 })).toBe('You did 1 repetition. Every session counts.');
    for (const w of [{ id: 'steady', reps: 3 }, { id: 'improved', firstSetAchieved: 1, lastSetAchieved: 3 }, { id: 'started' }] as const) {
      expect(wentWellSentence(w)).toMatch(/^[A-Z].*\.$/);
    }
  });
});
