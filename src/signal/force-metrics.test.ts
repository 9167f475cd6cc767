import { describe, expect, it } from 'vitest';
import { forceMetrics } from './force-metrics';
import { gaussianNoise } from '../../tests/fixtures/metrics/test-signals';

/** Samples f(t) at fs for t in [0, durationS]. */
function sample(f: (tS: number) => number, fs: number, durationS: number): Float64Array {
  return Float64Array.from({ length: Math.round(durationS * fs) + 1 }, (_, i) => f(i / fs));
}

/** 0.5 s quiet at baseline, then a ramp at rateNPerS up to peakN, a hold, and a ramp back down. */
function trapezoid(rateNPerS: number, peakN: number, holdS: number, baselineN = 0): (tS: number) => number {
  const riseS = peakN / rateNPerS;
  return (t) => {
    const u = t - 0.5;
    if (u <= 0) return baselineN;
    if (u < riseS) return baselineN + Math.min(peakN, rateNPerS * u);
    if (u < riseS + holdS) return baselineN + peakN;
    return baselineN + Math.min(peakN, Math.max(0, peakN - rateNPerS * (u - riseS - holdS)));
  };
}

describe('forceMetrics on a known ramp', () => {
  it('1500 N/s ramp at 1000 Hz: every RFD window and the peak RFD read 1500 N/s (within 0.1 %)', () => {
    const m = forceMetrics(sample(trapezoid(1500, 600, 1), 1000, 2.5), 1000)!;
    for (const key of ['0-50', '0-100', '0-200'] as const) expect(Math.abs(m.rfdNPerS[key]! / 1500 - 1)).toBeLessThan(0.001);
    expect(Math.abs(m.peakRfdNPerS! / 1500 - 1)).toBeLessThan(0.001);
    // Onset at 2.5 % of 600 N = 15 N, reached 10 ms into the ramp.
    expect(m.onsetS).toBeCloseTo(0.51, 9);
    expect(m.onsetIndex).toBe(510);
    expect(m.peakN).toBe(600);
    expect(m.timeToPeakMs).toBeCloseTo(390, 6);
    // Impulse: 600 N × (0.4 s rise/2 + 1 s hold + 0.4 s fall/2) minus the two corners below 15 N.
    expect(m.impulseNs).toBeCloseTo(600 * 1.4 - 2 * 0.5 * 0.01 * 15, 6);
    expect(m.endS).toBeCloseTo(0.5 + 0.4 + 1 + 0.39, 9);
    expect(m.settings).toEqual({ sampleRateHz: 1000, onsetFraction: 0.025, baseline: 'first 200 ms', peakRfdWindowMs: 20 });
  });

  it('an 80 Hz gauge gives peak force, 0–200 ms RFD and impulse only', () => {
    // 50 ms = 4 and 100 ms = 8 periods at 80 Hz: under the 10-period rule, so null (clinical.md:
    // "an 80 Hz gauge gives peak force and late RFD only"); so is the 20 ms peak-RFD window.
    const m = forceMetrics(sample(trapezoid(1500, 600, 1, 20), 80, 2.5), 80)!;
    expect(m.rfdNPerS['0-50']).toBeNull();
    expect(m.rfdNPerS['0-100']).toBeNull();
    expect(Math.abs(m.rfdNPerS['0-200']! / 1500 - 1)).toBeLessThan(0.01);
    expect(m.peakRfdNPerS).toBeNull();
    expect(m.peakN).toBe(620);
    expect(m.baselineN).toBe(20);
    expect(Math.abs(m.impulseNs / (600 * 1.4) - 1)).toBeLessThan(0.01);
  });

  it('at 200 Hz keeps 0–50 ms (exactly 10 periods) but not the 20 ms peak RFD', () => {
    const m = forceMetrics(sample(trapezoid(1500, 600, 1), 200, 2.5), 200)!;
    expect(Math.abs(m.rfdNPerS['0-50']! / 1500 - 1)).toBeLessThan(0.001);
    expect(m.peakRfdNPerS).toBeNull();
  });

  it('returns null for windows that run past the end of the recording', () => {
    // Recording ends 120 ms after the ramp starts: onset at 10 ms, so 0–200 ms does not fit.
    const m = forceMetrics(sample(trapezoid(1500, 600, 1), 1000, 0.62), 1000, { baselineN: 0 })!;
    expect(m.rfdNPerS['0-50']).not.toBeNull();
    expect(m.rfdNPerS['0-100']).not.toBeNull();
    expect(m.rfdNPerS['0-200']).toBeNull();
    expect(m.settings.baseline).toBe('given');
  });
});

describe('forceMetrics on curved and noisy efforts', () => {
  it('exponential rise F = 800(1 − e^(−t/0.1)): RFD windows within 0.2 % of the analytic chord slopes', () => {
    const tau = 0.1;
    const f = (t: number): number => (t <= 0.5 ? 0 : 800 * (1 - Math.exp(-(t - 0.5) / tau)));
    const fs = 1000;
    const m = forceMetrics(sample(f, fs, 2), fs)!;
    const peak = f(2);
    const onsetT = 0.5 - tau * Math.log(1 - (0.025 * peak) / 800);
    expect(Math.abs(m.onsetS - onsetT)).toBeLessThan(1e-4);
    for (const [key, w] of [['0-50', 0.05], ['0-100', 0.1], ['0-200', 0.2]] as const) {
      const expected = (f(onsetT + w) - f(onsetT)) / w;
      expect(Math.abs(m.rfdNPerS[key]! / expected - 1)).toBeLessThan(0.002);
    }
    // Steepest 20 ms chord of a concave curve is the first one.
    expect(Math.abs(m.peakRfdNPerS! / ((f(onsetT + 0.02) - f(onsetT)) / 0.02) - 1)).toBeLessThan(0.002);
  });

  it('ignores a pre-effort blip that crosses the threshold and falls back', () => {
    const fs = 1000;
    const x = sample(trapezoid(3000, 900, 0.5), fs, 1.5);
    const noise = gaussianNoise(x.length, 12, 0.5);
    for (let i = 0; i < x.length; i++) x[i] = x[i]! + noise[i]!;
    x[300] = 60; // a knock at 0.3 s, above 2.5 % of 900 N
    const m = forceMetrics(x, fs)!;
    expect(m.onsetS).toBeGreaterThan(0.5);
    expect(m.onsetS).toBeLessThan(0.5 + 0.01);
    expect(Math.abs(m.rfdNPerS['0-100']! / 3000 - 1)).toBeLessThan(0.02);
  });

  it('is null without an effort or with too little data', () => {
    expect(forceMetrics(new Float64Array(100).fill(5), 1000)).toBeNull();
    expect(forceMetrics(new Float64Array([1]), 1000)).toBeNull();
    expect(forceMetrics(new Float64Array(0), 1000)).toBeNull();
  });
});
