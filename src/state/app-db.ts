// The app's one connection to the database (recording, history, modes, patients, backup), opened on
// first use (the shell stays light until a screen needs it).
import { openQuadcueDb, type QuadcueDatabase } from '../store/db/open-db';

let database: Promise<QuadcueDatabase> | null = null;

export function appDb(): Promise<QuadcueDatabase> {
  return (database ??= openQuadcueDb());
}
