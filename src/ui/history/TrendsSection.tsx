import { useEffect, useMemo } from 'preact/hooks';
import type { HistoryModel } from '../../state/history-model';
import { refreshAffectedLeg } from '../../state/active-leg';
import { trendModel, type TrendModel } from '../../state/trend-model';
import { historyText } from '../strings';
import { SymmetryCard } from './SymmetryCard';
import { trendFamilies } from './trend-families';
import { TrendsChart } from './TrendsChart';

/** Progress across sessions: read on request (each session's recording is read once), then kept. */
export function TrendsSection({ model, trends = trendModel }: { model: HistoryModel; trends?: TrendModel }) {
  const { shown } = trends;
  const entries = model.entries.value;
  // Two-leg sessions without a patient of their own compare legs by the active patient's injured leg.
  useEffect(() => void refreshAffectedLeg(), []);
  useEffect(() => {
    // New, deleted or re-tagged sessions: only sessions not seen before are read again.
    // A failure is shown from `trends.failed`; catching it here keeps it from going unhandled.
    if (shown.value) trends.load(entries.map((e) => e.session)).catch(() => undefined);
  }, [entries, shown.value, trends]);
  const table = trends.table.value;
  const families = useMemo(() => (table ? trendFamilies(table) : []), [table]);
  return (
    <section class="history-panel" aria-labelledby="trends-heading">
      <h2 id="trends-heading" class="section-heading">
        {historyText.trendsHeading}
      </h2>
      <p class="muted">{historyText.trendsNote}</p>
      <label class="history-check">
        <input type="checkbox" checked={trends.includeSimulated.value} onChange={(event) => (trends.includeSimulated.value = event.currentTarget.checked)} />
        {historyText.includeSimulated}
      </label>
      {!shown.value ? (
        <button type="button" class="button" onClick={() => (shown.value = true)}>
          {historyText.trendsShow}
        </button>
      ) : trends.failed.value ? (
        <p class="trend-empty" role="alert">
          {historyText.trendsFailed}
        </p>
      ) : table === null ? (
        <p class="muted" role="status">
          {historyText.trendsLoading}
        </p>
      ) : table.xs.length === 0 ? (
        <p>{historyText.trendsEmpty}</p>
      ) : (
        <div class="trend-grid">
          {families.length === 0 && <p>{historyText.trendsNoData}</p>}
          {families.map((family) => (
            <div key={family.id} class="trend-card">
              <TrendsChart title={family.title} xs={table.xs} series={family.series} axes={family.axes} textColumns={family.textColumns} />
              <p class="muted trend-note">{family.note}</p>
            </div>
          ))}
          <SymmetryCard points={table.symmetry} />
        </div>
      )}
    </section>
  );
}
