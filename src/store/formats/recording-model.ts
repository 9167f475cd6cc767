// The recording as the export writers take it and the import readers give it back: plain data,
// no database ids, so the formats (EDF+, CSV, JSON summary) are pure functions over it.

/** ASCII units of machine formats (architecture.md, Habits): EMG in microvolts, force in newtons. */
export type RecordingUnit = 'uV' | 'N';

export interface RecordingChannel {
  /** Short name such as "VMO" or "force"; EDF keeps 16 ASCII characters. */
  readonly label: string;
  readonly unit: RecordingUnit;
  readonly sampleRateHz: number;
  /** One value per sample period from the recording's start, in `unit`; NaN where samples were lost. */
  readonly samples: Float32Array;
}

export interface RecordingAnnotation {
  /** Seconds from `startedAt`. */
  readonly onsetS: number;
  readonly durationS?: number;
  readonly text: string;
}

export interface RecordingModel {
  /** ISO 8601 instant of the first sample, e.g. "2025-03-01T09:30:00.000Z". */
  readonly startedAt: string;
  /** Pseudonymous patient code, never a name. */
  readonly patientCode?: string;
  /** True for the demo sensor's synthetic data, so nobody mistakes it for a patient's. */
  readonly simulated: boolean;
  readonly channels: readonly RecordingChannel[];
  /** Reps, cues and notes; gaps are NaN samples, not annotations. */
  readonly annotations: readonly RecordingAnnotation[];
}
