// Exercise programs as data, and the one place where a program from outside (a shared link, an
// imported file, a therapist's edit) is checked. Validation never throws: it returns every problem
// as a typed error with the path of the offending field, so the UI can say what to fix.

import { EXERCISE_IDS, type ExerciseId } from './exercise-ids.ts';

export type TargetUnit = '%MVC' | 'N';
export const TARGET_UNITS: readonly TargetUnit[] = ['%MVC', 'N'];

/** Which signal drives the engine: a muscle's EMG envelope or the dynamometer's force. */
export type TargetSignal = 'VMO' | 'VL' | 'force';
export const TARGET_SIGNALS: readonly TargetSignal[] = ['VMO', 'VL', 'force'];

/**
 * The band the patient aims for. %MVC on an EMG signal is the envelope as a percentage of that
 * muscle's calibration; %MVC on force is a percentage of the calibrated maximal force; N is force.
 */
export interface TargetBand {
  unit: TargetUnit;
  low: number;
  high: number;
}

export interface Exercise {
  /** The library entry this exercise derives from (its instructions and placement text). */
  libraryId: ExerciseId;
  signal: TargetSignal;
  target: TargetBand;
  /** Contract-and-hold time per rep, s. */
  holdS: number;
  /** Time off between reps, s (counted once the level has fallen below the relax threshold). */
  relaxS: number;
  reps: number;
  sets: number;
  restBetweenSetsS: number;
}

export interface Schedule {
  daysPerWeek: number;
  sessionsPerDay: number;
}

export interface Program {
  exercises: Exercise[];
  schedule: Schedule;
}

/**
 * Limits that reject absurd values. Where a number has a source it is cited; the rest are wide
 * guards against typos (a hold of 3000 s, 500 reps), not clinical advice.
 */
export const LIMITS = {
  /** Hold presets run from 0.2 s to 300 s in Luna EMG (clinical.md, "Exercise timing"). */
  holdS: { min: 0.2, max: 300 },
  /** Guard: ten minutes between reps or sets is already far beyond any published protocol. */
  relaxS: { min: 0, max: 600 },
  restBetweenSetsS: { min: 0, max: 600 },
  /** Guard: 15 reps is the straight-leg-raise example (clinical.md); 100 is a typo catcher. */
  reps: { min: 1, max: 100 },
  sets: { min: 1, max: 20 },
  /**
   * %MVC may exceed 100 (a submaximal calibration effort is common), but a target above 150 %
   * means the calibration or the entry is wrong.
   */
  percentMvc: { min: 0, max: 150 },
  /** The sim's int16 force channel covers ±2048 N (firmware-protocol/sim/device.ts); 5000 N guards int24 gauges. */
  forceN: { min: 0, max: 5000 },
  daysPerWeek: { min: 1, max: 7 },
  /** Guard: more than six sessions a day is not a home program. */
  sessionsPerDay: { min: 1, max: 6 },
  exercises: { min: 1, max: 20 },
} as const;

export type ProgramErrorCode =
  | 'not-object'
  | 'not-array'
  | 'missing'
  | 'not-number'
  | 'not-integer'
  | 'out-of-range'
  | 'unknown-value'
  | 'band-inverted'
  | 'unit-signal-mismatch';

export interface ProgramError {
  code: ProgramErrorCode;
  /** Dotted path of the field, e.g. `exercises.0.target.low`. */
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: ProgramError[] };

type Rec = Record<string, unknown>;

function isRecord(x: unknown): x is Rec {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

/** Reads a finite number within [min, max] (integer when asked); records an error otherwise. */
function readNumber(
  obj: Rec,
  key: string,
  path: string,
  range: { min: number; max: number },
  errors: ProgramError[],
  options: { integer?: boolean; exclusiveMin?: boolean } = {},
): number {
  const at = join(path, key);
  const x = obj[key];
  if (x === undefined) {
    errors.push({ code: 'missing', path: at, message: `${at} is missing` });
    return NaN;
  }
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    errors.push({ code: 'not-number', path: at, message: `${at} must be a number, got ${JSON.stringify(x) ?? String(x)}` });
    return NaN;
  }
  if (options.integer && !Number.isInteger(x)) {
    errors.push({ code: 'not-integer', path: at, message: `${at} must be a whole number, got ${x}` });
    return NaN;
  }
  const belowMin = options.exclusiveMin ? x <= range.min : x < range.min;
  if (belowMin || x > range.max) {
    const lower = options.exclusiveMin ? `above ${range.min}` : `at least ${range.min}`;
    errors.push({ code: 'out-of-range', path: at, message: `${at} must be ${lower} and at most ${range.max}, got ${x}` });
    return NaN;
  }
  return x;
}

