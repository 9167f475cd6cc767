import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { palette } from '../live/LiveChart';
import { sessionDate } from './SessionList';
import { historyText } from '../strings';

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** The y scale it is drawn on (an axis of the chart). */
  readonly scale: string;
  readonly color: string;
  readonly dash?: boolean;
  /** Decimals in the text table. */
  readonly digits: number;
}

export interface ChartAxis {
  readonly scale: string;
  readonly label: string;
  /** Fixed range for % and 0–10 scales (architecture.md: fixed y scales for % axes); else auto. */
  readonly range?: readonly [number, number];
}

/** A column for the text table only (numbers the chart does not draw, such as each leg's value). */
export interface TextColumn {
  readonly label: string;
  readonly cells: readonly string[];
}

export interface ChartReference {
  readonly scale: string;
  readonly value: number;
  readonly label: string;
}

/**
 * Tall enough for two y axes' ticks and a 0–130 % LSI scale to read on a 390 px phone, short enough
 * that two charts fit one phone screen (and, in the report, several on one A4 page); matches the
 * placeholder's min-height in history.css, so the page does not jump when a chart draws.
 */
const chartHeightPx = 200;

/**
 * Zero always in view (a trend near zero should not look steep), with room above and below. The
 * second axis gets more room than the first, so two series of one session do not sit exactly on
 * top of each other and hide one another.
 */
function autoRange(headroom: number): uPlot.Range.Function {
  return (_u, min, max) => {
    const low = Math.min(0, min * headroom);
    const high = Math.max(0, max * headroom);
    return low === high ? [0, 1] : [low, high];
  };
}
const FIRST_AXIS_HEADROOM = 1.15;
const SECOND_AXIS_HEADROOM = 1.6;

/** Amber, as the live chart's second trace: apart from the teal and indigo series drawn against it. */
const REFERENCE_COLOR = palette[1]!.level;

