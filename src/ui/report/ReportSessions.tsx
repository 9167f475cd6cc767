import type { ReportLeg, ReportRow } from '../../state/report-rows';
import { exerciseNames } from '../../exercise/exercise-names';
import { exerciseName } from '../history/exercise-name';
import { historyText, reportText } from '../strings';
import { reportDay, reportTime } from './report-dates';

function legText(leg: ReportLeg | null): string {
  return leg === null ? reportText.noValue : reportText.leg(leg.relation, leg.side);
}

function orDash<T>(value: T | null, format: (v: T) => string): string {
  return value === null ? reportText.noValue : format(value);
}

function RowCells({ row }: { row: ReportRow }) {
  if (row.kind === 'recording') {
    return (
      <>
        <td class="report-text">{row.exerciseId ? exerciseName(row.exerciseId) : historyText.noExercise}</td>
        <td class="report-text">{legText(row.leg)}</td>
        <td colSpan={7} class="muted report-text">
          {reportText.recordingOnly(historyText.duration(row.durationS))}
        </td>
      </>
    );
  }
  return (
    <>
      <td class="report-text">{exerciseNames[row.libraryId]}</td>
      <td class="report-text">{legText(row.leg)}</td>
      <td>{row.setsDone}</td>
      <td>{reportText.holds(row.repsAchieved, row.repsTotal)}</td>
      <td>{orDash(row.meanLevel, (v) => reportText.level(v, row.unit))}</td>
      <td>{orDash(row.peakLevel, (v) => reportText.level(v, row.unit))}</td>
      <td>{orDash(row.timeInBandPct, reportText.percent)}</td>
      <td>{reportText.rating(row.pain)}</td>
      <td>{reportText.rating(row.effort)}</td>
    </>
  );
}

/** One row per exercise of each session; a session without results shows how long it lasted. */
export function ReportSessions({ rows }: { rows: readonly ReportRow[] }) {
  const columns = reportText.columns;
  return (
    <section class="report-section" aria-labelledby="report-sessions-heading">
      <h2 id="report-sessions-heading" class="section-heading">
        {reportText.sessionsHeading}
      </h2>
      {rows.length === 0 ? (
        <p>{reportText.sessionsEmpty}</p>
      ) : (
        <>
          <p class="muted">{reportText.sessionsNote}</p>
          {/* Scrolls sideways on phones, so it must be focusable to scroll by keyboard. */}
          <div class="summary-scroll report-scroll" tabIndex={0} role="region" aria-label={reportText.sessionsScrollLabel}>
            <table class="summary-table report-table report-sessions">
              <thead>
                <tr>
                  <th scope="col">{columns.date}</th>
                  <th scope="col">{columns.exercise}</th>
                  <th scope="col">{columns.leg}</th>
                  <th scope="col">{columns.sets}</th>
                  <th scope="col">{columns.holds}</th>
                  <th scope="col">{columns.mean}</th>
                  <th scope="col">{columns.peak}</th>
                  <th scope="col">{columns.inBand}</th>
                  <th scope="col">{columns.pain}</th>
                  <th scope="col">{columns.effort}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={`${row.sessionId}-${i}`} data-session={row.sessionId}>
                    <th scope="row">
                      <span class="report-day">{reportDay(row.startedAt)}</span> {reportTime(row.startedAt)}
                      {row.simulated && <span class="history-badge report-demo">{reportText.demo}</span>}
                    </th>
                    <RowCells row={row} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
