// Min/max decimation for drawing: two points per pixel column (the column's extremes, in the
// order they occurred), so a 10 s window of 2 kHz EMG becomes ~2 points per pixel and every spike
// still shows. All series of a chart share one x grid (uPlot's data model is column-aligned), so
// the two points of a column sit at its start and its middle — a sub-pixel shift, invisible.
// Gaps (NaN samples) become null, which uPlot draws as a break.

/** Writes the shared x grid (seconds before the newest sample, ≤ 0) for `count` samples in `columns`. */
export function columnTimes(count: number, sampleRateHz: number, columns: number, xs: number[]): number {
  const used = Math.min(columns, Math.ceil(count / 2));
  const perColumn = count / used;
  for (let column = 0; column < used; column++) {
    const start = column * perColumn;
    xs[2 * column] = (start - (count - 1)) / sampleRateHz;
    xs[2 * column + 1] = (start + perColumn / 2 - (count - 1)) / sampleRateHz;
  }
  xs.length = 2 * used;
  return 2 * used;
}

/**
 * Decimates `samples[0..count)` (oldest first) into `ys` on the grid of `columnTimes` with the
 * same arguments, reusing `ys` (no allocation once it has grown). Returns the number of points.
 */
export function decimateMinMax(samples: ArrayLike<number>, count: number, columns: number, ys: (number | null)[]): number {
  const used = Math.min(columns, Math.ceil(count / 2));
  const perColumn = count / used;
  for (let column = 0; column < used; column++) {
    const start = Math.floor(column * perColumn);
    const end = Math.max(start + 1, Math.floor((column + 1) * perColumn));
    let min = Infinity;
    let max = -Infinity;
    let minAt = start;
    let maxAt = start;
    for (let i = start; i < end && i < count; i++) {
      const y = samples[i]!;
      if (Number.isNaN(y)) continue;
      if (y < min) {
        min = y;
        minAt = i;
      }
      if (y > max) {
        max = y;
        maxAt = i;
      }
    }
    if (min === Infinity) {
      ys[2 * column] = null;
      ys[2 * column + 1] = null;
    } else {
      ys[2 * column] = minAt <= maxAt ? min : max;
      ys[2 * column + 1] = minAt <= maxAt ? max : min;
    }
  }
  ys.length = 2 * used;
  return 2 * used;
}
