import { describe, expect, it } from 'vitest';
import { validateExercise, validateProgram, type Exercise, type ProgramErrorCode } from './program.ts';

const quadSet: Exercise = {
  libraryId: 'quad-set',
  signal: 'VMO',
  target: { unit: '%MVC', low: 55, high: 65 },
  holdS: 10,
  relaxS: 10,
  reps: 10,
  sets: 1,
  restBetweenSetsS: 60,
};

function codesOf(x: unknown): [string, ProgramErrorCode][] {
  const r = validateExercise(x);
  return r.ok ? [] : r.errors.map((e) => [e.path, e.code]);
}

describe('validateExercise', () => {
  it('accepts a well-formed exercise and returns a clean copy', () => {
    const r = validateExercise({ ...quadSet, extra: 'ignored' });
    expect(r).toEqual({ ok: true, value: quadSet });
  });

  it.each([
    ['negative hold', { holdS: -1 }, 'holdS', 'out-of-range'],
    ['hold below the 0.2 s preset floor', { holdS: 0.1 }, 'holdS', 'out-of-range'],
    ['absurd hold', { holdS: 3000 }, 'holdS', 'out-of-range'],
    ['negative relax', { relaxS: -5 }, 'relaxS', 'out-of-range'],
    ['negative rest between sets', { restBetweenSetsS: -1 }, 'restBetweenSetsS', 'out-of-range'],
    ['zero reps', { reps: 0 }, 'reps', 'out-of-range'],
    ['fractional reps', { reps: 2.5 }, 'reps', 'not-integer'],
    ['absurd reps', { reps: 500 }, 'reps', 'out-of-range'],
    ['zero sets', { sets: 0 }, 'sets', 'out-of-range'],
    ['reps as a string', { reps: '10' }, 'reps', 'not-number'],
    ['NaN hold', { holdS: NaN }, 'holdS', 'not-number'],
    ['infinite relax', { relaxS: Infinity }, 'relaxS', 'not-number'],
    ['unknown library entry', { libraryId: 'squat' }, 'libraryId', 'unknown-value'],
    ['unknown signal', { signal: 'hamstring' }, 'signal', 'unknown-value'],
    ['missing target', { target: undefined }, 'target', 'missing'],
    ['target not an object', { target: 40 }, 'target', 'not-object'],
  ] as const)('rejects %s', (_name, change, path, code) => {
    expect(codesOf({ ...quadSet, ...change })).toEqual([[path, code]]);
  });

  it.each([
    ['low above high', { unit: '%MVC', low: 70, high: 60 }, 'target', 'band-inverted'],
    ['low equal to high', { unit: '%MVC', low: 60, high: 60 }, 'target', 'band-inverted'],
    ['unknown unit', { unit: 'kg', low: 10, high: 20 }, 'target.unit', 'unknown-value'],
    ['zero low edge', { unit: '%MVC', low: 0, high: 20 }, 'target.low', 'out-of-range'],
    ['absurd %MVC', { unit: '%MVC', low: 40, high: 400 }, 'target.high', 'out-of-range'],
    ['absurd force', { unit: 'N', low: 100, high: 90000 }, 'target.high', 'out-of-range'],
  ] as const)('rejects a band with %s', (_name, target, path, code) => {
    expect(codesOf({ ...quadSet, signal: target.unit === 'N' ? 'force' : 'VMO', target })).toEqual([[path, code]]);
  });

  it('rejects a force target on an EMG signal', () => {
    expect(codesOf({ ...quadSet, target: { unit: 'N', low: 100, high: 150 } })).toEqual([['signal', 'unit-signal-mismatch']]);
  });

  it('accepts a force band in N on the force signal and %MVC of force', () => {
    expect(validateExercise({ ...quadSet, signal: 'force', target: { unit: 'N', low: 100, high: 150 } }).ok).toBe(true);
    expect(validateExercise({ ...quadSet, signal: 'force' }).ok).toBe(true);
  });

  it('reports every bad field at once, with a message a person can act on', () => {
    const r = validateExercise({ ...quadSet, holdS: -1, reps: 0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['holdS', 'reps']);
    expect(r.errors[0]!.message).toBe('holdS must be at least 0.2 and at most 300, got -1');
  });

  it.each([null, 42, 'quad set', [quadSet]])('rejects a non-object %j', (x) => {
    expect(codesOf(x)).toEqual([['', 'not-object']]);
  });
});

describe('validateProgram', () => {
  const program = { exercises: [quadSet], schedule: { daysPerWeek: 5, sessionsPerDay: 2 } };

  it('accepts a valid program', () => {
    expect(validateProgram(program)).toEqual({ ok: true, value: program });
  });

  it('names the exercise by its position in the list', () => {
    const r = validateProgram({ ...program, exercises: [quadSet, { ...quadSet, sets: -1 }] });
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([['exercises.1.sets', 'out-of-range']]);
  });

  it.each([
    ['no exercises', { ...program, exercises: [] }, 'exercises', 'out-of-range'],
    ['exercises not a list', { ...program, exercises: {} }, 'exercises', 'not-array'],
    ['no schedule', { exercises: [quadSet] }, 'schedule', 'missing'],
    ['eight days a week', { ...program, schedule: { daysPerWeek: 8, sessionsPerDay: 1 } }, 'schedule.daysPerWeek', 'out-of-range'],
    ['zero sessions a day', { ...program, schedule: { daysPerWeek: 3, sessionsPerDay: 0 } }, 'schedule.sessionsPerDay', 'out-of-range'],
    ['half a day', { ...program, schedule: { daysPerWeek: 3.5, sessionsPerDay: 1 } }, 'schedule.daysPerWeek', 'not-integer'],
  ] as const)('rejects %s', (_name, x, path, code) => {
    const r = validateProgram(x);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.code])).toEqual([[path, code]]);
  });

  it('survives hostile JSON without throwing', () => {
    const hostile = JSON.parse('{"exercises":[{"__proto__":{"holdS":5},"target":{"unit":"%MVC","low":"1e999"}}],"schedule":[]}');
    const r = validateProgram(hostile);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(5);
  });
});
