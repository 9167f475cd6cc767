import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { butterworthSos, type ButterworthKind } from './butterworth.ts';

interface Design {
  order: number;
  kind: ButterworthKind;
  cornersHz: number | [number, number];
  sampleRateHz: number;
  sos: number[][];
}
const designs = JSON.parse(readFileSync(new URL('../../tests/fixtures/filters/designs.json', import.meta.url), 'utf8')) as {
  butter: Design[];
};

/** |H(e^jω)| of a cascade at fHz, evaluated directly from the coefficients. */
function magnitude(sos: Float64Array, fHz: number, fs: number): number {
  const w = (2 * Math.PI * fHz) / fs;
  let gain = 1;
  for (let j = 0; j < sos.length; j += 6) {
    const part = (b0: number, b1: number, b2: number): number =>
      Math.hypot(b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w), -b1 * Math.sin(w) - b2 * Math.sin(2 * w));
    gain *= part(sos[j]!, sos[j + 1]!, sos[j + 2]!) / part(sos[j + 3]!, sos[j + 4]!, sos[j + 5]!);
  }
  return gain;
}

describe('butterworthSos', () => {
  // Measured: every coefficient of the 56 designs within 1.4e-15 of scipy 1.10 (absolute and
  // relative), same section order. The tolerance leaves room for another libm's tan/cos.
  it.each(designs.butter.map((d) => [`${d.kind} ${d.order} ${String(d.cornersHz)} Hz @ ${d.sampleRateHz} Hz`, d] as const))(
    'matches scipy.signal.butter: %s',
    (_, d) => {
      const sos = butterworthSos(d.order, d.kind, d.cornersHz, d.sampleRateHz);
      const ref = d.sos.flat();
      expect(sos.length).toBe(ref.length);
      ref.forEach((c, i) => expect(Math.abs(sos[i]! - c)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c))));
    },
  );

  it('covers every rate the issue names, with the EMG band-pass of 8 poles', () => {
    const bandPasses = designs.butter.filter((d) => d.kind === 'bandpass' && d.order === 4);
    expect(bandPasses.map((d) => d.sampleRateHz)).toEqual([200, 250, 500, 1000, 1024, 2000, 4000]);
    for (const d of bandPasses) expect(butterworthSos(4, 'bandpass', d.cornersHz, d.sampleRateHz).length).toBe(4 * 6);
  });

  it('puts the corners at −3 dB and the pass band at 0 dB (Ganglion 200 Hz: 20–90 Hz)', () => {
    const sos = butterworthSos(4, 'bandpass', [20, 90], 200);
    expect(magnitude(sos, 20, 200)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(magnitude(sos, 90, 200)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(magnitude(sos, Math.sqrt(20 * 90), 200)).toBeGreaterThan(0.999);
    const lowPass = butterworthSos(2, 'lowpass', 6, 1000);
    expect(magnitude(lowPass, 0, 1000)).toBeCloseTo(1, 12);
    expect(magnitude(lowPass, 6, 1000)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(magnitude(butterworthSos(4, 'highpass', 100, 1000), 100, 1000)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('rejects impossible designs with a RangeError that names the limits', () => {
    expect(() => butterworthSos(4, 'bandpass', [20, 450], 500)).toThrow(/0 < low < high < fs\/2 = 250 Hz/);
    expect(() => butterworthSos(4, 'bandpass', [90, 20], 1000)).toThrow(RangeError);
    expect(() => butterworthSos(4, 'bandpass', [0, 20], 1000)).toThrow(RangeError);
    expect(() => butterworthSos(2, 'lowpass', 500, 1000)).toThrow(/0 < f < fs\/2/);
    expect(() => butterworthSos(2, 'lowpass', [5, 6], 1000)).toThrow(RangeError);
    expect(() => butterworthSos(0, 'lowpass', 5, 1000)).toThrow(/order/);
    expect(() => butterworthSos(2.5, 'lowpass', 5, 1000)).toThrow(/order/);
    expect(() => butterworthSos(2, 'highpass', 5, Number.NaN)).toThrow(/sample rate/);
    expect(() => butterworthSos(2, 'highpass', Number.NaN, 1000)).toThrow(RangeError);
  });
});
