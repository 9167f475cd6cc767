import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { exerciseText } from '../../exercise/library-text';
import type { Program } from '../../exercise/program';
import { currentProgram } from '../../state/program-model';
import { openedProgramLink } from '../../state/route-model';
import { decodeProgramLink, type ProgramLinkError } from '../../store/program-link/program-link';
import { programText } from '../strings';

/** A program link was opened: show the program and import it only after the user confirms. */
export function ProgramImportPanel({ link }: { link: string }) {
  const result = useSignal<{ program: Program } | { error: ProgramLinkError } | null>(null);
  useEffect(() => {
    void decodeProgramLink(link).then((decoded) => (result.value = decoded.ok ? { program: decoded.program } : { error: decoded.error }));
  }, [link]);
  const close = () => {
    openedProgramLink.value = null;
    location.hash = '#/exercises';
  };
  const value = result.value;
  if (!value) return null;
  return (
    <section class="panel" aria-labelledby="import-heading">
      <h2 id="import-heading" class="section-heading">
        {programText.importHeading}
      </h2>
      {'error' in value ? (
        <p class="alert" role="alert">
          {programText.importErrors[value.error.code]}
        </p>
      ) : (
        <>
          <p>{programText.importIntro}</p>
          <p>{programText.schedule(value.program.schedule.daysPerWeek, value.program.schedule.sessionsPerDay)}</p>
          <ul>
            {value.program.exercises.map((exercise, i) => (
              <li key={i}>{programText.exerciseLine(exerciseText[exercise.libraryId].name, exercise.reps, exercise.sets, exercise.holdS)}</li>
            ))}
          </ul>
          <button
            type="button"
            class="button button--primary button--large"
            onClick={() => {
              currentProgram.value = value.program;
              close();
            }}
          >
            {programText.importAdd}
          </button>
        </>
      )}
      <button type="button" class="button" onClick={close}>
        {programText.importCancel}
      </button>
    </section>
  );
}
