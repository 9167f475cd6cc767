import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrendTable } from '../../state/history-trends';
import { palette } from '../live/LiveChart';
import { historyText, historyUnitText } from '../strings';

/** Peak (solid) and average (dashed) level per channel, one point per session, dates on x. */
export function TrendsChart({ table }: { table: TrendTable }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element || table.xs.length === 0) return;
    const series: uPlot.Series[] = table.series.map((s, i) => ({
      label: s.statistic === 'peak' ? historyText.trendPeak(s.label, historyUnitText(s.unit)) : historyText.trendMean(s.label, historyUnitText(s.unit)),
      stroke: palette[Math.floor(i / 2) % palette.length]!.level,
      width: 2,
      dash: s.statistic === 'mean' ? [6, 4] : undefined,
      points: { show: true, size: 7 },
      // A force channel shares the chart with EMG: its own scale keeps both readable.
      scale: s.unit,
    }));
    const units = [...new Set(table.series.map((s) => s.unit))];
    const plot = new uPlot(
      {
        width: element.clientWidth || 320,
        height: 220,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales: { x: { time: true } },
        axes: [
          { stroke: 'currentColor' },
          ...units.map((unit, i) => ({ scale: unit, side: i === 0 ? 3 : 1, stroke: 'currentColor', size: 56, values: (_u: uPlot, ticks: number[]) => ticks.map((t) => `${t} ${historyUnitText(unit)}`) })),
        ],
        series: [{}, ...series],
      },
      [table.xs, ...table.series.map((s) => s.values)] as uPlot.AlignedData,
      element,
    );
    return () => plot.destroy();
  }, [table]);
  return <div class="history-chart" ref={host} role="img" aria-label={historyText.trendsChartLabel} />;
}
