// Spectral metrics: median frequency (fatigue), its slope, and the mains frequency of a recording.
// Pure; the power spectrum comes from fft.ts (mean removed, periodic Hann, zero-padded to a power
// of two). The same definitions are computed with SciPy in scripts/fixtures/generate-metric-fixtures.py.

import { PowerSpectrum, nextPowerOfTwo } from './fft';

/**
 * Median frequency needs ≥ 1 kHz sampling (clinical.md, Fatigue): below that the upper EMG band is
 * cut off and the median moves with the sample rate, not with fatigue.
 */
export const MEDIAN_FREQUENCY_MIN_RATE_HZ = 1000;

/**
 * Frequency (Hz) that splits the power of bins 1 .. size/2 − 1 in half. DC is left out (the mean
 * is removed), and so is the Nyquist bin (a one-sided spectrum holds it once, not twice). Each
 * bin's power is spread evenly over its own width (f − Δf/2 .. f + Δf/2) and the half point is
 * interpolated within it, so a pure tone between bins reads its own frequency (within ~0.1 Hz at
 * 1 s windows, tests) instead of up to a bin off.
 */
function medianOfPower(power: Float64Array, size: number, sampleRateHz: number): number {
  const last = size / 2 - 1;
  let total = 0;
  for (let k = 1; k <= last; k++) total += power[k]!;
  if (!(total > 0)) return Number.NaN;
  const half = total / 2;
  const binHz = sampleRateHz / size;
  let cumulative = 0;
  for (let k = 1; k <= last; k++) {
    const p = power[k]!;
    if (cumulative + p >= half) return (k - 0.5) * binHz + ((half - cumulative) / p) * binHz;
    cumulative += p;
  }
  return (last + 0.5) * binHz;
}

/**
 * Median frequency of x[start .. start+length), zero-padded to the next power of two (a 1 s window
 * at 1000 Hz becomes 1024 points; padding interpolates the spectrum, it adds no resolution).
 * NaN for a window with no power (a flat line).
 */
export function medianFrequencyHz(x: ArrayLike<number>, start: number, length: number, sampleRateHz: number): number {
  const size = nextPowerOfTwo(Math.max(2, length));
  const spectrum = new PowerSpectrum(size);
  return medianOfPower(spectrum.compute(x, start, length), size, sampleRateHz);
}

export interface MedianFrequencySeries {
  /** Centre of each window, s from the first sample. */
  timeS: number[];
  medianHz: number[];
}

/**
 * Median frequency over consecutive, non-overlapping windows (1 s default: clinical.md gives
 * 1–1.5 s as typical). A trailing part shorter than a window is left out. Empty below
 * MEDIAN_FREQUENCY_MIN_RATE_HZ. Windows with no power (flat line) are skipped.
 */
export function medianFrequencySeries(x: ArrayLike<number>, sampleRateHz: number, windowS = 1): MedianFrequencySeries {
  const out: MedianFrequencySeries = { timeS: [], medianHz: [] };
  if (sampleRateHz < MEDIAN_FREQUENCY_MIN_RATE_HZ) return out;
  const length = Math.round(windowS * sampleRateHz);
  if (length < 2) return out;
  const size = nextPowerOfTwo(length);
  const spectrum = new PowerSpectrum(size);
  for (let start = 0; start + length <= x.length; start += length) {
    const hz = medianOfPower(spectrum.compute(x, start, length), size, sampleRateHz);
    if (Number.isNaN(hz)) continue;
    out.timeS.push((start + length / 2) / sampleRateHz);
    out.medianHz.push(hz);
  }
  return out;
}

/**
 * Least-squares slope of ys over xs (for the fatigue index: median Hz over time s → Hz/s).
 * null with fewer than two points or when all xs are equal.
 */
export function linearSlope(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  if (xs.length !== ys.length) throw new RangeError(`linearSlope: ${xs.length} xs but ${ys.length} ys`);
  const n = xs.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    sxy += dx * (ys[i]! - my);
    sxx += dx * dx;
  }
  return sxx > 0 ? sxy / sxx : null;
}

