// The rep/hold engine: one exercise (sets × reps of contract-hold-relax) as a state machine in
// sample time. Feed it the target quantity per sample (%MVC for EMG, N for force) in blocks of
// any size; it returns typed events stamped with the sample index at which they happen, so a cue
// fires within the block that contains its crossing, and any block size gives the same events.
//
// Phases: idle → waiting-for-contraction → contracting → holding → relaxing → (next rep) … →
// set-rest → … → done. Cues for the UI: "Squeeze" = phase to waiting-for-contraction;
// "Hold 3…2…1" = hold-countdown; "Relax" = relax; "Well done" = rep-complete with the hold
// achieved, set-complete, session-complete.

import { bandThresholds, type BandThresholds, type ThresholdOverrides } from './band-thresholds.ts';
import { validateExercise, type Exercise, type TargetUnit } from './program.ts';
import { RepAccumulator, scoreExercise, scoreSet, type ExerciseScore, type RepScore, type SetScore } from './scoring.ts';

/**
 * A dip below the leave level shorter than this does not end a hold. Envelope ripple alone dips
 * below it: on the demo sensor's quad sets held at ~56 %MVC (a 55–65 band, leave level 50) the
 * longest such dip was 167 ms (band-thresholds.test.ts, seeds 1–3). A patient who sees the bar
 * drop also needs a simple visual reaction time, about a quarter of a second, to push back.
 * 300 ms covers both; a longer dip is a real let-go.
 */
export const DEFAULT_DROPOUT_TOLERANCE_MS = 300;
/** "Hold 3…2…1": the countdown starts three seconds before the hold ends (shorter holds count from their whole seconds). */
export const HOLD_COUNTDOWN_FROM_S = 3;

export type EnginePhase = 'idle' | 'waiting-for-contraction' | 'contracting' | 'holding' | 'relaxing' | 'set-rest' | 'done';

/** Every event carries `index`: the sample index at which it happens. */
export type EngineEvent =
  | { type: 'phase'; index: number; from: EnginePhase; to: EnginePhase; set: number; rep: number }
  | { type: 'enter-band'; index: number }
  | { type: 'leave-band'; index: number }
  | { type: 'over-band'; index: number }
  | { type: 'back-in-band'; index: number }
  | { type: 'hold-countdown'; index: number; secondsLeft: number }
  | { type: 'hold-complete'; index: number }
  | { type: 'hold-failed'; index: number }
  | { type: 'rep-complete'; index: number; score: RepScore }
  | { type: 'relax'; index: number }
  | { type: 'relaxed'; index: number }
  | { type: 'set-complete'; index: number; score: SetScore }
  | { type: 'session-complete'; index: number; score: ExerciseScore };

export interface RepEngineOptions extends ThresholdOverrides {
  sampleRateHz: number;
  dropoutToleranceMs?: number;
}

export interface EngineSnapshot {
  phase: EnginePhase;
  /** 1-based set and rep in progress. */
  set: number;
  rep: number;
  unit: TargetUnit;
  /** Last valid level seen (NaN before any). */
  level: number;
  /** Level inside [low, high]. */
  inBand: boolean;
  /** Seconds held in the current hold (0 outside a hold). */
  heldS: number;
  /** Seconds left in a timed phase (hold, relax after the level fell, set rest), else 0. */
  secondsLeft: number;
  repsAchieved: number;
  repsDone: number;
}

export class RepEngine {
  readonly exercise: Readonly<Exercise>;
  readonly sampleRateHz: number;
  readonly thresholds: Readonly<BandThresholds>;
  private readonly holdSamples: number;
  private readonly relaxSamples: number;
  private readonly setRestSamples: number;
  private readonly toleranceSamples: number;
  private readonly events: EngineEvent[] = [];
  private readonly acc = new RepAccumulator();
  private readonly setReps: RepScore[] = [];
  private readonly sets: SetScore[] = [];
  private phaseNow: EnginePhase = 'idle';
  private set = 1;
  private rep = 1;
  private level = NaN;
  private contractionStart = 0;
  private holdStart = 0;
  /** Start of the current dip below the leave level, or −1 when in band. */
  private dropoutStart = -1;
  private over = false;
  private nextCount = 0;
  /** When the relax or set-rest timer ends (−1: the level has not fallen below relax yet). */
  private timerEnd = -1;
  private nextIndex: number | null = null;
  private repsAchieved = 0;
  private repsDone = 0;

