// What every input kind becomes before analysis: channels of received samples with the holes
// between them. Captures and CSVs both end here, so the analysis (channel-report.ts) has one input.

export type InputProfile = 'quadcue' | 'tindeq-progressor' | 'openbci-ganglion' | 'csv' | 'edf';
export type ChannelKind = 'emg' | 'force';
/** ASCII units of machine formats (architecture.md, Habits); counts = raw ADC values. */
export type ReportUnit = 'uV' | 'N' | 'counts';
/** Where a channel's rate comes from: the device clock, the profile's nominal rate, a CSV time column, --rate. */
export type RateSource = 'device-time' | 'nominal' | 'time-column' | 'option';

export interface SeriesGap {
  /** Index into `values` before which the samples are missing. */
  readonly atIndex: number;
  readonly lengthSamples: number;
}

export interface ChannelSeries {
  readonly label: string;
  readonly kind: ChannelKind;
  readonly unit: ReportUnit;
  readonly sampleRateHz: number;
  readonly rateSource: RateSource;
  /** Received samples in stream order, physical unit; no gap fill. */
  readonly values: Float64Array;
  /** Holes in stream order. */
  readonly gaps: readonly SeriesGap[];
}

export interface Recording {
  readonly profile: InputProfile;
  /** Device name from a capture header; null for files without one. */
  readonly deviceName: string | null;
  readonly channels: readonly ChannelSeries[];
  /** Things the reader should know that did not stop the analysis. */
  readonly warnings: readonly string[];
}

/** The one error shape of every input kind; the shell prints it on one line and exits 2. */
export interface InputError {
  readonly kind: 'input-error';
  readonly message: string;
}

export function inputError(message: string): InputError {
  return { kind: 'input-error', message };
}

export function lostSamplesOf(series: ChannelSeries): number {
  let lost = 0;
  for (const gap of series.gaps) lost += gap.lengthSamples;
  return lost;
}
