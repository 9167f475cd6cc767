import { wentWellSentence } from '../../exercise/summary-text';
import { exerciseText } from '../../exercise/library-text';
import type { SessionSummary } from '../../exercise/summary';
import type { SessionTrace } from '../../state/session-model';
import { SessionChart } from './SessionChart';
import { exercisesText } from '../strings';

function format(value: number, unit: string): string {
  return unit === '%MVC' ? `${value.toFixed(0)} %` : `${value.toFixed(0)} N`;
}

export function SessionSummaryView({ summary, trace, onDone }: { summary: SessionSummary; trace: SessionTrace; onDone: () => void }) {
  return (
    <section class="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="section-heading">
        {exercisesText.summaryHeading}
      </h2>
      <p class="went-well">{wentWellSentence(summary.wentWell)}</p>
      <SessionChart trace={trace} />
      {summary.exercises.map((exercise) => (
        <div key={exercise.libraryId}>
          <h3>{exerciseText[exercise.libraryId].name}</h3>
          {exercise.sets.map((set) => (
            // Scrollable on narrow phones, so it must be focusable to scroll by keyboard.
            <div class="summary-scroll" key={set.set} tabIndex={0} role="region" aria-label={exercisesText.setOf(set.set, exercise.sets.length)}>
            <table class="summary-table">
              <caption>{exercisesText.setOf(set.set, exercise.sets.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{exercisesText.repColumn}</th>
                  <th scope="col">{exercisesText.held}</th>
                  <th scope="col">{exercisesText.timeInBand}</th>
                  <th scope="col">{exercisesText.peak}</th>
                  <th scope="col">{exercisesText.mean}</th>
                  {set.reps.some((r) => r.vmoToVl !== null) && <th scope="col">{exercisesText.vmoToVl}</th>}
                  {set.reps.some((r) => r.vmoMinusVlOnsetMs !== null) && <th scope="col">{exercisesText.onsetDifference}</th>}
                </tr>
              </thead>
              <tbody>
                {set.reps.map((rep) => (
                  <tr key={rep.rep} data-rep={rep.rep}>
                    <th scope="row">{rep.rep}</th>
                    <td data-field="held">{rep.holdAchieved ? exercisesText.achieved : exercisesText.notAchieved}</td>
                    <td>{rep.timeInBandPct.toFixed(0)} %</td>
                    <td>{format(rep.peak, rep.unit)}</td>
                    <td data-field="mean">{format(rep.mean, rep.unit)}</td>
                    {set.reps.some((r) => r.vmoToVl !== null) && <td>{rep.vmoToVl?.toFixed(2) ?? '—'}</td>}
                    {set.reps.some((r) => r.vmoMinusVlOnsetMs !== null) && <td>{rep.vmoMinusVlOnsetMs === null ? '—' : exercisesText.onsetMs(rep.vmoMinusVlOnsetMs)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          ))}
          <p>
            {exercisesText.fatigue}: {exercisesText.fatigueValue(exercise.meanTrendPerRep, exercise.target.unit === '%MVC' ? '%' : 'N')}
          </p>
        </div>
      ))}
      <p>{exercisesText.painEffort(summary.pain, summary.effort)}</p>
      <button type="button" class="button button--primary button--large" onClick={onDone}>
        {exercisesText.done}
      </button>
    </section>
  );
}
