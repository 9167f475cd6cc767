// A Recording (from any input kind) → the CLI's report. Pure: the shell reads files and prints.
import { DEFAULT_BAND_LOW_HZ, DEFAULT_RMS_WINDOW_MS, MAX_BAND_FRACTION_OF_FS, defaultEmgSettings } from '../signal/emg-chain';
import { DEFAULT_FORCE_LOW_PASS_HZ, MAX_FORCE_LOW_PASS_FRACTION_OF_FS } from '../signal/force-chain';
import { DEFAULT_ONSET_FRACTION } from '../signal/force-metrics';
import { DEFAULT_MIN_DURATION_MS, DEFAULT_ONSET_K } from '../signal/onsets';
import { detectMainsHz } from '../signal/spectrum';
import type { AnalysisReport, ChannelReport, EmgSettingsReport, ForceSettingsReport } from './analysis-report';
import { EmgScratch, countsReport, emgChannelReport, forceChannelReport, rounded } from './channel-report';
import { lostSamplesOf, type ChannelSeries, type Recording } from './recording';

export interface AnalysisOptions {
  /** --notch; null: detect from the spectrum, else fall back. */
  readonly notchHz: 50 | 60 | null;
  /** --tare: subtract each force channel's level over its first 100 ms. */
  readonly tare: boolean;
}

/** No hum found: 50 Hz, the mains of most of the world and the architecture's default region. */
const FALLBACK_MAINS_HZ = 50;

function mainsFor(emg: readonly ChannelSeries[], notchHz: 50 | 60 | null): { mainsHz: 50 | 60; mainsSource: EmgSettingsReport['mainsSource'] } {
  if (notchHz !== null) return { mainsHz: notchHz, mainsSource: 'option' };
  // One mains for the whole recording: the first channel whose spectrum shows a line decides.
  for (const series of emg) {
    const detected = series.values.length > 0 ? detectMainsHz(series.values, series.sampleRateHz) : null;
    if (detected !== null) return { mainsHz: detected, mainsSource: 'detected' };
  }
  return { mainsHz: FALLBACK_MAINS_HZ, mainsSource: 'fallback' };
}

/** One channel's analysis, self-contained so it can run in another thread (parallel-channels.ts). */
export type ChannelJob =
  | { readonly kind: 'emg'; readonly series: ChannelSeries; readonly mainsHz: 50 | 60 }
  | { readonly kind: 'force'; readonly series: ChannelSeries; readonly tare: boolean; readonly onsetFraction: number }
  /** Counts only: a channel the chains cannot run on. */
  | { readonly kind: 'counts'; readonly series: ChannelSeries };

/** Everything but the channels' numbers: settings, warnings, duration, and the job per channel. */
export interface AnalysisPlan {
  readonly report: Omit<AnalysisReport, 'channels'>;
  readonly jobs: ChannelJob[];
}

export function planAnalysis(recording: Recording, options: AnalysisOptions): AnalysisPlan {
  const warnings = [...recording.warnings];
  const emg = recording.channels.filter((c) => c.kind === 'emg');
  const force = recording.channels.filter((c) => c.kind === 'force');
  const settings: { emg?: EmgSettingsReport; force?: ForceSettingsReport } = {};
  let mainsHz: 50 | 60 = FALLBACK_MAINS_HZ;
  const firstEmg = emg[0];
  if (firstEmg) {
    const mains = mainsFor(emg, options.notchHz);
    mainsHz = mains.mainsHz;
    const chain = defaultEmgSettings(firstEmg.sampleRateHz, mainsHz);
    settings.emg = {
      ...mains,
      bandHz: [chain.bandLowHz, rounded(chain.bandHighHz, 3)],
      envelope: `moving RMS ${DEFAULT_RMS_WINDOW_MS} ms`,
      onsetK: DEFAULT_ONSET_K,
      onsetMinDurationMs: DEFAULT_MIN_DURATION_MS,
    };
  }
  const firstForce = force[0];
  if (firstForce) {
    settings.force = {
      lowPassHz: rounded(Math.min(DEFAULT_FORCE_LOW_PASS_HZ, MAX_FORCE_LOW_PASS_FRACTION_OF_FS * firstForce.sampleRateHz), 3),
      onsetFraction: DEFAULT_ONSET_FRACTION,
      tare: options.tare,
    };
  }
  const jobs = recording.channels.map((series): ChannelJob => {
    if (series.kind === 'force') return { kind: 'force', series, tare: options.tare, onsetFraction: DEFAULT_ONSET_FRACTION };
    if (MAX_BAND_FRACTION_OF_FS * series.sampleRateHz <= DEFAULT_BAND_LOW_HZ) {
      warnings.push(`${series.label}: ${series.sampleRateHz} Hz is too slow for the EMG band (20 Hz up to 0.45 × rate); no EMG metrics.`);
      return { kind: 'counts', series };
    }
    return { kind: 'emg', series, mainsHz };
  });
  const durationS = Math.max(0, ...recording.channels.map((c) => (c.values.length + lostSamplesOf(c)) / c.sampleRateHz));
  return { report: { profile: recording.profile, device: recording.deviceName, durationS: rounded(durationS, 4), settings, warnings }, jobs };
}

export function analyzeChannel(job: ChannelJob, scratch?: EmgScratch): ChannelReport {
  switch (job.kind) {
    case 'emg':
      return emgChannelReport(job.series, job.mainsHz, scratch);
    case 'force':
      return forceChannelReport(job.series, job);
    case 'counts':
      return countsReport(job.series);
  }
}

/** The plan's report with its channels' numbers, keys in the published order. */
export function completeReport(plan: AnalysisPlan, channels: ChannelReport[]): AnalysisReport {
  const { profile, device, durationS, settings, warnings } = plan.report;
  return { profile, device, durationS, settings, channels, warnings };
}

export function analyzeRecording(recording: Recording, options: AnalysisOptions): AnalysisReport {
  const plan = planAnalysis(recording, options);
  const scratch = new EmgScratch();
  return completeReport(plan, plan.jobs.map((job) => analyzeChannel(job, scratch)));
}
