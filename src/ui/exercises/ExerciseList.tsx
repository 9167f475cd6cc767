import { useSignal } from '@preact/signals';
import { EXERCISE_IDS, type ExerciseId } from '../../exercise/exercise-ids';
import { exerciseFromLibrary, libraryEntry } from '../../exercise/library';
import { exerciseText, safetyLine } from '../../exercise/library-text';
import type { Exercise } from '../../exercise/program';
import { currentProgram } from '../../state/program-model';
import { exercisesText, programText } from '../strings';

/** The library, each exercise with its instructions and settings a therapist can change. */
export function ExerciseList({ onStart }: { onStart: (exercise: Exercise) => void }) {
  return (
    <>
      <p class="lead">{exercisesText.intro}</p>
      <div class="exercise-grid">
        {EXERCISE_IDS.map((id) => (
          <ExerciseCard key={id} id={id} onStart={onStart} />
        ))}
      </div>
    </>
  );
}

type Field = 'holdS' | 'relaxS' | 'reps' | 'sets' | 'low' | 'high';

function ExerciseCard({ id, onStart }: { id: ExerciseId; onStart: (exercise: Exercise) => void }) {
  const defaults = libraryEntry(id).defaults;
  const values = useSignal<Record<Field, string>>({
    holdS: String(defaults.holdS),
    relaxS: String(defaults.relaxS),
    reps: String(defaults.reps),
    sets: String(defaults.sets),
    low: String(defaults.target.low),
    high: String(defaults.target.high),
  });
  const invalid = useSignal(false);
  const text = exerciseText[id];
  const inN = defaults.target.unit === 'N';
  const fields: [Field, string][] = [
    ['holdS', exercisesText.holdS],
    ['relaxS', exercisesText.relaxS],
    ['reps', exercisesText.reps],
    ['sets', exercisesText.sets],
    ['low', inN ? exercisesText.bandLowN : exercisesText.bandLow],
    ['high', inN ? exercisesText.bandHighN : exercisesText.bandHigh],
  ];

  function edited() {
    const v = values.value;
    return exerciseFromLibrary(id, {
      holdS: Number(v.holdS),
      relaxS: Number(v.relaxS),
      reps: Number(v.reps),
      sets: Number(v.sets),
      target: { ...defaults.target, low: Number(v.low), high: Number(v.high) },
    });
  }

  function start() {
    const exercise = edited();
    invalid.value = !exercise.ok;
    if (exercise.ok) onStart(exercise.value);
  }

  /** Adds the exercise as set here to the program (a new program starts daily, once a day). */
  function addToProgram() {
    const exercise = edited();
    invalid.value = !exercise.ok;
    if (!exercise.ok) return;
    const program = currentProgram.peek() ?? { exercises: [], schedule: { daysPerWeek: 7, sessionsPerDay: 1 } };
    currentProgram.value = { ...program, exercises: [...program.exercises, exercise.value] };
  }

  return (
    <article class="exercise-card" aria-labelledby={`exercise-${id}`}>
      <h2 id={`exercise-${id}`} class="section-heading">
        {text.name}
      </h2>
      <ol class="instructions">
        {text.instructions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      {text.measurementNote && <p class="hint">{text.measurementNote}</p>}
      <p class="safety">{safetyLine}</p>
      <details>
        <summary>{exercisesText.settings}</summary>
        <div class="settings-fields">
          {fields.map(([field, label]) => (
            <label key={field} class="field field--narrow">
              <span class="field-label">{label}</span>
              <input
                type="number"
                inputMode="decimal"
                min="0"
                value={values.value[field]}
                onInput={(e) => (values.value = { ...values.value, [field]: (e.currentTarget as HTMLInputElement).value })}
              />
            </label>
          ))}
        </div>
      </details>
      {invalid.value && (
        <p class="alert" role="alert">
          {exercisesText.invalid}
        </p>
      )}
      <button type="button" class="button button--primary button--large" onClick={start}>
        {exercisesText.start(text.name)}
      </button>
      <button type="button" class="button" onClick={addToProgram}>
        {programText.addToProgram(text.name)}
      </button>
    </article>
  );
}
