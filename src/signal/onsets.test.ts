import { describe, expect, it } from 'vitest';
import { butterworthSos } from './butterworth';
import { EmgChain } from './emg-chain';
import { notchSos } from './notch';
import { automaticBaseline, baselineFrom, detectOnsets, OnsetDetector, type Onset, type OnsetEvent } from './onsets';
import { SosFilter } from './sos-filter';
import { gaussianNoise, loadEmgFixture, readMetricFixture } from '../../tests/fixtures/metrics/test-signals';

/** The fixture definition (generate-metric-fixtures.py): x − x[0], Butterworth 20–450 Hz order 4, 50 Hz notch Q 30. */
function referenceFiltered(counts: Float64Array, fs: number): Float64Array {
  const x = counts.map((v) => v - counts[0]!);
  const out = new Float64Array(x.length);
  new SosFilter(butterworthSos(4, 'bandpass', [20, 450], fs)).process(x, out);
  new SosFilter(notchSos(50, 30, fs)).process(out, out);
  return out;
}

/** The app's own chain at its defaults with a 50 Hz notch (what the CLI and the worker feed in). */
function chainFiltered(counts: Float64Array, fs: number): Float64Array {
  const filtered = new Float64Array(counts.length);
  new EmgChain({ sampleRateHz: fs, mainsHz: 50 }).process(counts, filtered, new Float64Array(counts.length));
  return filtered;
}

function inside(s: number, windows: readonly (readonly [number, number])[]): boolean {
  return windows.some(([a, b]) => s >= a && s <= b);
}

// biosppy_emg_1.txt, looked at as raw counts, 20–450 Hz + 50 Hz notch, and the 50 ms moving
// average of the rectified signal (rest level ≈ 4 counts):
// - four clear contractions: 1.46–1.95 s (peak ≈ 100), 15.45–16.95 s (≈ 140, the longest),
//   25.60–25.85 s (≈ 70) and 26.40–26.65 s (≈ 110);
// - weak, ambiguous activity: a slow tail after the long contraction (17–20 s, ≈ 7–10), a faint
//   bump at 23.2–23.6 s (≈ 11), a spike at 35.95 s (≈ 20), low activity 36–41 s with bumps at
//   38.3–39.2 s (≈ 16) and 40.1–40.6 s (≈ 12), a 60 ms burst at 45.0 s (≈ 17);
// - long rest stretches 2.2–14.5 s, 27.0–35.5 s and 46–63.9 s, with only brief blips (a 30 ms
//   burst at 9.65 s reaches 9.3 in the 50 ms average).
const CONTRACTIONS_S = [[1.4, 2.0], [15.4, 17.1], [25.55, 25.9], [26.35, 26.7]] as const;
/** Where each contraction's rise leaves the rest level, read off the 50 ms average. */
const RISES_S = [1.46, 15.45, 25.6, 26.4] as const;
const AMBIGUOUS_S = [[17.1, 24.0], [35.5, 46.0]] as const;
const REST_S = [[2.2, 14.5], [27.0, 35.5], [46.0, 63.9]] as const;

function checkBiosppyEmg1(bursts: Onset[]): void {
  for (const burst of bursts) {
    expect(inside(burst.startS, [...CONTRACTIONS_S, ...AMBIGUOUS_S]), `onset at ${burst.startS} s`).toBe(true);
    // An offset may trail into rest by up to 0.1 s (the 50 ms window plus the 25 ms below-run).
    for (const [a, b] of REST_S) expect(burst.endS <= a + 0.1 || burst.startS >= b, `burst ${burst.startS}–${burst.endS} s`).toBe(true);
  }
  CONTRACTIONS_S.forEach(([a, b], i) => {
    const found = bursts.filter((o) => o.startS >= a && o.startS <= b);
    expect(found, `contraction ${a}–${b} s`).toHaveLength(1);
    // The onset lies between 20 ms before and 80 ms after the rise seen by eye (measured 15–75 ms
    // after: the threshold sits at ~13 counts, partway up each rise).
    expect(found[0]!.startS - RISES_S[i]!).toBeGreaterThan(-0.02);
    expect(found[0]!.startS - RISES_S[i]!).toBeLessThan(0.08);
  });
}

interface OnsetFixture {
  recordings: { file: string; baseline: { mean: number; sd: number }; bursts: [number, number][] }[];
}

