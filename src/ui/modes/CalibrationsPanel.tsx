import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { appDb } from '../../state/app-db';
import { latestCalibrations } from '../../state/calibration-store';
import { mode, patientsModel } from '../../state/mode-app';
import { allCalibrations } from '../../store/db/calibrations';
import type { CalibrationRecord } from '../../store/db/schema';
import { calibrationsText, sensorCard } from '../strings';

/** Calibrations grouped by patient, in the order the patients list shows them; "no patient" last. */
function groups(records: readonly CalibrationRecord[], names: ReadonlyMap<string, string>): { id: string; name: string; records: CalibrationRecord[] }[] {
  const byPatient = new Map<string | null, CalibrationRecord[]>();
  for (const r of records) byPatient.set(r.patientId, [...(byPatient.get(r.patientId) ?? []), r]);
  const ordered = [...names].filter(([id]) => byPatient.has(id)).map(([id, name]) => ({ id, name, records: byPatient.get(id)! }));
  // A calibration of a patient no longer listed (deleted elsewhere) still shows, under its id.
  for (const [id, list] of byPatient) if (id !== null && !names.has(id)) ordered.push({ id, name: id, records: list });
  const unassigned = byPatient.get(null);
  if (unassigned) ordered.push({ id: '', name: calibrationsText.noPatient, records: unassigned });
  return ordered;
}

const muscleName = (muscle: string): string => (sensorCard.muscles as Record<string, string>)[muscle] ?? muscle;

/** Therapist mode only: every calibration on this device, per patient (muscle, side, MVC, date). */
export function CalibrationsPanel() {
  const records = useSignal<readonly CalibrationRecord[]>([]);
  // A new calibration or a restored backup changes the latest set: read the list again then.
  const latest = latestCalibrations.value;
  useEffect(() => {
    let current = true;
    // Through a promise: opening may throw at once where storage is blocked.
    void Promise.resolve()
      .then(appDb)
      .then(allCalibrations)
      .then((list) => current && (records.value = list))
      .catch(() => undefined); // no database: the list stays empty
    return () => {
      current = false;
    };
  }, [latest]);
  if (mode.value !== 'therapist') return null;
  const names = new Map(patientsModel.patients.value.map((p) => [p.id, p.displayName]));
  const shown = groups(records.value, names);
  return (
    <section class="settings-group modes-panel" aria-labelledby="calibrations-heading">
      <h2 id="calibrations-heading" class="section-heading">
        {calibrationsText.heading}
      </h2>
      <p class="muted">{shown.length === 0 ? calibrationsText.none : calibrationsText.body}</p>
      {shown.map((group) => (
        // Scrollable on the narrowest phones, so it must be focusable to scroll by keyboard.
        <div class="summary-scroll" key={group.id} tabIndex={0} role="region" aria-label={group.name}>
          <table class="summary-table">
            <caption>{group.name}</caption>
            <thead>
              <tr>
                <th scope="col">{calibrationsText.muscle}</th>
                <th scope="col">{calibrationsText.side}</th>
                <th scope="col">{calibrationsText.mvc}</th>
                <th scope="col">{calibrationsText.date}</th>
              </tr>
            </thead>
            <tbody>
              {group.records.map((r) => (
                <tr key={r.id}>
                  <td>{muscleName(r.muscle)}</td>
                  <td>{sensorCard.sides[r.side]}</td>
                  <td>{calibrationsText.mvcValue(r.mvc, r.unit)}</td>
                  <td>{new Date(r.madeAt).toLocaleDateString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
