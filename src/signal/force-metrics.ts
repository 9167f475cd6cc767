// Force–time metrics of one effort: peak, onset, time to peak, rate of force development (RFD)
// over fixed windows from onset, peak RFD and impulse. Input is force in N after force-chain.ts
// (tared, low-passed). RFD figures depend on sample rate, filter cut-off and onset rule (White
// 2024, Sensors 24:4250), so the result carries the settings it was computed with.
//
// Between samples force is taken as linear, so onset and end times are interpolated to sub-sample
// precision and a straight ramp gives its exact slope at any sample rate.

/** Onset = baseline + 2.5 % of baseline-to-peak (Andersen & Aagaard 2006, clinical.md). */
export const DEFAULT_ONSET_FRACTION = 0.025;
/** Without a given baseline, the mean of the first 200 ms (the caller passes the effort with its quiet lead-in). */
export const DEFAULT_BASELINE_MS = 200;
/** RFD windows from onset (clinical.md, Force / dynamometry). */
export const RFD_WINDOWS_MS = { '0-50': 50, '0-100': 100, '0-200': 200 } as const;
/** Peak RFD: steepest slope over a sliding 20 ms window within the first 200 ms after onset. */
export const PEAK_RFD_WINDOW_MS = 20;
export const PEAK_RFD_SPAN_MS = 200;
/**
 * A slope over a window is reported only when the window spans ≥ 10 sample periods. Onset timing is
 * uncertain by about one period (the force between samples is unknown), which then moves a mean
 * slope by ≤ 10 %. This encodes clinical.md's "early RFD (< 75 ms) needs high sample rates; an
 * 80 Hz gauge gives peak force and late RFD only": at 80 Hz (12.5 ms) only 0–200 ms qualifies
 * (0–100 needs ≥ 100 Hz, 0–50 ≥ 200 Hz, the 20 ms peak-RFD window ≥ 500 Hz).
 */
export const MIN_PERIODS_PER_SLOPE = 10;

export type RfdWindow = keyof typeof RFD_WINDOWS_MS;

export interface ForceMetricsOptions {
  onsetFraction?: number;
  baselineN?: number;
}

export interface ForceMetrics {
  /** Highest force, N (absolute, not baseline-subtracted), and where it is. */
  peakN: number;
  peakIndex: number;
  /** From onset to peak, ms. */
  timeToPeakMs: number;
  /** First sample at or above the onset threshold, and the interpolated crossing time (s). */
  onsetIndex: number;
  onsetS: number;
  /** Where force falls back below the onset threshold after the peak (or the end of the data), s. */
  endS: number;
  baselineN: number;
  thresholdN: number;
  /** Mean slope (F(onset + w) − F(onset)) / w, N/s; null when the data after onset is shorter than w or w < 10 periods. */
  rfdNPerS: Record<RfdWindow, number | null>;
  /** Steepest 20 ms slope within 200 ms of onset, N/s; null below 500 Hz. */
  peakRfdNPerS: number | null;
  /** ∫(F − baseline) dt from onset to endS, N·s (trapezoidal on the samples). */
  impulseNs: number;
  settings: { sampleRateHz: number; onsetFraction: number; baseline: 'given' | 'first 200 ms'; peakRfdWindowMs: number };
}

/** Force at fractional sample position t (linear between samples, clamped to the data). */
function forceAt(forceN: ArrayLike<number>, t: number): number {
  const last = forceN.length - 1;
  if (t <= 0) return forceN[0]!;
  if (t >= last) return forceN[last]!;
  const i = Math.floor(t);
  const f = t - i;
  return forceN[i]! + f * (forceN[i + 1]! - forceN[i]!);
}

/** ∫ (F − offset) over fractional sample positions [a, b], in N·samples (trapezoids, exact for linear F). */
function integrate(forceN: ArrayLike<number>, a: number, b: number, offsetN: number): number {
  if (b <= a) return 0;
  let total = 0;
  let t = a;
  let ft = forceAt(forceN, a);
  for (let i = Math.floor(a) + 1; i < b; i++) {
    const fi = forceN[i]!;
    total += ((ft + fi) / 2 - offsetN) * (i - t);
    t = i;
    ft = fi;
  }
  const fb = forceAt(forceN, b);
  return total + ((ft + fb) / 2 - offsetN) * (b - t);
}

