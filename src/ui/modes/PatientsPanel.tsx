import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { mode, patientsModel } from '../../state/mode-app';
import type { PatientRecord } from '../../store/db/schema';
import { patientsText } from '../strings';
import { ConfirmBox } from './ConfirmBox';
import { PatientForm } from './PatientForm';

/** Therapist mode only: the patients on this device — add, edit, choose for this device, delete. */
export function PatientsPanel() {
  const editing = useSignal<PatientRecord | 'new' | null>(null);
  const deleting = useSignal<PatientRecord | null>(null);
  const status = useSignal('');
  useEffect(() => {
    void patientsModel.refresh().catch(() => undefined);
  }, []);
  if (mode.value !== 'therapist') return null;
  const { patients, activePatientId } = patientsModel;

  const remove = async (patient: PatientRecord) => {
    await patientsModel.remove(patient.id);
    deleting.value = null;
    status.value = patientsText.deleted(patient.displayName);
  };

  return (
    <section class="settings-group modes-panel" aria-labelledby="patients-heading">
      <h2 id="patients-heading" class="section-heading">
        {patientsText.heading}
      </h2>
      {patients.value.length === 0 && editing.value === null && <p class="muted">{patientsText.none}</p>}
      <ul class="patient-list">
        {patients.value.map((p) => (
          <li key={p.id} class="patient-row">
            {editing.value !== 'new' && editing.value?.id === p.id ? (
              <PatientForm patient={p} onDone={() => (editing.value = null)} />
            ) : (
              <>
                <div class="patient-summary">
                  <span class="patient-name">{p.displayName}</span>
                  {activePatientId.value === p.id && <span class="mode-badge">{patientsText.active}</span>}
                  <span class="muted">{patientsText.details(p.affectedSide, p.bodyMassKg)}</span>
                </div>
                {deleting.value?.id === p.id ? (
                  <ConfirmBox
                    title={patientsText.deleteTitle(p.displayName)}
                    body={patientsText.deleteBody}
                    confirm={patientsText.deleteConfirm}
                    cancel={patientsText.keep}
                    onConfirm={() => void remove(p)}
                    onCancel={() => (deleting.value = null)}
                  />
                ) : (
                  <div class="action-row">
                    {activePatientId.value !== p.id && (
                      <button type="button" class="button button--small" onClick={() => patientsModel.select(p.id)}>
                        {patientsText.makeActive}
                      </button>
                    )}
                    <button type="button" class="button button--small" aria-label={`${patientsText.edit} ${p.displayName}`} onClick={() => (editing.value = p)}>
                      {patientsText.edit}
                    </button>
                    <button type="button" class="button button--small" aria-label={`${patientsText.delete} ${p.displayName}`} onClick={() => (deleting.value = p)}>
                      {patientsText.delete}
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {editing.value === 'new' ? (
        <PatientForm onDone={() => (editing.value = null)} />
      ) : (
        <button type="button" class="button button--primary" onClick={() => (editing.value = 'new')}>
          {patientsText.add}
        </button>
      )}
      <p class="visually-hidden" role="status">
        {status.value}
      </p>
    </section>
  );
}
