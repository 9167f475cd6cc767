import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisReport } from './analysis-report';
import { analyzeInput } from './analyze-input';
import type { AnalysisOptions } from './analyze-recording';
import { inputKindOf, type InputOptions } from './input-recording';
import { formatSummary } from './summary-text';
import { sessionRecording } from '../store/formats/edf-test-recordings';
import { writeEdf } from '../store/formats/edf-writer';

const options: AnalysisOptions & InputOptions = { notchHz: null, tare: false, rateHz: null };

function report(fileName: string, text: string, extra: Partial<AnalysisOptions & InputOptions> = {}): AnalysisReport {
  const result = analyzeInput(fileName, text, { ...options, ...extra });
  if ('kind' in result) throw new Error(result.message);
  return result;
}

/** 10 s at 1 kHz: rest (5 µV RMS noise + 30 µV of 60 Hz hum), 1 s of ~200 µV RMS activity from 4.5 s, rest. */
function emgCsv(): string {
  let seed = 1;
  const noise = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; // Numerical Recipes LCG: seeded, enough for a test
    return seed / 2 ** 32 - 0.5;
  };
  const rows = ['VMO[mV]'];
  for (let i = 0; i < 10_000; i++) {
    const active = i >= 4500 && i < 5500;
    const uV = (active ? 700 : 17) * noise() + 30 * Math.sin((2 * Math.PI * 60 * i) / 1000);
    rows.push((uV / 1000).toFixed(6));
  }
  return rows.join('\n');
}

