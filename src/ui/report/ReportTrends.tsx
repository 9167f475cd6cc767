import { useMemo } from 'preact/hooks';
import type { TrendTable } from '../../state/history-trends';
import { SymmetryCard } from '../history/SymmetryCard';
import { trendFamilies } from '../history/trend-families';
import { TrendsChart } from '../history/TrendsChart';
import { historyText, reportText } from '../strings';

/**
 * History's trend charts for the report's sessions, one per family of figures, and limb symmetry
 * (the same card as History's); null while they are read.
 */
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
              <TrendsChart title={family.title} xs={table.xs} series={family.series} axes={family.axes} textColumns={family.textColumns} />
              <p class="muted trend-note">{family.note}</p>
            </div>
          ))}
          <SymmetryCard points={table.symmetry} className="report-trend-card" />
        </div>
      )}
    </section>
  );
}
