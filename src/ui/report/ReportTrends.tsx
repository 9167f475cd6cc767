import { useMemo } from 'preact/hooks';
import type { TrendTable } from '../../state/history-trends';
import { trendFamilies } from '../history/trend-families';
import { TrendsChart } from '../history/TrendsChart';
import { historyText, reportText } from '../strings';

/** History's trend charts for the report's sessions, one per family of figures; null while they are read. */
export function ReportTrends({ table }: { table: TrendTable | null }) {
  const families = useMemo(() => (table ? trendFamilies(table) : []), [table]);
  return (
    <section class="report-section report-trends" aria-labelledby="report-trends-heading">
      <h2 id="report-trends-heading" class="section-heading">
        {historyText.trendsHeading}
      </h2>
      {table === null ? (
        <p class="muted">{reportText.trendsLoading}</p>
      ) : table.xs.length === 0 ? (
        <p>{historyText.trendsEmpty}</p>
      ) : families.length === 0 ? (
        <p>{historyText.trendsNoData}</p>
      ) : (
        <div class="trend-grid report-trend-grid">
          {families.map((family) => (
            <div key={family.id} class="trend-card report-trend-card">
              <TrendsChart title={family.title} xs={table.xs} series={family.series} axes={family.axes} />
              <p class="muted trend-note">{family.note}</p>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