describe('onsets on biosppy_emg_1.txt (1000 Hz, four contractions, long rests)', () => {
  const { counts, sampleRateHz } = loadEmgFixture('biosppy_emg_1.txt');

  it('finds each contraction once and nothing in the rest stretches (reference filters)', () => {
    const x = referenceFiltered(counts, sampleRateHz);
    const bursts = detectOnsets(x, sampleRateHz, automaticBaseline(x, sampleRateHz));
    checkBiosppyEmg1(bursts);
    // Measured: 1.478, 15.525, 25.646, 26.415 s, plus weak activity at 35.93, 38.51, 38.60,
    // 38.84 and 44.98 s; nothing in 17–24 s.
    expect(bursts.map((o) => o.startIndex)).toEqual([1478, 15525, 25646, 26415, 35933, 38506, 38604, 38843, 44978]);
  });

  it('does the same through the app EmgChain (DC tracker, band-pass, notch)', () => {
    const x = chainFiltered(counts, sampleRateHz);
    checkBiosppyEmg1(detectOnsets(x, sampleRateHz, automaticBaseline(x, sampleRateHz)));
  });

  it('agrees with the independent NumPy implementation (fixture) to within one sample', () => {
    const reference = readMetricFixture<OnsetFixture>('onsets.json').recordings.find((r) => r.file.endsWith('biosppy_emg_1.txt'))!;
    const x = referenceFiltered(counts, sampleRateHz);
    const baseline = automaticBaseline(x, sampleRateHz);
    expect(baseline.mean).toBeCloseTo(reference.baseline.mean, 9);
    expect(baseline.sd).toBeCloseTo(reference.baseline.sd, 9);
    const bursts = detectOnsets(x, sampleRateHz, baseline);
    expect(bursts).toHaveLength(reference.bursts.length);
    bursts.forEach((o, i) => {
      expect(Math.abs(o.startIndex - reference.bursts[i]![0])).toBeLessThanOrEqual(1);
      expect(Math.abs(o.endIndex - reference.bursts[i]![1])).toBeLessThanOrEqual(1);
    });
  });

  it('with a baseline from one marked rest second, still finds the contractions', () => {
    const x = referenceFiltered(counts, sampleRateHz);
    const bursts = detectOnsets(x, sampleRateHz, baselineFrom(x, 50_000, 51_000));
    for (const [a, b] of CONTRACTIONS_S) expect(bursts.some((o) => o.startS >= a && o.startS <= b)).toBe(true);
  });
});

describe('onsets on biosppy_emg.txt (near the noise floor, weak activity 35–57 s)', () => {
  const { counts, sampleRateHz } = loadEmgFixture('biosppy_emg.txt');

  it('reports nothing at all at k = 3: the weak activity (≈ 2× rest level) stays under 3.3× rest', () => {
    const x = referenceFiltered(counts, sampleRateHz);
    expect(detectOnsets(x, sampleRateHz, automaticBaseline(x, sampleRateHz))).toEqual([]);
    expect(detectOnsets(chainFiltered(counts, sampleRateHz), sampleRateHz, automaticBaseline(chainFiltered(counts, sampleRateHz), sampleRateHz))).toEqual([]);
  });

  it('at k = 2 finds short bursts inside 50–58 s, one blip at 95.8 s, and nothing in 0–34 s or 60–95 s', () => {
    const x = referenceFiltered(counts, sampleRateHz);
    const bursts = detectOnsets(x, sampleRateHz, automaticBaseline(x, sampleRateHz), { k: 2 });
    expect(bursts.length).toBeGreaterThan(0);
    for (const o of bursts) expect(inside(o.startS, [[50, 58], [95.6, 96]]), `onset at ${o.startS} s`).toBe(true);
  });
});

