// The recorder that runs inside the pipeline worker: one StreamRecorder per recording sensor,
// sessions created and finished in the database, and a Web Lock held per session so that another
// tab (or this one, after a crash) can tell a live recording from an interrupted one. It reports
// what happened as plain notices; the worker posts them to the main thread.
import type { GapReason } from './chunk-accumulator';
import { classifyWriteError, idbChunkWriter, type ChunkWriter, type WriteFailure } from './chunk-writer';
import type { QuadcueDatabase } from './open-db';
import type { ChannelSpec, ProfileId } from '../../profiles/types';
import type { StoppedBy } from './schema';
import { finishSession, recordingLockName, startStream, type NewSession } from './sessions';
import { StreamRecorder } from './stream-recorder';

export type RecordingStopReason = 'user' | 'detached' | 'storage-full' | 'write-error' | 'refused';

export type RecorderNotice =
  | { type: 'recording-started'; sessionId: string; sensorId: string; firstIndex: number }
  /** After every stored chunk (about once a second of sample time). */
  | { type: 'recording-saved'; sessionId: string; sensorId: string; chunks: number; endIndex: number }
  /** `detail` says why in words a person can act on when the reason is not 'user'. */
  | { type: 'recording-stopped'; sessionId: string; sensorId: string; reason: RecordingStopReason; detail: string | null };

/** What the worker knows about the sensor being recorded. */
export interface RecordingSource {
  sensorId: string;
  profileId: ProfileId;
  channels: readonly ChannelSpec[];
  rateHz: number;
  /** Stream index (gaps counted) of the next sample the sensor will deliver. */
  nextIndex: number;
}

export interface RecorderDeps {
  db: () => Promise<QuadcueDatabase>;
  notify: (notice: RecorderNotice) => void;
  /** Seam for tests: the app writes chunks with idbChunkWriter. */
  writer?: (db: QuadcueDatabase) => ChunkWriter;
  /** Holds a named lock until the returned release is called (Web Locks in the app, nothing in Node). */
  holdLock?: (name: string) => () => void;
}

const STORAGE_FULL_TEXT =
  'Storage is full: recording stopped. Everything recorded up to now is kept; free some space (Settings shows usage) to record again.';

/** Holds a Web Lock from the moment it is granted until release (a crash releases it too). */
export function webLockHolder(name: string): () => void {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  void locks.request(name, () => held);
  return release;
}

interface Active {
  sessionId: string;
  recorder: StreamRecorder;
}

export class Recorder {
  private readonly streams = new Map<string, Active>();
  private readonly locks = new Map<string, () => void>();

  constructor(private readonly deps: RecorderDeps) {}

  isRecording(sensorId: string): boolean {
    return this.streams.has(sensorId);
  }

  /**
   * Starts recording `source` into session `init.id` (created if new). Samples are taken from
   * this call on; they are written once the session record exists.
   */
  start(init: NewSession, source: RecordingSource): void {
    const { sensorId } = source;
    if (this.streams.has(sensorId)) {
      this.deps.notify({ type: 'recording-stopped', sessionId: init.id, sensorId, reason: 'refused', detail: 'This sensor is already being recorded.' });
      return;
    }
    const sessionId = init.id;
    const firstIndex = source.nextIndex;
    const started = this.deps.db().then(async (db) => {
      const outcome = await startStream(db, init, {
        sensorId,
        profileId: source.profileId,
        channels: [...source.channels],
        rateHz: source.rateHz,
        firstIndex,
      });
      return { db, outcome };
    });
    // Chunks wait for the session record; if it never comes, refuse() has already abandoned them.
    const ready = started.then(
      ({ db, outcome }) => (outcome === 'started' ? (this.deps.writer ?? idbChunkWriter)(db) : null),
      () => null,
    );
    const writer: ChunkWriter = {
      write: async (id, sensor, draft) =>
        (await ready)?.write(id, sensor, draft) ?? { ok: false, reason: 'write-error', detail: 'the session was not started' },
    };
    const recorder = new StreamRecorder({
      sessionId,
      sensorId,
      channels: source.channels.length,
      // One chunk per ≤ 1 s of sample time (the recording issue); at least one set.
      chunkSets: Math.max(1, Math.floor(source.rateHz)),
      firstIndex,
      writer,
      onSaved: (progress) => this.deps.notify({ type: 'recording-saved', sessionId, sensorId, ...progress }),
      onFailed: (failure) => void this.failSession(sessionId, failure),
    });
    this.streams.set(sensorId, { sessionId, recorder });
    if (!this.locks.has(sessionId)) this.locks.set(sessionId, (this.deps.holdLock ?? webLockHolder)(recordingLockName(sessionId)));
    void started.then(
      ({ outcome }) => {
        if (outcome === 'started') this.deps.notify({ type: 'recording-started', sessionId, sensorId, firstIndex });
        else this.refuse(sessionId, sensorId, 'This sensor already has a stream in that session.');
      },
      (error: unknown) => {
        const failure = classifyWriteError(error, null);
        if (failure.reason === 'storage-full') this.refuse(sessionId, sensorId, STORAGE_FULL_TEXT, 'storage-full');
        else this.refuse(sessionId, sensorId, `The session could not be started (${failure.detail}).`);
      },
    );
  }

