// Which patient this device is set up for: an id kept in localStorage, a per-device choice that
// stays out of backups (architecture.md). One small module, so start-up code and recording can read
// it without loading the patients code (patients-model.ts writes it).
export const ACTIVE_PATIENT_KEY = 'quadcue.active-patient';

export function readActivePatientId(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(ACTIVE_PATIENT_KEY) ?? null;
  } catch {
    return null; // storage blocked: no patient for this visit
  }
}

/** The browser's storage where there is one (Node runs the same models in tests and the CLI). */
export function deviceStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // reading `localStorage` itself throws when site data is blocked
  }
}
