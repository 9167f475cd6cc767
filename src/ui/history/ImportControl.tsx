import type { HistoryModel } from '../../state/history-model';
import { historyText } from '../strings';

/** The import button: a file input with its own visible label; the outcome is announced below it. */
export function ImportControl({ model }: { model: HistoryModel }) {
  const outcome = model.importOutcome.value;
  return (
    <section class="history-panel" aria-labelledby="history-import-heading">
      <h2 id="history-import-heading" class="section-heading">
        {historyText.importHeading}
      </h2>
      <p class="muted">{historyText.importHint}</p>
      <label class="button history-file">
        {historyText.importLabel}
        <input
          type="file"
          class="visually-hidden-input"
          accept=".edf,.csv,.jsonl,.txt"
          disabled={model.busy.value}
          onChange={async (event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            const bytes = new Uint8Array(await file.arrayBuffer());
            input.value = '';
            await model.importFile(file.name, bytes);
          }}
        />
      </label>
      {outcome?.ok === false && (
        <p role="alert" class="history-message history-message--error">
          {historyText.importFailed(outcome.fileName, outcome.error.code, outcome.error.detail)}
        </p>
      )}
      <p role="status" class="history-message">
        {model.busy.value ? historyText.importing : outcome?.ok ? historyText.imported(outcome.fileName) : ''}
      </p>
    </section>
  );
}
