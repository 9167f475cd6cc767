// A patient's current program (what the therapist prescribed), one record per patient under a
// fixed id, so saving replaces it. Validated on load like any imported program: a damaged record
// reads as "no program", never a crash.
import { validateProgram, type Program } from '../../exercise/program';
import type { QuadcueDatabase } from './open-db';

/** The current program's record id: one per patient, and one for "no patient chosen". */
export function currentProgramId(patientId: string | null): string {
  return patientId === null ? 'current' : `current.${patientId}`;
}

/** The name the record carries (the program itself has none yet). */
export const CURRENT_PROGRAM_NAME = 'Current program';

export async function loadCurrentProgram(db: QuadcueDatabase, patientId: string | null): Promise<Program | null> {
  const record = await db.get('programs', currentProgramId(patientId));
  if (!record) return null;
  const validated = validateProgram(record.program);
  return validated.ok ? validated.value : null;
}

/** Saves the program, or deletes the record when the program is cleared (null). */
export async function saveCurrentProgram(db: QuadcueDatabase, patientId: string | null, program: Program | null): Promise<void> {
  const id = currentProgramId(patientId);
  if (program === null) await db.delete('programs', id);
  else await db.put('programs', { id, patientId, name: CURRENT_PROGRAM_NAME, program });
}
