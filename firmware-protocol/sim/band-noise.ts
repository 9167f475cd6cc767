// Band-limited Gaussian noise with unit RMS: white noise through a causal band-pass made of a
// 4th-order Butterworth high-pass and a 4th-order Butterworth low-pass (four biquads, 8 poles — the
// order of the common sEMG band-pass, shared/reference/clinical.md "Surface EMG processing").
// Used for the EMG carrier (20–450 Hz) and for physiological force tremor (8–12 Hz).

import type { Prng } from './prng';

/** Coefficients per biquad section, a0 normalised to 1: b0, b1, b2, a1, a2. */
const COEFFS_PER_SECTION = 5;
const BUTTERWORTH_ORDER = 4;
/**
 * Upper corner clamp for low-rate devices: 0.45·fs (clinical.md, "Clamp the upper corner below
 * Nyquist for low-rate devices"). The bilinear transform needs the corner strictly below fs/2.
 */
const MAX_CORNER_FRACTION_OF_RATE = 0.45;
/** The impulse response counts as decayed once its remaining energy is below this share. */
const IMPULSE_TAIL_ENERGY = 1e-12;

/**
 * Q of each biquad of an even-order Butterworth filter: the analogue poles sit at angles
 * (2k − 1)π/(2N) from the imaginary axis, so Q_k = 1 / (2 sin((2k − 1)π/(2N))).
 * For N = 4: 1.3066 and 0.5412.
 */
function butterworthQs(order: number): number[] {
  const qs: number[] = [];
  for (let k = 1; k <= order / 2; k++) qs.push(1 / (2 * Math.sin(((2 * k - 1) * Math.PI) / (2 * order))));
  return qs;
}

/**
 * One second-order section by the bilinear transform with the corner pre-warped (R. Bristow-Johnson,
 * "Cookbook formulae for audio EQ biquad filter coefficients": LPF and HPF), written into `out`.
 */
function writeSection(out: Float64Array, at: number, kind: 'low' | 'high', cornerHz: number, q: number, rateHz: number): void {
  const w0 = (2 * Math.PI * cornerHz) / rateHz;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  const bEdge = kind === 'low' ? (1 - cos) / 2 : (1 + cos) / 2;
  const bMid = kind === 'low' ? 1 - cos : -(1 + cos);
  out[at] = bEdge / a0;
  out[at + 1] = bMid / a0;
  out[at + 2] = bEdge / a0;
  out[at + 3] = (-2 * cos) / a0;
  out[at + 4] = (1 - alpha) / a0;
}

export interface BandEdges {
  lowHz: number;
  highHz: number;
}

/** The corners actually used at a rate: the upper one clamped to 0.45·fs; rejects an empty band. */
export function bandEdgesFor(sampleRateHz: number, lowHz: number, highHz: number): BandEdges {
  const clampedHighHz = Math.min(highHz, MAX_CORNER_FRACTION_OF_RATE * sampleRateHz);
  if (!(lowHz > 0) || !(clampedHighHz > lowHz)) {
    throw new RangeError(`band ${lowHz}–${highHz} Hz is empty at ${sampleRateHz} Hz (upper corner capped at 0.45·rate)`);
  }
  return { lowHz, highHz: clampedHighHz };
}

/** Biquad cascade (high-pass sections first, then low-pass), 5 coefficients per section. */
export function designBandPass(sampleRateHz: number, edges: BandEdges): Float64Array {
  const qs = butterworthQs(BUTTERWORTH_ORDER);
  const coeffs = new Float64Array(qs.length * 2 * COEFFS_PER_SECTION);
  qs.forEach((q, i) => {
    writeSection(coeffs, i * COEFFS_PER_SECTION, 'high', edges.lowHz, q, sampleRateHz);
    writeSection(coeffs, (qs.length + i) * COEFFS_PER_SECTION, 'low', edges.highHz, q, sampleRateHz);
  });
  return coeffs;
}

