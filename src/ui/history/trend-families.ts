// Which trend figures share a chart, on which axes, in which colour: one chart per family, so a
// chart never mixes more than two units (two y axes at most stays readable on a phone).
import type { TrendMetric, TrendTable } from '../../state/history-trends';
import { palette } from '../live/LiveChart';
import { historyText } from '../strings';
import type { ChartAxis, ChartSeries, TextColumn } from './TrendsChart';

export interface TrendFamily {
  readonly id: keyof typeof historyText.trendCharts;
  readonly title: string;
  readonly note: string;
  readonly series: readonly ChartSeries[];
  readonly axes: readonly ChartAxis[];
  /** Numbers for the text table only. */
  readonly textColumns?: readonly TextColumn[];
}

const text = historyText.trendCharts;
/** %MVC axes reach a little past 100: efforts can pass the calibration maximum (as LiveChart). */
const PERCENT_MVC_RANGE = [0, 120] as const;
/** Pain and effort are rated 0–10 (clinical.md). */
const RATING_RANGE = [0, 10] as const;

export function trendFamilies(table: TrendTable): TrendFamily[] {
  const series = (metric: TrendMetric, label: string, scale: string, colour: number, digits: number, dash = false): ChartSeries => ({
    label,
    values: table.columns[metric],
    scale,
    color: palette[colour]!.level,
    digits,
    dash,
  });
  const families: TrendFamily[] = [
    {
      id: 'activation',
      title: text.activation.title,
      note: text.activation.note,
      series: [series('peakPctMvc', text.activation.peakPctMvc, '%MVC', 0, 0)],
      axes: [{ scale: '%MVC', label: text.activation.axis, range: PERCENT_MVC_RANGE }],
    },
    {
      id: 'reps',
      title: text.reps.title,
      note: text.reps.note,
      series: [series('repsAchieved', text.reps.repsAchieved, 'count', 0, 0), series('timeInBandPct', text.reps.timeInBandPct, '%', 1, 0, true)],
      axes: [
        { scale: 'count', label: text.reps.axisCount },
        { scale: '%', label: text.reps.axisPct, range: [0, 100] },
      ],
    },
    {
      id: 'vmoVl',
      title: text.vmoVl.title,
      note: text.vmoVl.note,
      series: [series('vmoToVl', text.vmoVl.vmoToVl, 'ratio', 2, 2)],
      axes: [{ scale: 'ratio', label: text.vmoVl.axis }],
      // Its spread across the session's reps (clinical.md, VMO:VL: show it with its variability).
      textColumns: [{ label: text.vmoVl.vmoToVlSd, cells: table.columns.vmoToVlSd.map((sd) => (sd === null ? historyText.trendNoValue : text.vmoVl.spread(sd))) }],
    },
    {
      id: 'fatigue',
      title: text.fatigue.title,
      note: text.fatigue.note,
      series: [series('fatigueSlopeHzPerS', text.fatigue.fatigueSlopeHzPerS, 'Hz/s', 3, 2)],
      axes: [{ scale: 'Hz/s', label: text.fatigue.axis }],
    },
    {
      id: 'force',
      title: text.force.title,
      note: text.force.note,
      series: [series('forcePeakN', text.force.forcePeakN, 'N', 0, 0), series('rfd200NPerS', text.force.rfd200NPerS, 'N/s', 1, 0, true)],
      axes: [
        { scale: 'N', label: text.force.axisPeak },
        { scale: 'N/s', label: text.force.axisRfd },
      ],
    },
    {
      id: 'ratings',
      title: text.ratings.title,
      note: text.ratings.note,
      series: [series('painScore', text.ratings.painScore, 'rating', 3, 0), series('effortScore', text.ratings.effortScore, 'rating', 2, 0, true)],
      axes: [{ scale: 'rating', label: text.ratings.axis, range: RATING_RANGE }],
    },
  ];
  // A family is drawn only when some session has one of its figures.
  return families.filter((f) => f.series.some((s) => s.values.some((v) => v !== null)));
}
