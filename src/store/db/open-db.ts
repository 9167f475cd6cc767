// Opening the database, the same way in a window, the pipeline worker and the unit tests
// (fake-indexeddb sets the global `indexedDB` there).
import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, migrate } from './migrations';
import { DB_NAME, type QuadcueDB } from './schema';

export type QuadcueDatabase = IDBPDatabase<QuadcueDB>;

export interface OpenOptions {
  name?: string;
  /** Tests open older versions to build a database as an older release left it. */
  version?: number;
}

export function openQuadcueDb(options: OpenOptions = {}): Promise<QuadcueDatabase> {
  const version = options.version ?? DB_VERSION;
  return openDB<QuadcueDB>(options.name ?? DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      migrate(db, oldVersion, newVersion ?? version, tx);
    },
    // Another tab runs a newer release: close so its upgrade is not blocked. This connection's
    // later transactions then fail (InvalidStateError) until the page is reloaded.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
