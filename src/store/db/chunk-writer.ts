// Writes one chunk — and the gap event before it, if any — in one IndexedDB transaction: a chunk is
// either wholly stored or not at all, so a failure (storage full, a crash mid-write) never damages
// what earlier transactions committed. Never throws: a failure is a typed outcome the recorder acts on.
import type { ChunkDraft } from './chunk-accumulator';
import type { QuadcueDatabase } from './open-db';

export type WriteFailure = { ok: false; reason: 'storage-full' | 'write-error'; detail: string };
export type WriteOutcome = { ok: true } | WriteFailure;

/** The recorder's collaborator: where finished chunks go (IndexedDB in the app, a double in tests). */
export interface ChunkWriter {
  write(sessionId: string, sensorId: string, draft: ChunkDraft): Promise<WriteOutcome>;
}

function errorName(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : null;
}

/**
 * A full disk shows up as QuotaExceededError on the request, or as an AbortError whose
 * transaction carries the QuotaExceededError (Chromium aborts the transaction at commit).
 */
export function classifyWriteError(error: unknown, transactionError: unknown): WriteFailure {
  const quota = errorName(error) === 'QuotaExceededError' || errorName(transactionError) === 'QuotaExceededError';
  const cause = transactionError ?? error;
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return { ok: false, reason: quota ? 'storage-full' : 'write-error', detail };
}

export function idbChunkWriter(db: QuadcueDatabase): ChunkWriter {
  return {
    async write(sessionId, sensorId, draft) {
      let tx;
      try {
        tx = db.transaction(['chunks', 'events'], 'readwrite');
      } catch (error) {
        return classifyWriteError(error, null);
      }
      const writes: Promise<unknown>[] = [
        tx.objectStore('chunks').put({
          sessionId,
          sensorId,
          seq: draft.seq,
          startIndex: draft.startIndex,
          sampleCount: draft.sampleCount,
          gapBefore: draft.gapBefore,
          channels: draft.channels,
          raw: draft.raw,
          level: draft.level,
        }),
        tx.done,
      ];
      if (draft.gapBefore > 0) {
        writes.push(
          tx.objectStore('events').add({
            sessionId,
            sensorId,
            sampleIndex: draft.startIndex - draft.gapBefore,
            kind: 'gap',
            lengthSamples: draft.gapBefore,
            reason: draft.gapReason ?? 'loss',
          }),
        );
      }
      // Commit now rather than when the last request's success event has come back: one round
      // trip less between the samples and the disk, which counts when the page is going away.
      tx.commit();
      try {
        await Promise.all(writes);
        return { ok: true };
      } catch (error) {
        // Let every request settle so none rejects unobserved, then read the transaction's cause.
        await Promise.allSettled(writes);
        return classifyWriteError(error, tx.error);
      }
    },
  };
}