describe('automaticBaseline', () => {
  it('pools the quietest quarter, so one unusually quiet second does not set the threshold', () => {
    const fs = 1000;
    const x = gaussianNoise(40 * fs, 3, 10);
    for (let i = 5 * fs; i < 6 * fs; i++) x[i] = x[i]! * 0.2; // one very quiet second
    for (let i = 20 * fs; i < 30 * fs; i++) x[i] = x[i]! * 8; // a 10 s contraction
    const auto = automaticBaseline(x, fs);
    const quiet = baselineFrom(x, 5 * fs, 6 * fs);
    // |N(0, 10)|: mean 7.98, SD 6.03. The pooled 10 windows include the quiet one (mean ≈ 1.6).
    expect(auto.mean).toBeGreaterThan(6.8);
    expect(auto.mean).toBeLessThan(8);
    expect(quiet.mean).toBeLessThan(2);
    // No false onsets in the noise at the automatic baseline; the contraction is found.
    const bursts = detectOnsets(x, fs, auto);
    expect(bursts).toHaveLength(1);
    expect(bursts[0]!.startS).toBeCloseTo(20, 1);
    expect(bursts[0]!.endS).toBeCloseTo(30, 1);
  });

  it('skips all-zero windows (a disconnected channel) and copes with short input', () => {
    const x = gaussianNoise(10_000, 9);
    x.fill(0, 0, 4000);
    expect(automaticBaseline(x, 1000).mean).toBeGreaterThan(0.7);
    expect(automaticBaseline(new Float64Array([1, -1, 1]), 1000)).toEqual({ mean: 1, sd: 0 });
    expect(() => baselineFrom(x, 5, 5)).toThrow(RangeError);
  });
});

describe('OnsetDetector (streaming)', () => {
  it('gives the batch result for any block size', () => {
    const fs = 1000;
    const x = gaussianNoise(20 * fs, 21);
    for (const [a, b] of [[2000, 2600], [7000, 7040], [7100, 7300], [15000, 20000]]) for (let i = a!; i < b!; i++) x[i] = x[i]! * 6;
    const baseline = baselineFrom(x, 3000, 6000);
    const batch = detectOnsets(x, fs, baseline);
    expect(batch.length).toBeGreaterThanOrEqual(3);
    for (const block of [1, 7, 64, 1000, 4096]) {
      const detector = new OnsetDetector(fs, baseline);
      const events: OnsetEvent[] = [];
      for (let i = 0; i < x.length; i += block) events.push(...detector.push(x.subarray(i, Math.min(x.length, i + block))));
      const expected = batch.flatMap((o) => (o.endIndex < x.length ? [{ kind: 'onset', index: o.startIndex }, { kind: 'offset', index: o.endIndex }] : [{ kind: 'onset', index: o.startIndex }]));
      expect(events, `block ${block}`).toEqual(expected);
      expect(detector.active).toBe(true); // the last burst runs to the end
      expect(detector.samplesSeen).toBe(x.length);
    }
  });

  it('places a noisy step onset within the half window plus 2 ms', () => {
    const fs = 2000;
    const x = gaussianNoise(4 * fs, 4);
    for (let i = 5000; i < 7000; i++) x[i] = x[i]! * 10; // the contraction: 2.5–3.5 s
    const bursts = detectOnsets(x, fs, baselineFrom(x, 0, 4000));
    expect(bursts).toHaveLength(1);
    expect(Math.abs(bursts[0]!.startS - 2.5)).toBeLessThan(0.025 + 0.002);
    expect(Math.abs(bursts[0]!.endS - 3.5)).toBeLessThan(0.025 + 0.002);
  });

  it('needs the moving average above threshold for the minimum duration (exact, noise-free)', () => {
    // |x| = 1 at rest, 10 in bursts; threshold 1 + 3·1 = 4; 5 ms window (5 samples at 1000 Hz).
    // The average exceeds 4 once ≥ 2 burst samples are in the window, so a burst of L samples
    // keeps it above for L + 2 samples: 20 ms → 22 (ignored), 30 ms → 32 (found).
    const x = new Float64Array(1000).fill(1);
    x.fill(10, 200, 220);
    x.fill(-10, 500, 530);
    const bursts = detectOnsets(x, 1000, { mean: 1, sd: 1 }, { smoothingMs: 5, minDurationMs: 25 });
    // First window with 2 burst samples ends at 501; centred (lag 2) that is sample 499.
    expect(bursts).toEqual([{ startIndex: 499, endIndex: 531, startS: 0.499, endS: 0.531 }]);
  });

  it('reset() starts over', () => {
    const x = gaussianNoise(3000, 8);
    for (let i = 1000; i < 2000; i++) x[i] = x[i]! * 10;
    const detector = new OnsetDetector(1000, baselineFrom(x, 0, 900));
    const first = detector.push(x).map((e) => ({ ...e }));
    detector.reset();
    expect(detector.push(x)).toEqual(first);
  });
});
