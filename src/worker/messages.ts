// Every message between the main thread and the pipeline worker, defined once: the bridge and
// the worker both type their postMessage calls from these unions.
import type { LinkQuality } from '../profiles/link-quality';
import type { Gap, LossStats } from '../profiles/loss-accounting';
import type { CalibrationEvent } from '../exercise/calibration';
import type { EngineEvent } from '../exercise/rep-engine';
import type { RepMeasurement } from '../exercise/summary';
import type { ActivityRequest } from './activity-runner';
import type { ProcessingEvent } from './sensor-processing';
import type { RecorderNotice } from '../store/db/recorder';
import type { NewSession } from '../store/db/sessions';
import type { FlushAck } from '../store/db/flush-on-hide';
import type { ChannelSpec, CommandName, CommandReply, DeviceStatus, ProfileId, RejectReason } from '../profiles/types';

export type SensorId = string;

/** The three rings of one sensor (see src/worker/sensor-processing.ts). */
export interface RingBuffers {
  raw: SharedArrayBuffer;
  filtered: SharedArrayBuffer;
  level: SharedArrayBuffer;
}

/** New samples since the last snapshot, interleaved, when the rings cannot be shared. */
export interface RingChunks {
  sets: number;
  raw: Float32Array;
  filtered: Float32Array;
  level: Float32Array;
}

/** Notifications batched by the transport: parallel arrays, bytes transferred, not copied. */
export interface NotificationBatch {
  characteristics: string[];
  buffers: ArrayBuffer[];
  arrivalMs: number[];
}

export type ToWorker =
  | { type: 'attach'; sensorId: SensorId; profileId: ProfileId; connectReads: [string, ArrayBuffer][]; mainsHz: 50 | 60 | null }
  | { type: 'set-mains'; mainsHz: 50 | 60 | null }
  /** The user marks the last `seconds` as rest: the onset baseline for each EMG channel. */
  | { type: 'mark-rest'; sensorId: SensorId; seconds: number }
  | { type: 'set-threshold'; sensorId: SensorId; channel: number; level: number | null }
  | { type: 'start-activity'; sensorId: SensorId; request: ActivityRequest }
  | { type: 'stop-activity'; sensorId: SensorId; channel: number }
  | { type: 'notifications'; sensorId: SensorId; batch: NotificationBatch }
  | { type: 'command-sent'; sensorId: SensorId; command: CommandName }
  | { type: 'link-down'; sensorId: SensorId; atMs: number }
  | { type: 'detach'; sensorId: SensorId }
  /** Sent by the main thread's frame loop: "now" is the only wall-clock the worker sees. */
  | { type: 'snapshot-request'; nowMs: number }
  /** Recording (issue 7): the sensor's samples from now on go to session `session.id` (created if new). */
  | { type: 'start-recording'; sensorId: SensorId; session: NewSession }
  /** Writes the open chunk and ends this sensor's stream; the session completes with its last stream. */
  | { type: 'stop-recording'; sensorId: SensorId }
  /**
   * The page is hiding (pagehide / visibilitychange): write every open chunk now, and when `ack` is
   * given store its token in its shared flag once those writes have settled (installFlushOnHide).
   */
  | { type: 'flush-recording'; ack: FlushAck | null };

/** Counters and the badge of one sensor, plain data for structured clone. */
export interface SensorSnapshot {
  sensorId: SensorId;
  /** The main thread's clock when it asked for this snapshot (ms). */
  nowMs: number;
  channels: ChannelSpec[];
  stats: {
    framesReceived: number;
    framesLost: number;
    framesRejected: number;
    duplicatesDropped: number;
    lateDropped: number;
    gaps: number;
    samplesReceived: number[];
    samplesLost: number[];
  };
  quality: LinkQuality;
  /** Most recent sample of each channel, physical units. */
  latest: number[];
  /** Per channel: envelope (EMG, µV) or low-passed force (N) now, its peak and mean so far. */
  levels: { level: number; peak: number; mean: number }[];
  chunks: RingChunks | null;
  /** Disconnect outages sized from device time or, failing that, arrival time. */
  outages: { startMs: number; lengthMs: number; lengthSamples: number }[];
  lastRejection: { reason: RejectReason; detail: string } | null;
  /** How far this sensor's samples may sit from their true place on the session timeline, ms (null until known). */
  alignmentErrorMs: number | null;
}

export type FromWorker =
  /**
   * `rings`: the worker's SharedArrayBuffers when cross-origin isolated; null otherwise, and then
   * every snapshot carries the new samples as transferred chunks (`chunks`).
   */
  | { type: 'attached'; sensorId: SensorId; channels: ChannelSpec[]; rings: RingBuffers | null; ringCapacity: number }
  | { type: 'attach-failed'; sensorId: SensorId; reason: RejectReason; detail: string }
  | { type: 'reply'; sensorId: SensorId; command: CommandName; reply: CommandReply }
  | { type: 'status'; sensorId: SensorId; status: DeviceStatus }
  | { type: 'gap'; sensorId: SensorId; gap: Gap }
  | { type: 'signal-event'; sensorId: SensorId; event: ProcessingEvent }
  | { type: 'rest-marked'; sensorId: SensorId; ok: boolean }
  | { type: 'calibration-event'; sensorId: SensorId; channel: number; event: CalibrationEvent }
  | {
      type: 'exercise-event';
      sensorId: SensorId;
      channel: number;
      event: EngineEvent;
      measurement?: RepMeasurement | undefined;
      /** With session-complete: the target quantity over the exercise, one value per `stepS`. */
      trace?: { stepS: number; values: number[] };
    }
  | { type: 'snapshot'; nowMs: number; sensors: SensorSnapshot[] }
  /** recording-started / recording-saved (after each chunk) / recording-stopped (src/store/db/recorder.ts). */
  | RecorderNotice;

export function statsSnapshot(stats: LossStats): SensorSnapshot['stats'] {
  return {
    framesReceived: stats.framesReceived,
    framesLost: stats.framesLost,
    framesRejected: stats.framesRejected,
    duplicatesDropped: stats.duplicatesDropped,
    lateDropped: stats.lateDropped,
    gaps: stats.gaps,
    samplesReceived: Array.from(stats.samplesReceived),
    samplesLost: Array.from(stats.samplesLost),
  };
}
