import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultEmgSettings, EmgChain, type EmgChainSettings } from './emg-chain.ts';

interface ChainCase {
  sampleRateHz: number;
  mainsHz: 50 | 60 | null;
  notchHarmonics: boolean;
  rmsWindowSamples: number;
  linearCutoffHz: number;
  filtered: number[];
  rms: number[];
  linear: number[];
}
const fixture = (path: string): string => readFileSync(new URL(`../../tests/fixtures/${path}`, import.meta.url), 'utf8');
const synthetic = (JSON.parse(fixture('filters/synthetic.json')) as { cases: (ChainCase & { input: number[] })[] }).cases;
const recordingRef = JSON.parse(fixture('filters/recording.json')) as ChainCase & { count: number };
const recordingRaw = fixture('emg/biosppy_emg_1.txt')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .slice(0, recordingRef.count)
  .map(Number);
const cases = [
  ...synthetic.map((c) => [`synthetic ${c.sampleRateHz} Hz, mains ${c.mainsHz}${c.notchHarmonics ? ' + harmonics' : ''}`, c, c.input] as const),
  ['BioSPPy recording, first 5 s, mains 50', recordingRef, recordingRaw] as const,
];

const range = (x: ArrayLike<number>): number => Math.max(...Array.from(x)) - Math.min(...Array.from(x));
const maxError = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};
const maxRelativeError = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, b[i] === 0 ? Math.abs(a[i]!) : Math.abs(a[i]! - b[i]!) / Math.abs(b[i]!));
  return worst;
};

function run(settings: EmgChainSettings, raw: ArrayLike<number>, blockLength = raw.length): { filtered: Float64Array; envelope: Float64Array } {
  const chain = new EmgChain(settings);
  const filtered = new Float64Array(raw.length);
  const envelope = new Float64Array(raw.length);
  const inBlock = new Float64Array(blockLength);
  const fBlock = new Float64Array(blockLength);
  const eBlock = new Float64Array(blockLength);
  for (let start = 0; start < raw.length; start += blockLength) {
    const n = Math.min(blockLength, raw.length - start);
    for (let i = 0; i < n; i++) inBlock[i] = raw[start + i]!;
    chain.process(inBlock, fBlock, eBlock, n);
    filtered.set(fBlock.subarray(0, n), start);
    envelope.set(eBlock.subarray(0, n), start);
  }
  return { filtered, envelope };
}

const sine = (amplitude: number, fHz: number, fs: number, n: number, offset = 0): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => offset + amplitude * Math.sin((2 * Math.PI * fHz * i) / fs));

