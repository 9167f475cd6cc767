import { describe, expect, it } from 'vitest';
import { createSamplePeriodEstimator } from './sample-period-estimator';

describe('sample period estimator', () => {
  it('is null before any interval and ignores non-positive or non-finite ones', () => {
    const e = createSamplePeriodEstimator();
    expect(e.periodUs()).toBeNull();
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) e.addIntervalUs(bad);
    expect(e.periodUs()).toBeNull();
  });

  it('returns the median, so outliers from gaps and jitter do not move it', () => {
    const e = createSamplePeriodEstimator(5);
    for (const us of [12500, 12400, 50000, 12600, 100]) e.addIntervalUs(us);
    // sorted: 100, 12400, 12500, 12600, 50000 → median 12500
    expect(e.periodUs()).toBe(12500);
  });

  it('averages the middle pair for an even count, and forgets the oldest past the window', () => {
    const e = createSamplePeriodEstimator(3);
    e.addIntervalUs(10);
    e.addIntervalUs(20);
    expect(e.periodUs()).toBe(15); // (10 + 20) / 2
    e.addIntervalUs(30);
    e.addIntervalUs(40); // 10 drops out: 20, 30, 40
    expect(e.periodUs()).toBe(30);
    e.reset();
    expect(e.periodUs()).toBeNull();
  });
});
