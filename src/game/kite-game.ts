// One round of the kite game, in round time: each step passes the elapsed time and the current
// activation; the kite follows the activation, and time spent with the kite in the target zone —
// the gap between the clouds while squeezing, the ground while relaxing — scores. No timers, no
// clock, no Math.random: the same config and steps always give the same round.

import { resolveKiteConfig, type KiteConfig, type LevelBand, type ResolvedKiteConfig } from './kite-config.ts';
import { followCriticallyDamped, glide, GUST_INTERVAL_S, SeededRandom, type Follower } from './kite-physics.ts';
import { contractZone, groundZone, phaseSpan, skyTop, type KitePhase, type PhaseSpan } from './kite-schedule.ts';

/** Points per second with the kite in the target zone (after the reaction allowance). */
export const POINTS_PER_S = 10;
/** A phase is a "hit" when the kite was in the zone for at least this share of its counted time. */
export const HIT_FRACTION = 0.8;
/** Streak bonus: each hit in a row adds this many points times the streak length, up to STREAK_CAP. */
export const STREAK_BONUS_POINTS = 5;
export const STREAK_CAP = 5;
/**
 * A new cue must hold this long before it replaces the shown one, s: an edge ripple would
 * otherwise flood a screen reader. Longer than the 300 ms dropout tolerance the rep engine uses for
 * the same ripple (src/exercise/rep-engine.ts); phase changes are cued at once.
 */
export const CUE_DWELL_S = 0.5;
/**
 * Longest stretch simulated at once, s: the zone test runs at least this often, so a long frame
 * scores like a run of short ones (a 60 Hz frame is 16.7 ms).
 */
export const MAX_SUBSTEP_S = 0.02;

export type KiteCue = 'ready' | 'too-low' | 'in-zone' | 'too-high' | 'relax' | 'relaxed' | 'over';

export interface KiteStepInput {
  /** Time since the previous step, ms (frame time; ≤ 0 or NaN advances nothing). */
  dtMs: number;
  /** Current activation in the band's unit; NaN (no data) keeps the last valid level. */
  level: number;
}

/** How one contract or relax phase went. */
export interface PhaseResult {
  phase: 'contract' | 'relax';
  /** Time that counted: the phase after its reaction allowance, s. */
  countedS: number;
  /** Counted time with the kite in the zone, s. */
  inZoneS: number;
  /** Points from this phase, streak bonus included. */
  points: number;
  hit: boolean;
}

export type KiteEvent =
  | { type: 'phase-change'; atS: number; from: KitePhase; to: KitePhase; completed: PhaseResult | null }
  | { type: 'hit'; atS: number; phase: 'contract' | 'relax'; streak: number; bonusPoints: number }
  | { type: 'round-over'; atS: number; score: number };

/** Everything the drawing and the text need; read it after `step`. */
export interface KiteState {
  phase: KitePhase;
  elapsedS: number;
  phaseLeftS: number;
  timeLeftS: number;
  /** Kite height, band unit (0 = ground, `skyTop` = top of the sky). */
  kiteLevel: number;
  /** Current target zone, band unit. */
  zone: LevelBand;
  inZone: boolean;
  /** Debounced cue for the text alternative. */
  cue: KiteCue;
  /** Whole points. */
  score: number;
  streak: number;
  /** Gust offset of the gap, −1…1 of the largest gust (0 without gusts). */
  windOffset: number;
}

export class KiteRound {
  readonly config: ResolvedKiteConfig;
  readonly skyTop: number;
  private readonly kite: Follower = { position: 0, velocity: 0 };
  private readonly random: SeededRandom;
  private readonly gustMax: number;
  private readonly events: KiteEvent[] = [];
  private readonly zoneNow: LevelBand;
  private span: PhaseSpan;
  private elapsedS = 0;
  private lastLevel = 0;
  private scoreExact = 0;
  private streak = 0;
  private gustOffset = 0;
  private gustTarget = 0;
  private nextGustS = Infinity;
  private countedS = 0;
  private inZoneS = 0;
  private inZone = false;
  private cue: KiteCue = 'ready';
  private pendingCueS = 0;

  /** Throws a KiteConfigError with a readable reason on a bad config (see resolveKiteConfig). */
  constructor(config: KiteConfig) {
    this.config = resolveKiteConfig(config);
    this.skyTop = skyTop(this.config);
    this.random = new SeededRandom(this.config.seed);
    this.gustMax = this.config.reducedMotion ? 0 : this.config.rules.gustOfBand * (this.config.band.high - this.config.band.low);
    this.span = phaseSpan(this.config, 0);
    this.zoneNow = groundZone(this.config);
    this.inZone = true;
  }

  get over(): boolean {
    return this.span.phase === 'over';
  }

  /**
   * Advances the round by `input.dtMs` with the activation held at `input.level`, and returns the
   * events in order. The returned array is reused by the next step: read it before stepping again.
   */
  step(input: KiteStepInput): readonly KiteEvent[] {
    this.events.length = 0;
    if (Number.isFinite(input.level)) this.lastLevel = input.level;
    const target = Math.min(Math.max(this.lastLevel, 0), this.skyTop);
    let remainingS = input.dtMs > 0 ? input.dtMs / 1000 : 0;
    while (remainingS > 0 && !this.over) {
      const toPhaseEndS = this.span.endS - this.elapsedS;
      const toGustS = this.nextGustS - this.elapsedS;
      const dtS = Math.min(remainingS, toPhaseEndS, toGustS, MAX_SUBSTEP_S);
      this.advance(target, dtS);
      remainingS -= dtS;
      if (dtS === toGustS) this.newGust();
      if (dtS === toPhaseEndS) {
        this.elapsedS = this.span.endS; // exact boundary: no drift over a round of many frames
        this.endPhase();
      }
    }
    return this.events;
  }

