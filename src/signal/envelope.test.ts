import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LinearEnvelope, MovingRms } from './envelope.ts';

interface EnvelopeCase {
  sampleRateHz: number;
  rmsWindowSamples: number;
  linearCutoffHz: number;
  filtered: number[];
  rms: number[];
  linear: number[];
}
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../tests/fixtures/filters/${name}.json`, import.meta.url), 'utf8'));
const synthetic = (fixture('synthetic') as { cases: EnvelopeCase[] }).cases;
const recording = fixture('recording') as EnvelopeCase;
const cases = [...synthetic.map((c) => [`synthetic ${c.sampleRateHz} Hz`, c] as const), ['recording (first 5 s)', recording] as const];

const maxRelativeError = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    // The DC remover makes the first filtered sample exactly 0, so the first RMS values may be 0.
    const error = b[i] === 0 ? (a[i] === 0 ? 0 : Infinity) : Math.abs(a[i]! - b[i]!) / Math.abs(b[i]!);
    worst = Math.max(worst, error);
  }
  return worst;
};
const maxError = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};
const range = (x: number[]): number => Math.max(...x) - Math.min(...x);

const sine = (amplitude: number, fHz: number, fs: number, n: number): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * fHz * i) / fs + 0.3));

describe('MovingRms', () => {
  // Input: numpy's own filtered signal from the fixture, so only the envelope is compared.
  // Measured worst relative error 6e-12 (the fixture's 12 significant digits dominate).
  it.each(cases)('matches numpy sqrt(convolve(x², ones(W)/W)) within 1e-6 relative: %s', (_, c) => {
    const out = new Float64Array(c.filtered.length);
    new MovingRms(c.rmsWindowSamples).process(c.filtered, out);
    expect(maxRelativeError(out, c.rms)).toBeLessThan(1e-6);
  });

  it('gives A/√2 for a sine: to 1e-12 over whole periods, within the analytic ripple bound otherwise', () => {
    const fs = 1000;
    const rms = new MovingRms(100);
    const out = new Float64Array(2000);
    // 50 Hz in 100 ms: exactly 5 periods, so the window mean of sin² is exactly 1/2.
    rms.process(sine(250, 50, fs, 2000), out);
    for (let i = 100; i < 2000; i++) expect(Math.abs(out[i]! - 250 / Math.SQRT2)).toBeLessThan(1e-12 * 250);
    // 37 Hz: 3.7 periods. mean(sin²) = 1/2 − mean(cos 2θ)/2 and |Σ cos| over W samples is at most
    // 1/|sin(2π f/fs)|, so RMS²/(A²/2) − 1 is within ±1/(W·sin(2π·37/1000)) = ±4.3 %.
    const bound = 1 / (100 * Math.sin((2 * Math.PI * 37) / fs));
    rms.reset();
    rms.process(sine(250, 37, fs, 2000), out);
    let worst = 0;
    for (let i = 100; i < 2000; i++) worst = Math.max(worst, Math.abs((out[i]! * out[i]!) / (250 * 250 / 2) - 1));
    expect(worst).toBeLessThanOrEqual(bound);
    expect(worst).toBeGreaterThan(0.5 * bound);
  });

  it('does not drift: a burst 1e9× louder leaves no residue within two windows of leaving', () => {
    const rms = new MovingRms(64);
    const loud = sine(1e6, 113, 1000, 5000);
    const out = new Float64Array(5000);
    rms.process(loud, out);
    const quiet = sine(1e-3, 50, 1000, 200);
    const quietOut = new Float64Array(200);
    rms.process(quiet, quietOut);
    // The burst's rounding residue stays in the running sum until the next re-summation, which
    // comes at most one window after the burst has left it.
    for (let i = 2 * 64; i < 200; i++) {
      let sum = 0;
      for (let k = i - 63; k <= i; k++) sum += quiet[k]! * quiet[k]!;
      expect(Math.abs(quietOut[i]! - Math.sqrt(sum / 64))).toBeLessThan(1e-9 * quietOut[i]!);
    }
  });

  it('is block-size independent and reset restores the zero start', () => {
    const x = recording.filtered;
    const whole = new Float64Array(x.length);
    new MovingRms(100).process(x, whole);
    for (const blockLength of [1, 7, 64, 1000]) {
      const rms = new MovingRms(100);
      const out = new Float64Array(x.length);
      for (let start = 0; start < x.length; start += blockLength) {
        const block = x.slice(start, start + blockLength);
        const blockOut = new Float64Array(block.length);
        rms.process(block, blockOut);
        out.set(blockOut, start);
      }
      expect(out).toEqual(whole);
    }
    const rms = new MovingRms(3);
    const out = new Float64Array(1);
    rms.process([9], out);
    rms.reset();
    rms.process([3], out);
    expect(out[0]).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('rejects a window that is not a whole positive number of samples', () => {
    expect(() => new MovingRms(0)).toThrow(RangeError);
    expect(() => new MovingRms(2.5)).toThrow(/whole number/);
  });
});

describe('LinearEnvelope', () => {
  // Measured worst error 1.4e-12 of the envelope's range.
  it.each(cases)('matches scipy sosfilt(butter(2, 6 Hz), |x|) within 1e-6 of the range: %s', (_, c) => {
    const out = new Float64Array(c.filtered.length);
    new LinearEnvelope(c.linearCutoffHz, c.sampleRateHz).process(c.filtered, out);
    expect(maxError(out, c.linear)).toBeLessThan(1e-6 * range(c.linear));
  });

  it('settles at the mean rectified value of a sine, 2A/π', () => {
    const out = new Float64Array(4000);
    new LinearEnvelope(6, 1000).process(sine(100, 80, 1000, 4000), out);
    // 80 Hz ripple of |sin| (160 Hz fundamental) through a 6 Hz 2nd-order low-pass: ~0.2 % left.
    for (let i = 2000; i < 4000; i++) expect(Math.abs(out[i]! - 200 / Math.PI)).toBeLessThan(0.01 * (200 / Math.PI));
  });

  it('rejects a cutoff at or above Nyquist', () => {
    expect(() => new LinearEnvelope(100, 200)).toThrow(RangeError);
  });
});