/** Runs one sample through the cascade (transposed direct form II, two state words per section). */
function filterSample(coeffs: Float64Array, state: Float64Array, input: number): number {
  let x = input;
  const sections = coeffs.length / COEFFS_PER_SECTION;
  for (let s = 0; s < sections; s++) {
    const c = s * COEFFS_PER_SECTION;
    const z = s * 2;
    const y = coeffs[c]! * x + state[z]!;
    state[z] = coeffs[c + 1]! * x - coeffs[c + 3]! * y + state[z + 1]!;
    state[z + 1] = coeffs[c + 2]! * x - coeffs[c + 4]! * y;
    x = y;
  }
  return x;
}

interface ImpulseEnergy {
  /** Σ h[n]²: the output variance for unit-variance white input (Parseval). */
  energy: number;
  /** Samples until the response has decayed: the start-up transient to discard. */
  settleSamples: number;
}

/**
 * Measures the cascade's impulse-response energy. For white input of variance σ² the output
 * variance is σ²·Σh[n]², so 1/√Σh² is the exact gain that makes the output RMS 1 — derived from
 * the designed filter at this rate, not a tabulated constant.
 */
function impulseEnergy(coeffs: Float64Array, sampleRateHz: number): ImpulseEnergy {
  const state = new Float64Array((coeffs.length / COEFFS_PER_SECTION) * 2);
  const blockSamples = Math.max(16, Math.ceil(sampleRateHz / 10));
  const maxSamples = Math.ceil(sampleRateHz * 60);
  let energy = 0;
  let n = 0;
  for (;;) {
    let blockEnergy = 0;
    for (let i = 0; i < blockSamples; i++, n++) {
      const h = filterSample(coeffs, state, n === 0 ? 1 : 0);
      blockEnergy += h * h;
    }
    energy += blockEnergy;
    if ((blockEnergy <= IMPULSE_TAIL_ENERGY * energy && n > blockSamples) || n >= maxSamples) break;
  }
  return { energy, settleSamples: n };
}

/**
 * Stationary band-limited Gaussian noise with RMS 1. The filter is run over its settling length at
 * construction, so the first sample handed out already has the steady-state variance.
 */
export class BandNoise {
  readonly edges: BandEdges;
  private readonly coeffs: Float64Array;
  private readonly state: Float64Array;
  private readonly gain: number;
  private readonly prng: Prng;

  constructor(prng: Prng, sampleRateHz: number, lowHz: number, highHz: number) {
    this.prng = prng;
    this.edges = bandEdgesFor(sampleRateHz, lowHz, highHz);
    this.coeffs = designBandPass(sampleRateHz, this.edges);
    this.state = new Float64Array((this.coeffs.length / COEFFS_PER_SECTION) * 2);
    const { energy, settleSamples } = impulseEnergy(this.coeffs, sampleRateHz);
    this.gain = 1 / Math.sqrt(energy);
    for (let i = 0; i < settleSamples; i++) this.next();
  }

  next(): number {
    return this.gain * filterSample(this.coeffs, this.state, this.prng.nextGaussian());
  }

  /**
   * Writes `count` samples into out[offset …]: same values as `count` calls of next(), but the
   * block runs through one section at a time with that section's coefficients and state in
   * locals — the hot path of the simulator.
   */
  fill(out: Float64Array, offset: number, count: number): void {
    const end = offset + count;
    for (let i = offset; i < end; i++) out[i] = this.prng.nextGaussian();
    const c = this.coeffs;
    const z = this.state;
    for (let s = 0, k = 0; k < c.length; s += 2, k += COEFFS_PER_SECTION) {
      const b0 = c[k]!;
      const b1 = c[k + 1]!;
      const b2 = c[k + 2]!;
      const a1 = c[k + 3]!;
      const a2 = c[k + 4]!;
      let z0 = z[s]!;
      let z1 = z[s + 1]!;
      for (let i = offset; i < end; i++) {
        const x = out[i]!;
        const y = b0 * x + z0;
        z0 = b1 * x - a1 * y + z1;
        z1 = b2 * x - a2 * y;
        out[i] = y;
      }
      z[s] = z0;
      z[s + 1] = z1;
    }
    const gain = this.gain;
    for (let i = offset; i < end; i++) out[i] = out[i]! * gain;
  }
}
