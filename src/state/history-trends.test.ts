import { describe, expect, it } from 'vitest';
import { levelStats, sessionTrend, trendTable } from './history-trends';
import { events, samples, session } from './history-test-sessions';

describe('trends across sessions', () => {
  it('takes peak and mean over received level samples only', () => {
    expect(levelStats(Float32Array.from([1, NaN, 3, 2]))).toEqual({ peak: 3, mean: 2 });
    expect(levelStats(Float32Array.from([NaN]))).toEqual({ peak: null, mean: null });
  });

  it('leaves simulated sessions out unless asked, oldest first, with ratings and reps', () => {
    const older = sessionTrend(session('old', '2026-01-01T09:00:00.000Z', false), [samples(1)], events);
    const demo = sessionTrend(session('demo', '2026-01-02T09:00:00.000Z', true), [samples(5)], []);
    const newer = sessionTrend(session('new', '2026-01-03T09:00:00.000Z', false), [samples(2)], []);
    expect(older).toMatchObject({ reps: 1, painScore: 2, effortScore: null });
    expect(older.channels[0]).toEqual({ label: 'VMO', unit: 'uV', peak: 10, mean: expect.closeTo(5.5, 6) });

    const real = trendTable([newer, demo, older], false);
    expect(real.xs).toEqual([Date.parse('2026-01-01T09:00:00.000Z') / 1000, Date.parse('2026-01-03T09:00:00.000Z') / 1000]);
    expect(real.series.map((s) => `${s.label} ${s.statistic}`)).toEqual(['VMO peak', 'VMO mean', 'VL peak', 'VL mean']);
    expect(real.series[0]!.values).toEqual([10, 20]);
    expect(trendTable([newer, demo, older], true).series[0]!.values).toEqual([10, 50, 20]);
  });
});
