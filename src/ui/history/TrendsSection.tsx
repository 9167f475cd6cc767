import { useEffect, useMemo } from 'preact/hooks';
import type { HistoryModel } from '../../state/history-model';
import { refreshAffectedLeg } from '../../state/active-leg';
import { trendModel, type TrendModel } from '../../state/trend-model';
import { LSI_REFERENCE_PCT, type LsiPoint } from '../../state/trend-symmetry';
import { palette } from '../live/LiveChart';
import { historyText } from '../strings';
import { trendFamilies } from './trend-families';
import { TrendsChart, type ChartAxis, type ChartReference, type ChartSeries, type TextColumn } from './TrendsChart';

/** LSI axes: 0 to a little past symmetry at least (the injured leg can be the stronger one on a day). */
const LSI_AXIS_TOP_PCT = 130;
/** The line most return-to-sport criteria draw (clinical.md, Limb symmetry: LSI ≥ 90 %). */
const lsiReference: ChartReference = { scale: '%', value: LSI_REFERENCE_PCT, label: historyText.symmetryReference };

function SymmetryChart({ points }: { points: readonly LsiPoint[] }) {
  const xs = useMemo(() => points.map((p) => p.atS), [points]);
  const series = useMemo<ChartSeries[]>(() => [{ label: historyText.symmetrySeries, values: points.map((p) => p.lsiPct), scale: '%', color: palette[2]!.level, digits: 0 }], [points]);
  const axes = useMemo<ChartAxis[]>(() => {
    const top = Math.max(LSI_AXIS_TOP_PCT, ...points.map((p) => Math.ceil(p.lsiPct / 10) * 10 + 10));
    return [{ scale: '%', label: historyText.symmetryAxis, range: [0, top] }];
  }, [points]);
  // Both legs' numbers go with the index (clinical.md: show both sides, not just the index).
  const columns = useMemo<TextColumn[]>(
    () => [
      { label: historyText.symmetryInvolved, cells: points.map((p) => historyText.symmetryValue(p.involved, p.unit)) },
      { label: historyText.symmetryUninvolved, cells: points.map((p) => historyText.symmetryValue(p.uninvolved, p.unit)) },
    ],
    [points],
  );
  return <TrendsChart title={historyText.symmetryTitle} xs={xs} series={series} axes={axes} reference={lsiReference} textColumns={columns} />;
}

/** Progress across sessions: read on request (each session's recording is read once), then kept. */
export function TrendsSection({ model, trends = trendModel }: { model: HistoryModel; trends?: TrendModel }) {
  const { shown } = trends;
  const entries = model.entries.value;
  // Two-leg sessions without a patient of their own compare legs by the active patient's injured leg.
  useEffect(() => void refreshAffectedLeg(), []);
  useEffect(() => {
    // New, deleted or re-tagged sessions: only sessions not seen before are read again.
    if (shown.value) void trends.load(entries.map((e) => e.session));
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
              <TrendsChart title={family.title} xs={table.xs} series={family.series} axes={family.axes} />
              <p class="muted trend-note">{family.note}</p>
            </div>
          ))}
          <div class="trend-card trend-card--wide">
            {table.symmetry.length > 0 ? (
              <SymmetryChart points={table.symmetry} />
            ) : (
              <>
                <h3 class="history-subheading">{historyText.symmetryTitle}</h3>
                <p class="trend-empty">{historyText.symmetryEmpty}</p>
              </>
            )}
            <p class="muted trend-note">{historyText.symmetryNote}</p>
          </div>
        </div>
      )}
    </section>
  );
}
