// The app's stored state, on the app's database and settings. Loaded as its own chunk right after
// start (stored-state-start.ts), so the first paint does not wait for it.
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { appDb } from './app-db';
import { appSettings } from './setting-registry';
import { createStoredState } from './stored-state';
import { readActivePatientId } from './active-patient-id';

const legacy = typeof localStorage === 'undefined' ? null : localStorage;

// The active patient's id is read where the patients model keeps it, so the first load does not
// pay for the patients code (loaded on demand, ui/shell/ModeSlot.tsx); once that code loads, its
// signal leads (followActivePatient).
const activePatientId = signal<string | null>(readActivePatientId(legacy));
let following: (() => void) | null = null;

/** From now on the stored program and calibrations are those of the patient `source` names. */
export function followActivePatient(source: ReadonlySignal<string | null>): void {
  following ??= effect(() => {
    activePatientId.value = source.value;
  });
}

export const storedState = createStoredState({ db: appDb, settings: appSettings, patientId: activePatientId, legacy });
