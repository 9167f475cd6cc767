// The CLI's output, as one JSON object (published as analysis-output.schema.json). Units are in
// the names or in `unit`; times are seconds from the first sample of the recording.
import type { ChannelKind, InputProfile, RateSource, ReportUnit } from './recording';

export interface OnsetReport {
  readonly startS: number;
  readonly endS: number;
}

/** Mean slope of force from onset over 0–50, 0–100, 0–200 ms, N/s (null when the effort is shorter). */
export interface RfdReport {
  readonly '0-50': number | null;
  readonly '0-100': number | null;
  readonly '0-200': number | null;
}

export interface ChannelReport {
  readonly label: string;
  readonly kind: ChannelKind;
  readonly unit: ReportUnit;
  readonly sampleRateHz: number;
  readonly rateSource: RateSource;
  /** Samples received (gap fill excluded). */
  readonly samples: number;
  /** Samples lost in gaps and outages. */
  readonly lostSamples: number;
  // EMG channels, in `unit`:
  readonly envelopePeak?: number;
  readonly onsets?: OnsetReport[];
  /** Median over 1 s windows of each window's median frequency; only at ≥ 1000 Hz. */
  readonly medianFrequencyHz?: number;
  // Force channels, in `unit` (N):
  readonly peak?: number;
  readonly timeToPeakMs?: number;
  readonly rfd?: RfdReport;
}

export interface EmgSettingsReport {
  readonly mainsHz: 50 | 60;
  /** --notch, detected from the spectrum, or the 50 Hz fallback when detection found no hum. */
  readonly mainsSource: 'option' | 'detected' | 'fallback';
  readonly bandHz: readonly [number, number];
  readonly envelope: string;
  readonly onsetK: number;
  readonly onsetMinDurationMs: number;
}

export interface ForceSettingsReport {
  readonly lowPassHz: number;
  /** Onset for RFD: baseline + this fraction of baseline-to-peak (Andersen & Aagaard 2006). */
  readonly onsetFraction: number;
  readonly tare: boolean;
}

export interface AnalysisReport {
  readonly profile: InputProfile;
  readonly device: string | null;
  /** Length of the longest channel's timeline (received + lost samples) / rate. */
  readonly durationS: number;
  /** The settings behind the numbers: RFD and onsets depend on them (White 2024, Sensors 24:4250). */
  readonly settings: { readonly emg?: EmgSettingsReport; readonly force?: ForceSettingsReport };
  readonly channels: ChannelReport[];
  readonly warnings: string[];
}