  samples(sensorId: string, raw: ArrayLike<number>, level: ArrayLike<number>, sets: number): void {
    this.streams.get(sensorId)?.recorder.samples(raw, level, sets);
  }

  gap(sensorId: string, lengthSamples: number, reason: GapReason): void {
    this.streams.get(sensorId)?.recorder.gap(lengthSamples, reason);
  }

  /**
   * Writes every open chunk now: the page is hiding and may be killed without another word.
   * Resolves once every write queued so far has settled (stored or failed).
   */
  async flush(): Promise<void> {
    await Promise.all([...this.streams.values()].map(({ recorder }) => recorder.flush()));
  }

  /** Stops one sensor's recording; the session completes when its last stream stops. */
  async stop(sensorId: string, stoppedBy: 'user' | 'detached'): Promise<void> {
    const active = this.streams.get(sensorId);
    if (!active) return;
    this.streams.delete(sensorId);
    const failure = await active.recorder.end();
    // A failed write already finished the session and told the main thread (failSession).
    if (failure) return;
    await this.finishIfLast(active.sessionId, stoppedBy);
    this.deps.notify({ type: 'recording-stopped', sessionId: active.sessionId, sensorId, reason: stoppedBy, detail: null });
  }

  private refuse(sessionId: string, sensorId: string, detail: string, reason: 'refused' | 'storage-full' = 'refused'): void {
    const active = this.streams.get(sensorId);
    if (active?.sessionId !== sessionId) return;
    this.streams.delete(sensorId);
    active.recorder.abandon();
    this.releaseIfIdle(sessionId);
    this.deps.notify({ type: 'recording-stopped', sessionId, sensorId, reason, detail });
  }

  /** A write failed: every stream of that session stops; what was written stays. */
  private async failSession(sessionId: string, failure: WriteFailure): Promise<void> {
    const sensors: string[] = [];
    for (const [sensorId, active] of this.streams) {
      if (active.sessionId !== sessionId) continue;
      this.streams.delete(sensorId);
      active.recorder.abandon();
      sensors.push(sensorId);
    }
    try {
      await finishSession(await this.deps.db(), sessionId, failure.reason);
    } catch {
      // With the disk full even this small update may fail: the session then stays 'recording',
      // is found interrupted on the next start and recovered intact — nothing is lost either way.
    }
    this.releaseIfIdle(sessionId);
    const detail = failure.reason === 'storage-full' ? STORAGE_FULL_TEXT : `Recording stopped: the session could not be saved (${failure.detail}).`;
    for (const sensorId of sensors) this.deps.notify({ type: 'recording-stopped', sessionId, sensorId, reason: failure.reason, detail });
  }

  private async finishIfLast(sessionId: string, stoppedBy: StoppedBy): Promise<void> {
    if ([...this.streams.values()].some((a) => a.sessionId === sessionId)) return;
    await finishSession(await this.deps.db(), sessionId, stoppedBy);
    this.releaseIfIdle(sessionId);
  }

  private releaseIfIdle(sessionId: string): void {
    if ([...this.streams.values()].some((a) => a.sessionId === sessionId)) return;
    this.locks.get(sessionId)?.();
    this.locks.delete(sessionId);
  }
}
