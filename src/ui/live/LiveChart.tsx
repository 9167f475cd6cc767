import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { columnTimes, decimateMinMax } from '../../signal/decimate';
import type { SampleRing } from '../../signal/sample-ring';
import type { SensorEntry } from '../../state/sensor-entry';
import { onFrame } from '../shell/frame-loop';
import { live } from '../strings';

/** Series colours: filtered signal light, activation (envelope) strong; two channels told apart by hue. */
export const palette = [
  { filtered: 'rgba(45, 140, 130, 0.28)', level: '#0f766e' },
  { filtered: 'rgba(180, 83, 9, 0.25)', level: '#b45309' },
  { filtered: 'rgba(79, 70, 229, 0.25)', level: '#4338ca' },
  { filtered: 'rgba(190, 24, 93, 0.25)', level: '#be185d' },
];
const chartHeightPx = 220;

/**
 * The live chart of one sensor: for each channel its filtered signal and its activation
 * (envelope, or force). Each animation frame copies the visible window out of the rings,
 * decimates it to two points per pixel column and calls setData — no per-sample DOM work.
 * `decimate={false}` feeds every sample instead: only the live-feedback benchmark's peer
 * (tests/bench/live-browser.ts) uses it, to show what the decimation saves.
 */
export function LiveChart({
  entry,
  windowS,
  paused,
  bandRaw,
  decimate = true,
}: {
  entry: SensorEntry;
  windowS: number;
  paused: boolean;
  bandRaw?: [number, number];
  decimate?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    const rings = entry.rings;
    const element = host.current;
    const channels = entry.channels.peek();
    if (!rings || !element || channels.length === 0) return;
    const rateHz = channels[0]!.nominalRateHz;
    const isForce = channels.every((c) => c.kind === 'force');
    const series: uPlot.Series[] = [{}];
    channels.forEach((channel, c) => {
      const colours = palette[c % palette.length]!;
      if (channel.kind === 'emg') series.push({ label: live.filteredSeries(channel.label), stroke: colours.filtered, width: 1, points: { show: false } });
      series.push({
        label: channel.kind === 'emg' ? live.envelopeSeries(channel.label) : live.forceSeries(channel.label),
        stroke: colours.level,
        width: 3,
        points: { show: false },
      });
    });
    // Made once per window: both ways refill them in place each frame, so they grow while the
    // ring fills the window and never allocate after that.
    const xs: number[] = [];
    const columns: (number | null)[][] = series.slice(1).map(() => []);
    const plot = new uPlot(
      {
        width: element.clientWidth || 320,
        height: chartHeightPx,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-windowS, 0] },
          y: { range: (_u, min, max) => (isForce ? [Math.min(0, min), Math.max(20, max * 1.1)] : symmetric(min, max)) },
        },
        axes: [
          { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, values: (_u, ticks) => ticks.map((t) => `${t} s`) },
          { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.15)' }, size: 56, values: (_u, ticks) => ticks.map((t) => `${t}`) },
        ],
        series,
        hooks: bandRaw ? { drawClear: [(u: uPlot) => drawBand(u, bandRaw)] } : {},
      },
      [xs, ...columns],
      element,
    );
    const windowSets = Math.round(windowS * rateHz);
    const scratch = new Float32Array(windowSets);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: chartHeightPx }));
    resize.observe(element);

    const stop = onFrame(() => {
      if (pausedRef.current) return;
      const pixelColumns = Math.max(50, Math.floor(plot.bbox.width / devicePixelRatio));
      let count = 0;
      let index = 0;
      const column = (ring: SampleRing, c: number): number => {
        const n = ring.readLatest(c, windowSets, scratch);
        if (decimate) decimateMinMax(scratch, n, pixelColumns, columns[index]!);
        else everySample(scratch, n, columns[index]!);
        index++;
        return n;
      };
      channels.forEach((channel, c) => {
        if (channel.kind === 'emg') column(rings.filtered, c);
        count = column(rings.level, c);
      });
      if (count === 0) return;
      if (decimate) columnTimes(count, rateHz, pixelColumns, xs);
      // The per-sample grid depends on the count only: rewritten while the window fills.
      else if (xs.length !== count) sampleTimes(count, rateHz, xs);
      plot.setData([xs, ...columns] as uPlot.AlignedData, true);
    });
    return () => {
      stop();
      resize.disconnect();
      plot.destroy();
    };
  }, [entry, entry.rings, windowS, bandRaw?.[0], bandRaw?.[1], decimate]);

  const name = entry.link.info.value?.deviceName ?? entry.transport.name;
  return <div class="live-chart" ref={host} role="img" aria-label={live.chartLabel(name)} />;
}

/** Undecimated: every sample a point, reusing `ys`; NaN (a gap) becomes null, uPlot's break. */
function everySample(samples: Float32Array, count: number, ys: (number | null)[]): void {
  for (let i = 0; i < count; i++) {
    const y = samples[i]!;
    ys[i] = Number.isNaN(y) ? null : y;
  }
  ys.length = count;
}

/** The x grid of everySample: one point per sample, seconds before the newest (≤ 0). */
function sampleTimes(count: number, sampleRateHz: number, xs: number[]): void {
  for (let i = 0; i < count; i++) xs[i] = (i - (count - 1)) / sampleRateHz;
  xs.length = count;
}

/** The target band, shaded behind the traces (same scale as the envelope). */
function drawBand(u: uPlot, [low, high]: [number, number]): void {
  const top = u.valToPos(high, 'y', true);
  const bottom = u.valToPos(low, 'y', true);
  const { ctx, bbox } = u;
  ctx.save();
  ctx.fillStyle = 'rgba(251, 191, 36, 0.28)';
  ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
  ctx.restore();
}

/** EMG swings both ways: a scale symmetric about zero, never narrower than ±50 µV (rest noise stays flat). */
function symmetric(min: number, max: number): uPlot.Range.MinMax {
  const extent = Math.max(50, Math.abs(min), Math.abs(max)) * 1.1;
  return [-extent, extent];
}
