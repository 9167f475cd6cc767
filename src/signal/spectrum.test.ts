import { describe, expect, it } from 'vitest';
import { Fft, PowerSpectrum } from './fft';
import { detectMainsHz, fatigueSlopeHzPerS, linearSlope, medianFrequencyHz, medianFrequencySeries } from './spectrum';
import { bandNoise, flatBand, gaussianNoise, loadEmgFixture, readMetricFixture } from '../../tests/fixtures/metrics/test-signals';

interface MedianFixture {
  cases: {
    tone?: { frequencyHz: number; phaseRad: number };
    comb?: { loHz: number; hiHz: number; stepHz: number; law: 'flat' | 'invSqrt' };
    sampleRateHz: number;
    length: number;
    medianHz: number;
  }[];
  biosppyEmg1RawWindows: { sampleRateHz: number; windowS: number; medianHz: number[] };
}

/** Rebuilds a fixture case's closed-form signal exactly as generate-metric-fixtures.py does. */
function fixtureSignal(c: MedianFixture['cases'][number]): Float64Array {
  const parts: [number, number, number][] = [];
  if (c.tone) parts.push([1, c.tone.frequencyHz, c.tone.phaseRad]);
  if (c.comb) {
    const count = Math.round((c.comb.hiHz - c.comb.loHz) / c.comb.stepHz) + 1;
    for (let j = 0; j < count; j++) {
      const f = c.comb.loHz + j * c.comb.stepHz;
      parts.push([c.comb.law === 'flat' ? 1 : 1 / Math.sqrt(f), f, 0.7 * j * j]);
    }
  }
  const x = new Float64Array(c.length);
  for (const [a, f, ph] of parts) {
    for (let n = 0; n < c.length; n++) x[n] = x[n]! + a * Math.sin((2 * Math.PI * f * n) / c.sampleRateHz + ph);
  }
  return x;
}

const fixture = readMetricFixture<MedianFixture>('median-frequency.json');

describe('Fft', () => {
  it('matches a direct DFT to 1e-9 of the signal scale', () => {
    const n = 64;
    const x = gaussianNoise(n, 7);
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    new Fft(n).transform(re, im);
    for (let k = 0; k < n; k++) {
      let sr = 0;
      let si = 0;
      for (let t = 0; t < n; t++) {
        sr += x[t]! * Math.cos((-2 * Math.PI * k * t) / n);
        si += x[t]! * Math.sin((-2 * Math.PI * k * t) / n);
      }
      expect(Math.abs(re[k]! - sr)).toBeLessThan(1e-9);
      expect(Math.abs(im[k]! - si)).toBeLessThan(1e-9);
    }
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new Fft(1000)).toThrow(RangeError);
    expect(() => new PowerSpectrum(1024).compute(new Float64Array(10), 0, 20)).toThrow(RangeError);
  });
});

describe('medianFrequencyHz', () => {
  it('agrees with SciPy (periodogram, Hann, zero-padded) on every fixture case to 1e-6 Hz', () => {
    for (const c of fixture.cases) {
      expect(Math.abs(medianFrequencyHz(fixtureSignal(c), 0, c.length, c.sampleRateHz) - c.medianHz)).toBeLessThan(1e-6);
    }
  });

  it('reads a pure tone as its own frequency within 0.1 Hz (1 s window)', () => {
    for (const c of fixture.cases.filter((k) => k.tone)) {
      expect(Math.abs(medianFrequencyHz(fixtureSignal(c), 0, c.length, c.sampleRateHz) - c.tone!.frequencyHz)).toBeLessThan(0.1);
    }
  });

  it('reads a flat band [a, b] as (a + b)/2: within 1 Hz deterministic, 2.5 Hz mean of seeded noise', () => {
    const flat = fixture.cases.find((k) => k.comb?.law === 'flat')!;
    expect(Math.abs(medianFrequencyHz(fixtureSignal(flat), 0, flat.length, flat.sampleRateHz) - 150)).toBeLessThan(1);
    // Band-limited Gaussian noise 60–200 Hz, an independent draw per 1 s window. One window's
    // median scatters (measured over 200 draws: mean 130.04 Hz, SD 8.3 Hz, worst 24 Hz off): a
    // single second of EMG gives a noisy median, which is why fatigue is read from a slope. The
    // mean of 100 windows (SD ≈ 0.83 Hz) must sit within 2.5 Hz (3 SD) of 130 Hz.
    const fs = 1000;
    const x = new Float64Array(100 * fs);
    for (let w = 0; w < 100; w++) x.set(bandNoise(fs, fs, 60, 200, 11 + w), w * fs);
    const series = medianFrequencySeries(x, fs);
    expect(series.medianHz).toHaveLength(100);
    const mean = series.medianHz.reduce((a, b) => a + b, 0) / 100;
    expect(Math.abs(mean - 130)).toBeLessThan(2.5);
  });

  it('reads white noise as fs/4 within 2 % (mean of 20 windows)', () => {
    const fs = 2000;
    const series = medianFrequencySeries(gaussianNoise(20 * fs, 5), fs);
    const mean = series.medianHz.reduce((a, b) => a + b, 0) / series.medianHz.length;
    expect(Math.abs(mean / (fs / 4) - 1)).toBeLessThan(0.02);
  });

  it('is NaN for a flat line', () => {
    expect(medianFrequencyHz(new Float64Array(1000).fill(3), 0, 1000, 1000)).toBeNaN();
  });
});

