import { useSignal } from '@preact/signals';
import type { HistoryModel } from '../../state/history-model';
import { ConfirmPanel } from './ConfirmPanel';
import { historyText } from '../strings';

/** "Delete everything": a stronger confirmation than one session's — the word must be typed. */
export function DeleteAll({ model }: { model: HistoryModel }) {
  const confirming = useSignal(false);
  const typed = useSignal('');
  const count = model.entries.value.length;
  if (count === 0) return null;
  const cancel = () => {
    confirming.value = false;
    typed.value = '';
  };
  return (
    <section class="history-panel history-danger-zone" aria-label={historyText.deleteAll}>
      {confirming.value ? (
        <ConfirmPanel
          title={historyText.deleteAllTitle}
          confirmLabel={historyText.deleteAllConfirm}
          cancelLabel={historyText.deleteAllCancel}
          confirmDisabled={typed.value.trim() !== historyText.deleteAllWord}
          onConfirm={() => {
            cancel();
            void model.removeAll();
          }}
          onCancel={cancel}
        >
          <p>{historyText.deleteAllBody(count)}</p>
          <label class="replay-field">
            {historyText.deleteAllInput}
            <input type="text" autoComplete="off" value={typed.value} onInput={(event) => (typed.value = event.currentTarget.value)} />
          </label>
        </ConfirmPanel>
      ) : (
        <button type="button" class="button button--danger-outline" onClick={() => (confirming.value = true)}>
          {historyText.deleteAll}
        </button>
      )}
    </section>
  );
}
