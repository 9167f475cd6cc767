// Limb symmetry over sessions, as History and the report show it: the index against the 90 % line,
// both legs' force in the text table, or, without force on both legs, what it takes to get it.
import { useMemo } from 'preact/hooks';
import { LSI_REFERENCE_PCT, type LsiPoint } from '../../state/trend-symmetry';
import { palette } from '../live/LiveChart';
import { historyText } from '../strings';
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
      { label: historyText.symmetryInvolved, cells: points.map((p) => historyText.symmetryValue(p.involvedN)) },
      { label: historyText.symmetryUninvolved, cells: points.map((p) => historyText.symmetryValue(p.uninvolvedN)) },
    ],
    [points],
  );
  return <TrendsChart title={historyText.symmetryTitle} xs={xs} series={series} axes={axes} reference={lsiReference} textColumns={columns} />;
}

/** A wide trend card; `className` adds the screen's own card class (the report's print rules). */
export function SymmetryCard({ points, className = '' }: { points: readonly LsiPoint[]; className?: string }) {
  return (
    <div class={`trend-card trend-card--wide ${className}`.trim()}>
      {points.length > 0 ? (
        <SymmetryChart points={points} />
      ) : (
        <>
          <h3 class="history-subheading">{historyText.symmetryTitle}</h3>
          <p class="trend-empty">{historyText.symmetryEmpty}</p>
        </>
      )}
      <p class="muted trend-note">{historyText.symmetryNote}</p>
    </div>
  );
}
