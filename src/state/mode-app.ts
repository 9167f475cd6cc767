// The app's instances of the mode and patients models, with the real clock and database. The
// shell mounts the components in src/ui/modes; everything else reads `mode` and `activePatient`.
import { systemClock } from '../devices/clock';
import { appDb } from './app-db';
import { createModeModel, watchActivity } from './mode-model';
import { settingsPinStore } from './mode-pin';
import { createPatientsModel } from './patients-model';

export const modeModel = createModeModel({ clock: systemClock, pins: settingsPinStore(appDb) });
export const patientsModel = createPatientsModel({ db: appDb });

/** 'patient' or 'therapist': what the app shows. */
export const mode = modeModel.mode;
/** The patient this device is set up for, or null. */
export const activePatient = patientsModel.activePatient;

let started = false;

/** Once, at start-up: learn whether a PIN is set, load the patients, watch for activity. */
export function startModes(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = window): void {
  if (started) return;
  started = true;
  watchActivity(target, modeModel);
  // A database that cannot open (private mode in old browsers) leaves the PIN state 'loading':
  // the gate then says storage is unavailable instead of offering a PIN it cannot keep.
  void modeModel.load().catch(() => undefined);
  void patientsModel.refresh().catch(() => undefined);
}
