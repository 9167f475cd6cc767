import { useSignal } from '@preact/signals';
import { exerciseText } from '../../exercise/library-text';
import type { Exercise } from '../../exercise/program';
import { currentProgram } from '../../state/program-model';
import { encodeProgramLink } from '../../store/program-link/program-link';
import { programText } from '../strings';
import { QrCode } from './QrCode';

/** The current program: its exercises to start, its schedule, and sharing as a link and QR code. */
export function ProgramPanel({ onStart }: { onStart: (exercise: Exercise) => void }) {
  const program = currentProgram.value;
  const link = useSignal<string | null>(null);
  const copied = useSignal(false);
  if (!program || program.exercises.length === 0) {
    return (
      <section class="panel" aria-labelledby="program-heading">
        <h2 id="program-heading" class="section-heading">
          {programText.heading}
        </h2>
        <p class="hint">{programText.none}</p>
      </section>
    );
  }
  const setSchedule = (field: 'daysPerWeek' | 'sessionsPerDay', text: string, max: number) => {
    const value = Math.round(Number(text));
    if (value >= 1 && value <= max) currentProgram.value = { ...program, schedule: { ...program.schedule, [field]: value } };
    link.value = null;
  };
  return (
    <section class="panel" aria-labelledby="program-heading">
      <h2 id="program-heading" class="section-heading">
        {programText.heading}
      </h2>
      <p>{programText.schedule(program.schedule.daysPerWeek, program.schedule.sessionsPerDay)}</p>
      <ul class="program-list">
        {program.exercises.map((exercise, index) => {
          const name = exerciseText[exercise.libraryId].name;
          return (
            <li key={index}>
              <span>{programText.exerciseLine(name, exercise.reps, exercise.sets, exercise.holdS)}</span>
              <span class="action-row">
                <button type="button" class="button button--primary" onClick={() => onStart(exercise)}>
                  {programText.startNow(name)}
                </button>
                <button
                  type="button"
                  class="button"
                  aria-label={programText.remove(name)}
                  onClick={() => {
                    currentProgram.value = { ...program, exercises: program.exercises.filter((_, i) => i !== index) };
                    link.value = null;
                  }}
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <details>
        <summary>{programText.share}</summary>
        <div class="settings-fields">
          <label class="field field--narrow">
            <span class="field-label">{programText.daysPerWeek}</span>
            <input type="number" min="1" max="7" value={program.schedule.daysPerWeek} onChange={(e) => setSchedule('daysPerWeek', (e.currentTarget as HTMLInputElement).value, 7)} />
          </label>
          <label class="field field--narrow">
            <span class="field-label">{programText.sessionsPerDay}</span>
            <input type="number" min="1" max="6" value={program.schedule.sessionsPerDay} onChange={(e) => setSchedule('sessionsPerDay', (e.currentTarget as HTMLInputElement).value, 6)} />
          </label>
        </div>
        <button type="button" class="button" onClick={async () => (link.value = `${location.origin}${location.pathname}${await encodeProgramLink(program)}`)}>
          {programText.share}
        </button>
        {link.value && (
          <div class="share">
            <p class="hint">{programText.shareHint}</p>
            <QrCode text={link.value} label={programText.qrLabel} />
            <input class="share-link" type="text" readOnly value={link.value} aria-label={programText.share} />
            <button
              type="button"
              class="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(link.value ?? '').catch(() => undefined);
                copied.value = true;
              }}
            >
              {copied.value ? programText.copied : programText.copy}
            </button>
            <p class="hint">{programText.checksumNote}</p>
          </div>
        )}
      </details>
      <button type="button" class="button" onClick={() => (currentProgram.value = null)}>
        {programText.clear}
      </button>
    </section>
  );
}