  constructor(exercise: Exercise, options: RepEngineOptions) {
    const checked = validateExercise(exercise);
    if (!checked.ok) throw new RangeError(`createRepEngine: ${checked.errors.map((e) => e.message).join('; ')}`);
    const fs = options.sampleRateHz;
    if (!(Number.isFinite(fs) && fs > 0)) throw new RangeError(`createRepEngine: sampleRateHz must be > 0, got ${fs}`);
    const toleranceMs = options.dropoutToleranceMs ?? DEFAULT_DROPOUT_TOLERANCE_MS;
    if (!(toleranceMs >= 0 && Number.isFinite(toleranceMs))) throw new RangeError(`createRepEngine: dropoutToleranceMs must be ≥ 0, got ${toleranceMs}`);
    this.exercise = checked.value;
    this.sampleRateHz = fs;
    this.thresholds = bandThresholds(checked.value.target, options);
    this.holdSamples = Math.max(1, Math.round(checked.value.holdS * fs));
    this.relaxSamples = Math.round(checked.value.relaxS * fs);
    this.setRestSamples = Math.round(checked.value.restBetweenSetsS * fs);
    this.toleranceSamples = Math.round((toleranceMs * fs) / 1000);
  }

  get phase(): EnginePhase {
    return this.phaseNow;
  }

  snapshot(): EngineSnapshot {
    const at = this.nextIndex ?? 0;
    const t = this.thresholds;
    let secondsLeft = 0;
    if (this.phaseNow === 'holding') secondsLeft = (this.holdStart + this.holdSamples - at) / this.sampleRateHz;
    else if (this.timerEnd >= 0) secondsLeft = (this.timerEnd - at) / this.sampleRateHz;
    return {
      phase: this.phaseNow,
      set: this.set,
      rep: this.rep,
      unit: this.exercise.target.unit,
      level: this.level,
      inBand: this.level >= t.low && this.level <= t.high,
      heldS: this.phaseNow === 'holding' ? (at - this.holdStart) / this.sampleRateHz : 0,
      secondsLeft: Math.max(0, secondsLeft),
      repsAchieved: this.repsAchieved,
      repsDone: this.repsDone,
    };
  }

  /**
   * Feeds levels[0..n), the first at sample index startIndex (blocks must not overlap; a gap is
   * allowed and counts as elapsed time). A non-finite level (a gap marked NaN) changes no
   * level-driven state and is not scored. Returns this block's events in sample order; the
   * array is reused by the next call, so copy what you keep.
   */
  process(levels: ArrayLike<number>, n: number, startIndex: number): EngineEvent[] {
    const events = this.events;
    events.length = 0;
    if (this.nextIndex !== null && startIndex < this.nextIndex) {
      throw new RangeError(`RepEngine.process: block starts at ${startIndex}, before the next expected sample ${this.nextIndex}`);
    }
    for (let i = 0; i < n; i++) this.step(levels[i]!, startIndex + i);
    if (n > 0) this.nextIndex = startIndex + n;
    return events;
  }

  private step(x: number, index: number): void {
    const valid = Number.isFinite(x);
    if (valid) this.level = x;
    const t = this.thresholds;
    // A sample can move the machine through several phases (a relaxed level ends the relax
    // timer and starts the next rep in one go); each pass handles one phase.
    for (;;) {
      switch (this.phaseNow) {
        case 'idle':
          this.enter('waiting-for-contraction', index);
          continue;
        case 'waiting-for-contraction':
          if (!valid || x < t.relax) return;
          this.acc.reset();
          this.contractionStart = index;
          this.enter('contracting', index);
          continue;
        case 'contracting':
          if (!valid) return;
          if (x < t.relax) {
            this.enter('waiting-for-contraction', index);
            return;
          }
          this.acc.notePeak(x);
          if (x < t.low) return;
          this.startHold(index);
          continue;
        case 'holding':
          if (this.stepHold(x, valid, index)) continue;
          return;
        case 'relaxing':
          if (this.timerEnd < 0) {
            if (!valid || x >= t.relax) return;
            this.timerEnd = index + (this.rep < this.exercise.reps ? this.relaxSamples : 0);
            this.events.push({ type: 'relaxed', index });
          }
          if (index < this.timerEnd) return;
          this.endRelax(index);
          continue;
        case 'set-rest':
          if (index < this.timerEnd) return;
          this.timerEnd = -1;
          this.set++;
          this.rep = 1;
          this.enter('waiting-for-contraction', index);
          continue;
        case 'done':
          return;
      }
    }
  }