  /** Fills `out` (or a new object) with the state to draw and announce. */
  state(out?: KiteState): KiteState {
    const s = out ?? ({ zone: { low: 0, high: 0 } } as KiteState);
    s.phase = this.span.phase;
    s.elapsedS = this.elapsedS;
    s.phaseLeftS = this.over ? 0 : this.span.endS - this.elapsedS;
    s.timeLeftS = Math.max(0, this.config.durationS - this.elapsedS);
    s.kiteLevel = this.kite.position;
    s.zone.low = this.zoneNow.low;
    s.zone.high = this.zoneNow.high;
    s.inZone = this.inZone;
    s.cue = this.cue;
    s.score = this.score;
    s.streak = this.streak;
    s.windOffset = this.gustMax > 0 ? this.gustOffset / this.gustMax : 0;
    return s;
  }

  /** Whole points so far (the small epsilon keeps 9.999999 from showing as 9). */
  get score(): number {
    return Math.floor(this.scoreExact + 1e-9);
  }

  private advance(target: number, dtS: number): void {
    followCriticallyDamped(this.kite, target, dtS);
    if (this.kite.position < 0 || this.kite.position > this.skyTop) {
      this.kite.position = Math.min(Math.max(this.kite.position, 0), this.skyTop);
      this.kite.velocity = 0;
    }
    const phase = this.span.phase;
    if (phase === 'contract') {
      this.gustOffset = glide(this.gustOffset, this.gustTarget, dtS);
      contractZone(this.config, this.gustOffset, this.zoneNow);
    }
    const startS = this.elapsedS;
    this.elapsedS += dtS;
    const level = this.kite.position;
    this.inZone = level >= this.zoneNow.low && level <= this.zoneNow.high;
    if (phase === 'contract' || phase === 'relax') {
      const countFromS = this.span.startS + this.config.rules.reactionS;
      const countedS = this.elapsedS - Math.max(startS, countFromS);
      if (countedS > 0) {
        this.countedS += countedS;
        if (this.inZone) {
          this.inZoneS += countedS;
          this.scoreExact += countedS * POINTS_PER_S;
        }
      }
    }
    this.updateCue(this.rawCue(), dtS);
  }

  /** The cue for this instant, before the dwell. */
  private rawCue(): KiteCue {
    switch (this.span.phase) {
      case 'ready':
        return 'ready';
      case 'over':
        return 'over';
      case 'relax':
        return this.inZone ? 'relaxed' : 'relax';
      case 'contract':
        return this.inZone ? 'in-zone' : this.kite.position < this.zoneNow.low ? 'too-low' : 'too-high';
    }
  }

  private updateCue(raw: KiteCue, dtS: number): void {
    if (raw === this.cue) {
      this.pendingCueS = 0;
      return;
    }
    this.pendingCueS += dtS;
    if (this.pendingCueS >= CUE_DWELL_S) {
      this.cue = raw;
      this.pendingCueS = 0;
    }
  }

  private newGust(): void {
    this.gustTarget = (2 * this.random.next() - 1) * this.gustMax;
    this.nextGustS += GUST_INTERVAL_S;
    if (this.nextGustS >= this.span.endS) this.nextGustS = Infinity;
  }

  private endPhase(): void {
    const from = this.span;
    const completed = from.phase === 'contract' || from.phase === 'relax' ? this.finishPhase(from.phase) : null;
    this.span = phaseSpan(this.config, from.index + 1);
    this.countedS = 0;
    this.inZoneS = 0;
    const to = this.span.phase;
    this.gustOffset = 0;
    this.gustTarget = 0;
    this.nextGustS = to === 'contract' && this.gustMax > 0 ? this.span.startS + GUST_INTERVAL_S : Infinity;
    if (to === 'contract') contractZone(this.config, 0, this.zoneNow);
    else Object.assign(this.zoneNow, groundZone(this.config));
    this.inZone = this.kite.position >= this.zoneNow.low && this.kite.position <= this.zoneNow.high;
    // A new phase is cued at once: "Too low — squeeze" the moment a squeeze is due.
    this.cue = this.rawCue();
    this.pendingCueS = 0;
    this.events.push({ type: 'phase-change', atS: this.elapsedS, from: from.phase, to, completed });
    if (to === 'over') this.events.push({ type: 'round-over', atS: this.elapsedS, score: this.score });
  }

  private finishPhase(phase: 'contract' | 'relax'): PhaseResult {
    const hit = this.countedS > 0 && this.inZoneS >= HIT_FRACTION * this.countedS - 1e-9;
    let bonusPoints = 0;
    if (hit) {
      this.streak += 1;
      bonusPoints = STREAK_BONUS_POINTS * Math.min(this.streak, STREAK_CAP);
      this.scoreExact += bonusPoints;
      this.events.push({ type: 'hit', atS: this.elapsedS, phase, streak: this.streak, bonusPoints });
    } else {
      this.streak = 0;
    }
    return { phase, countedS: this.countedS, inZoneS: this.inZoneS, points: this.inZoneS * POINTS_PER_S + bonusPoints, hit };
  }
}
