import { useSignal } from '@preact/signals';
import type { HistoryModel, OpenedSession } from '../../state/history-model';
import type { ExportFormat } from '../../state/history-export';
import { ConfirmPanel } from './ConfirmPanel';
import { saveFile } from '../common/save-file';
import { exerciseName } from './exercise-name';
import { ReplayChart } from './ReplayChart';
import { ReplayControls } from './ReplayControls';
import { SessionNotes } from './SessionNotes';
import { sessionDate } from './SessionList';
import { SessionSide } from './SessionSide';
import { historyText } from '../strings';

const EXPORTS: { format: ExportFormat; label: string }[] = [
  { format: 'edf', label: historyText.exportEdf },
  { format: 'csv', label: historyText.exportCsv },
  { format: 'json', label: historyText.exportJson },
];

/** One session: its recording replayed on the chart, exports, and deleting it. */
export function SessionView({ model, opened }: { model: HistoryModel; opened: OpenedSession }) {
  const { session } = opened.entry;
  const positionS = useSignal(0);
  const show = useSignal<'level' | 'raw'>('level');
  const exportError = useSignal<string | null>(null);
  const confirming = useSignal(false);
  const totalS = Math.max(0, ...opened.streams.map((s) => (s.raw[0]?.length ?? 0) / s.stream.rateHz));

  function save(format: ExportFormat): void {
    const result = model.exportOpened(format);
    if (!result) return;
    if (!result.ok) {
      exportError.value = historyText.exportFailed(result.detail);
      return;
    }
    exportError.value = null;
    saveFile(result.fileName, result.bytes, result.mimeType);
  }

  return (
    <article class="history-session" aria-labelledby="session-heading">
      <button type="button" class="button history-back" onClick={model.close}>
        {historyText.back}
      </button>
      <div class="history-card-head">
        <h2 id="session-heading" class="section-heading">
          {sessionDate(session.startedAt)}
        </h2>
        {session.simulated && <span class="history-badge">{historyText.simulated}</span>}
        <span class={`history-status history-status--${session.status}`}>{historyText.status[session.status]}</span>
      </div>
      <p class="history-exercise">
        {session.exerciseId ? exerciseName(session.exerciseId) : historyText.noExercise} · {historyText.duration(opened.entry.durationS)}
      </p>
      {session.simulated && <p class="muted">{historyText.simulatedNote}</p>}
      <SessionSide session={session} model={model} />

      <section class="history-panel" aria-labelledby="replay-heading">
        <h3 id="replay-heading" class="history-subheading">
          {historyText.replayHeading}
        </h3>
        <label class="replay-field">
          {historyText.showLabel}
          <select value={show.value} onChange={(event) => (show.value = event.currentTarget.value === 'raw' ? 'raw' : 'level')}>
            <option value="level">{historyText.showLevel}</option>
            <option value="raw">{historyText.showRaw}</option>
          </select>
        </label>
        {opened.streams.map((samples) => (
          <ReplayChart key={samples.stream.sensorId} samples={samples} show={show.value} positionS={positionS} />
        ))}
        <ReplayControls positionS={positionS} totalS={totalS} />
      </section>
      <SessionNotes opened={opened} />

      <section class="history-panel" aria-labelledby="export-heading">
        <h3 id="export-heading" class="history-subheading">
          {historyText.exportHeading}
        </h3>
        <p class="muted">{historyText.exportNote}</p>
        <div class="history-actions">
          {EXPORTS.map(({ format, label }) => (
            <button key={format} type="button" class="button" onClick={() => save(format)}>
              {label}
            </button>
          ))}
        </div>
        {exportError.value && (
          <p role="alert" class="history-message history-message--error">
            {exportError.value}
          </p>
        )}
      </section>

      <section class="history-panel" aria-labelledby="delete-heading">
        <h3 id="delete-heading" class="history-subheading">
          {historyText.deleteHeading}
        </h3>
        {confirming.value ? (
          <ConfirmPanel
            title={historyText.deleteConfirmTitle}
            confirmLabel={historyText.deleteConfirm}
            cancelLabel={historyText.cancel}
            onConfirm={() => void model.remove(session.id)}
            onCancel={() => (confirming.value = false)}
          >
            <p>{historyText.deleteConfirmBody}</p>
          </ConfirmPanel>
        ) : (
          <button type="button" class="button button--danger-outline" onClick={() => (confirming.value = true)}>
            {historyText.delete}
          </button>
        )}
      </section>
    </article>
  );
}
