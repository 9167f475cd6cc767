// Min/max decimation for drawing: at most two points per pixel column (the first and last of
// each column are its min and max, in time order), so a 10 s window of 2 kHz EMG becomes ~2
// points per pixel and every spike still shows (uPlot's own advice for dense series).
// Gaps (NaN samples) become null, which uPlot draws as a break.

/**
 * Decimates `samples[0..count)` (oldest first, the last at time 0) into `xs`/`ys`, reusing those
 * arrays (no allocation once they have grown). Returns the number of points written.
 * `xs` are seconds relative to the newest sample (≤ 0).
 */
export function decimateMinMax(
  samples: ArrayLike<number>,
  count: number,
  sampleRateHz: number,
  columns: number,
  xs: number[],
  ys: (number | null)[],
): number {
  let points = 0;
  const put = (x: number, y: number | null) => {
    xs[points] = x;
    ys[points] = y;
    points++;
  };
  if (count <= 2 * columns) {
    for (let i = 0; i < count; i++) {
      const y = samples[i]!;
      put((i - (count - 1)) / sampleRateHz, Number.isNaN(y) ? null : y);
    }
  } else {
    const perColumn = count / columns;
    for (let column = 0; column < columns; column++) {
      const start = Math.floor(column * perColumn);
      const end = Math.floor((column + 1) * perColumn);
      let min = Infinity;
      let max = -Infinity;
      let minAt = start;
      let maxAt = start;
      let gap = false;
      for (let i = start; i < end; i++) {
        const y = samples[i]!;
        if (Number.isNaN(y)) {
          gap = true;
          continue;
        }
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
        put((start - (count - 1)) / sampleRateHz, null);
        continue;
      }
      const [firstAt, first, lastAt, last] = minAt <= maxAt ? [minAt, min, maxAt, max] : [maxAt, max, minAt, min];
      put((firstAt - (count - 1)) / sampleRateHz, first);
      put((lastAt - (count - 1)) / sampleRateHz, gap && lastAt === firstAt ? null : last);
    }
  }
  xs.length = points;
  ys.length = points;
  return points;
}