/**
 * Metrics of the single effort in forceN (one pull or push, with some quiet before it). null when
 * there are fewer than two samples or force never rises above the baseline.
 */
export function forceMetrics(forceN: ArrayLike<number>, sampleRateHz: number, options: ForceMetricsOptions = {}): ForceMetrics | null {
  const n = forceN.length;
  if (n < 2 || !(sampleRateHz > 0)) return null;
  const onsetFraction = options.onsetFraction ?? DEFAULT_ONSET_FRACTION;
  let baselineN = options.baselineN;
  if (baselineN === undefined) {
    const count = Math.min(n, Math.max(1, Math.round((DEFAULT_BASELINE_MS * sampleRateHz) / 1000)));
    baselineN = 0;
    for (let i = 0; i < count; i++) baselineN += forceN[i]!;
    baselineN /= count;
  }
  let peakIndex = 0;
  for (let i = 1; i < n; i++) if (forceN[i]! > forceN[peakIndex]!) peakIndex = i;
  const peakN = forceN[peakIndex]!;
  if (!(peakN > baselineN)) return null;
  const thresholdN = baselineN + onsetFraction * (peakN - baselineN);

  // Onset: walk back from the peak to the last sample below threshold, so a noise blip that
  // crossed the threshold earlier and fell back is not taken for the start of the effort.
  let onsetIndex = peakIndex;
  while (onsetIndex > 0 && forceN[onsetIndex - 1]! >= thresholdN) onsetIndex--;
  const onsetT = onsetIndex === 0 ? 0 : crossing(forceN, onsetIndex - 1, thresholdN);
  let endIndex = peakIndex;
  while (endIndex < n - 1 && forceN[endIndex + 1]! >= thresholdN) endIndex++;
  const endT = endIndex === n - 1 ? n - 1 : crossing(forceN, endIndex, thresholdN);

  const periodsPerMs = sampleRateHz / 1000;
  const slope = (fromT: number, windowMs: number): number | null => {
    const samples = windowMs * periodsPerMs;
    if (samples < MIN_PERIODS_PER_SLOPE || fromT + samples > n - 1) return null;
    return ((forceAt(forceN, fromT + samples) - forceAt(forceN, fromT)) * 1000) / windowMs;
  };
  const rfdNPerS = {} as Record<RfdWindow, number | null>;
  for (const key of Object.keys(RFD_WINDOWS_MS) as RfdWindow[]) rfdNPerS[key] = slope(onsetT, RFD_WINDOWS_MS[key]);
  // Peak RFD: windows start at onset and every sample period after it, ending within the span
  // (or the data). One-sample steps at ≥ 500 Hz are ≤ 2 ms: finer than any real RFD peak.
  let peakRfdNPerS: number | null = null;
  const spanEnd = Math.min(onsetT + PEAK_RFD_SPAN_MS * periodsPerMs, n - 1);
  for (let t = onsetT; t + PEAK_RFD_WINDOW_MS * periodsPerMs <= spanEnd + 1e-9; t++) {
    const s = slope(t, PEAK_RFD_WINDOW_MS);
    if (s !== null && (peakRfdNPerS === null || s > peakRfdNPerS)) peakRfdNPerS = s;
  }

  return {
    peakN,
    peakIndex,
    timeToPeakMs: (peakIndex - onsetT) / periodsPerMs,
    onsetIndex,
    onsetS: onsetT / sampleRateHz,
    endS: endT / sampleRateHz,
    baselineN,
    thresholdN,
    rfdNPerS,
    peakRfdNPerS,
    impulseNs: integrate(forceN, onsetT, endT, baselineN) / sampleRateHz,
    settings: {
      sampleRateHz,
      onsetFraction,
      baseline: options.baselineN === undefined ? 'first 200 ms' : 'given',
      peakRfdWindowMs: PEAK_RFD_WINDOW_MS,
    },
  };
}

/** Fractional position in (i, i + 1] where the line from sample i to i + 1 meets level. */
function crossing(forceN: ArrayLike<number>, i: number, level: number): number {
  const a = forceN[i]!;
  const b = forceN[i + 1]!;
  return a === b ? i + 1 : i + (level - a) / (b - a);
}
