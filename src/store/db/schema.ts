// The shape of Quadcue's IndexedDB database: one typed DBSchema (the idb habit, architecture.md
// "Style anchors") and the record types it holds. Migrations live in migrations.ts; this file says
// only what the current version looks like.
import type { SessionSummary } from '../../exercise/summary';
import type { DBSchema } from 'idb';
import type { Program } from '../../exercise/program';
import type { ChannelSpec, ProfileId } from '../../profiles/types';

export const DB_NAME = 'quadcue';

/** A leg. Defined here, not imported from state/: the store sits below state in the layers (architecture.md). */
export type LegSide = 'left' | 'right';

export interface PatientRecord {
  id: string;
  /** Pseudonymous: a display name or an ID the clinician chooses; never required to identify a person. */
  displayName: string;
  affectedSide: LegSide | null;
  bodyMassKg: number | null;
  notes: string;
}

export interface CalibrationRecord {
  id?: number;
  patientId: string | null;
  /** A muscle id as the app names it ('vmo', 'vl', …). */
  muscle: string;
  side: LegSide;
  mvc: number;
  unit: 'uV' | 'N';
  /** ISO-8601 date and time the calibration was made. */
  madeAt: string;
  trialMvcs: (number | null)[];
}

/** A program with its schedule (Program carries both, src/exercise/program.ts). */
export interface ProgramRecord {
  id: string;
  patientId: string | null;
  name: string;
  program: Program;
}

export type SessionStatus = 'recording' | 'complete' | 'interrupted';
/** Why a session ended: the user stopped it, storage filled up, the sensor was detached, or it was recovered after a crash. */
export type StoppedBy = 'user' | 'storage-full' | 'detached' | 'recovered' | 'write-error';

/** One sensor's stream within a session: what its chunks mean. */
export interface StreamRecord {
  sensorId: string;
  profileId: ProfileId;
  channels: ChannelSpec[];
  /** The chunk time base: stream sample index / rateHz = seconds since the stream began. */
  rateHz: number;
  /** Stream index (gaps counted) of the first recorded sample: recording may start mid-stream. */
  firstIndex: number;
}

export interface SessionRecord {
  id: string;
  patientId: string | null;
  /** The leg this session exercised, relative to the patient's injury. */
  side: 'involved' | 'uninvolved' | null;
  /** True when the samples came from the demo sensor or a replay, not a person. */
  simulated: boolean;
  exerciseId: string | null;
  /** ISO-8601, the main thread's wall clock when recording started (labels only, never a time base). */
  startedAt: string;
  status: SessionStatus;
  stoppedBy: StoppedBy | null;
  streams: StreamRecord[];
  /**
   * The exercise summary (reps, holds, %MVC, pain and effort) when the session was a guided
   * exercise. Optional and unindexed, so older records need no migration.
   */
  summary?: SessionSummary;
  /**
   * Which muscle and leg each assigned channel measured when recording started (the channel
   * assignment), so trends can tell a two-leg session. Optional and unindexed, like `summary`.
   */
  legs?: ChannelLeg[];
}

/** One recorded channel's place on the body, from the channel assignment at recording time. */
export interface ChannelLeg {
  sensorId: string;
  /** Index into the stream's channels. */
  channel: number;
  /** A muscle id as the app names it ('vmo', 'vl', …). */
  muscle: string;
  side: LegSide;
}

/**
 * About one second of one sensor's samples. Chunks never straddle a gap: the samples of a chunk
 * are contiguous from `startIndex`, and `gapBefore` samples per channel were lost just before it.
 */
export interface ChunkRecord {
  sessionId: string;
  sensorId: string;
  /** 0, 1, 2, … per (session, sensor), no holes: a missing seq would be a lost write. */
  seq: number;
  /** Stream sample index of the first set (gaps included), the chunk's time: startIndex / rateHz s. */
  startIndex: number;
  sampleCount: number;
  gapBefore: number;
  channels: number;
  /** Interleaved sets, raw physical units (uV or N): raw[s * channels + c]. */
  raw: Float32Array;
  /** Interleaved sets, EMG envelope uV or low-passed force N. */
  level: Float32Array;
}

export type SessionEventBody =
  | { kind: 'gap'; lengthSamples: number; reason: 'loss' | 'outage' }
  | { kind: 'rep'; set: number; rep: number; detail: Record<string, number> }
  | { kind: 'cue'; cue: string }
  /** Pain and effort ratings on 0–10 scales (clinical.md). */
  | { kind: 'pain'; score: number }
  | { kind: 'effort'; score: number }
  /** Another program's marker read from an imported file: one line of text (note-text.ts). */
  | { kind: 'note'; text: string };

export type SessionEvent = SessionEventBody & {
  id?: number;
  sessionId: string;
  sensorId: string;
  /** Stream sample index (gaps counted) where the event happened. */
  sampleIndex: number;
};

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface QuadcueDB extends DBSchema {
  patients: { key: string; value: PatientRecord };
  calibrations: { key: number; value: CalibrationRecord; indexes: { 'by-patient': string } };
  programs: { key: string; value: ProgramRecord; indexes: { 'by-patient': string } };
  sessions: {
    key: string;
    value: SessionRecord;
    /** 'by-patient-start' arrived with version 2. */
    indexes: { 'by-status': SessionStatus; 'by-patient-start': [string, string] };
  };
  chunks: { key: [string, string, number]; value: ChunkRecord };
  events: { key: number; value: SessionEvent; indexes: { 'by-session': [string, number] } };
  settings: { key: string; value: SettingRecord };
}

export type StoreName = 'patients' | 'calibrations' | 'programs' | 'sessions' | 'chunks' | 'events' | 'settings';
