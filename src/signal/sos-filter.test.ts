import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { butterworthSos } from './butterworth.ts';
import { SosFilter } from './sos-filter.ts';

interface SyntheticCase {
  sampleRateHz: number;
  input: number[];
  bandPassOnly: number[];
}
const synthetic = JSON.parse(readFileSync(new URL('../../tests/fixtures/filters/synthetic.json', import.meta.url), 'utf8')) as {
  cases: SyntheticCase[];
};

const range = (x: ArrayLike<number>): number => Math.max(...Array.from(x)) - Math.min(...Array.from(x));
const maxError = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

function inBlocks(sos: Float64Array, input: ArrayLike<number>, blockLength: number): Float64Array {
  const filter = new SosFilter(sos);
  const out = new Float64Array(input.length);
  const block = new Float64Array(blockLength);
  for (let start = 0; start < input.length; start += blockLength) {
    const n = Math.min(blockLength, input.length - start);
    for (let i = 0; i < n; i++) block[i] = input[start + i]!;
    filter.process(block, block, n);
    out.set(block.subarray(0, n), start);
  }
  return out;
}

describe('SosFilter', () => {
  // The synthetic inputs sit on a 2048-count offset, so the first samples carry the band-pass's
  // step response: the hardest part to match. Measured worst error: 3e-12 of the signal range,
  // the 12 significant digits the fixture keeps.
  it.each(synthetic.cases.map((c) => [c.sampleRateHz, c] as const))('matches scipy sosfilt of the EMG band-pass at %i Hz within 1e-6 of the range', (_, c) => {
    const sos = butterworthSos(4, 'bandpass', [20, Math.min(450, 0.45 * c.sampleRateHz)], c.sampleRateHz);
    const out = new Float64Array(c.input.length);
    new SosFilter(sos).process(c.input, out);
    expect(maxError(out, c.bandPassOnly)).toBeLessThan(1e-6 * range(c.bandPassOnly));
    expect(maxError(out, c.bandPassOnly)).toBeLessThan(1e-10 * range(c.bandPassOnly));
  });

  it('gives identical output whatever the block size (1, 7, 64, 1000)', () => {
    const c = synthetic.cases.find((k) => k.sampleRateHz === 1000)!;
    const sos = butterworthSos(4, 'bandpass', [20, 450], 1000);
    const whole = inBlocks(sos, c.input, c.input.length);
    for (const blockLength of [1, 7, 64, 1000]) expect(inBlocks(sos, c.input, blockLength)).toEqual(whole);
  });

  it('rounds to Float32 only when storing', () => {
    const c = synthetic.cases[0]!;
    const sos = butterworthSos(2, 'lowpass', 20, c.sampleRateHz);
    const wide = new Float64Array(c.input.length);
    const narrow = new Float32Array(c.input.length);
    new SosFilter(sos).process(c.input, wide);
    new SosFilter(sos).process(c.input, narrow);
    expect(Array.from(narrow)).toEqual(Array.from(wide, (v) => Math.fround(v)));
  });

  it('settles at the steady state of a constant input (scipy sosfilt_zi)', () => {
    const sos = butterworthSos(2, 'lowpass', 20, 1000);
    const filter = new SosFilter(sos);
    filter.settle(500);
    const out = new Float64Array(50);
    filter.process(new Float64Array(50).fill(500), out);
    for (const v of out) expect(v).toBeCloseTo(500, 9);
    const highPass = new SosFilter(butterworthSos(4, 'highpass', 10, 1000));
    highPass.settle(2048);
    highPass.process(new Float64Array(50).fill(2048), out);
    for (const v of out) expect(Math.abs(v)).toBeLessThan(1e-9);
  });

  it('forgets its history on reset and passes input through with no sections', () => {
    const filter = new SosFilter(butterworthSos(2, 'lowpass', 20, 1000));
    const first = new Float64Array(10);
    const again = new Float64Array(10);
    const impulse = Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    filter.process(impulse, first);
    filter.reset();
    filter.process(impulse, again);
    expect(again).toEqual(first);
    const identity = new SosFilter(new Float64Array(0));
    expect(identity.sections).toBe(0);
    const out = new Float64Array(3);
    identity.process([1.5, -2, 3], out);
    expect(Array.from(out)).toEqual([1.5, -2, 3]);
  });

  it('rejects malformed coefficients and blocks that do not fit', () => {
    expect(() => new SosFilter(new Float64Array(5))).toThrow(/multiple of 6/);
    expect(() => new SosFilter(Float64Array.of(1, 0, 0, 2, 0, 0))).toThrow(/a0 = 2/);
    expect(() => new SosFilter(Float64Array.of(1, 0, Number.NaN, 1, 0, 0))).toThrow(/not finite/);
    const filter = new SosFilter(Float64Array.of(1, 0, 0, 1, 0, 0));
    expect(() => filter.process([1, 2, 3], new Float64Array(2))).toThrow(RangeError);
    expect(() => filter.process([1, 2, 3], new Float64Array(3), 4)).toThrow(RangeError);
  });
});
