// Step-wise schema migrations (the idb habit: `upgrade(db, oldVersion)` runs every step after the
// stored version, in order). A database made by any older release is walked up one version at a
// time, so each step is written once against the version before it and never edited afterwards.
// Add a version by appending a step; migrations.test.ts then migrates a database from every
// older version automatically.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { QuadcueDB } from './schema';

type UpgradeTx = IDBPTransaction<QuadcueDB, StoreNames<QuadcueDB>[], 'versionchange'>;
export type MigrationStep = (db: IDBPDatabase<QuadcueDB>, tx: UpgradeTx) => void;

/** MIGRATIONS[v - 1] takes a database from version v - 1 to version v. */
export const MIGRATIONS: readonly MigrationStep[] = [
  // v1: every store of the recording issue.
  (db) => {
    db.createObjectStore('patients', { keyPath: 'id' });
    const calibrations = db.createObjectStore('calibrations', { keyPath: 'id', autoIncrement: true });
    calibrations.createIndex('by-patient', 'patientId');
    const programs = db.createObjectStore('programs', { keyPath: 'id' });
    programs.createIndex('by-patient', 'patientId');
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('by-status', 'status');
    // Chunks of one stream sort by seq under [sessionId, sensorId]: a key range reads them in order.
    db.createObjectStore('chunks', { keyPath: ['sessionId', 'sensorId', 'seq'] });
    const events = db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
    events.createIndex('by-session', ['sessionId', 'sampleIndex']);
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  // v2: a patient's history lists sessions newest first; this index serves it without a scan.
  // Sessions without a patient (patientId null) are not valid index keys and are simply left out.
  (_db, tx) => {
    tx.objectStore('sessions').createIndex('by-patient-start', ['patientId', 'startedAt']);
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Runs the steps that take a database from `oldVersion` to `newVersion`. */
export function migrate(db: IDBPDatabase<QuadcueDB>, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let version = oldVersion + 1; version <= newVersion; version++) MIGRATIONS[version - 1]!(db, tx);
}
