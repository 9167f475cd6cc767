// Rebuilds a recorded stream from its chunks: one Float32Array per channel, in stream order from
// the stream's first recorded index, NaN where samples were lost (gaps) — for replay, history and
// the recovery test.
import type { QuadcueDatabase } from './open-db';
import type { StreamRecord } from './schema';

export interface RecordedSamples {
  stream: StreamRecord;
  /** Stream index of element 0 of every array (the stream's firstIndex). */
  firstIndex: number;
  /** raw[c][i]: channel c at stream index firstIndex + i, physical units; NaN in gaps. */
  raw: Float32Array[];
  /** level[c][i]: EMG envelope uV or low-passed force N; NaN in gaps. */
  level: Float32Array[];
  chunks: number;
}

/** Reads one stream of a session (the first one when `sensorId` is omitted); null if there is none. */
export async function readSessionSamples(db: QuadcueDatabase, sessionId: string, sensorId?: string): Promise<RecordedSamples | null> {
  const session = await db.get('sessions', sessionId);
  const stream = session?.streams.find((s) => sensorId === undefined || s.sensorId === sensorId);
  if (!stream) return null;
  const range = IDBKeyRange.bound([sessionId, stream.sensorId, 0], [sessionId, stream.sensorId, Infinity]);
  const tx = db.transaction('chunks');
  const last = (await tx.store.openCursor(range, 'prev'))?.value;
  const length = last ? last.startIndex + last.sampleCount - stream.firstIndex : 0;
  const channels = stream.channels.length;
  const raw = Array.from({ length: channels }, () => new Float32Array(length).fill(NaN));
  const level = Array.from({ length: channels }, () => new Float32Array(length).fill(NaN));
  let chunks = 0;
  // A cursor, not getAll: an hour of chunks is hundreds of megabytes; hold one at a time.
  for (let cursor = await tx.store.openCursor(range); cursor; cursor = await cursor.continue()) {
    const chunk = cursor.value;
    const offset = chunk.startIndex - stream.firstIndex;
    for (let s = 0; s < chunk.sampleCount; s++) {
      for (let c = 0; c < channels; c++) {
        raw[c]![offset + s] = chunk.raw[s * channels + c]!;
        level[c]![offset + s] = chunk.level[s * channels + c]!;
      }
    }
    chunks++;
  }
  await tx.done;
  return { stream, firstIndex: stream.firstIndex, raw, level, chunks };
}
