// MVC calibrations, kept as history: every calibration is a record, and what the app uses is the
// latest one for each muscle and side of a patient (or of "no patient chosen", patientId null).
import type { QuadcueDatabase } from './open-db';
import type { CalibrationRecord } from './schema';

export async function addCalibration(db: QuadcueDatabase, calibration: Omit<CalibrationRecord, 'id'>): Promise<CalibrationRecord> {
  const id = await db.add('calibrations', calibration);
  return { ...calibration, id };
}

/** Later first; the record id breaks a tie (two calibrations in the same millisecond). */
function newestFirst(a: CalibrationRecord, b: CalibrationRecord): number {
  return b.madeAt.localeCompare(a.madeAt) || (b.id ?? 0) - (a.id ?? 0);
}

/** Every calibration of one patient, newest first. */
export async function patientCalibrations(db: QuadcueDatabase, patientId: string | null): Promise<CalibrationRecord[]> {
  // A null patientId is not a valid index key, so "no patient" records are found by a scan
  // (a handful of records on a device without patients).
  const records = patientId === null ? (await db.getAll('calibrations')).filter((c) => c.patientId === null) : await db.getAllFromIndex('calibrations', 'by-patient', patientId);
  return records.sort(newestFirst);
}

/** The latest calibration per muscle and side of one patient. */
export async function latestCalibrations(db: QuadcueDatabase, patientId: string | null): Promise<CalibrationRecord[]> {
  const seen = new Set<string>();
  return (await patientCalibrations(db, patientId)).filter((c) => {
    const key = `${c.muscle}.${c.side}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every calibration on the device, newest first (the therapist's list). */
export async function allCalibrations(db: QuadcueDatabase): Promise<CalibrationRecord[]> {
  return (await db.getAll('calibrations')).sort(newestFirst);
}
