// Sample period from device timestamps, for devices whose rate is not documented (Tindeq: "about
// 80 Hz" is unconfirmed, devices.md). The median of recent intervals ignores the long intervals a
// lost notification leaves behind and the short ones of a late/early timestamp, so one estimator
// serves both the rate display and loss detection.

/** Intervals kept; odd so the median is one element. ~0.4 s of history at 80 Hz. */
export const PERIOD_WINDOW = 31;

export interface SamplePeriodEstimator {
  /** Feed one interval between consecutive samples, µs; non-positive or non-finite ones are ignored. */
  addIntervalUs(intervalUs: number): void;
  /** Median of the intervals kept, µs, or null before the first interval. */
  periodUs(): number | null;
  reset(): void;
}

export function createSamplePeriodEstimator(window = PERIOD_WINDOW): SamplePeriodEstimator {
  const ring = new Float64Array(window);
  const scratch = new Float64Array(window);
  let count = 0;
  let next = 0;
  let cached: number | null = null;

  return {
    addIntervalUs(intervalUs) {
      if (!(intervalUs > 0) || !Number.isFinite(intervalUs)) return;
      ring[next] = intervalUs;
      next = (next + 1) % window;
      if (count < window) count++;
      cached = null;
    },
    periodUs() {
      if (count === 0) return null;
      if (cached !== null) return cached;
      // Sort a copy of the filled part in place: no allocation, 31 elements at most.
      const filled = scratch.subarray(0, count);
      filled.set(ring.subarray(0, count));
      filled.sort();
      const mid = count >> 1;
      cached = count % 2 === 1 ? (filled[mid] ?? 0) : ((filled[mid - 1] ?? 0) + (filled[mid] ?? 0)) / 2;
      return cached;
    },
    reset() {
      count = 0;
      next = 0;
      cached = null;
    },
  };
}
