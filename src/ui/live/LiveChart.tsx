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
/** A % MVC axis tops out a little above 100 %: efforts can pass the calibration maximum. */
const PERCENT_AXIS_TOP = 120;

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
  percentOfMvc = null,
}: {
  entry: SensorEntry;
  windowS: number;
  paused: boolean;
  bandRaw?: [number, number];
  decimate?: boolean;
  /**
   * Once every channel is calibrated: each channel's factor to % of its MVC (100 / MVC). The
   * chart then shows activation only, on a fixed 0–120 % axis (raw signal is in µV, not %).
   */
  percentOfMvc?: readonly number[] | null;
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
      if (channel.kind === 'emg' && !percentOfMvc) series.push({ label: live.filteredSeries(channel.label), stroke: colours.filtered, width: 1, points: { show: false } });
      series.push({
        label: channel.kind === 'emg' ? live.envelopeSeries(channel.label) : live.forceSeries(channel.label),
        stroke: colours.level,
        width: 3,
        points: { show: false },
      });
    });
    // Decimated columns, refilled in place each frame (decimate.ts): no allocation once grown.
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
          // uPlot's data extremes are NaN when a series starts with NaN (undecimated: a gap at the left edge).
          y: {
            range: (_u, min, max) =>
              percentOfMvc
                ? [0, Math.max(PERCENT_AXIS_TOP, finite(max) * 1.05)]
                : isForce
                  ? [Math.min(0, finite(min)), Math.max(20, finite(max) * 1.1)]
                  : symmetric(finite(min), finite(max)),
          },
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
    // Undecimated: the ring's samples straight into typed columns on a fixed per-sample grid,
    // all made once per window — uPlot's cheapest input, so the comparison favours the peer.
    // Typed arrays hold no null, so a gap (NaN) is bridged rather than broken: fine for a bench.
    const every = decimate ? null : { xs: sampleGrid(windowSets, rateHz), ys: series.slice(1).map(() => new Float32Array(windowSets)) };
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: chartHeightPx }));
    resize.observe(element);

    const stop = onFrame(() => {
      if (pausedRef.current) return;
      const pixelColumns = Math.max(50, Math.floor(plot.bbox.width / devicePixelRatio));
      let count = 0;
      let index = 0;
      const column = (ring: SampleRing, c: number, factor: number): number => {
        const i = index++;
        const target = every ? every.ys[i]! : scratch;
        const n = ring.readLatest(c, windowSets, target);
        if (factor !== 1) for (let k = 0; k < n; k++) target[k]! *= factor;
        if (!every) decimateMinMax(scratch, n, pixelColumns, columns[i]!);
        return n;
      };
      channels.forEach((channel, c) => {
        if (channel.kind === 'emg' && !percentOfMvc) column(rings.filtered, c, 1);
        count = column(rings.level, c, percentOfMvc?.[c] ?? 1);
      });
      if (count === 0) return;
      if (every) {
        plot.setData(everySample(every, count), true);
        return;
      }
      columnTimes(count, rateHz, pixelColumns, xs);
      plot.setData([xs, ...columns] as uPlot.AlignedData, true);
    });
    return () => {
      stop();
      resize.disconnect();
      plot.destroy();
    };
  }, [entry, entry.rings, windowS, bandRaw?.[0], bandRaw?.[1], decimate, percentOfMvc?.join()]);

  const name = entry.link.info.value?.deviceName ?? entry.transport.name;
  return <div class="live-chart" ref={host} role="img" aria-label={live.chartLabel(name)} />;
}

/** One x per sample of a full window, seconds before the newest (≤ 0). */
function sampleGrid(windowSets: number, sampleRateHz: number): Float64Array {
  const xs = new Float64Array(windowSets);
  for (let i = 0; i < windowSets; i++) xs[i] = (i - (windowSets - 1)) / sampleRateHz;
  return xs;
}

/** The newest `count` samples of each column, oldest first; views (no copies) while the window fills. */
function everySample({ xs, ys }: { xs: Float64Array; ys: Float32Array[] }, count: number): uPlot.AlignedData {
  if (count === xs.length) return [xs, ...ys];
  return [xs.subarray(xs.length - count), ...ys.map((y) => y.subarray(0, count))];
}

/** NaN (no data) reads as 0 for the scale. */
function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
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
