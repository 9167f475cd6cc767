// Seeded pseudo-random numbers for the reference peripheral. Every random draw in the simulator
// comes from here so that the same seed and configuration always give the same bytes, in Node and
// in the browser alike (project rule: no Math.random()).

/**
 * Mixes a seed and a stream number into a new 32-bit seed (the "splitmix32"-style finaliser:
 * multiply-xorshift rounds with odd constants). Each signal source draws from its own stream, so
 * switching one source on or off (e.g. motion artefacts) never shifts the numbers another one sees.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const TWO_PI = 2 * Math.PI;
const UINT32_RANGE = 4294967296;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator, public domain): one 32-bit state word, period
 * 2^32, passes gjrand/PractRand far beyond the few million draws a session needs, and is cheap in
 * JavaScript because it uses only Math.imul and shifts. Not cryptographic, by design.
 */
export class Prng {
  private state: number;
  /** Second value of the last Box–Muller pair, returned by the next nextGaussian() call. */
  private spareGaussian = 0;
  private hasSpare = false;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  nextFloat(): number {
    return this.nextUint32() / UINT32_RANGE;
  }

  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.nextFloat();
  }

  /** Uniform integer in [0, n) for n ≤ 2^32. */
  nextInt(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /**
   * Standard normal deviate (mean 0, variance 1) by the Box–Muller transform (Box & Muller 1958,
   * Ann. Math. Stat. 29:610); each pair of uniforms gives two independent normals, the second is
   * kept for the next call. 1 − u keeps the logarithm's argument in (0, 1].
   */
  nextGaussian(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareGaussian;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.nextFloat()));
    const angle = TWO_PI * this.nextFloat();
    this.spareGaussian = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }

  /** Exponentially distributed waiting time with the given mean (inverse-CDF method). */
  nextExponential(mean: number): number {
    return -mean * Math.log(1 - this.nextFloat());
  }
}
