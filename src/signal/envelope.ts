// EMG amplitude envelopes, streaming and causal (shared/reference/clinical.md, "Envelope"):
// moving RMS over a window, or the linear envelope (full-wave rectification then a Butterworth
// low-pass; Winter, Biomechanics and Motor Control of Human Movement, 4th ed., 2009, EMG chapter).

import { butterworthSos } from './butterworth.ts';
import { checkBlock, SosFilter } from './sos-filter.ts';

/**
 * Order of the linear envelope's low-pass: second order, as NeuroKit2 `emg_amplitude`'s 8 Hz
 * low-pass (shared/reference/clinical.md, offline reference chains) and Winter's linear envelope.
 */
export const LINEAR_ENVELOPE_ORDER = 2;

/**
 * Root mean square of the last `windowSamples` inputs, with zeros before the first sample (the
 * output equals sqrt(convolve(x², ones(W)/W)[:n]), the form the numpy fixture uses).
 *
 * The window sum is kept as a running Float64 sum (add the newest square, subtract the one
 * leaving). Each update rounds, and a loud burst followed by quiet would leave the burst's
 * rounding residue in the sum (a 1e9× louder burst leaves a residue above the quiet signal's
 * power); so every time the ring wraps, the sum is recomputed from the ring exactly. That costs
 * one extra addition per sample on average, stops drift accumulating, and clears any residue at
 * most one window after the sample that caused it has left the window.
 */
export class MovingRms {
  readonly windowSamples: number;
  private readonly squares: Float64Array;
  private position = 0;
  private sum = 0;

  constructor(windowSamples: number) {
    if (!Number.isInteger(windowSamples) || windowSamples < 1) {
      throw new RangeError(`MovingRms: window must be a positive whole number of samples, got ${windowSamples}`);
    }
    this.windowSamples = windowSamples;
    this.squares = new Float64Array(windowSamples);
  }

  step(x: number): number {
    const square = x * x;
    const ring = this.squares;
    let sum = this.sum + square - ring[this.position]!;
    ring[this.position] = square;
    this.position++;
    if (this.position === ring.length) {
      this.position = 0;
      sum = 0;
      for (let i = 0; i < ring.length; i++) sum += ring[i]!;
    }
    this.sum = sum;
    // Rounding can leave a tiny negative sum after silence; the true value is ≥ 0.
    return sum > 0 ? Math.sqrt(sum / ring.length) : 0;
  }

  process(x: ArrayLike<number>, out: Float64Array | Float32Array, n: number = x.length): void {
    checkBlock('MovingRms', x, out, n);
    for (let i = 0; i < n; i++) out[i] = this.step(x[i]!);
  }

  reset(): void {
    this.squares.fill(0);
    this.position = 0;
    this.sum = 0;
  }
}

/**
 * Full-wave rectification followed by a Butterworth low-pass of LINEAR_ENVELOPE_ORDER at
 * `cutoffHz`: equal to sosfilt(butter(2, cutoffHz, fs=fs, output='sos'), abs(x)).
 */
export class LinearEnvelope {
  readonly cutoffHz: number;
  private readonly lowPass: SosFilter;

  constructor(cutoffHz: number, sampleRateHz: number) {
    this.cutoffHz = cutoffHz;
    this.lowPass = new SosFilter(butterworthSos(LINEAR_ENVELOPE_ORDER, 'lowpass', cutoffHz, sampleRateHz));
  }

  step(x: number): number {
    return this.lowPass.step(Math.abs(x));
  }

  process(x: ArrayLike<number>, out: Float64Array | Float32Array, n: number = x.length): void {
    checkBlock('LinearEnvelope', x, out, n);
    for (let i = 0; i < n; i++) out[i] = this.lowPass.step(Math.abs(x[i]!));
  }

  reset(): void {
    this.lowPass.reset();
  }
}
