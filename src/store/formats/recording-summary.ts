// Recording (and the session summary, when the session had an exercise) → the JSON summary
// export: what a clinician's spreadsheet or script needs without the samples. The shape is
// recording-summary.schema.json; units are ASCII (uV, N, %MVC) and seconds are in names (S).
import type { SessionSummary } from '../../exercise/summary';
import type { RecordingModel, RecordingUnit } from './recording-model';

export const SUMMARY_FORMAT = 'quadcue-recording-summary';
export const SUMMARY_VERSION = 1;

export interface ChannelSummary {
  readonly label: string;
  readonly unit: RecordingUnit;
  readonly sampleRateHz: number;
  /** Samples received; lost ones (NaN) are counted in lostSamples. */
  readonly samples: number;
  readonly lostSamples: number;
  /** Stretches of consecutive lost samples. */
  readonly gaps: number;
  /** Over the received samples, in `unit`; null when none was received. */
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  readonly rms: number | null;
}

export interface RecordingSummary {
  readonly format: typeof SUMMARY_FORMAT;
  readonly version: typeof SUMMARY_VERSION;
  readonly startedAt: string;
  readonly patientCode: string | null;
  readonly simulated: boolean;
  /** Longest channel's samples (received and lost) ÷ its rate. */
  readonly durationS: number;
  readonly channels: readonly ChannelSummary[];
  readonly annotations: readonly { onsetS: number; durationS: number | null; text: string }[];
  /** Per exercise, set and rep (src/exercise/summary.ts); null for a recording without an exercise. */
  readonly session: SessionSummary | null;
}

function channelSummary(channel: RecordingModel['channels'][number]): ChannelSummary {
  let received = 0;
  let gaps = 0;
  let min = Infinity;
  let max = -Infinity;
  // Float64 sums: a float32 running sum over an hour at 2 kHz would lose the mean's last digits.
  let sum = 0;
  let sumSquares = 0;
  let inGap = false;
  for (const value of channel.samples) {
    if (Number.isNaN(value)) {
      if (!inGap) gaps++;
      inGap = true;
      continue;
    }
    inGap = false;
    received++;
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
    sumSquares += value * value;
  }
  const some = received > 0;
  return {
    label: channel.label,
    unit: channel.unit,
    sampleRateHz: channel.sampleRateHz,
    samples: received,
    lostSamples: channel.samples.length - received,
    gaps,
    min: some ? min : null,
    max: some ? max : null,
    mean: some ? sum / received : null,
    rms: some ? Math.sqrt(sumSquares / received) : null,
  };
}

export function summariseRecording(recording: RecordingModel, session: SessionSummary | null = null): RecordingSummary {
  return {
    format: SUMMARY_FORMAT,
    version: SUMMARY_VERSION,
    startedAt: recording.startedAt,
    patientCode: recording.patientCode ?? null,
    simulated: recording.simulated,
    durationS: Math.max(0, ...recording.channels.map((c) => c.samples.length / c.sampleRateHz)),
    channels: recording.channels.map(channelSummary),
    annotations: recording.annotations.map((a) => ({ onsetS: a.onsetS, durationS: a.durationS ?? null, text: a.text })),
    session,
  };
}

/** The summary as the exported file's text: indented for people who open it, one trailing newline. */
export function recordingSummaryJson(recording: RecordingModel, session: SessionSummary | null = null): string {
  return `${JSON.stringify(summariseRecording(recording, session), null, 2)}\n`;
}
