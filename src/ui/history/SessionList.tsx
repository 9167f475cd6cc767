import type { ScheduledDay } from '../../exercise/schedule';
import type { HistoryModel } from '../../state/history-model';
import type { HistoryEntry } from '../../state/history-list';
import { planForDevice } from '../../state/home-model';
import { currentProgram } from '../../state/program-model';
import { exerciseName } from './exercise-name';
import { historyText } from '../strings';
import '../styles/history-schedule.css';

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

/** A local YYYY-MM-DD date (the schedule's) in the reader's own language. */
function scheduledDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** A day the program still asks for: marked, and not openable (there is no recording yet). */
function ScheduledItem({ day }: { day: ScheduledDay }) {
  const date = scheduledDate(day.date);
  const mark = day.isToday ? historyText.dueToday : historyText.scheduled;
  return (
    <li class="history-item">
      <article aria-label={historyText.scheduledLabel(mark, date)} class={`history-slot${day.isToday ? ' history-slot--today' : ''}`}>
        <div class="history-card-head">
          <h3 class="history-date">{date}</h3>
          <span class="history-status history-status--scheduled">{mark}</span>
        </div>
        <p class="history-exercise">{historyText.scheduledSessions(day.sessions)}</p>
      </article>
    </li>
  );
}

function ScheduledList({ days }: { days: readonly ScheduledDay[] }) {
  return (
    <section aria-labelledby="history-scheduled-heading">
      <h2 id="history-scheduled-heading" class="section-heading">
        {historyText.scheduledHeading}
      </h2>
      <p class="muted">{historyText.scheduledNote}</p>
      <ul class="history-list">
        {days.map((day) => (
          <ScheduledItem key={day.date} day={day} />
        ))}
      </ul>
    </section>
  );
}

/**
 * The program's sessions still to do this week; nothing when there is no program or all are done.
 * Counted from the model's entries: the active patient's sessions only, as on the home.
 */
export function ScheduledSessions({ model }: { model: HistoryModel }) {
  // Read at each render: the list is drawn when the screen opens or the sessions change.
  const scheduled = planForDevice(currentProgram.value, model.entries.value.map((e) => e.session), new Date())?.scheduled ?? [];
  return scheduled.length > 0 ? <ScheduledList days={scheduled} /> : null;
}

export function SessionList({ model }: { model: HistoryModel }) {
  const entries = model.entries.value;
  return (
    <>
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
    </>
  );
}
