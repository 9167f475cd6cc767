// MVC calibration as a state machine in sample time: per trial a countdown, a maximal effort and
// a rest; the MVC of a trial is the highest 500 ms mean of the envelope during its effort
// (clinical.md, "Normalisation and targets": "typically 3 × 5 s maximal efforts with rest
// between; MVC = highest mean over a short window (e.g. 500 ms) of the envelope"). Run once per
// muscle and side. The UI turns the events into the countdown, "Push!" and "Rest" screens.

import { HighestWindowMean, MVC_WINDOW_MS, windowSamplesFor } from './mvc.ts';

/** 3 × 5 s efforts (clinical.md, "Normalisation and targets"). */
export const DEFAULT_TRIALS = 3;
export const DEFAULT_EFFORT_S = 5;
/**
 * Rest between efforts. clinical.md ("Fatigue") notes that the EMG spectrum's fatigue shift
 * recovers within about a minute, so a minute of rest keeps one effort from tiring the next.
 */
export const DEFAULT_REST_S = 60;
/** "Ready, 3…2…1": the same three-count the hold cue uses. */
export const DEFAULT_COUNTDOWN_S = 3;
/**
 * Suggest repeating when the lowest trial is more than 15 % below the highest. A rule of thumb
 * from the issue, not a published criterion: the UI must say so.
 */
export const REPEAT_SUGGESTION_RATIO = 0.85;

export type CalibrationUnit = 'uV' | 'N';
export type CalibrationPhase = 'idle' | 'countdown' | 'effort' | 'rest' | 'done';

export interface CalibrationOptions {
  sampleRateHz: number;
  /** uV for an EMG envelope, N for a force signal. Default uV. */
  unit?: CalibrationUnit;
  trials?: number;
  effortS?: number;
  restS?: number;
  countdownS?: number;
  windowMs?: number;
}

export interface TrialResult {
  /** 1-based. */
  trial: number;
  /** Highest window mean in `unit`, or null when no full window of valid samples was seen. */
  mvc: number | null;
  /** First sample of the winning window. */
  windowStartIndex: number | null;
  effortStartIndex: number;
  /** Exclusive. */
  effortEndIndex: number;
}

export interface CalibrationResult {
  unit: CalibrationUnit;
  windowMs: number;
  trials: TrialResult[];
  /** Highest trial MVC, or null when no trial produced one. */
  mvc: number | null;
  /** Lowest valid trial ÷ highest (1 when all agree), null when no trial produced a value. */
  lowestToHighest: number | null;
  /** True when a trial is missing or the lowest is below REPEAT_SUGGESTION_RATIO × highest. */
  suggestRepeat: boolean;
}

export type CalibrationEvent =
  | { type: 'phase'; index: number; from: CalibrationPhase; to: CalibrationPhase; trial: number }
  | { type: 'countdown'; index: number; trial: number; secondsLeft: number }
  | { type: 'trial-complete'; index: number; result: TrialResult }
  | { type: 'calibration-complete'; index: number; result: CalibrationResult };

export interface CalibrationSnapshot {
  phase: CalibrationPhase;
  /** 1-based trial in progress (0 before the start). */
  trial: number;
  /** Samples left in the current phase (0 when idle or done). */
  samplesLeft: number;
  /** Highest window mean of the current effort so far (null outside an effort or before one window). */
  currentBest: number | null;
  trials: readonly TrialResult[];
}

/** Combines trial results: MVC is the highest, with the repeat suggestion. */
export function summariseTrials(trials: TrialResult[], unit: CalibrationUnit, windowMs: number = MVC_WINDOW_MS): CalibrationResult {
  let highest = -Infinity;
  let lowest = Infinity;
  let missing = false;
  for (const t of trials) {
    if (t.mvc === null) {
      missing = true;
      continue;
    }
    highest = Math.max(highest, t.mvc);
    lowest = Math.min(lowest, t.mvc);
  }
  const any = highest > -Infinity;
  const ratio = any && highest > 0 ? lowest / highest : any ? 1 : null;
  return {
    unit,
    windowMs,
    trials: trials.map((t) => ({ ...t })),
    mvc: any ? highest : null,
    lowestToHighest: ratio,
    suggestRepeat: missing || trials.length === 0 || (ratio !== null && ratio < REPEAT_SUGGESTION_RATIO),
  };
}

function positive(name: string, x: number, allowZero = false): number {
  if (!Number.isFinite(x) || x < 0 || (!allowZero && x === 0)) {
    throw new RangeError(`createCalibration: ${name} must be ${allowZero ? '≥ 0' : '> 0'}, got ${x}`);
  }
  return x;
}

export class Calibration {
  readonly sampleRateHz: number;
  readonly unit: CalibrationUnit;
  readonly trialCount: number;
  readonly windowMs: number;
  private readonly effortSamples: number;
  private readonly restSamples: number;
  private readonly countdownSamples: number;
  private readonly countdownS: number;
  private readonly tracker: HighestWindowMean;
  private readonly events: CalibrationEvent[] = [];
  private readonly trials: TrialResult[] = [];
  private phaseNow: CalibrationPhase = 'idle';
  private trial = 0;
  private phaseEndIndex = 0;
  private phaseStartIndex = 0;
  private nextCount = 0;
  private nextIndex: number | null = null;
  private finalResult: CalibrationResult | null = null;

