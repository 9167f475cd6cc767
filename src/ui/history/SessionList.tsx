import type { HistoryModel } from '../../state/history-model';
import type { HistoryEntry } from '../../state/history-list';
import { exerciseName } from './exercise-name';
import { historyText } from '../strings';

/** A session's start in the reader's own language and time zone. */
export function sessionDate(startedAt: string): string {
  return new Date(startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function SessionItem({ entry, model }: { entry: HistoryEntry; model: HistoryModel }) {
  const { session, durationS } = entry;
  const date = sessionDate(session.startedAt);
  const channels = session.streams.flatMap((s) => s.channels.map((c) => c.label)).join(', ');
  return (
    <li class="history-item">
      <article aria-label={date} class="history-card">
        <div class="history-card-head">
          <h3 class="history-date">{date}</h3>
          {session.simulated && (
            <span class="history-badge" title={historyText.simulatedNote}>
              {historyText.simulated}
            </span>
          )}
          <span class={`history-status history-status--${session.status}`}>{historyText.status[session.status]}</span>
        </div>
        <p class="history-exercise">{session.exerciseId ? exerciseName(session.exerciseId) : historyText.noExercise}</p>
        <dl class="history-facts">
          <div>
            <dt>{historyText.durationLabel}</dt>
            <dd>{historyText.duration(durationS)}</dd>
          </div>
          <div>
            <dt>{historyText.sensorsLabel}</dt>
            <dd>{channels}</dd>
          </div>
        </dl>
        <button type="button" class="button" aria-label={historyText.openLabel(date)} onClick={() => void model.open(session.id)}>
          {historyText.open}
        </button>
      </article>
    </li>
  );
}

export function SessionList({ model }: { model: HistoryModel }) {
  const entries = model.entries.value;
  return (
    <section aria-labelledby="history-list-heading">
      <h2 id="history-list-heading" class="section-heading">
        {historyText.listHeading}
      </h2>
      <p class="muted">{historyText.count(entries.length)}</p>
      <ul class="history-list">
        {entries.map((entry) => (
          <SessionItem key={entry.session.id} entry={entry} model={model} />
        ))}
      </ul>
    </section>
  );
}
