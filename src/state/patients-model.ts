// The patients a therapist keeps on this device, and which one the device is set up for (the
// active patient, whose program and history patient mode shows). Saved in the database; the
// active patient's id in localStorage, like other per-device choices (settings-model.ts).
import { computed, signal } from '@preact/signals';
import type { QuadcueDatabase } from '../store/db/open-db';
import { checkPatientInput, deleteAllData, deletePatient, listPatients, savePatient, type PatientCheck, type PatientInput } from '../store/db/patients';
import type { PatientRecord } from '../store/db/schema';
import { PIN_SETTING_KEY } from './mode-pin';
import { ACTIVE_PATIENT_KEY, deviceStorage, readActivePatientId } from './active-patient-id';

type KeyStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface PatientsModelOptions {
  db: () => Promise<QuadcueDatabase>;
  storage?: KeyStore | null;
  /** New patient ids: random UUIDs in the app, a counter in tests. */
  newId?: () => string;
}

export function createPatientsModel({ db, storage = deviceStorage(), newId = () => crypto.randomUUID() }: PatientsModelOptions) {
  const patients = signal<readonly PatientRecord[]>([]);
  const activePatientId = signal<string | null>(readActive());
  const activePatient = computed(() => patients.value.find((p) => p.id === activePatientId.value) ?? null);

  function readActive(): string | null {
    return readActivePatientId(storage);
  }

  function select(id: string | null): void {
    activePatientId.value = id;
    try {
      if (id === null) storage?.removeItem(ACTIVE_PATIENT_KEY);
      else storage?.setItem(ACTIVE_PATIENT_KEY, id);
    } catch {
      // Storage off or full: the choice lasts for this visit.
    }
  }

  /** Reads the list again (after a restore, or on start); a vanished active patient is let go. */
  async function refresh(): Promise<void> {
    patients.value = await listPatients(await db());
    if (activePatientId.value !== null && !patients.value.some((p) => p.id === activePatientId.value)) select(null);
  }

  /** Creates (no `id`) or updates a patient from the form; the first patient becomes the active one. */
  async function save(input: PatientInput, id?: string): Promise<PatientCheck> {
    const checked = checkPatientInput(input);
    if (!checked.ok) return checked;
    const record: PatientRecord = { id: id ?? newId(), ...checked.value };
    await savePatient(await db(), record);
    await refresh();
    if (activePatientId.value === null) select(record.id);
    return checked;
  }

  async function remove(id: string): Promise<void> {
    await deletePatient(await db(), id);
    await refresh();
  }

  /** Every patient and recording goes; the therapist PIN stays, so the device stays guarded. */
  async function deleteEverything(): Promise<void> {
    await deleteAllData(await db(), [PIN_SETTING_KEY]);
    await refresh();
  }

  return { patients, activePatientId, activePatient, select, refresh, save, remove, deleteEverything };
}

export type PatientsModel = ReturnType<typeof createPatientsModel>;