describe('analyzeInput', () => {
  it('picks the input kind from the extension, else from the content', () => {
    expect(inputKindOf('a.JSONL', '')).toBe('capture');
    expect(inputKindOf('a.csv', '{')).toBe('csv');
    expect(inputKindOf('a.edf', '')).toBe('edf');
    expect(inputKindOf('a.txt', '0       patient X')).toBe('edf');
    expect(inputKindOf('a.txt', '  {"capture":"quadcue-ble"}')).toBe('capture');
    expect(inputKindOf('a.txt', 'time_s,a[uV]')).toBe('csv');
  });

  it('finds activity, 60 Hz hum and the rate given with --rate in a CSV without time column', () => {
    const r = report('emg.csv', emgCsv(), { rateHz: 1000 });
    expect(r.settings.emg).toMatchObject({ mainsHz: 60, mainsSource: 'detected', bandHz: [20, 450] });
    const [vmo] = r.channels;
    expect(vmo).toMatchObject({ unit: 'uV', sampleRateHz: 1000, rateSource: 'option', samples: 10_000, lostSamples: 0 });
    expect(vmo!.onsets).toHaveLength(1);
    expect(vmo!.onsets![0]!.startS).toBeCloseTo(4.5, 1);
    // The causal chain rings on after an abrupt stop (notch τ = 0.16 s at 60 Hz): offsets come late.
    expect(vmo!.onsets![0]!.endS).toBeGreaterThan(5.5);
    expect(vmo!.onsets![0]!.endS).toBeLessThan(5.75);
    expect(r.durationS).toBe(10);
  });

  it('uses --notch over detection, and 50 Hz when nothing stands out', () => {
    expect(report('emg.csv', emgCsv(), { rateHz: 1000, notchHz: 50 }).settings.emg).toMatchObject({ mainsHz: 50, mainsSource: 'option' });
    const flat = ['x[uV]', ...Array.from({ length: 3000 }, (_, i) => String((i * 7919) % 13))].join('\n');
    expect(report('flat.csv', flat, { rateHz: 1000 }).settings.emg).toMatchObject({ mainsHz: 50, mainsSource: 'fallback' });
  });

  it('reports force above the resting level with --tare, as received without it', () => {
    const rows = ['time_s,grip[kg]'];
    // 2 kg at rest, a 0.5 s ramp to 12 kg from 1 s (slow enough that the 20 Hz low-pass adds no overshoot).
    for (let i = 0; i < 3000; i++) rows.push(`${(i / 1000).toFixed(3)},${2 + 10 * Math.min(1, Math.max(0, (i - 1000) / 500))}`);
    const raw = report('grip.csv', rows.join('\n'));
    const tared = report('grip.csv', rows.join('\n'), { tare: true });
    // 12 kg × 9.80665 = 117.68 N; the tare takes off the first 100 ms: 2 kg = 19.61 N. The
    // low-pass overshoots the ramp's corner by ~0.1 %.
    expect(raw.channels[0]!.peak).toBeCloseTo(117.68, 0);
    expect(tared.channels[0]!.peak).toBeCloseTo(98.07, 0);
    expect(raw.channels[0]!.peak! - tared.channels[0]!.peak!).toBeCloseTo(19.61, 2);
    expect(tared.settings.force).toMatchObject({ tare: true, lowPassHz: 20 });
  });

  it('analyses an EDF+ file from the exporter: rates, gaps from its annotations, both reps as onsets', () => {
    const written = writeEdf(sessionRecording());
    if (!written.ok) throw new Error(written.error.detail);
    const result = analyzeInput('session.edf', written.bytes, options);
    if ('kind' in result) throw new Error(result.message);
    expect(result).toMatchObject({ profile: 'edf', device: null, durationS: 12.0025 });
    expect(result.warnings).toContain('The file is marked as simulated data (Quadcue demo sensor), not a recording of a person.');
    expect(result.channels.map((c) => [c.label, c.kind, c.unit, c.sampleRateHz, c.rateSource, c.samples, c.lostSamples])).toEqual([
      ['VMO', 'emg', 'uV', 2000, 'nominal', 23905, 100],
      ['VL', 'emg', 'uV', 2000, 'nominal', 23905, 100],
      ['force', 'force', 'N', 80, 'nominal', 956, 4],
    ]);
    // The reps are 0.8–1.8 s and 2.2–3.4 s (edf-test-recordings.ts).
    const onsets = result.channels[0]!.onsets!;
    expect(onsets.map((o) => Math.round(o.startS * 10) / 10)).toEqual([0.8, 2.2]);
    // The same bytes as a Latin-1 string (one char per byte) read the same.
    const asText = analyzeInput('session.edf', Buffer.from(written.bytes).toString('latin1'), options);
    expect(asText).toEqual(result);
  });

  it('skips EMG metrics below the band, with a note, rather than failing', () => {
    const r = report('slow.csv', 'a[uV]\n1\n2\n3\n', { rateHz: 40 });
    expect(r.channels[0]).not.toHaveProperty('envelopePeak');
    expect(r.warnings[0]).toContain('too slow for the EMG band');
  });

  it.each([
    ['rec.edf', '0       header', 'not a readable EDF file (truncated)'],
    ['rec.csv', 'a[uV]\n1\n', 'give the sample rate with --rate'],
    ['rec.csv', 'a[parsec]\n1\n', 'unknown-unit at line 1'],
    ['rec.jsonl', '{"capture":"quadcue-ble","version":9}', 'unsupported-version at line 1'],
  ])('refuses %s with a one-line reason', (fileName, text, message) => {
    const result = analyzeInput(fileName, text, options);
    expect(result).toMatchObject({ kind: 'input-error' });
    if ('kind' in result) {
      expect(result.message).toContain(message);
      expect(result.message).not.toContain('\n');
    }
  });

  it('prints a readable summary with µV for people', () => {
    const golden = join(import.meta.dirname, '../../tests/cli/inputs/quadcue-emg-force.jsonl');
    const text = formatSummary(report('quadcue-emg-force.jsonl', readFileSync(golden, 'utf8')), 'quadcue-emg-force.jsonl');
    expect(text).toContain('quadcue-emg-force.jsonl: quadcue capture of "Quadcue sim"');
    expect(text).toMatch(/VMO \(emg, µV\) — 1000\.000 Hz from device-time, \d+ samples, \d+ lost/);
    expect(text).toMatch(/onsets: 2: 3\.0\d\d–5\.7\d\d s, 7\.\d+–10\.\d+ s/);
    expect(text).toMatch(/RFD \(N\/s\): 0-50 ms \d+, 0-100 ms \d+, 0-200 ms \d+/);
  });
});
