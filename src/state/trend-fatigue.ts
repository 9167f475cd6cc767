// Fatigue slope of one session for trends: the slope (Hz/s) of the raw EMG's median frequency over
// the session's longest hold. Why the longest hold and not the whole session: the median frequency
// falls with fatigue only during a sustained contraction (clinical.md, Fatigue); over a whole
// session the rests between reps (noise only, and recovery) would mix into the line.
import { fatigueSlopeHzPerS, medianFrequencySeries } from '../signal/spectrum';

/** Median-frequency window, s (clinical.md, Fatigue: 1–1.5 s typical). */
export const FATIGUE_WINDOW_S = 1;
/**
 * A window belongs to a hold when its mean envelope is at least this share of the session's
 * highest window mean: a held contraction sits near its own level, a rest far below it.
 */
export const HOLD_LEVEL_FRACTION = 0.5;
/** Fewer windows than this give no slope worth drawing (two points always fit a line exactly). */
export const MIN_HOLD_WINDOWS = 3;

export interface HoldSpan {
  /** First sample of the hold and its length, in samples (whole windows). */
  start: number;
  length: number;
}

/**
 * The longest run of consecutive windows whose mean envelope is at least HOLD_LEVEL_FRACTION of
 * the highest window mean. A window holding a gap (NaN) ends a run: the spectrum needs contiguous
 * samples. null when no run reaches MIN_HOLD_WINDOWS.
 */
export function longestHold(envelopeUv: ArrayLike<number>, sampleRateHz: number, windowS = FATIGUE_WINDOW_S): HoldSpan | null {
  const windowSamples = Math.round(windowS * sampleRateHz);
  const windows = windowSamples > 0 ? Math.floor(envelopeUv.length / windowSamples) : 0;
  const means = new Float64Array(windows);
  let highest = 0;
  for (let w = 0; w < windows; w++) {
    let sum = 0;
    for (let i = w * windowSamples; i < (w + 1) * windowSamples; i++) sum += envelopeUv[i]!;
    means[w] = sum / windowSamples; // NaN when the window holds a gap
    if (means[w]! > highest) highest = means[w]!;
  }
  if (!(highest > 0)) return null;
  let best: HoldSpan | null = null;
  let runStart = 0;
  for (let w = 0; w <= windows; w++) {
    if (w < windows && means[w]! >= HOLD_LEVEL_FRACTION * highest) continue;
    const run = w - runStart;
    if (run >= MIN_HOLD_WINDOWS && (best === null || run * windowSamples > best.length)) best = { start: runStart * windowSamples, length: run * windowSamples };
    runStart = w + 1;
  }
  return best;
}

/** Median-frequency slope over the longest hold, Hz/s; null without a hold or below 1 kHz sampling. */
export function holdFatigueSlopeHzPerS(rawUv: Float32Array, envelopeUv: ArrayLike<number>, sampleRateHz: number): number | null {
  const hold = longestHold(envelopeUv, sampleRateHz);
  if (!hold) return null;
  const series = medianFrequencySeries(rawUv.subarray(hold.start, hold.start + hold.length), sampleRateHz, FATIGUE_WINDOW_S);
  return series.timeS.length >= MIN_HOLD_WINDOWS ? fatigueSlopeHzPerS(series) : null;
}