describe('EmgChain', () => {
  // Reference: the same chain in numpy/scipy (scripts/fixtures/generate-filter-fixtures.py).
  // Measured worst errors: filtered 1.8e-12 of its range, RMS 4.7e-12 relative, linear 1.4e-12 of
  // range (the fixture keeps 12 significant digits).
  it.each(cases)('matches the scipy reference chain: %s', (_, ref, raw) => {
    const base = { sampleRateHz: ref.sampleRateHz, mainsHz: ref.mainsHz, notchHarmonics: ref.notchHarmonics };
    const rms = run({ ...base, envelope: { kind: 'rms', windowMs: (ref.rmsWindowSamples * 1000) / ref.sampleRateHz } }, raw);
    expect(maxError(rms.filtered, ref.filtered)).toBeLessThan(1e-6 * range(ref.filtered));
    expect(maxRelativeError(rms.envelope, ref.rms)).toBeLessThan(1e-6);
    const linear = run({ ...base, envelope: { kind: 'linear', cutoffHz: ref.linearCutoffHz } }, raw);
    expect(linear.filtered).toEqual(rms.filtered);
    expect(maxError(linear.envelope, ref.linear)).toBeLessThan(1e-6 * range(ref.linear));
  });

  it('gives identical output whatever the block size (1, 7, 64, 1000)', () => {
    const settings = { ...defaultEmgSettings(1000, 50), notchHarmonics: true };
    const whole = run(settings, recordingRaw);
    for (const blockLength of [1, 7, 64, 1000]) expect(run(settings, recordingRaw, blockLength)).toEqual(whole);
  });

  it('clamps the band to 0.45·fs: Ganglion 200 Hz → 20–90 Hz, 4 kHz → 20–450 Hz', () => {
    expect(new EmgChain({ sampleRateHz: 200, mainsHz: 50 }).settings).toMatchObject({ bandLowHz: 20, bandHighHz: 90 });
    expect(new EmgChain({ sampleRateHz: 4000, mainsHz: 60 }).settings).toMatchObject({ bandLowHz: 20, bandHighHz: 450 });
    expect(new EmgChain({ sampleRateHz: 250, mainsHz: null, bandHighHz: 450 }).settings.bandHighHz).toBe(112.5);
    expect(defaultEmgSettings(1024, 50)).toEqual({
      sampleRateHz: 1024, bandLowHz: 20, bandHighHz: 450, mainsHz: 50, notchHarmonics: false, notchQ: 30,
      dcCornerHz: 0.5, envelope: { kind: 'rms', windowMs: 100 }, mvcUv: null,
    });
  });

  it('passes the band and removes DC, drift and mains at a 200 Hz Ganglion rate', () => {
    const fs = 200;
    const n = 4000;
    const inBand = sine(50, 40, fs, n);
    const raw = Float64Array.from(inBand, (v, i) => v + 2048 + 20 * Math.sin((2 * Math.PI * 0.2 * i) / fs) + 30 * Math.sin((2 * Math.PI * 50 * i) / fs));
    const { filtered, envelope } = run({ sampleRateHz: fs, mainsHz: 50 }, raw);
    // After 10 s the 40 Hz tone comes through at its amplitude (band-pass gain ≥ 0.99 there,
    // notch gain at 40 Hz 0.997 at Q = 30), hum and drift are gone. RMS over the last second
    // (40 whole periods) rather than peaks: at 5 samples per period the samples miss the crest.
    const tail = (x: Float64Array): Float64Array => x.subarray(n - fs);
    const rmsOf = (x: Float64Array): number => Math.sqrt(x.reduce((sum, v) => sum + v * v, 0) / x.length);
    expect(rmsOf(tail(filtered)) / (50 / Math.SQRT2)).toBeGreaterThan(0.98);
    expect(rmsOf(tail(filtered)) / (50 / Math.SQRT2)).toBeLessThan(1.01);
    const disturbance = run({ sampleRateHz: fs, mainsHz: 50 }, raw.map((v, i) => v - inBand[i]!));
    expect(rmsOf(tail(disturbance.filtered))).toBeLessThan(0.01 * (30 / Math.SQRT2));
    for (const v of tail(envelope)) expect(Math.abs(v / (50 / Math.SQRT2) - 1)).toBeLessThan(0.02);
  });

  it('starts from the first sample: a constant offset gives exactly zero', () => {
    const { filtered, envelope } = run({ sampleRateHz: 1000, mainsHz: 50 }, new Float64Array(500).fill(2048));
    expect(filtered.every((v) => v === 0)).toBe(true);
    expect(envelope.every((v) => v === 0)).toBe(true);
  });

  it('writes Float32 outputs as the rounded Float64 values', () => {
    const chain64 = new EmgChain({ sampleRateHz: 1000, mainsHz: 50 });
    const chain32 = new EmgChain({ sampleRateHz: 1000, mainsHz: 50 });
    const n = 1000;
    const f64 = new Float64Array(n);
    const e64 = new Float64Array(n);
    const f32 = new Float32Array(n);
    const e32 = new Float32Array(n);
    chain64.process(recordingRaw, f64, e64, n);
    chain32.process(recordingRaw, f32, e32, n);
    expect(Array.from(f32)).toEqual(Array.from(f64, Math.fround));
    expect(Array.from(e32)).toEqual(Array.from(e64, Math.fround));
  });

  it('expresses the envelope as % of MVC once a calibration exists', () => {
    const chain = new EmgChain({ sampleRateHz: 1000, mainsHz: null });
    expect(chain.percentMvc(50)).toBeNull();
    const out = new Float64Array(2);
    expect(chain.percentMvcInto([50, 100], out)).toBe(false);
    chain.setMvcUv(200);
    expect(chain.percentMvc(50)).toBe(25);
    expect(chain.percentMvcInto([50, 100], out)).toBe(true);
    expect(Array.from(out)).toEqual([25, 50]);
    expect(new EmgChain({ sampleRateHz: 1000, mainsHz: null, mvcUv: 80 }).percentMvc(20)).toBe(25);
    expect(() => chain.setMvcUv(0)).toThrow(/MVC/);
    chain.setMvcUv(null);
    expect(chain.percentMvc(50)).toBeNull();
  });

  it('switches the mains notch live without disturbing the band-pass', () => {
    const fs = 1000;
    const chain = new EmgChain({ sampleRateHz: fs, mainsHz: 50 });
    const hum60 = sine(100, 60, fs, 3000, 2048);
    const filtered = new Float64Array(3000);
    const envelope = new Float64Array(3000);
    chain.process(hum60, filtered, envelope);
    expect(range(filtered.subarray(2000)) / 2).toBeGreaterThan(90);
    chain.setMains(60, true);
    expect(chain.settings).toMatchObject({ mainsHz: 60, notchHarmonics: true });
    chain.process(hum60, filtered, envelope);
    // Q = 30 at 60 Hz: the notch's transient decays with time constant Q/(π·60) ≈ 0.16 s.
    expect(range(filtered.subarray(2000)) / 2).toBeLessThan(0.01);
    chain.setMains(null);
    expect(chain.settings.mainsHz).toBeNull();
  });

  it('reset returns to the initial state', () => {
    const chain = new EmgChain({ sampleRateHz: 1000, mainsHz: 50 });
    const a = { f: new Float64Array(300), e: new Float64Array(300) };
    const b = { f: new Float64Array(300), e: new Float64Array(300) };
    chain.process(recordingRaw, a.f, a.e, 300);
    chain.process(recordingRaw, b.f, b.e, 300);
    chain.reset();
    chain.process(recordingRaw, b.f, b.e, 300);
    expect(b).toEqual(a);
  });

  it('rejects settings that cannot work, saying why', () => {
    expect(() => new EmgChain({ sampleRateHz: 40, mainsHz: null })).toThrow(/band 20–18 Hz is empty at 40 Hz/);
    expect(() => new EmgChain({ sampleRateHz: 0, mainsHz: null })).toThrow(/sample rate/);
    expect(() => new EmgChain({ sampleRateHz: 1000, mainsHz: null, dcCornerHz: 25 })).toThrow(/DC-removal corner/);
    expect(() => new EmgChain({ sampleRateHz: 1000, mainsHz: null, envelope: { kind: 'rms', windowMs: 0 } })).toThrow(/RMS window/);
    expect(() => new EmgChain({ sampleRateHz: 1000, mainsHz: null, mvcUv: -1 })).toThrow(/MVC/);
    const chain = new EmgChain({ sampleRateHz: 1000, mainsHz: null });
    expect(() => chain.process([1, 2], new Float64Array(2), new Float64Array(1))).toThrow(RangeError);
  });
});