  constructor(options: CalibrationOptions) {
    this.sampleRateHz = positive('sampleRateHz', options.sampleRateHz);
    this.unit = options.unit ?? 'uV';
    this.trialCount = options.trials ?? DEFAULT_TRIALS;
    if (!Number.isInteger(this.trialCount) || this.trialCount < 1) {
      throw new RangeError(`createCalibration: trials must be a whole number ≥ 1, got ${this.trialCount}`);
    }
    this.windowMs = positive('windowMs', options.windowMs ?? MVC_WINDOW_MS);
    const effortS = positive('effortS', options.effortS ?? DEFAULT_EFFORT_S);
    if (effortS * 1000 < this.windowMs) {
      throw new RangeError(`createCalibration: an effort (${effortS} s) must last at least one ${this.windowMs} ms window`);
    }
    this.countdownS = positive('countdownS', options.countdownS ?? DEFAULT_COUNTDOWN_S, true);
    const fs = this.sampleRateHz;
    this.effortSamples = Math.round(effortS * fs);
    this.restSamples = Math.round(positive('restS', options.restS ?? DEFAULT_REST_S, true) * fs);
    this.countdownSamples = Math.round(this.countdownS * fs);
    this.tracker = new HighestWindowMean(windowSamplesFor(this.windowMs, fs));
  }

  get phase(): CalibrationPhase {
    return this.phaseNow;
  }

  /** The result once every trial is done, else null. */
  get result(): CalibrationResult | null {
    return this.finalResult;
  }

  snapshot(atIndex: number = this.nextIndex ?? 0): CalibrationSnapshot {
    const active = this.phaseNow !== 'idle' && this.phaseNow !== 'done';
    return {
      phase: this.phaseNow,
      trial: this.trial,
      samplesLeft: active ? Math.max(0, this.phaseEndIndex - atIndex) : 0,
      currentBest: this.phaseNow === 'effort' ? (this.tracker.best()?.mean ?? null) : null,
      trials: this.trials,
    };
  }

  /**
   * Feeds values[0..n) (envelope µV or force N), the first at sample index startIndex. Blocks
   * must not overlap; a gap between blocks counts as elapsed time and breaks the MVC window, as
   * does a NaN sample. Returns the events of this block in sample order; the array is reused by
   * the next call.
   */
  process(values: ArrayLike<number>, n: number, startIndex: number): CalibrationEvent[] {
    const events = this.events;
    events.length = 0;
    if (this.nextIndex !== null && startIndex < this.nextIndex) {
      throw new RangeError(`Calibration.process: block starts at ${startIndex}, before the next expected sample ${this.nextIndex}`);
    }
    // Samples lost between blocks: an MVC window must not span them.
    if (this.nextIndex !== null && startIndex > this.nextIndex) this.tracker.push(NaN, startIndex - 1);
    for (let i = 0; i < n; i++) {
      const index = startIndex + i;
      this.advanceTo(index);
      if (this.phaseNow === 'effort') this.tracker.push(values[i]!, index);
    }
    if (n > 0) this.nextIndex = startIndex + n;
    return events;
  }

  /** Phase changes due at `index` (several when a phase has zero length). */
  private advanceTo(index: number): void {
    if (this.phaseNow === 'idle') this.startTrial(index);
    while (this.phaseNow !== 'done' && index >= this.phaseEndIndex) this.endPhase(this.phaseEndIndex);
    if (this.phaseNow === 'countdown') {
      const left = this.phaseEndIndex - index;
      while (this.nextCount >= 1 && left <= Math.round(this.nextCount * this.sampleRateHz)) {
        this.events.push({ type: 'countdown', index, trial: this.trial, secondsLeft: this.nextCount });
        this.nextCount--;
      }
    }
  }

  private enter(to: CalibrationPhase, index: number, samples: number): void {
    this.events.push({ type: 'phase', index, from: this.phaseNow, to, trial: this.trial });
    this.phaseNow = to;
    this.phaseStartIndex = index;
    this.phaseEndIndex = index + samples;
  }

  private startTrial(index: number): void {
    this.trial++;
    this.nextCount = Math.ceil(this.countdownS);
    this.enter('countdown', index, this.countdownSamples);
  }

  private endPhase(index: number): void {
    switch (this.phaseNow) {
      case 'countdown':
        this.tracker.reset();
        this.enter('effort', index, this.effortSamples);
        return;
      case 'effort': {
        const best = this.tracker.best();
        const result: TrialResult = {
          trial: this.trial,
          mvc: best?.mean ?? null,
          windowStartIndex: best?.startIndex ?? null,
          effortStartIndex: this.phaseStartIndex,
          effortEndIndex: index,
        };
        this.trials.push(result);
        this.events.push({ type: 'trial-complete', index, result: { ...result } });
        if (this.trial < this.trialCount) {
          this.enter('rest', index, this.restSamples);
        } else {
          this.finalResult = summariseTrials(this.trials, this.unit, this.windowMs);
          this.enter('done', index, 0);
          this.events.push({ type: 'calibration-complete', index, result: this.finalResult });
        }
        return;
      }
      case 'rest':
        this.startTrial(index);
        return;
      default:
        return;
    }
  }
}

export function createCalibration(options: CalibrationOptions): Calibration {
  return new Calibration(options);
}
