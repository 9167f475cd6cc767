// Scores per rep, per set and per exercise. Levels are in the target's unit (%MVC or N). The rep
// accumulator is fed sample by sample on the engine's hot path: plain numbers, no allocation.

import type { TargetUnit } from './program.ts';

/** Fewer points than this give no fatigue trend: two points always lie on a line. */
export const MIN_REPS_FOR_TREND = 3;

export interface RepScore {
  /** 1-based set and rep numbers. */
  set: number;
  rep: number;
  unit: TargetUnit;
  holdAchieved: boolean;
  /** Time from entering the band to the end of the hold (achieved) or to the dropout that ended it, s. */
  heldS: number;
  /** Share of the hold window with the level inside [low, high], %. */
  timeInBandPct: number;
  /** Highest level from the start of the contraction to the end of the hold. */
  peak: number;
  /** Mean level over the hold window. */
  mean: number;
  /** Sample indices: contraction start, hold start, hold end (exclusive); others compute VMO:VL over the same window. */
  contractionStartIndex: number;
  holdStartIndex: number;
  holdEndIndex: number;
}

export interface SetScore {
  set: number;
  reps: RepScore[];
  repsAchieved: number;
  /** Mean of the reps' time in band, %. */
  timeInBandPct: number;
  peak: number;
  /** Mean of the reps' means. */
  mean: number;
  /** Least-squares slope of the per-rep mean across the set's reps, unit per rep; null below MIN_REPS_FOR_TREND. */
  meanTrendPerRep: number | null;
  /** The same for the per-rep peak. */
  peakTrendPerRep: number | null;
}

export interface ExerciseScore {
  unit: TargetUnit;
  sets: SetScore[];
  repsAchieved: number;
  repsTotal: number;
  /** Fatigue trend across every rep in order, unit per rep (negative: the level fell). */
  meanTrendPerRep: number | null;
  peakTrendPerRep: number | null;
}

/** Least-squares slope of values against 0, 1, 2, …; null for fewer than MIN_REPS_FOR_TREND finite values. */
export function trendPerRep(values: readonly number[]): number | null {
  const n = values.length;
  if (n < MIN_REPS_FOR_TREND || values.some((v) => !Number.isFinite(v))) return null;
  const xMean = (n - 1) / 2;
  let yMean = 0;
  for (const v of values) yMean += v;
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = i - xMean;
    sxy += dx * (values[i]! - yMean);
    sxx += dx * dx;
  }
  return sxy / sxx;
}

function meanOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function scoreSet(set: number, reps: RepScore[]): SetScore {
  return {
    set,
    reps,
    repsAchieved: reps.filter((r) => r.holdAchieved).length,
    timeInBandPct: meanOf(reps.map((r) => r.timeInBandPct)),
    peak: reps.reduce((m, r) => Math.max(m, r.peak), 0),
    mean: meanOf(reps.map((r) => r.mean)),
    meanTrendPerRep: trendPerRep(reps.map((r) => r.mean)),
    peakTrendPerRep: trendPerRep(reps.map((r) => r.peak)),
  };
}

export function scoreExercise(unit: TargetUnit, sets: SetScore[]): ExerciseScore {
  const reps = sets.flatMap((s) => s.reps);
  return {
    unit,
    sets,
    repsAchieved: reps.filter((r) => r.holdAchieved).length,
    repsTotal: reps.length,
    meanTrendPerRep: trendPerRep(reps.map((r) => r.mean)),
    peakTrendPerRep: trendPerRep(reps.map((r) => r.peak)),
  };
}

/**
 * Running sums for one rep. Samples of a dropout go to a pending tally: merged back when the
 * level returns (or the hold completes during the dropout), dropped when the dropout ends the
 * hold, so a failed hold is scored up to the moment the level left the band.
 */
export class RepAccumulator {
  private peak = 0;
  private samples = 0;
  private sum = 0;
  private inBand = 0;
  private pendingSamples = 0;
  private pendingSum = 0;

  reset(): void {
    this.peak = 0;
    this.samples = 0;
    this.sum = 0;
    this.inBand = 0;
    this.pendingSamples = 0;
    this.pendingSum = 0;
  }

  /** Any sample of the contraction (before or during the hold): only the peak. */
  notePeak(level: number): void {
    if (level > this.peak) this.peak = level;
  }

  addHold(level: number, inBand: boolean): void {
    this.samples++;
    this.sum += level;
    if (inBand) this.inBand++;
  }

  addDropout(level: number): void {
    this.pendingSamples++;
    this.pendingSum += level;
  }

  keepDropout(): void {
    this.samples += this.pendingSamples;
    this.sum += this.pendingSum;
    this.pendingSamples = 0;
    this.pendingSum = 0;
  }

  dropDropout(): void {
    this.pendingSamples = 0;
    this.pendingSum = 0;
  }

  score(fields: Omit<RepScore, 'timeInBandPct' | 'peak' | 'mean'>): RepScore {
    const samples = this.samples;
    return {
      ...fields,
      timeInBandPct: samples > 0 ? (100 * this.inBand) / samples : 0,
      peak: this.peak,
      mean: samples > 0 ? this.sum / samples : 0,
    };
  }
}