/** Fatigue index: slope (Hz/s) of the median-frequency series; null when there is no series. */
export function fatigueSlopeHzPerS(series: MedianFrequencySeries): number | null {
  return linearSlope(series.timeS, series.medianHz);
}

/** A mains line is the largest bin within ±1 Hz of 50 or 60 Hz (Hann main lobe ≈ ±2 bins of ~1 Hz). */
const MAINS_LINE_HALF_WIDTH_HZ = 1;
/** Its reference is the median of bins 3–10 Hz either side: clear of the main lobe, near enough that
 * the broad EMG spectrum (which peaks around 50–150 Hz) is flat across it. */
const MAINS_REFERENCE_INNER_HZ = 3;
const MAINS_REFERENCE_OUTER_HZ = 10;
/**
 * Line-to-neighbourhood ratio that counts as hum. biosppy_emg_1.txt measures ~25 at 50 Hz and
 * ≤ 1.3 at 60 Hz; seeded white noise stays under 3 (spectrum.test.ts). 8 sits between with margin.
 */
const MAINS_MIN_RATIO = 8;
/** Segments used at most: a few minutes of 1 s segments is plenty, and bounds the cost for long files. */
const MAINS_MAX_SEGMENTS = 64;

/**
 * Mains frequency of a (raw, unfiltered) recording from its spectrum, or null when neither 50 nor
 * 60 Hz stands out (callers fall back to 50 Hz: the architecture's default region). Segments of
 * ~1 s (next power of two ≥ fs samples, so bins are ≤ 1 Hz apart); per bin the MEDIAN over segments
 * is used, so contractions (whose broadband power is 100× rest in biosppy_emg_1.txt) cannot bury
 * a line that is steady through the rest periods. Needs fs above 2·(60 + 10) Hz and one segment.
 */
export function detectMainsHz(x: ArrayLike<number>, sampleRateHz: number): 50 | 60 | null {
  const size = nextPowerOfTwo(Math.ceil(sampleRateHz));
  const available = Math.floor(x.length / size);
  if (available < 1) return null;
  const candidates = ([50, 60] as const).filter((f) => f + MAINS_REFERENCE_OUTER_HZ < sampleRateHz / 2);
  if (candidates.length === 0) return null;
  const segments = Math.min(available, MAINS_MAX_SEGMENTS);
  const binHz = sampleRateHz / size;
  const lowBin = Math.floor((50 - MAINS_REFERENCE_OUTER_HZ) / binHz);
  const highBin = Math.ceil((60 + MAINS_REFERENCE_OUTER_HZ) / binHz);
  const bins = highBin - lowBin + 1;
  // Power of the bins that matter, segment by segment: [bin][segment].
  const kept = new Float64Array(bins * segments);
  const spectrum = new PowerSpectrum(size);
  for (let s = 0; s < segments; s++) {
    const segment = Math.floor((s * available) / segments);
    const power = spectrum.compute(x, segment * size, size);
    for (let b = 0; b < bins; b++) kept[b * segments + s] = power[lowBin + b]!;
  }
  const medianPower = new Float64Array(bins);
  for (let b = 0; b < bins; b++) medianPower[b] = median(kept.subarray(b * segments, (b + 1) * segments));

  let best: 50 | 60 | null = null;
  let bestRatio = MAINS_MIN_RATIO;
  for (const f0 of candidates) {
    let line = 0;
    const reference: number[] = [];
    for (let b = 0; b < bins; b++) {
      const distance = Math.abs((lowBin + b) * binHz - f0);
      if (distance <= MAINS_LINE_HALF_WIDTH_HZ) line = Math.max(line, medianPower[b]!);
      else if (distance >= MAINS_REFERENCE_INNER_HZ && distance <= MAINS_REFERENCE_OUTER_HZ) reference.push(medianPower[b]!);
    }
    const ratio = line / median(Float64Array.from(reference));
    if (ratio >= bestRatio) {
      best = f0;
      bestRatio = ratio;
    }
  }
  return best;
}

/** Median of values (sorts a copy). */
function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