/** The reference line, labelled on a patch of the card's colour so grid lines do not cross the text. */
function drawReference(u: uPlot, reference: ChartReference, backgroundColor: string): void {
  const y = u.valToPos(reference.value, reference.scale, true);
  const { ctx } = u;
  ctx.save();
  ctx.strokeStyle = REFERENCE_COLOR;
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
  ctx.beginPath();
  ctx.moveTo(u.bbox.left, y);
  ctx.lineTo(u.bbox.left + u.bbox.width, y);
  ctx.stroke();
  ctx.font = `600 ${12 * devicePixelRatio}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  const x = u.bbox.left + 6 * devicePixelRatio;
  const textY = y - 3 * devicePixelRatio;
  const pad = 2 * devicePixelRatio;
  const widthPx = ctx.measureText(reference.label).width;
  ctx.fillStyle = backgroundColor;
  ctx.fillRect(x - pad, textY - 14 * devicePixelRatio, widthPx + 2 * pad, 14 * devicePixelRatio);
  ctx.fillStyle = REFERENCE_COLOR;
  ctx.fillText(reference.label, x, textY);
  ctx.restore();
}

/** Sessions are days apart: ticks on whole days, weeks or months only, never at noon and midnight. */
const DAY_S = 86_400;
const DAY_TICKS_S = [1, 2, 7, 14, 28, 91, 182, 364].map((days) => days * DAY_S);
/**
 * Days either side of a lone session. uPlot widens a single time value by 86 400 / 1e-3 "seconds"
 * (a day in ms, read as seconds), so one point would sit at the start of a three-year axis.
 */
const LONE_SESSION_PAD_S = 3 * DAY_S;
const dateRange: uPlot.Range.Function = (u, min, max) => {
  const xs = u.data[0]; // sorted: first equal to last means one date only
  return xs.length > 0 && xs[0] === xs[xs.length - 1] ? [xs[0]! - LONE_SESSION_PAD_S, xs[0]! + LONE_SESSION_PAD_S] : [min, max];
};

/** As many decimals as the tick step needs: a slope axis from -0.04 to 0.02 must not read 0, 0, 0. */
function tickLabels(_u: uPlot, splits: number[]): string[] {
  const stepSize = splits.length > 1 ? Math.abs(splits[1]! - splits[0]!) : 1;
  const decimals = stepSize > 0 ? Math.min(6, Math.max(0, -Math.floor(Math.log10(stepSize)))) : 0;
  return splits.map((v) => v.toFixed(decimals));
}

/** uPlot's axis ticks (10 px) plus their gap to the labels (5 px). */
const TICK_AND_GAP_PX = 15;
/** A digit of uPlot's 12 px axis font is about 0.6 em wide. */
const DIGIT_WIDTH_PX = 7.2;
const AXIS_MIN_SIZE_PX = 44;

/** Room for the widest tick label: at a fixed width, "0.00002" ran into the axis title. */
function axisSizePx(_u: uPlot, values: string[] | null): number {
  const longest = Math.max(0, ...(values ?? []).map((v) => v.length));
  return Math.max(AXIS_MIN_SIZE_PX, Math.ceil(TICK_AND_GAP_PX + longest * DIGIT_WIDTH_PX));
}

/**
 * One family of trend figures over sessions (dates on x), one or two y axes with their units, an
 * optional reference line. The canvas is hidden from screen readers: the same numbers follow in
 * a table that only they read. Resizes with its box, so it fits a phone and a desktop alike.
 */
export function TrendsChart({
  title,
  xs,
  series,
  axes,
  reference,
  textColumns = [],
}: {
  title: string;
  xs: readonly number[];
  series: readonly ChartSeries[];
  axes: readonly ChartAxis[];
  reference?: ChartReference;
  textColumns?: readonly TextColumn[];
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element || xs.length === 0) return;
    const scales: uPlot.Scales = { x: { time: true, range: dateRange } };
    axes.forEach((axis, i) => {
      scales[axis.scale] = { range: axis.range ? () => [axis.range![0], axis.range![1]] : autoRange(i === 0 ? FIRST_AXIS_HEADROOM : SECOND_AXIS_HEADROOM) };
    });
    const plot = new uPlot(
      {
        width: element.clientWidth || 320,
        height: chartHeightPx,
        legend: { show: true, live: false },
        cursor: { show: false },
        scales,
        axes: [
          { stroke: 'currentColor', grid: { show: false }, incrs: DAY_TICKS_S },
          ...axes.map((axis, i) => ({ scale: axis.scale, side: i === 0 ? 3 : 1, stroke: 'currentColor', label: axis.label, labelSize: 20, size: axisSizePx, grid: { show: i === 0 }, values: tickLabels })),
        ],
        series: [{}, ...series.map((s) => ({ label: s.label, scale: s.scale, stroke: s.color, width: 2, dash: s.dash ? [6, 4] : undefined, points: { show: true, size: 8, fill: s.color }, spanGaps: true }))],
        hooks: reference ? { draw: [(u: uPlot) => drawReference(u, reference, getComputedStyle(element).getPropertyValue('--surface') || '#fff')] } : {},
      },
      [xs as number[], ...series.map((s) => s.values as (number | null)[])] as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth || 320, height: chartHeightPx }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [xs, series, axes, reference]);
  return (
    <figure class="trend-figure">
      <figcaption>
        <h3 class="history-subheading">{title}</h3>
      </figcaption>
      <div class="history-chart trend-chart" ref={host} aria-hidden="true" />
      {/* The wrapper hides it: a table cannot be narrowed below its content, a div can. */}
      <div class="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{historyText.trendDate}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
              {textColumns.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {xs.map((x, i) => (
              <tr key={i}>
                <th scope="row">{sessionDate(new Date(x * 1000).toISOString())}</th>
                {series.map((s) => {
                  const value = s.values[i];
                  return <td key={s.label}>{value === null || value === undefined ? historyText.trendNoValue : value.toFixed(s.digits)}</td>;
                })}
                {textColumns.map((c) => (
                  <td key={c.label}>{c.cells[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
