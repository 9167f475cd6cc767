import { exerciseNames } from '../../exercise/exercise-names';
import type { Program } from '../../exercise/program';
import { programText, reportText } from '../strings';

/** The program as prescribed: each exercise's target band, hold and reps × sets, and the schedule. */
export function ReportProgram({ program }: { program: Program | null }) {
  const columns = reportText.programColumns;
  return (
    <section class="report-section" aria-labelledby="report-program-heading">
      <h2 id="report-program-heading" class="section-heading">
        {reportText.programHeading}
      </h2>
      {program === null ? (
        <p>{reportText.noProgram}</p>
      ) : (
        <>
          <p>{programText.schedule(program.schedule.daysPerWeek, program.schedule.sessionsPerDay)}</p>
          <table class="summary-table report-table">
            <thead>
              <tr>
                <th scope="col">{columns.exercise}</th>
                <th scope="col">{columns.target}</th>
                <th scope="col">{columns.hold}</th>
                <th scope="col">{columns.reps}</th>
              </tr>
            </thead>
            <tbody>
              {program.exercises.map((exercise, i) => (
                <tr key={i}>
                  <th scope="row">{exerciseNames[exercise.libraryId]}</th>
                  <td>{reportText.target(exercise.target.low, exercise.target.high, exercise.target.unit, exercise.signal)}</td>
                  <td>{reportText.holdS(exercise.holdS)}</td>
                  <td>{reportText.repsBySets(exercise.reps, exercise.sets)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
