import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { modeModel } from '../../state/mode-app';
import { modeText, pinText } from '../strings';
import { ConfirmBox } from './ConfirmBox';
import { PinField } from './PinField';

/**
 * The PIN dialog that opens therapist mode: "set a PIN" on first use, "enter the PIN" after, and
 * "Forgot PIN?", which removes the PIN only. A native modal <dialog>: focus stays inside, Esc closes.
 */
export function TherapistGate({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const pin = useSignal('');
  const repeat = useSignal('');
  const message = useSignal<string | null>(null);
  const forgetting = useSignal(false);
  const busy = useSignal(false);
  const state = modeModel.pinState.value;

  useEffect(() => {
    dialog.current?.showModal();
    if (state === 'loading') void modeModel.load().catch(() => undefined);
  }, []);

  const finish = () => {
    dialog.current?.close();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    busy.value = true;
    message.value = null;
    try {
      if (state === 'unset') {
        if (pin.value !== repeat.value) message.value = pinText.mismatch;
        else {
          const result = await modeModel.setFirstPin(pin.value);
          if (result === 'ok') finish();
          else message.value = result === 'invalid' ? pinText.invalid : pinText.wrong;
        }
      } else {
        const result = await modeModel.unlock(pin.value);
        if (result === 'ok') finish();
        else message.value = result === 'paused' ? pinText.paused : pinText.wrong;
        pin.value = '';
      }
    } finally {
      busy.value = false;
    }
  };

  const forget = async () => {
    await modeModel.resetPin();
    forgetting.value = false;
    pin.value = '';
    message.value = null;
  };

  const titleId = 'therapist-gate-title';
  return (
    <dialog ref={dialog} class="gate-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} class="section-heading">
        {forgetting.value ? pinText.forgotTitle : state === 'unset' ? pinText.setTitle : pinText.enterTitle}
      </h2>
      {state === 'loading' ? (
        <p>{pinText.checking}</p>
      ) : forgetting.value ? (
        <ConfirmBox title={pinText.forgotTitle} body={pinText.forgotBody} confirm={pinText.forgotConfirm} cancel={pinText.forgotBack} onConfirm={() => void forget()} onCancel={() => (forgetting.value = false)} />
      ) : (
        <form class="modes-form" onSubmit={(e) => void submit(e)}>
          {state === 'unset' && <p>{pinText.setBody}</p>}
          <PinField label={state === 'unset' ? pinText.newPin : pinText.pin} value={pin} autoFocus autoComplete={state === 'unset' ? 'new-password' : 'current-password'} />
          {state === 'unset' && <PinField label={pinText.repeatPin} value={repeat} autoComplete="new-password" />}
          <p class="form-message" role="alert">
            {message.value}
          </p>
          <div class="action-row">
            <button type="button" class="button" onClick={finish}>
              {pinText.cancel}
            </button>
            <button type="submit" class="button button--primary" disabled={busy.value}>
              {state === 'unset' ? pinText.setSubmit : pinText.enterSubmit}
            </button>
          </div>
          {state === 'set' && (
            <button type="button" class="link-button" onClick={() => (forgetting.value = true)}>
              {pinText.forgot}
            </button>
          )}
          <p class="hint">{pinText.notEncryption}</p>
          <p class="hint">{modeText.idleNote}</p>
        </form>
      )}
    </dialog>
  );
}
