// Received samples laid out on the stream's timeline, so sample index / rate is time again.
//
// Why holes are filled with a straight line between their neighbours, rather than zeros or a
// filter reset: the filters run causally across the hole, as in the app. A zero fill puts a step
// of the full DC level (2048 counts on a 12-bit board, the preload on a force gauge) into a
// high-pass and its ringing would read as muscle activity; a reset starts the filters cold, with
// the same step. A line is continuous, has no energy in the EMG band and cannot raise a peak, so
// the hole adds no event of its own; the samples it holds are excluded from `samples` and from
// spectral windows (`fill` says where they are).
import type { SeriesGap } from './recording';

export interface FillRange {
  /** Timeline index of the first filled sample. */
  readonly start: number;
  /** Timeline index one past the last filled sample. */
  readonly end: number;
}

export interface Timeline {
  readonly samples: Float64Array;
  readonly fill: readonly FillRange[];
}

export function timelineOf(values: Float64Array, gaps: readonly SeriesGap[]): Timeline {
  const lost = gaps.reduce((sum, gap) => sum + gap.lengthSamples, 0);
  if (lost === 0) return { samples: values, fill: [] };
  const samples = new Float64Array(values.length + lost);
  const fill: FillRange[] = [];
  let from = 0; // next received index to copy
  let to = 0; // next timeline index to write
  for (const gap of gaps) {
    if (gap.lengthSamples <= 0) continue;
    samples.set(values.subarray(from, gap.atIndex), to);
    to += gap.atIndex - from;
    from = gap.atIndex;
    // A hole before the first sample or after the last takes the one neighbour it has.
    const before = values[gap.atIndex - 1] ?? values[gap.atIndex] ?? 0;
    const after = values[gap.atIndex] ?? before;
    const steps = gap.lengthSamples + 1;
    for (let k = 1; k <= gap.lengthSamples; k++) samples[to++] = before + ((after - before) * k) / steps;
    fill.push({ start: to - gap.lengthSamples, end: to });
  }
  samples.set(values.subarray(from), to);
  return { samples, fill };
}

/** True when [start, end) overlaps no filled range (ranges are in order). */
export function isAllReceived(fill: readonly FillRange[], start: number, end: number): boolean {
  for (const range of fill) {
    if (range.start >= end) return true;
    if (range.end > start) return false;
  }
  return true;
}
