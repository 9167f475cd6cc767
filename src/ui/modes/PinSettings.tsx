import { useSignal } from '@preact/signals';
import { mode, modeModel } from '../../state/mode-app';
import { modeText, pinText } from '../strings';
import { PinField } from './PinField';

/** Therapist mode only: change the PIN (the current one confirms it). */
export function PinSettings() {
  const current = useSignal('');
  const next = useSignal('');
  const message = useSignal('');
  if (mode.value !== 'therapist') return null;

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = await modeModel.changePin(current.value, next.value);
    message.value = result === 'ok' ? pinText.changed : result === 'invalid' ? pinText.invalid : pinText.wrong;
    if (result === 'ok') current.value = next.value = '';
  };

  return (
    <section class="settings-group modes-panel" aria-labelledby="pin-heading">
      <h2 id="pin-heading" class="section-heading">
        {pinText.changeHeading}
      </h2>
      <form class="modes-form" onSubmit={(e) => void submit(e)}>
        <PinField label={pinText.currentPin} value={current} autoComplete="current-password" />
        <PinField label={pinText.newPin} value={next} autoComplete="new-password" />
        <p class="form-message" role="status">
          {message.value}
        </p>
        <button type="submit" class="button">
          {pinText.changeSubmit}
        </button>
      </form>
      <p class="hint">{pinText.notEncryption}</p>
      <p class="hint">{modeText.idleNote}</p>
    </section>
  );
}
