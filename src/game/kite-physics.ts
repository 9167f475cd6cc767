// How the kite and the wind move: a critically damped follower for the kite's height, a
// first-order glide for gusts, and a small seeded generator for when gusts blow.

/**
 * The kite's natural frequency, rad/s. A critically damped second-order follower trails a steady
 * ramp by 2/ω and reaches half of a step after 1.68/ω (solve (1 + ωt)e^(−ωt) = ½). At 25 rad/s
 * those are 80 ms and 67 ms, and 90 % of a step after 156 ms: the kite feels like it has mass,
 * never overshoots a held level, and adds less than the 100 ms RMS envelope already delays the
 * signal (clinical.md "Latency of feedback": control is best with ~100–125 ms total delay).
 */
export const KITE_OMEGA_RAD_S = 25;
/** The ramp lag the kite is designed and tested to stay under, ms (stated bound; 2/ω = 80 ms). */
export const KITE_LAG_BOUND_MS = 150;

/** Height and vertical speed of something following a target, in the target's unit (and unit/s). */
export interface Follower {
  position: number;
  velocity: number;
}

/**
 * Advances a critically damped follower x'' = ω²(u − x) − 2ωx' by `dtS` toward a target `u` held
 * constant over the step, with the closed-form solution — exact for any step, so frame jitter or
 * a long frame changes nothing but where the kite is sampled. Mutates `f` (no allocation per frame).
 */
export function followCriticallyDamped(f: Follower, target: number, dtS: number, omegaRadS = KITE_OMEGA_RAD_S): void {
  const error0 = f.position - target;
  const slope = f.velocity + omegaRadS * error0;
  const decay = Math.exp(-omegaRadS * dtS);
  f.position = target + (error0 + slope * dtS) * decay;
  f.velocity = (f.velocity - omegaRadS * slope * dtS) * decay;
}

/**
 * Gusts: the target gap glides toward each new offset with this time constant, s. Slow enough for
 * a patient to track smoothly (the gap takes ~1.4 s to cover 90 % of a move, longer than a visual
 * reaction plus the kite's own rise), fast enough to be felt as wind.
 */
export const GUST_GLIDE_TAU_S = 0.6;
/** A new gust every this many seconds of a contract phase. */
export const GUST_INTERVAL_S = 2;

/** Exact first-order glide of `value` toward `target` over `dtS`. */
export function glide(value: number, target: number, dtS: number, tauS = GUST_GLIDE_TAU_S): number {
  return target + (value - target) * Math.exp(-dtS / tauS);
}

/**
 * Seeded uniform numbers in [0, 1): Marsaglia's xorshift32 (J. Stat. Softw. 8(14), 2003, shifts
 * 13, 17, 5). Plenty for wind; the game must never call Math.random (same seed → same round).
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // xorshift's state must not be zero; any other 32-bit value is a valid seed.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }
}
