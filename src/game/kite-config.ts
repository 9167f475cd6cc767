// What a kite round is set up from — the therapist's target band and rep timing, plus the chosen
// difficulty — and the one place where a bad setup is rejected with a message a person can act on.

export type Difficulty = 'easy' | 'medium' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** Levels in the band's own unit (%MVC for EMG, N for force), as the rep engine uses them. */
export interface LevelBand {
  low: number;
  high: number;
}

export interface KiteConfig {
  band: LevelBand;
  /** Contract (squeeze and hold) time per rep, s. */
  contractS: number;
  /** Relax time between reps, s. */
  relaxS: number;
  /** Round length, s: at most ROUND_MAX_S; the round ends after the last whole contract–relax cycle that fits. */
  roundS: number;
  difficulty: Difficulty;
  /**
   * Top of the ground zone (relaxed), in the band's unit. Default: RELAX_FRACTION_OF_LOW × band.low.
   * Pass `bandThresholds(band).relax` from src/exercise to share the rep engine's relax level.
   */
  relaxBelow?: number;
  /** Seed for the wind gusts (hard and medium); same seed and inputs → same round. */
  seed?: number;
  /** prefers-reduced-motion: no gusts, the target gap stays still. */
  reducedMotion?: boolean;
}

/** The issue asks for rounds of two minutes or less. */
export const ROUND_MAX_S = 120;
/** "Get ready" before the first squeeze: time to settle the leg after pressing Start. */
export const READY_S = 3;
/**
 * Shortest contract or relax phase the game accepts. A phase must outlast the reaction allowance
 * (up to 1 s, below) to leave time that counts; 2 s is the shortest that always does.
 */
export const PHASE_MIN_S = 2;
/**
 * Default ground-zone top as a fraction of the band's low edge: the same proportion as the rep
 * engine's relax threshold (10 %MVC against Luna's 40 %MVC target, src/exercise/band-thresholds.ts).
 */
export const RELAX_FRACTION_OF_LOW = 0.25;

export interface DifficultyRules {
  /** Target gap height as a multiple of the band's width, centred on the band. */
  zoneWidthOfBand: number;
  /** Gusts move the gap's centre up to this multiple of the band's width from the band's centre. */
  gustOfBand: number;
  /**
   * Reaction allowance at the start of each phase, s, in which time does not count. A simple
   * visual reaction takes about 0.25 s (the rep engine's dropout tolerance, src/exercise/rep-engine.ts)
   * and the kite needs ~0.16 s to cover 90 % of a jump (kite-physics.ts): 0.4 s is "hard"; easy
   * allows more than double for slower, older or post-operative patients.
   */
  reactionS: number;
}

/**
 * Easy widens the target beyond the band; medium is the band itself; hard narrows it to 60 % and
 * lets gusts move it — within the band, so no difficulty ever asks for a level outside the
 * therapist's band (0.3 + 0.2 = 0.5 band widths either side of centre).
 */
export const DIFFICULTY_RULES: Readonly<Record<Difficulty, DifficultyRules>> = {
  easy: { zoneWidthOfBand: 1.4, gustOfBand: 0, reactionS: 1 },
  medium: { zoneWidthOfBand: 1, gustOfBand: 0, reactionS: 0.7 },
  hard: { zoneWidthOfBand: 0.6, gustOfBand: 0.2, reactionS: 0.4 },
};

/** A checked config with its defaults filled in. */
export interface ResolvedKiteConfig extends Required<KiteConfig> {
  rules: DifficultyRules;
  /** Whole contract–relax cycles in the round. */
  cycles: number;
  /** Round length actually played, READY_S included, s. */
  durationS: number;
}

/** A setup the game cannot play; `reason` is a sentence for the person who set it up. */
export class KiteConfigError extends RangeError {
  constructor(readonly reason: string) {
    super(`Kite game: ${reason}`);
    this.name = 'KiteConfigError';
  }
}

/** Checks a setup; throws a KiteConfigError naming the field and the allowed range. */
export function resolveKiteConfig(config: KiteConfig): ResolvedKiteConfig {
  const { band, contractS, relaxS, roundS, difficulty } = config;
  const fail = (reason: string): never => {
    throw new KiteConfigError(reason);
  };
  if (!(Number.isFinite(band.low) && Number.isFinite(band.high) && band.low > 0 && band.high > band.low)) {
    fail(`the target band needs 0 < low < high, got ${band.low}–${band.high}`);
  }
  if (!DIFFICULTIES.includes(difficulty)) fail(`difficulty must be easy, medium or hard, got ${String(difficulty)}`);
  if (!(contractS >= PHASE_MIN_S)) fail(`the contract time must be at least ${PHASE_MIN_S} s, got ${contractS}`);
  if (!(relaxS >= PHASE_MIN_S)) fail(`the relax time must be at least ${PHASE_MIN_S} s, got ${relaxS}`);
  if (!(roundS > 0 && roundS <= ROUND_MAX_S)) fail(`a round lasts at most ${ROUND_MAX_S} s, got ${roundS}`);
  const cycles = Math.floor((roundS - READY_S) / (contractS + relaxS));
  if (cycles < 1) fail(`one squeeze (${contractS} s) and rest (${relaxS} s) must fit in a ${roundS} s round after ${READY_S} s to get ready`);
  const relaxBelow = config.relaxBelow ?? RELAX_FRACTION_OF_LOW * band.low;
  if (!(relaxBelow > 0 && relaxBelow < band.low)) fail(`the relaxed level must lie between 0 and the band's low edge (${band.low}), got ${relaxBelow}`);
  return {
    band: { low: band.low, high: band.high },
    contractS,
    relaxS,
    roundS,
    difficulty,
    relaxBelow,
    seed: config.seed ?? 1,
    reducedMotion: config.reducedMotion ?? false,
    rules: DIFFICULTY_RULES[difficulty],
    cycles,
    durationS: READY_S + cycles * (contractS + relaxS),
  };
}
