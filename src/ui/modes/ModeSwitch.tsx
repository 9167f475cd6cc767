import { useSignal } from '@preact/signals';
import { mode, modeModel, patientsModel } from '../../state/mode-app';
import { followActivePatient } from '../../state/stored-state-start';
import { modeText } from '../strings';
import { TherapistGate } from './TherapistGate';

// The modes (and the patients model) have loaded: the stored program and calibrations follow the
// patient chosen in therapist mode from now on.
followActivePatient(patientsModel.activePatientId);

/** For the header: which mode the app is in, a way into therapist mode (PIN) and a Lock button out. */
export function ModeSwitch({ openGate = false }: { openGate?: boolean }) {
  const gateOpen = useSignal(openGate);
  const therapist = mode.value === 'therapist';
  return (
    <div class="mode-switch">
      {therapist ? (
        <>
          <span class="mode-badge">{modeText.therapistMode}</span>
          <button type="button" class="button button--small" aria-label={modeText.lockLabel} onClick={() => modeModel.lock()}>
            {modeText.lock}
          </button>
        </>
      ) : (
        <button type="button" class="button button--small" aria-label={modeText.enterTherapistLabel} onClick={() => (gateOpen.value = true)}>
          {modeText.enterTherapist}
        </button>
      )}
      {gateOpen.value && <TherapistGate onClose={() => (gateOpen.value = false)} />}
    </div>
  );
}
