import { useSignal } from '@preact/signals';
import { patientsModel } from '../../state/mode-app';
import type { LegSide, PatientRecord } from '../../store/db/schema';
import { patientsText } from '../strings';

interface Props {
  /** The patient being edited; absent for a new one. */
  patient?: PatientRecord;
  onDone: () => void;
}

/** Create or edit a patient. Names are pseudonymous: the form asks for initials or a code. */
export function PatientForm({ patient, onDone }: Props) {
  const displayName = useSignal(patient?.displayName ?? '');
  const side = useSignal<LegSide | null>(patient?.affectedSide ?? null);
  const mass = useSignal(patient?.bodyMassKg === null || patient === undefined ? '' : String(patient.bodyMassKg));
  const notes = useSignal(patient?.notes ?? '');
  const errors = useSignal<string[]>([]);
  const idBase = patient ? `patient-${patient.id}` : 'patient-new';

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await patientsModel.save({ displayName: displayName.value, affectedSide: side.value, bodyMassKg: mass.value, notes: notes.value }, patient?.id);
    if (result.ok) onDone();
    else errors.value = result.errors.map((code) => patientsText.errors[code]);
  };

  return (
    <form class="modes-form patient-form" aria-labelledby={`${idBase}-heading`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${idBase}-heading`} class="form-heading">
        {patient ? patientsText.editHeading(patient.displayName) : patientsText.newHeading}
      </h3>
      <label class="field">
        <span class="field-label">{patientsText.name}</span>
        <input type="text" autoComplete="off" maxLength={40} aria-describedby={`${idBase}-name-hint`} value={displayName.value} onInput={(e) => (displayName.value = (e.currentTarget as HTMLInputElement).value)} />
        <span id={`${idBase}-name-hint`} class="hint">
          {patientsText.nameHint}
        </span>
      </label>
      <label class="field">
        <span class="field-label">{patientsText.side}</span>
        <select value={side.value ?? ''} onChange={(e) => (side.value = ((e.currentTarget as HTMLSelectElement).value || null) as LegSide | null)}>
          <option value="">{patientsText.sideNone}</option>
          <option value="left">{patientsText.sideLeft}</option>
          <option value="right">{patientsText.sideRight}</option>
        </select>
      </label>
      <label class="field">
        <span class="field-label">{patientsText.bodyMass}</span>
        <input type="number" inputMode="decimal" min="1" max="400" step="0.1" value={mass.value} onInput={(e) => (mass.value = (e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span class="field-label">{patientsText.notes}</span>
        <textarea rows={3} maxLength={2000} value={notes.value} onInput={(e) => (notes.value = (e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <div class="form-message" role="alert">
        {errors.value.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </div>
      <div class="action-row">
        <button type="button" class="button" onClick={onDone}>
          {patientsText.cancel}
        </button>
        <button type="submit" class="button button--primary">
          {patientsText.save}
        </button>
      </div>
    </form>
  );
}
