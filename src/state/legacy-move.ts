// The one-time move from localStorage (releases before the database held them) into the database:
// calibrations, the current program, mains frequency, dynamometer, cue settings and channel
// assignments. Values are validated on the way; the old keys are removed only after the write has
// committed, so a failed move is tried again on the next start and nothing is lost.
import { validateProgram } from '../exercise/program';
import type { QuadcueDatabase } from '../store/db/open-db';
import { currentProgramId, CURRENT_PROGRAM_NAME } from '../store/db/programs';
import type { CalibrationRecord } from '../store/db/schema';
import { isStoredCalibration } from './calibration-store';
import { ASSIGNMENTS_SETTING_KEY, readAssignments } from './channel-assignment';
import { CUE_SETTINGS_KEY, readCueSettings } from './cue-settings';
import {
  LEGACY_ASSIGNMENT_PREFIX,
  LEGACY_CALIBRATIONS_KEY,
  LEGACY_CUE_SETTINGS_KEY,
  LEGACY_DYNAMOMETER_KEY,
  LEGACY_MAINS_KEY,
  LEGACY_PROGRAM_KEY,
  legacyKeysIn,
  type LegacyStorage,
} from './legacy-keys';
import { DYNAMOMETER_SETTING_KEY, MAINS_SETTING_KEY, readDynamometer } from './settings-model';

export interface MovedCounts {
  calibrations: number;
  program: boolean;
  /** Settings-store keys written. */
  settings: string[];
}

function parsed(storage: LegacyStorage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null; // damaged: dropped with its key, the default applies
  }
}

function legacyCalibrations(stored: unknown, patientId: string | null): Omit<CalibrationRecord, 'id'>[] {
  if (typeof stored !== 'object' || stored === null) return [];
  return Object.entries(stored).flatMap(([key, value]) => {
    const [muscle, side] = key.split('.');
    if (!muscle || (side !== 'left' && side !== 'right') || !isStoredCalibration(value)) return [];
    const { mvc, unit, madeAt, trialMvcs } = value;
    return [{ patientId, muscle, side, mvc, unit, madeAt, trialMvcs }];
  });
}

/**
 * Moves what the old keys hold into `db`; calibrations and the program go to `patientId` (the
 * active patient, or null). A setting already in the database wins over the old key.
 */
export async function moveLegacyStorage(db: QuadcueDatabase, storage: LegacyStorage, patientId: string | null): Promise<MovedCounts> {
  const oldKeys = legacyKeysIn(storage);
  const assignmentKeys = oldKeys.filter((key) => key.startsWith(LEGACY_ASSIGNMENT_PREFIX));
  const moved: MovedCounts = { calibrations: 0, program: false, settings: [] };
  if (oldKeys.length === 0) return moved;

  const calibrations = legacyCalibrations(parsed(storage, LEGACY_CALIBRATIONS_KEY), patientId);
  const program = validateProgram(parsed(storage, LEGACY_PROGRAM_KEY));
  const settings = new Map<string, unknown>();
  const mains = storage.getItem(LEGACY_MAINS_KEY);
  if (mains === '50' || mains === '60') settings.set(MAINS_SETTING_KEY, Number(mains));
  const dynamometer = readDynamometer(parsed(storage, LEGACY_DYNAMOMETER_KEY));
  if (dynamometer) settings.set(DYNAMOMETER_SETTING_KEY, dynamometer);
  if (storage.getItem(LEGACY_CUE_SETTINGS_KEY) !== null) settings.set(CUE_SETTINGS_KEY, readCueSettings(parsed(storage, LEGACY_CUE_SETTINGS_KEY)));
  const assignments = readAssignments(Object.fromEntries(assignmentKeys.map((key) => [key.slice(LEGACY_ASSIGNMENT_PREFIX.length), parsed(storage, key)])));
  if (assignments && Object.keys(assignments).length > 0) settings.set(ASSIGNMENTS_SETTING_KEY, assignments);

  const tx = db.transaction(['calibrations', 'programs', 'settings'], 'readwrite');
  const programs = tx.objectStore('programs');
  const store = tx.objectStore('settings');
  // Reads first, then every write at once: a write's promise made before an await would have no
  // handler yet if the transaction aborted during that await (an unhandled rejection). tx.done is
  // awaited alongside from the start for the same reason.
  async function readThenWrite(): Promise<void> {
    const programFree = program.ok && (await programs.getKey(currentProgramId(patientId))) === undefined;
    const freeSettings: [string, unknown][] = [];
    for (const [key, value] of settings) if ((await store.getKey(key)) === undefined) freeSettings.push([key, value]);
    const writes: Promise<unknown>[] = calibrations.map((c) => tx.objectStore('calibrations').add(c));
    if (programFree) writes.push(programs.put({ id: currentProgramId(patientId), patientId, name: CURRENT_PROGRAM_NAME, program: program.value }));
    for (const [key, value] of freeSettings) writes.push(store.put({ key, value }));
    await Promise.all(writes);
    moved.calibrations = calibrations.length;
    moved.program = programFree;
    moved.settings = freeSettings.map(([key]) => key);
  }
  await Promise.all([readThenWrite(), tx.done]);
  for (const key of oldKeys) storage.removeItem(key);
  return moved;
}
