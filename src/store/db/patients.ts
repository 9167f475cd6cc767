// Patients in the database: list, save, and delete with everything recorded for them. The one
// place a patient form's input is checked (architecture.md, "Every bad input has one place where
// it is rejected"). Names are pseudonymous by design (the issue: "pseudonymous display name or ID").
import type { QuadcueDatabase } from './open-db';
import type { LegSide, PatientRecord, StoreName } from './schema';

/** Limits on what a patient form may hold; a display name is initials or a code, not prose. */
export const PATIENT_LIMITS = {
  displayNameChars: 40,
  notesChars: 2000,
  /** Same plausibility bound as the dynamometer body mass (src/state/settings-model.ts). */
  bodyMassKgMax: 400,
} as const;

/** What a patient form hands over: text as typed. */
export interface PatientInput {
  displayName: string;
  affectedSide: LegSide | null;
  bodyMassKg: string;
  notes: string;
}

export type PatientInputError = 'name-missing' | 'name-too-long' | 'body-mass-invalid' | 'notes-too-long';

export type PatientCheck = { ok: true; value: Omit<PatientRecord, 'id'> } | { ok: false; errors: PatientInputError[] };

/** Checks and normalises a patient form; every problem is reported at once. */
export function checkPatientInput(input: PatientInput): PatientCheck {
  const errors: PatientInputError[] = [];
  const displayName = input.displayName.trim();
  if (displayName === '') errors.push('name-missing');
  else if (displayName.length > PATIENT_LIMITS.displayNameChars) errors.push('name-too-long');
  const massText = input.bodyMassKg.trim();
  const mass = massText === '' ? null : Number(massText);
  if (mass !== null && !(Number.isFinite(mass) && mass > 0 && mass <= PATIENT_LIMITS.bodyMassKgMax)) errors.push('body-mass-invalid');
  const notes = input.notes.trim();
  if (notes.length > PATIENT_LIMITS.notesChars) errors.push('notes-too-long');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { displayName, affectedSide: input.affectedSide, bodyMassKg: mass, notes } };
}

/** All patients, sorted by display name (as a clinician scans a list). */
export async function listPatients(db: QuadcueDatabase): Promise<PatientRecord[]> {
  const all = await db.getAll('patients');
  return all.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
}

export async function savePatient(db: QuadcueDatabase, patient: PatientRecord): Promise<void> {
  await db.put('patients', patient);
}

const PATIENT_STORES: StoreName[] = ['patients', 'sessions', 'chunks', 'events', 'calibrations', 'programs'];

/**
 * Deletes a patient and everything recorded for them — sessions with their chunks and events,
 * calibrations, programs — in one transaction: either all of it goes, or (on any failure) none.
 */
export async function deletePatient(db: QuadcueDatabase, patientId: string): Promise<void> {
  const tx = db.transaction(PATIENT_STORES, 'readwrite');
  const sessions = tx.objectStore('sessions');
  const sessionIds = await sessions.index('by-patient-start').getAllKeys(IDBKeyRange.bound([patientId], [patientId, []]));
  const work: Promise<unknown>[] = [
    tx.objectStore('patients').delete(patientId),
    deleteEach(tx.objectStore('calibrations').index('by-patient').openCursor(patientId)),
    deleteEach(tx.objectStore('programs').index('by-patient').openCursor(patientId)),
  ];
  for (const sessionId of sessionIds) {
    work.push(
      sessions.delete(sessionId),
      tx.objectStore('chunks').delete(IDBKeyRange.bound([sessionId], [sessionId, []])),
      deleteEach(tx.objectStore('events').index('by-session').openCursor(IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]))),
    );
  }
  await Promise.all([...work, tx.done]);
}

interface DeletableCursor {
  delete(): Promise<void>;
  continue(): Promise<DeletableCursor | null>;
}

async function deleteEach(first: Promise<DeletableCursor | null>): Promise<void> {
  for (let cursor = await first; cursor; cursor = await cursor.continue()) await cursor.delete();
}

export const ALL_STORES: readonly StoreName[] = ['patients', 'calibrations', 'programs', 'sessions', 'chunks', 'events', 'settings'];

/**
 * Deletes everything Quadcue keeps in its database, in one transaction. `keepSettingKeys` survive
 * (e.g. the therapist PIN, so the device stays guarded after the data are gone).
 */
export async function deleteAllData(db: QuadcueDatabase, keepSettingKeys: readonly string[] = []): Promise<void> {
  const tx = db.transaction(ALL_STORES, 'readwrite');
  const settings = tx.objectStore('settings');
  const kept = (await Promise.all(keepSettingKeys.map((key) => settings.get(key)))).filter((r) => r !== undefined);
  for (const name of ALL_STORES) await tx.objectStore(name).clear();
  for (const record of kept) await settings.put(record);
  await tx.done;
}