  private startHold(index: number): void {
    this.holdStart = index;
    this.dropoutStart = -1;
    this.over = false;
    this.nextCount = Math.min(HOLD_COUNTDOWN_FROM_S, Math.floor(this.exercise.holdS));
    this.events.push({ type: 'enter-band', index });
    this.enter('holding', index);
  }

  /** One sample of a hold; true when the hold ended and the sample belongs to the next phase. */
  private stepHold(x: number, valid: boolean, index: number): boolean {
    const t = this.thresholds;
    const acc = this.acc;
    if (index - this.holdStart >= this.holdSamples) {
      // The hold is complete even mid-dip: the dip has not outlasted the tolerance yet.
      acc.keepDropout();
      this.events.push({ type: 'hold-complete', index });
      this.endRep(index, true, index);
      return true;
    }
    if (this.dropoutStart >= 0 && index - this.dropoutStart >= this.toleranceSamples) {
      acc.dropDropout();
      this.events.push({ type: 'hold-failed', index });
      this.endRep(index, false, this.dropoutStart);
      return true;
    }
    if (valid) {
      acc.notePeak(x);
      if (this.dropoutStart >= 0) {
        if (x >= t.low) {
          this.dropoutStart = -1;
          acc.keepDropout();
          acc.addHold(x, x <= t.high);
          this.events.push({ type: 'enter-band', index });
        } else {
          acc.addDropout(x);
        }
      } else if (x < t.leave) {
        this.dropoutStart = index;
        this.over = false;
        acc.addDropout(x);
        this.events.push({ type: 'leave-band', index });
      } else {
        acc.addHold(x, x >= t.low && x <= t.high);
        if (!this.over && x > t.over) {
          this.over = true;
          this.events.push({ type: 'over-band', index });
        } else if (this.over && x <= t.high) {
          this.over = false;
          this.events.push({ type: 'back-in-band', index });
        }
      }
    }
    const left = this.holdStart + this.holdSamples - index;
    while (this.nextCount >= 1 && left <= Math.round(this.nextCount * this.sampleRateHz)) {
      this.events.push({ type: 'hold-countdown', index, secondsLeft: this.nextCount });
      this.nextCount--;
    }
    return false;
  }

  private endRep(index: number, achieved: boolean, holdEndIndex: number): void {
    const score = this.acc.score({
      set: this.set,
      rep: this.rep,
      unit: this.exercise.target.unit,
      holdAchieved: achieved,
      heldS: (holdEndIndex - this.holdStart) / this.sampleRateHz,
      contractionStartIndex: this.contractionStart,
      holdStartIndex: this.holdStart,
      holdEndIndex,
    });
    this.setReps.push(score);
    this.repsDone++;
    if (achieved) this.repsAchieved++;
    this.dropoutStart = -1;
    this.events.push({ type: 'rep-complete', index, score });
    this.timerEnd = -1;
    this.enter('relaxing', index);
    this.events.push({ type: 'relax', index });
  }

  private endRelax(index: number): void {
    if (this.rep < this.exercise.reps) {
      this.timerEnd = -1;
      this.rep++;
      this.enter('waiting-for-contraction', index);
      return;
    }
    const setScore = scoreSet(this.set, this.setReps.splice(0));
    this.sets.push(setScore);
    this.events.push({ type: 'set-complete', index, score: setScore });
    if (this.set < this.exercise.sets) {
      this.timerEnd = index + this.setRestSamples;
      this.enter('set-rest', index);
      return;
    }
    this.timerEnd = -1;
    this.enter('done', index);
    this.events.push({ type: 'session-complete', index, score: scoreExercise(this.exercise.target.unit, this.sets) });
  }

  private enter(to: EnginePhase, index: number): void {
    this.events.push({ type: 'phase', index, from: this.phaseNow, to, set: this.set, rep: this.rep });
    this.phaseNow = to;
  }
}

export function createRepEngine(exercise: Exercise, options: RepEngineOptions): RepEngine {
  return new RepEngine(exercise, options);
}
