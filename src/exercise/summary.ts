// The session summary: per exercise, set and rep the engine's scores, joined with what other
// parts measured over the same hold windows (VMO:VL, onset difference), the patient's pain and
// effort ratings, and the choice of one thing that went well (worded in summary-text.ts).

import type { Exercise, ProgramError, TargetBand, Validated } from './program.ts';
import type { ExerciseScore, RepScore, SetScore } from './scoring.ts';
import type { ExerciseId } from './exercise-ids.ts';

/** Pain and effort are rated on 0–10 numeric scales, whole numbers. */
export const RATING_MIN = 0;
export const RATING_MAX = 10;
/** "Most of the hold time in band": at least this share, %. */
export const IN_BAND_WELL_PCT = 80;
/**
 * A level is "steady" when the fitted fatigue line loses less than this fraction of the mean
 * level from the first rep to the last: below the 100 ms envelope's own ripple (relative SD
 * 7–8.5 % measured, band-thresholds.ts), a smaller drop cannot be told from noise.
 */
export const STEADY_DROP_FRACTION = 0.05;

/** Measured elsewhere over a rep's hold window (RepScore.holdStartIndex…holdEndIndex). */
export interface RepMeasurement {
  set: number;
  rep: number;
  /** Normalised VMO RMS ÷ normalised VL RMS (clinical.md "VMO:VL"). */
  vmoToVl?: number;
  /** VMO onset minus VL onset, ms: positive when VL switched on first (Cowan et al. 2001). */
  vmoMinusVlOnsetMs?: number;
}

export interface RepSummary extends RepScore {
  vmoToVl: number | null;
  vmoMinusVlOnsetMs: number | null;
}

export type SetSummary = Omit<SetScore, 'reps'> & { reps: RepSummary[] };

export interface ExerciseSummary {
  libraryId: ExerciseId;
  target: TargetBand;
  sets: SetSummary[];
  repsAchieved: number;
  repsTotal: number;
  /** Fatigue trend: least-squares slope of the per-rep mean across all reps, target unit per rep. */
  meanTrendPerRep: number | null;
  peakTrendPerRep: number | null;
  /** Means over the reps where they were measured; null when none was. */
  vmoToVlMean: number | null;
  vmoMinusVlOnsetMeanMs: number | null;
}

export type WentWell =
  | { id: 'all-holds'; reps: number }
  | { id: 'in-band'; percent: number }
  | { id: 'steady'; reps: number }
  | { id: 'improved'; firstSetAchieved: number; lastSetAchieved: number }
  | { id: 'some-holds'; achieved: number; total: number }
  | { id: 'reps-done'; reps: number }
  | { id: 'started' };

export interface SessionSummary {
  exercises: ExerciseSummary[];
  pain: number;
  effort: number;
  wentWell: WentWell;
}

export interface SummaryInput {
  exercises: { exercise: Exercise; score: ExerciseScore; measurements?: RepMeasurement[] }[];
  /** As entered by the patient: checked here. */
  pain: unknown;
  effort: unknown;
}

export function validateRating(x: unknown, path: string): Validated<number> {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    return { ok: false, errors: [{ code: x === undefined ? 'missing' : 'not-number', path, message: `${path} must be a number from ${RATING_MIN} to ${RATING_MAX}` }] };
  }
  if (!Number.isInteger(x)) return { ok: false, errors: [{ code: 'not-integer', path, message: `${path} must be a whole number, got ${x}` }] };
  if (x < RATING_MIN || x > RATING_MAX) {
    return { ok: false, errors: [{ code: 'out-of-range', path, message: `${path} must be from ${RATING_MIN} to ${RATING_MAX}, got ${x}` }] };
  }
  return { ok: true, value: x };
}

function meanOrNull(values: readonly number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length === 0 ? null : finite.reduce((a, b) => a + b, 0) / finite.length;
}

function summariseExercise(exercise: Exercise, score: ExerciseScore, measurements: readonly RepMeasurement[]): ExerciseSummary {
  const find = (r: RepScore): RepMeasurement | undefined => measurements.find((m) => m.set === r.set && m.rep === r.rep);
  const sets: SetSummary[] = score.sets.map((s) => ({
    ...s,
    reps: s.reps.map((r) => {
      const m = find(r);
      return { ...r, vmoToVl: m?.vmoToVl ?? null, vmoMinusVlOnsetMs: m?.vmoMinusVlOnsetMs ?? null };
    }),
  }));
  const reps = sets.flatMap((s) => s.reps);
  return {
    libraryId: exercise.libraryId,
    target: { ...exercise.target },
    sets,
    repsAchieved: score.repsAchieved,
    repsTotal: score.repsTotal,
    meanTrendPerRep: score.meanTrendPerRep,
    peakTrendPerRep: score.peakTrendPerRep,
    vmoToVlMean: meanOrNull(reps.flatMap((r) => (r.vmoToVl === null ? [] : [r.vmoToVl]))),
    vmoMinusVlOnsetMeanMs: meanOrNull(reps.flatMap((r) => (r.vmoMinusVlOnsetMs === null ? [] : [r.vmoMinusVlOnsetMs]))),
  };
}

function isSteady(e: ExerciseSummary): boolean {
  const reps = e.sets.flatMap((s) => s.reps);
  const mean = meanOrNull(reps.map((r) => r.mean));
  if (e.meanTrendPerRep === null || mean === null || mean <= 0) return false;
  return -e.meanTrendPerRep * (reps.length - 1) < STEADY_DROP_FRACTION * mean;
}

/** Picks the first true statement, strongest first, from measured facts only. */
export function chooseWentWell(exercises: readonly ExerciseSummary[]): WentWell {
  const reps = exercises.flatMap((e) => e.sets.flatMap((s) => s.reps));
  const achieved = reps.filter((r) => r.holdAchieved).length;
  if (reps.length === 0) return { id: 'started' };
  if (achieved === reps.length) return { id: 'all-holds', reps: reps.length };
  const inBandPct = reps.reduce((sum, r) => sum + r.timeInBandPct, 0) / reps.length;
  if (inBandPct >= IN_BAND_WELL_PCT) return { id: 'in-band', percent: Math.round(inBandPct) };
  const trended = exercises.filter((e) => e.meanTrendPerRep !== null);
  if (trended.length > 0 && trended.every(isSteady)) return { id: 'steady', reps: reps.length };
  const sets = exercises.flatMap((e) => e.sets);
  const first = sets[0];
  const last = sets[sets.length - 1];
  if (first && last && sets.length > 1 && last.repsAchieved > first.repsAchieved) {
    return { id: 'improved', firstSetAchieved: first.repsAchieved, lastSetAchieved: last.repsAchieved };
  }
  if (achieved > 0) return { id: 'some-holds', achieved, total: reps.length };
  return { id: 'reps-done', reps: reps.length };
}

export function summariseSession(input: SummaryInput): Validated<SessionSummary> {
  const pain = validateRating(input.pain, 'pain');
  const effort = validateRating(input.effort, 'effort');
  const errors: ProgramError[] = [...(pain.ok ? [] : pain.errors), ...(effort.ok ? [] : effort.errors)];
  if (!pain.ok || !effort.ok) return { ok: false, errors };
  const exercises = input.exercises.map((e) => summariseExercise(e.exercise, e.score, e.measurements ?? []));
  return { ok: true, value: { exercises, pain: pain.value, effort: effort.value, wentWell: chooseWentWell(exercises) } };
}