function readEnum<T extends string>(obj: Rec, key: string, path: string, allowed: readonly T[], errors: ProgramError[]): T | null {
  const at = join(path, key);
  const x = obj[key];
  if (x === undefined) {
    errors.push({ code: 'missing', path: at, message: `${at} is missing` });
    return null;
  }
  if (typeof x !== 'string' || !(allowed as readonly string[]).includes(x)) {
    errors.push({ code: 'unknown-value', path: at, message: `${at} must be one of ${allowed.join(', ')}, got ${JSON.stringify(x) ?? String(x)}` });
    return null;
  }
  return x as T;
}

function readBand(x: unknown, path: string, errors: ProgramError[]): TargetBand | null {
  if (!isRecord(x)) {
    errors.push({ code: x === undefined ? 'missing' : 'not-object', path, message: `${path} must be a target band { unit, low, high }` });
    return null;
  }
  const before = errors.length;
  const unit = readEnum(x, 'unit', path, TARGET_UNITS, errors);
  const range = unit === 'N' ? LIMITS.forceN : LIMITS.percentMvc;
  const low = readNumber(x, 'low', path, range, errors, { exclusiveMin: true });
  const high = readNumber(x, 'high', path, range, errors, { exclusiveMin: true });
  if (errors.length > before || unit === null) return null;
  if (low >= high) {
    errors.push({ code: 'band-inverted', path, message: `${path}: the low edge (${low}) must be below the high edge (${high})` });
    return null;
  }
  return { unit, low, high };
}

/** Checks one exercise from untrusted input; the returned value is a fresh, clean object. */
export function validateExercise(x: unknown, path = ''): Validated<Exercise> {
  const errors: ProgramError[] = [];
  const value = readExercise(x, path, errors);
  return value === null ? { ok: false, errors } : { ok: true, value };
}

function readExercise(x: unknown, path: string, errors: ProgramError[]): Exercise | null {
  if (!isRecord(x)) {
    errors.push({ code: 'not-object', path, message: `${path || 'exercise'} must be an object` });
    return null;
  }
  const before = errors.length;
  const libraryId = readEnum(x, 'libraryId', path, EXERCISE_IDS, errors);
  const signal = readEnum(x, 'signal', path, TARGET_SIGNALS, errors);
  const target = readBand(x['target'], join(path, 'target'), errors);
  const holdS = readNumber(x, 'holdS', path, LIMITS.holdS, errors);
  const relaxS = readNumber(x, 'relaxS', path, LIMITS.relaxS, errors);
  const reps = readNumber(x, 'reps', path, LIMITS.reps, errors, { integer: true });
  const sets = readNumber(x, 'sets', path, LIMITS.sets, errors, { integer: true });
  const restBetweenSetsS = readNumber(x, 'restBetweenSetsS', path, LIMITS.restBetweenSetsS, errors);
  if (target !== null && signal !== null && target.unit === 'N' && signal !== 'force') {
    const at = join(path, 'signal');
    errors.push({ code: 'unit-signal-mismatch', path: at, message: `${at}: a target in N needs the force signal, not ${signal}` });
  }
  if (errors.length > before || libraryId === null || signal === null || target === null) return null;
  return { libraryId, signal, target, holdS, relaxS, reps, sets, restBetweenSetsS };
}

function readSchedule(x: unknown, path: string, errors: ProgramError[]): Schedule | null {
  if (!isRecord(x)) {
    errors.push({ code: x === undefined ? 'missing' : 'not-object', path, message: `${path} must be { daysPerWeek, sessionsPerDay }` });
    return null;
  }
  const before = errors.length;
  const daysPerWeek = readNumber(x, 'daysPerWeek', path, LIMITS.daysPerWeek, errors, { integer: true });
  const sessionsPerDay = readNumber(x, 'sessionsPerDay', path, LIMITS.sessionsPerDay, errors, { integer: true });
  return errors.length > before ? null : { daysPerWeek, sessionsPerDay };
}

/** Checks a whole program from untrusted input (parsed JSON); collects every error, not just the first. */
export function validateProgram(x: unknown): Validated<Program> {
  const errors: ProgramError[] = [];
  if (!isRecord(x)) return { ok: false, errors: [{ code: 'not-object', path: '', message: 'A program must be an object' }] };
  const list = x['exercises'];
  const exercises: Exercise[] = [];
  if (!Array.isArray(list)) {
    errors.push({ code: list === undefined ? 'missing' : 'not-array', path: 'exercises', message: 'exercises must be a list' });
  } else if (list.length < LIMITS.exercises.min || list.length > LIMITS.exercises.max) {
    errors.push({
      code: 'out-of-range',
      path: 'exercises',
      message: `A program holds ${LIMITS.exercises.min} to ${LIMITS.exercises.max} exercises, got ${list.length}`,
    });
  } else {
    list.forEach((item, i) => {
      const e = readExercise(item, join('exercises', i), errors);
      if (e !== null) exercises.push(e);
    });
  }
  const schedule = readSchedule(x['schedule'], 'schedule', errors);
  if (errors.length > 0 || schedule === null) return { ok: false, errors };
  return { ok: true, value: { exercises, schedule } };
}
