import { describe, expect, it } from 'vitest';
import { envelopeSummary, rms } from './envelope-metrics';

describe('rms', () => {
  it('reads a sine of amplitude A as A/√2: exact over whole periods, within 0.5 % otherwise', () => {
    const fs = 1000;
    const x = Float64Array.from({ length: fs }, (_, n) => 100 * Math.sin((2 * Math.PI * 80 * n) / fs + 0.3));
    expect(Math.abs(rms(x) - 100 / Math.SQRT2)).toBeLessThan(1e-9);
    // 0.9537 s is 76.3 periods: the unfinished period moves the RMS by < 0.5 %.
    expect(Math.abs(rms(x, 0, 954) / (100 / Math.SQRT2) - 1)).toBeLessThan(0.005);
    expect(() => rms(x, 10, 10)).toThrow(RangeError);
  });
});

describe('envelopeSummary', () => {
  it('gives peak, mean and time strictly above the threshold', () => {
    const env = new Float64Array(2000).fill(10);
    env.fill(60, 500, 1250); // 750 ms at 60
    env[900] = 75;
    const s = envelopeSummary(env, 1000, 40);
    expect(s.peakUv).toBe(75);
    expect(s.meanUv).toBeCloseTo((10 * 1250 + 60 * 749 + 75) / 2000, 12);
    expect(s.timeAboveThresholdS).toBeCloseTo(0.75, 12);
    expect(envelopeSummary(env, 1000, 60, 400, 1300).timeAboveThresholdS).toBeCloseTo(0.001, 12);
  });
});
