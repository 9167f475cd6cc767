import type { PatientRecord } from '../../store/db/schema';
import { appName, reportText } from '../strings';
import { AppMark } from '../shell/AppMark';
import { reportDay } from './report-dates';

interface ReportDetailsProps {
  patient: PatientRecord | null;
  period: { firstStartedAt: string; lastStartedAt: string } | null;
  sessionCount: number;
  /** The report's own date (wall clock: a label only). */
  today: Date;
}

/** The report's head: who it is for, when it was made, and the period it covers. */
export function ReportDetails({ patient, period, sessionCount, today }: ReportDetailsProps) {
  return (
    <header class="report-head">
      <p class="report-brand">
        <AppMark />
        <span>{appName}</span>
      </p>
      <h1 id="report-title" class="screen-title report-title">{reportText.title}</h1>
      <dl class="report-details">
        <div>
          <dt>{reportText.patient}</dt>
          <dd>{patient ? patient.displayName : reportText.noPatient}</dd>
        </div>
        {patient && (
          <div>
            <dt>{reportText.affectedSide}</dt>
            <dd>{patient.affectedSide ? reportText.side[patient.affectedSide] : reportText.sideUnknown}</dd>
          </div>
        )}
        {patient?.bodyMassKg != null && (
          <div>
            <dt>{reportText.bodyMass}</dt>
            <dd>{reportText.bodyMassValue(patient.bodyMassKg)}</dd>
          </div>
        )}
        <div>
          <dt>{reportText.reportDate}</dt>
          <dd>{reportDay(today)}</dd>
        </div>
        <div class="report-details-wide">
          <dt>{reportText.period}</dt>
          <dd>{period ? reportText.periodValue(sessionCount, reportDay(period.firstStartedAt), reportDay(period.lastStartedAt)) : reportText.periodNone}</dd>
        </div>
      </dl>
    </header>
  );
}
