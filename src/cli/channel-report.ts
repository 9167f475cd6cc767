// One channel's numbers: the signal layer's chains and metrics run over the whole recording.
// EMG: EmgChain → envelope peak, onsets (automatic baseline), median frequency.
// Force: ForceChain → peak, time to peak, RFD.
import { EmgChain } from '../signal/emg-chain';
import { ForceChain } from '../signal/force-chain';
import { forceMetrics } from '../signal/force-metrics';
import { automaticBaseline, detectOnsets } from '../signal/onsets';
import { MEDIAN_FREQUENCY_MIN_RATE_HZ, medianFrequencySeries } from '../signal/spectrum';
import type { ChannelReport, RfdReport } from './analysis-report';
import { lostSamplesOf, type ChannelSeries } from './recording';
import { isAllReceived, timelineOf } from './timeline';

/**
 * A clock may run a little off its nominal rate (crystals: tens of ppm); a 1000 Hz sensor measured
 * at 999.97 Hz still samples the full EMG band, so the spectral threshold allows 1 % below.
 */
const RATE_TOLERANCE = 0.99;
/** Spectral windows of 1 s (clinical.md, Fatigue: 1–1.5 s windows are typical). */
const SPECTRUM_WINDOW_S = 1;
/**
 * Before the analysis the EMG chain is run once over the recording's first second, output thrown
 * away. Why: a filter starting from rest meets mains hum that is already at full amplitude, and
 * the notch lets it through while it settles (time constant Q/(π·f0) = 0.19 s at 50 Hz, Q = 30;
 * notch.ts) — enough to read as a burst at t = 0. One second is a whole number of 50 Hz and 60 Hz
 * cycles, so the hum at the end of the primer runs on in phase into the first sample and the notch
 * starts settled. Only the EMG noise jumps at the seam, as it does from any sample to the next.
 */
const CHAIN_PRIMING_S = 1;
/** --tare takes the level of the first 100 ms: the window of the sensor's own tare (PROTOCOL.md §6.1; sim TARE_WINDOW_S). */
const TARE_WINDOW_S = 0.1;

/** Rounding of reported figures: below any meaningful precision, above float noise (stable goldens). */
export function rounded(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** What every channel reports, metrics or not: identity, rate and sample counts. */
export function countsReport(series: ChannelSeries): ChannelReport {
  return {
    label: series.label,
    kind: series.kind,
    unit: series.unit,
    sampleRateHz: rounded(series.sampleRateHz, 3),
    rateSource: series.rateSource,
    samples: series.values.length,
    lostSamples: lostSamplesOf(series),
  };
}

function maxOf(x: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i]! > max) max = x[i]!;
  return max;
}

function medianOf(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Output arrays of the EMG chain, reused from channel to channel (an hour at 2 kHz is 29 MB per
 * array). Float32: stored after the Float64 arithmetic (architecture.md), half the memory.
 */
export class EmgScratch {
  private filtered = new Float32Array(0);
  private envelope = new Float32Array(0);

  take(length: number): { filtered: Float32Array; envelope: Float32Array } {
    if (this.filtered.length < length) {
      this.filtered = new Float32Array(length);
      this.envelope = new Float32Array(length);
    }
    return { filtered: this.filtered.subarray(0, length), envelope: this.envelope.subarray(0, length) };
  }
}

export function emgChannelReport(series: ChannelSeries, mainsHz: 50 | 60, scratch = new EmgScratch()): ChannelReport {
  const base = countsReport(series);
  if (series.values.length === 0) return base;
  const rateHz = series.sampleRateHz;
  const { samples: raw, fill } = timelineOf(series.values, series.gaps);
  const { filtered, envelope } = scratch.take(raw.length);
  const chain = new EmgChain({ sampleRateHz: rateHz, mainsHz });
  chain.process(raw, filtered, envelope, Math.min(raw.length, Math.round(CHAIN_PRIMING_S * rateHz)));
  chain.process(raw, filtered, envelope);
  const onsets = detectOnsets(filtered, rateHz, automaticBaseline(filtered, rateHz));
  const report: ChannelReport = {
    ...base,
    envelopePeak: rounded(maxOf(envelope), 3),
    onsets: onsets.map((o) => ({ startS: rounded(o.startS, 4), endS: rounded(o.endS, 4) })),
  };
  if (rateHz < RATE_TOLERANCE * MEDIAN_FREQUENCY_MIN_RATE_HZ) return report;
  // Each whole 1 s window gives one median frequency; the report is their median. Windows touching
  // gap fill are left out: a straight line has no spectrum of its own. The series is asked at no
  // less than its minimum rate (a measured 999.97 Hz would get nothing) and its frequencies scaled
  // back: on a fixed number of samples, every bin frequency is proportional to the rate.
  const spectralRateHz = Math.max(rateHz, MEDIAN_FREQUENCY_MIN_RATE_HZ);
  const windowSamples = Math.round(SPECTRUM_WINDOW_S * rateHz);
  const spectra = medianFrequencySeries(filtered, spectralRateHz, windowSamples / spectralRateHz);
  const perWindowHz: number[] = [];
  spectra.medianHz.forEach((hz, w) => {
    const start = Math.round(spectra.timeS[w]! * spectralRateHz - windowSamples / 2);
    if (isAllReceived(fill, start, start + windowSamples)) perWindowHz.push((hz * rateHz) / spectralRateHz);
  });
  return perWindowHz.length > 0 ? { ...report, medianFrequencyHz: rounded(medianOf(perWindowHz), 2) } : report;
}

export interface ForceReportOptions {
  readonly tare: boolean;
  readonly onsetFraction: number;
}

export function forceChannelReport(series: ChannelSeries, options: ForceReportOptions): ChannelReport {
  const base = countsReport(series);
  if (series.values.length === 0) return base;
  const rateHz = series.sampleRateHz;
  const { samples: raw } = timelineOf(series.values, series.gaps);
  let tareN = 0;
  if (options.tare) {
    const n = Math.min(raw.length, Math.max(1, Math.round(TARE_WINDOW_S * rateHz)));
    for (let i = 0; i < n; i++) tareN += raw[i]! / n;
  }
  const forceN = new Float64Array(raw.length);
  new ForceChain({ sampleRateHz: rateHz, tareN }).process(raw, forceN);
  const report: ChannelReport = { ...base, peak: rounded(maxOf(forceN), 3) };
  const metrics = forceMetrics(forceN, rateHz, { onsetFraction: options.onsetFraction });
  if (!metrics) return report;
  const rfd = (value: number | null) => (value === null ? null : rounded(value, 1));
  const rfdReport: RfdReport = {
    '0-50': rfd(metrics.rfdNPerS['0-50']),
    '0-100': rfd(metrics.rfdNPerS['0-100']),
    '0-200': rfd(metrics.rfdNPerS['0-200']),
  };
  return { ...report, timeToPeakMs: rounded(metrics.timeToPeakMs, 1), rfd: rfdReport };
}
