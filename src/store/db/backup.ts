// The whole-database backup file and its restore (issue 7: "a whole-database backup file and its
// restore on another device"). The file is JSON:
//   { format: 'quadcue-backup', version: 1, createdAt, stores: { patients: [...], …, chunks: [...] } }
// with chunk samples as little-endian Float32 in base64. Restore reads and checks the WHOLE file
// first — format, version, every record's shape, unique keys — and only then clears and writes
// every store in one transaction, so a damaged file (or a failed write) changes nothing.
import {
  chunkToFile,
  readCalibration,
  readChunk,
  readEvent,
  readPatient,
  readProgram,
  readSession,
  readSetting,
  type ChunkInFile,
  type Read,
} from './backup-records';
import type { QuadcueDatabase } from './open-db';
import { ALL_STORES } from './patients';
import type { QuadcueDB, StoreName } from './schema';

export const BACKUP_FORMAT = 'quadcue-backup';
export const BACKUP_VERSION = 1;

type Records = { [S in StoreName]: QuadcueDB[S]['value'][] };
type FileStores = Omit<Records, 'chunks'> & { chunks: ChunkInFile[] };

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO-8601, when the backup was made (a label for people; nothing is computed from it). */
  createdAt: string;
  stores: FileStores;
}

/** A checked backup, ready to write. */
export interface Backup {
  createdAt: string;
  stores: Records;
}

export type BackupError =
  | { code: 'not-json' }
  | { code: 'not-a-backup' }
  | { code: 'newer-version'; version: number }
  | { code: 'store-missing'; store: StoreName }
  | { code: 'bad-record'; store: StoreName; index: number; reason: string }
  | { code: 'duplicate-key'; store: StoreName; index: number }
  | { code: 'write-failed'; detail: string };

export type BackupResult<T> = { ok: true; value: T } | { ok: false; error: BackupError };

/**
 * Reads every store in one read transaction (a consistent snapshot) into the backup file's text.
 * Settings named in `skipSettingKeys` stay out of the file (the therapist PIN belongs to a device).
 */
export async function createBackup(db: QuadcueDatabase, createdAt: string, skipSettingKeys: readonly string[] = []): Promise<string> {
  const tx = db.transaction(ALL_STORES, 'readonly');
  const [patients, calibrations, programs, sessions, chunks, events, settings] = await Promise.all([
    tx.objectStore('patients').getAll(),
    tx.objectStore('calibrations').getAll(),
    tx.objectStore('programs').getAll(),
    tx.objectStore('sessions').getAll(),
    tx.objectStore('chunks').getAll(),
    tx.objectStore('events').getAll(),
    tx.objectStore('settings').getAll(),
  ]);
  await tx.done;
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    stores: {
      patients,
      calibrations,
      programs,
      sessions,
      chunks: chunks.map(chunkToFile),
      events,
      settings: settings.filter((s) => !skipSettingKeys.includes(s.key)),
    },
  };
  return JSON.stringify(file);
}

const readers: { [S in StoreName]: (x: unknown) => Read<QuadcueDB[S]['value']> } = {
  patients: readPatient,
  calibrations: readCalibration,
  programs: readProgram,
  sessions: readSession,
  chunks: readChunk,
  events: readEvent,
  settings: readSetting,
};

/** The key a record is stored under, as text: two records with the same key would overwrite each other. */
const keyOf: { [S in StoreName]: (r: QuadcueDB[S]['value']) => string } = {
  patients: (r) => r.id,
  calibrations: (r) => String(r.id),
  programs: (r) => r.id,
  sessions: (r) => r.id,
  chunks: (r) => JSON.stringify([r.sessionId, r.sensorId, r.seq]),
  events: (r) => String(r.id),
  settings: (r) => r.key,
};

function readStore<S extends StoreName>(store: S, list: unknown[]): BackupResult<QuadcueDB[S]['value'][]> {
  const records: QuadcueDB[S]['value'][] = [];
  const keys = new Set<string>();
  for (let index = 0; index < list.length; index++) {
    const read = readers[store](list[index]);
    if (!read.ok) return { ok: false, error: { code: 'bad-record', store, index, reason: read.reason } };
    const key = keyOf[store](read.value);
    if (keys.has(key)) return { ok: false, error: { code: 'duplicate-key', store, index } };
    keys.add(key);
    records.push(read.value);
  }
  return { ok: true, value: records };
}

/** Checks a backup file completely; never throws, whatever the text. */
export function parseBackup(text: string): BackupResult<Backup> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, error: { code: 'not-a-backup' } };
  const file = parsed as Record<string, unknown>;
  if (file.format !== BACKUP_FORMAT || typeof file.stores !== 'object' || file.stores === null || typeof file.createdAt !== 'string') {
    return { ok: false, error: { code: 'not-a-backup' } };
  }
  if (file.version !== BACKUP_VERSION) {
    return typeof file.version === 'number' && file.version > BACKUP_VERSION ? { ok: false, error: { code: 'newer-version', version: file.version } } : { ok: false, error: { code: 'not-a-backup' } };
  }
  const stores = file.stores as Record<string, unknown>;
  const records: Partial<Records> = {};
  for (const store of ALL_STORES) {
    const list = stores[store];
    if (!Array.isArray(list)) return { ok: false, error: { code: 'store-missing', store } };
    const read = readStore(store, list);
    if (!read.ok) return read;
    (records as Record<StoreName, unknown[]>)[store] = read.value;
  }
  return { ok: true, value: { createdAt: file.createdAt, stores: records as Records } };
}

/** How many records of each store a restore wrote. */
export type RestoreCounts = Record<StoreName, number>;

/**
 * Replaces the whole database with the backup in `text`, in one transaction. Settings named in
 * `keepSettingKeys` are kept from this device (and ignored in the file). Nothing is written unless
 * the whole file checks out; a failed write rolls back to the database as it was.
 */
export async function restoreBackup(db: QuadcueDatabase, text: string, keepSettingKeys: readonly string[] = []): Promise<BackupResult<RestoreCounts>> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { stores } = parsed.value;
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    const settings = tx.objectStore('settings');
    const kept = (await Promise.all(keepSettingKeys.map((key) => settings.get(key)))).filter((r) => r !== undefined);
    await Promise.all(ALL_STORES.map((name) => tx.objectStore(name).clear()));
    for (const r of stores.patients) writes.push(tx.objectStore('patients').put(r));
    for (const r of stores.calibrations) writes.push(tx.objectStore('calibrations').put(r));
    for (const r of stores.programs) writes.push(tx.objectStore('programs').put(r));
    for (const r of stores.sessions) writes.push(tx.objectStore('sessions').put(r));
    for (const r of stores.chunks) writes.push(tx.objectStore('chunks').put(r));
    for (const r of stores.events) writes.push(tx.objectStore('events').put(r));
    for (const r of stores.settings) if (!keepSettingKeys.includes(r.key)) writes.push(settings.put(r));
    for (const r of kept) writes.push(settings.put(r));
    await Promise.all([...writes, tx.done]);
  } catch (e) {
    // A put that threw at once leaves the requests before it (and tx.done) to reject on abort.
    for (const pending of [...writes, tx.done]) pending.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished (aborted by the failed request itself): nothing was committed.
    }
    return { ok: false, error: { code: 'write-failed', detail: e instanceof Error ? e.name : String(e) } };
  }
  const counts = Object.fromEntries(ALL_STORES.map((name) => [name, stores[name].length])) as RestoreCounts;
  return { ok: true, value: counts };
}