describe('medianFrequencySeries and the fatigue slope', () => {
  it('matches SciPy window by window on the raw biosppy_emg_1 recording', () => {
    const { counts, sampleRateHz } = loadEmgFixture('biosppy_emg_1.txt');
    const series = medianFrequencySeries(counts, sampleRateHz, 1);
    const expected = fixture.biosppyEmg1RawWindows.medianHz;
    expect(series.medianHz).toHaveLength(expected.length);
    for (let i = 0; i < expected.length; i++) {
      expect(Math.abs(series.medianHz[i]! - expected[i]!)).toBeLessThan(1e-6);
      expect(series.timeS[i]).toBeCloseTo(i + 0.5, 12);
    }
  });

  it('is empty below 1000 Hz', () => {
    expect(medianFrequencySeries(gaussianNoise(5000, 1), 500).medianHz).toHaveLength(0);
  });

  it('recovers a median falling at 2 Hz/s within 1 % (flat 60 Hz band, centre 149 → 91 Hz over 30 s)', () => {
    // Flat bands (equal amplitudes, seeded phases) so each window's median is known to < 1 Hz and
    // the test checks the series and the slope, not the scatter of random spectra shown above.
    const fs = 1000;
    const x = new Float64Array(30 * fs);
    for (let w = 0; w < 30; w++) {
      const centre = 150 - 2 * (w + 0.5);
      x.set(flatBand(fs, fs, centre - 30, centre + 30, 100 + w), w * fs);
    }
    const slope = fatigueSlopeHzPerS(medianFrequencySeries(x, fs))!;
    expect(Math.abs(slope / -2 - 1)).toBeLessThan(0.01);
  });

  it('linearSlope is exact on a line and null when undefined', () => {
    expect(linearSlope([0, 1, 2, 5], [2, 5, 8, 17])).toBeCloseTo(3, 12);
    expect(linearSlope([1], [1])).toBeNull();
    expect(linearSlope([2, 2], [1, 3])).toBeNull();
    expect(() => linearSlope([1, 2], [1])).toThrow(RangeError);
  });
});

describe('detectMainsHz', () => {
  it('finds the 50 Hz hum of biosppy_emg_1', () => {
    const { counts, sampleRateHz } = loadEmgFixture('biosppy_emg_1.txt');
    expect(detectMainsHz(counts, sampleRateHz)).toBe(50);
  });

  it('reports null for biosppy_emg, which has no 50/60 Hz line (lines at 200 and 400 Hz only)', () => {
    const { counts, sampleRateHz } = loadEmgFixture('biosppy_emg.txt');
    expect(detectMainsHz(counts, sampleRateHz)).toBeNull();
  });

  it('finds 60 Hz and 50 Hz hum at 0.3× the noise SD, at 1000 and 2000 Hz', () => {
    for (const [fs, mains] of [[1000, 60], [2000, 50], [1024, 60]] as const) {
      const x = gaussianNoise(20 * fs, mains + fs);
      for (let n = 0; n < x.length; n++) x[n] = x[n]! + 0.3 * Math.sin((2 * Math.PI * mains * n) / fs + 0.4);
      expect(detectMainsHz(x, fs)).toBe(mains);
    }
  });

  it('reports null for seeded white noise, short recordings and low rates', () => {
    for (let seed = 1; seed <= 10; seed++) expect(detectMainsHz(gaussianNoise(3000 + 997 * seed, seed), 1000)).toBeNull();
    expect(detectMainsHz(gaussianNoise(500, 3), 1000)).toBeNull();
    // At 100 Hz, 50 Hz is the Nyquist frequency: no neighbourhood to compare a line with.
    const lowRate = new Float64Array(2000).map((_, n) => Math.sin((2 * Math.PI * 49 * n) / 100));
    expect(detectMainsHz(lowRate, 100)).toBeNull();
  });
});
