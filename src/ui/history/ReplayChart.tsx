import type { Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { columnTimes, decimateMinMax } from '../../signal/decimate';
import type { RecordedSamples } from '../../store/db/read-session';
import { palette } from '../live/LiveChart';
import { historyText, historyUnitText } from '../strings';

const chartHeightPx = 200;

/**
 * The whole of one sensor's recording, every channel, decimated to two points per pixel column
 * (architecture.md: "decimate … always"), with the replay position drawn as a vertical line. The
 * data is set once; moving the cursor only redraws (no path rebuild), so replay costs nothing per sample.
 */
export function ReplayChart({ samples, show, positionS }: { samples: RecordedSamples; show: 'level' | 'raw'; positionS: Signal<number> }) {
  const host = useRef<HTMLDivElement>(null);
  const { stream } = samples;
  useEffect(() => {
    const element = host.current;
    const count = samples.raw[0]?.length ?? 0;
    if (!element || count < 2) return;
    const columns = Math.max(64, Math.floor(element.clientWidth || 320));
    const xs: number[] = [];
    columnTimes(count, stream.rateHz, columns, xs);
    // columnTimes counts back from the newest sample (≤ 0); the replay counts from the start.
    const offsetS = (count - 1) / stream.rateHz;
    for (let i = 0; i < xs.length; i++) xs[i] = xs[i]! + offsetS;
    const source = show === 'level' ? samples.level : samples.raw;
    const ys = source.map((channel) => {
      const out: (number | null)[] = [];
      decimateMinMax(channel, count, columns, out);
      return out;
    });
    const unit = historyUnitText(stream.channels[0]?.unit ?? 'uV');
    const plot = new uPlot(
      {
        width: element.clientWidth || 320,
        height: chartHeightPx,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false } },
        axes: [
          { stroke: 'currentColor', values: (_u, ticks) => ticks.map((t) => `${t} s`) },
          { stroke: 'currentColor', size: 56, values: (_u, ticks) => ticks.map((t) => `${t} ${unit}`) },
        ],
        series: [{}, ...stream.channels.map((_, c) => ({ stroke: palette[c % palette.length]!.level, width: 1.5, points: { show: false } }))],
        hooks: {
          draw: [
            (u: uPlot) => {
              const x = u.valToPos(positionS.peek(), 'x', true);
              u.ctx.save();
              u.ctx.strokeStyle = '#b91c1c';
              u.ctx.lineWidth = 2 * devicePixelRatio;
              u.ctx.beginPath();
              u.ctx.moveTo(x, u.bbox.top);
              u.ctx.lineTo(x, u.bbox.top + u.bbox.height);
              u.ctx.stroke();
              u.ctx.restore();
            },
          ],
        },
      },
      [xs, ...ys] as uPlot.AlignedData,
      element,
    );
    // Each position change redraws the cursor only (paths kept: redraw(false)).
    const unsubscribe = positionS.subscribe(() => plot.redraw(false));
    return () => {
      unsubscribe();
      plot.destroy();
    };
  }, [samples, show, positionS]);
  const labels = stream.channels.map((c) => c.label).join(', ');
  return <div class="history-chart" ref={host} role="img" aria-label={historyText.chartLabel(labels)} />;
}
