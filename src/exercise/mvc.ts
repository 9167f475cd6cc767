// MVC of one effort: the highest mean of the envelope over a short window (500 ms), as in
// clinical.md "Normalisation and targets" ("MVC = highest mean over a short window (e.g. 500 ms)
// of the envelope"). A running sum makes it O(n) in the effort's length.

/** Window of the MVC mean (clinical.md, "Normalisation and targets"). */
export const MVC_WINDOW_MS = 500;

/** A window length in whole samples (at least one). */
export function windowSamplesFor(windowMs: number, sampleRateHz: number): number {
  return Math.max(1, Math.round((windowMs * sampleRateHz) / 1000));
}

export interface WindowMean {
  /** Mean over the window, in the input's unit (µV for an EMG envelope, N for force). */
  mean: number;
  /** Sample index of the window's first sample. */
  startIndex: number;
}

/**
 * Streaming highest windowed mean: push samples one at a time with their sample index. The
 * window holds consecutive valid samples only: a non-finite sample (a gap the caller marked NaN)
 * empties it, so a mean never spans missing data.
 */
export class HighestWindowMean {
  readonly windowSamples: number;
  private readonly ring: Float64Array;
  private position = 0;
  private fill = 0;
  private sum = 0;
  private bestMean = -Infinity;
  private bestStart = 0;

  constructor(windowSamples: number) {
    if (!Number.isInteger(windowSamples) || windowSamples < 1) {
      throw new RangeError(`HighestWindowMean: window must be a positive whole number of samples, got ${windowSamples}`);
    }
    this.windowSamples = windowSamples;
    this.ring = new Float64Array(windowSamples);
  }

  push(x: number, index: number): void {
    if (!Number.isFinite(x)) {
      this.fill = 0;
      this.sum = 0;
      this.position = 0;
      return;
    }
    const ring = this.ring;
    const full = this.fill === ring.length;
    let sum = this.sum + x - (full ? ring[this.position]! : 0);
    ring[this.position] = x;
    this.position++;
    if (!full) this.fill++;
    if (this.position === ring.length) {
      // Recompute at each wrap so rounding in the running sum cannot accumulate (same reason as
      // MovingRms in src/signal/envelope.ts).
      this.position = 0;
      sum = 0;
      for (let i = 0; i < ring.length; i++) sum += ring[i]!;
    }
    this.sum = sum;
    if (this.fill === ring.length) {
      const mean = sum / ring.length;
      if (mean > this.bestMean) {
        this.bestMean = mean;
        this.bestStart = index - ring.length + 1;
      }
    }
  }

  /** The highest full-window mean so far, or null before one full window of valid samples. */
  best(): WindowMean | null {
    return this.bestMean === -Infinity ? null : { mean: this.bestMean, startIndex: this.bestStart };
  }

  reset(): void {
    this.ring.fill(0);
    this.position = 0;
    this.fill = 0;
    this.sum = 0;
    this.bestMean = -Infinity;
    this.bestStart = 0;
  }
}

/** Batch form over values[0..n): the same code as the streaming tracker, so the two agree. */
export function highestWindowMean(values: ArrayLike<number>, windowSamples: number, n: number = values.length): WindowMean | null {
  const tracker = new HighestWindowMean(windowSamples);
  for (let i = 0; i < n; i++) tracker.push(values[i]!, i);
  return tracker.best();
}
