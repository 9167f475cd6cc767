import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SessionTrace } from '../../state/session-model';
import { exercisesText } from '../strings';

/** The whole exercise at a glance: the target quantity over time with the band shaded. */
export function SessionChart({ trace }: { trace: SessionTrace }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element || trace.timeS.length < 2) return;
    const [low, high] = trace.band;
    const plot = new uPlot(
      {
        width: element.clientWidth || 320,
        height: 180,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(high * 1.3, max * 1.05)] } },
        axes: [
          { stroke: 'currentColor', values: (_u, ticks) => ticks.map((t) => `${t} s`) },
          { stroke: 'currentColor', size: 48 },
        ],
        series: [{}, { stroke: '#0f766e', width: 2, points: { show: false } }],
        hooks: {
          drawClear: [
            (u: uPlot) => {
              const top = u.valToPos(high, 'y', true);
              const bottom = u.valToPos(low, 'y', true);
              u.ctx.save();
              u.ctx.fillStyle = 'rgba(251, 191, 36, 0.3)';
              u.ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
              u.ctx.restore();
            },
          ],
        },
      },
      [trace.timeS, trace.level],
      element,
    );
    return () => plot.destroy();
  }, [trace]);
  return <div class="session-chart" ref={host} role="img" aria-label={exercisesText.sessionChart(trace.unit === '%MVC' ? '%' : 'N')} />;
}
