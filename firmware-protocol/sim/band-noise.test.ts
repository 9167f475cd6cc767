import { describe, expect, it } from 'vitest';
import { BandNoise, bandEdgesFor, designBandPass } from './band-noise';
import { Prng } from './prng';

/** |H(e^jω)| of the biquad cascade at a frequency, from its coefficients. */
function magnitudeAt(coeffs: Float64Array, freqHz: number, rateHz: number): number {
  const w = (2 * Math.PI * freqHz) / rateHz;
  let gain = 1;
  for (let c = 0; c < coeffs.length; c += 5) {
    const [b0, b1, b2, a1, a2] = Array.from(coeffs.subarray(c, c + 5)) as [number, number, number, number, number];
    const num = Math.hypot(b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w), -(b1 * Math.sin(w) + b2 * Math.sin(2 * w)));
    const den = Math.hypot(1 + a1 * Math.cos(w) + a2 * Math.cos(2 * w), -(a1 * Math.sin(w) + a2 * Math.sin(2 * w)));
    gain *= num / den;
  }
  return gain;
}

function rms(noise: BandNoise, n: number): number {
  let sumSq = 0;
  for (let i = 0; i < n; i++) sumSq += noise.next() ** 2;
  return Math.sqrt(sumSq / n);
}

describe('band-pass design', () => {
  it('is a 4th-order Butterworth at each corner: −3 dB at the corners, flat between, steep outside', () => {
    const coeffs = designBandPass(1000, { lowHz: 20, highHz: 450 });
    expect(coeffs.length).toBe(4 * 5);
    // Each corner sees its own section set at −3 dB times the other set's (nearly unity) gain.
    expect(magnitudeAt(coeffs, 20, 1000)).toBeCloseTo(Math.SQRT1_2, 2);
    expect(magnitudeAt(coeffs, 450, 1000)).toBeCloseTo(Math.SQRT1_2, 1);
    expect(magnitudeAt(coeffs, 120, 1000)).toBeCloseTo(1, 2);
    // 4th order: 24 dB per octave, so two octaves below 20 Hz is about −48 dB.
    expect(magnitudeAt(coeffs, 5, 1000)).toBeLessThan(0.005);
  });

  it('clamps the upper corner to 0.45·rate for low-rate devices and rejects an empty band', () => {
    expect(bandEdgesFor(200, 20, 450)).toEqual({ lowHz: 20, highHz: 90 });
    expect(bandEdgesFor(2000, 20, 450)).toEqual({ lowHz: 20, highHz: 450 });
    expect(() => bandEdgesFor(40, 20, 450)).toThrow(RangeError);
    expect(new BandNoise(new Prng(1), 200, 20, 450).edges.highHz).toBe(90);
  });
});

describe('BandNoise', () => {
  it.each([
    [1000, 20, 450],
    [2000, 20, 450],
    [200, 20, 450],
    [500, 8, 12],
  ])('has RMS 1 at %i Hz for the %i–%i Hz band (gain derived from the impulse energy)', (rateHz, lowHz, highHz) => {
    const noise = new BandNoise(new Prng(11), rateHz, lowHz, highHz);
    // A narrow band has few independent samples per second: give the 8–12 Hz case more time.
    const seconds = highHz - lowHz < 10 ? 400 : 60;
    const value = rms(noise, rateHz * seconds);
    expect(value).toBeGreaterThan(0.97);
    expect(value).toBeLessThan(1.03);
  });

  it('is stationary from its first sample: the start-up transient is run off at construction', () => {
    let sumSq = 0;
    const seeds = 400;
    for (let s = 0; s < seeds; s++) sumSq += new BandNoise(new Prng(s), 1000, 20, 450).next() ** 2;
    const firstSampleRms = Math.sqrt(sumSq / seeds);
    expect(firstSampleRms).toBeGreaterThan(0.9);
    expect(firstSampleRms).toBeLessThan(1.1);
  });
});

describe('BandNoise.fill', () => {
  it('gives exactly the values of sample-by-sample next() calls', () => {
    const a = new BandNoise(new Prng(5), 2000, 20, 450);
    const b = new BandNoise(new Prng(5), 2000, 20, 450);
    const block = new Float64Array(300);
    a.fill(block, 0, 100);
    a.fill(block, 100, 200);
    const single = Float64Array.from({ length: 300 }, () => b.next());
    for (let i = 0; i < 300; i++) expect(block[i]).toBeCloseTo(single[i]!, 12);
  });
});
