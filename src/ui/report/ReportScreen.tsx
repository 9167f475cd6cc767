import { useEffect } from 'preact/hooks';
import { appDb } from '../../state/app-db';
import { createReportModel } from '../../state/report-model';
import { patientsModel } from '../../state/mode-app';
import { trendModel } from '../../state/trend-model';
import { currentProgram } from '../../state/program-model';
import { hashForScreen } from '../../state/route-model';
import { about, reportText } from '../strings';
import { ReportDetails } from './ReportDetails';
import { ReportProgram } from './ReportProgram';
import { ReportSessions } from './ReportSessions';
import { ReportTrends } from './ReportTrends';
import '../styles/report.css';

const model = createReportModel({ db: appDb, patients: patientsModel, trends: trendModel });

/**
 * The printable report (issue 7): the active patient, the program, each session's results and the
 * trends, with the medical disclaimer. The browser's print window turns it into paper or a PDF;
 * report.css hides the app around it.
 */
export function ReportScreen() {
  // Read again when the therapist switches patients while the report is open.
  const activeId = patientsModel.activePatientId.value;
  useEffect(() => {
    void model.load();
  }, [activeId]);
  return (
    <div class="report">
      <div class="report-actions">
        <a class="button" href={hashForScreen('history')}>
          {reportText.back}
        </a>
        <label class="history-check">
          <input type="checkbox" checked={model.includeSimulated.value} onChange={(event) => (model.includeSimulated.value = event.currentTarget.checked)} />
          {reportText.includeSimulated}
        </label>
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          {reportText.print}
        </button>
        <p class="muted report-print-hint">{reportText.printHint}</p>
      </div>
      <article class="report-sheet" aria-labelledby="report-title">
        <ReportDetails patient={model.patient.value} period={model.period.value} sessionCount={model.sessionCount.value} today={new Date()} />
        <ReportProgram program={currentProgram.value} />
        {!model.ready.value ? (
          <p class="muted">{reportText.loading}</p>
        ) : model.unavailable.value ? (
          <p class="notice">{reportText.unavailable}</p>
        ) : (
          <>
            <ReportSessions rows={model.rows.value} />
            <ReportTrends table={model.trendTable.value} />
          </>
        )}
        <section class="report-section report-disclaimer" aria-labelledby="report-disclaimer-heading">
          <h2 id="report-disclaimer-heading" class="section-heading">
            {about.medicalHeading}
          </h2>
          <p class="callout">{about.medical}</p>
        </section>
      </article>
    </div>
  );
}
