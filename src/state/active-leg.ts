// The injured leg of the patient this device is set up for: where "Which leg?" takes its default
// and trends the injured side of sessions that name no patient. The patients' code and list are
// loaded on demand, as the header's mode switch does (ui/shell/ModeSlot.tsx), so the first load
// of the app does not pay for them.
import { signal } from '@preact/signals';
import type { LegSide } from '../store/db/schema';

export const affectedLeg = signal<LegSide | null>(null);

/** Reads the active patient's affected leg (null without a patient, or when storage is unavailable). */
export async function refreshAffectedLeg(): Promise<void> {
  try {
    const { patientsModel } = await import('./mode-app');
    await patientsModel.refresh();
    affectedLeg.value = patientsModel.activePatient.peek()?.affectedSide ?? null;
  } catch {
    affectedLeg.value = null;
  }
}
