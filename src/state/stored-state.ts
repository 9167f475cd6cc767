// Keeps the database and the app's signals in step for what used to live in localStorage:
// settings (setting-registry.ts), the active patient's current program and latest calibrations.
// On start it moves old localStorage values in once, loads everything, then loads the program and
// calibrations again whenever the active patient changes, and saves each change. A database that
// cannot open (private mode, blocked site data) leaves the signals in memory for the visit.
import { batch, effect, type ReadonlySignal } from '@preact/signals';
import { addCalibration, latestCalibrations as readLatestCalibrations } from '../store/db/calibrations';
import type { QuadcueDatabase } from '../store/db/open-db';
import { loadCurrentProgram, saveCurrentProgram } from '../store/db/programs';
import { readSettings, writeSetting } from '../store/db/settings';
import { calibrationKey, keepCalibrationsWith, latestCalibrations, type StoredCalibration } from './calibration-store';
import { legacyKeysIn, type LegacyStorage } from './legacy-keys';
import { currentProgram } from './program-model';
import type { SettingRegistry } from './setting-registry';

export interface StoredStateDeps {
  db: () => Promise<QuadcueDatabase>;
  settings: SettingRegistry;
  /** The active patient (patients-model.ts); null when none is chosen. */
  patientId: ReadonlySignal<string | null>;
  /** Where the old values may be (localStorage); null when there is none. */
  legacy: LegacyStorage | null;
}

export function createStoredState({ db, settings, patientId, legacy }: StoredStateDeps) {
  let database: QuadcueDatabase | null = null;
  /** Whose program `currentProgram` holds, once loaded: changes before that are not saved. */
  let programOwner: { patientId: string | null } | null = null;
  let savedProgramJson = 'null';
  const stops: (() => void)[] = [];
  /** Loads and saves still running: tests wait for them instead of for wall-clock time. */
  const pending = new Set<Promise<unknown>>();

  function track(work: Promise<unknown>): void {
    const quiet = work.catch(() => undefined); // a failed save keeps the value for this visit
    pending.add(quiet);
    void quiet.then(() => pending.delete(quiet));
  }

  async function loadPatient(id: string | null): Promise<void> {
    if (!database) return;
    const [calibrations, program] = await Promise.all([readLatestCalibrations(database, id), loadCurrentProgram(database, id)]);
    if (patientId.peek() !== id) return; // the patient changed again meanwhile: that load wins
    batch(() => {
      latestCalibrations.value = new Map(calibrations.map(({ muscle, side, mvc, unit, madeAt, trialMvcs }): [string, StoredCalibration] => [calibrationKey(muscle, side), { mvc, unit, madeAt, trialMvcs }]));
      programOwner = { patientId: id };
      savedProgramJson = JSON.stringify(program);
      currentProgram.value = program;
    });
  }

  function saveProgramChanges(): void {
    const program = currentProgram.value;
    if (!database || !programOwner) return;
    const json = JSON.stringify(program);
    if (json === savedProgramJson) return;
    savedProgramJson = json;
    track(saveCurrentProgram(database, programOwner.patientId, program));
  }

  return {
    /** Resolves when everything is loaded; false when the database is unavailable. */
    async start(): Promise<boolean> {
      try {
        database = await db();
      } catch {
        return false;
      }
      const opened = database;
      try {
        // The moving code loads only on a device that still has old keys (once, after an update).
        if (legacy && legacyKeysIn(legacy).length > 0) await (await import('./legacy-move')).moveLegacyStorage(opened, legacy, patientId.peek());
      } catch {
        // The old keys stay and the move runs again on the next start.
      }
      await settings.start({ readAll: () => readSettings(opened), write: (key, value) => writeSetting(opened, key, value) });
      keepCalibrationsWith((muscle, side, calibration) => {
        track(addCalibration(opened, { patientId: patientId.peek(), muscle, side, ...calibration }));
      });
      stops.push(
        effect(() => track(loadPatient(patientId.value))),
        effect(saveProgramChanges),
      );
      await this.settled();
      return true;
    },
    /** Reads everything again: after a backup is restored or all data deleted. */
    async reload(): Promise<void> {
      try {
        await settings.reload();
        await loadPatient(patientId.peek());
      } catch {
        // The database closed meanwhile (a newer tab): what is shown stays for this visit.
      }
    },
    /** Resolves once every load and save started so far has finished. */
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.all(pending);
    },
    /** Stops saving (tests). */
    stop(): void {
      for (const stop of stops.splice(0)) stop();
      keepCalibrationsWith(null);
      settings.stop();
    },
  };
}

export type StoredState = ReturnType<typeof createStoredState>;
