// Recording (issue 7) inside the pipeline worker: the recorder from src/store/db, its database
// opened on first use, its notices posted to the main thread as they are.
import { openQuadcueDb, type QuadcueDatabase } from '../store/db/open-db';
import { Recorder } from '../store/db/recorder';
import type { FromWorker } from './messages';

export function createWorkerRecorder(post: (message: FromWorker) => void): Recorder {
  let db: Promise<QuadcueDatabase> | null = null;
  const open = (): Promise<QuadcueDatabase> =>
    (db ??= openQuadcueDb().catch((error: unknown) => {
      db = null; // the next start tries again (a blocked upgrade, a transient failure)
      throw error;
    }));
  return new Recorder({ db: open, notify: post });
}
