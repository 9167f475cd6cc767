import { hashForSubpage } from '../../state/route-model';
import { reportText } from '../strings';
import '../styles/report.css';

/** The way from History to the printable report (issue 7). */
export function PrintReportLink() {
  return (
    <section class="history-panel" aria-labelledby="print-report-heading">
      <h2 id="print-report-heading" class="section-heading">
        {reportText.heading}
      </h2>
      <p class="muted">{reportText.openHint}</p>
      <a class="button report-open" href={hashForSubpage('report')}>
        {reportText.open}
      </a>
    </section>
  );
}
