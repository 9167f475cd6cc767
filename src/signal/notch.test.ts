import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mainsNotchSos, notchSos } from './notch.ts';

type NotchDesign =
  | { centreHz: number; q: number; sampleRateHz: number; sos: number[][] }
  | { mainsHz: 50 | 60; harmonics: true; sampleRateHz: number; sos: number[][] };
const designs = JSON.parse(readFileSync(new URL('../../tests/fixtures/filters/designs.json', import.meta.url), 'utf8')) as {
  notch: NotchDesign[];
};

/** Notch frequencies of a cascade: the zero angles, each section's b = g·(1, −2cos w0, 1). */
const centresHz = (sos: Float64Array, fs: number): number[] => {
  const out: number[] = [];
  for (let j = 0; j < sos.length; j += 6) out.push((Math.acos(-sos[j + 1]! / (2 * sos[j]!)) * fs) / (2 * Math.PI));
  return out;
};

function magnitude(section: Float64Array, fHz: number, fs: number): number {
  const w = (2 * Math.PI * fHz) / fs;
  const part = (b0: number, b1: number, b2: number): number =>
    Math.hypot(b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w), -b1 * Math.sin(w) - b2 * Math.sin(2 * w));
  return part(section[0]!, section[1]!, section[2]!) / part(section[3]!, section[4]!, section[5]!);
}

describe('notchSos / mainsNotchSos', () => {
  // Measured: every coefficient within 4.5e-16 of scipy.signal.iirnotch.
  it.each(designs.notch.map((d) => [JSON.stringify({ ...d, sos: undefined }), d] as const))('matches scipy iirnotch: %s', (_, d) => {
    const sos = 'centreHz' in d ? notchSos(d.centreHz, d.q, d.sampleRateHz) : mainsNotchSos(d.mainsHz, d.sampleRateHz, { harmonics: true });
    const ref = d.sos.flat();
    expect(sos.length).toBe(ref.length);
    ref.forEach((c, i) => expect(Math.abs(sos[i]! - c)).toBeLessThanOrEqual(1e-12));
  });

  it('is 0 at the centre and −3 dB at centre ± centre/(2Q)', () => {
    const sos = notchSos(50, 30, 1000);
    expect(magnitude(sos, 50, 1000)).toBeLessThan(1e-12);
    expect(magnitude(sos, 0, 1000)).toBeCloseTo(1, 12);
    // The −3 dB points of the bilinear design sit within 0.05 Hz of f0 ± f0/(2Q) at 1 kHz.
    expect(magnitude(sos, 50 - 50 / 60 - 0.05, 1000)).toBeGreaterThan(Math.SQRT1_2);
    expect(magnitude(sos, 50 - 50 / 60 + 0.05, 1000)).toBeLessThan(Math.SQRT1_2);
  });

  it('notches harmonics only below 0.45·fs', () => {
    expect(centresHz(mainsNotchSos(50, 200, { harmonics: true }), 200).map(Math.round)).toEqual([50]);
    expect(centresHz(mainsNotchSos(50, 250, { harmonics: true }), 250).map(Math.round)).toEqual([50, 100]);
    expect(centresHz(mainsNotchSos(60, 250, { harmonics: true }), 250).map(Math.round)).toEqual([60]);
    expect(centresHz(mainsNotchSos(60, 1000, { harmonics: true }), 1000).map(Math.round)).toEqual([60, 120, 180]);
    expect(centresHz(mainsNotchSos(50, 1000), 1000).map(Math.round)).toEqual([50]);
    expect(mainsNotchSos(60, 100).length).toBe(0);
    expect(mainsNotchSos(50, 1000, { q: 10 })).toEqual(notchSos(50, 10, 1000));
  });

  it('rejects impossible notches', () => {
    expect(() => notchSos(500, 30, 1000)).toThrow(/0 < f < fs\/2 = 500 Hz/);
    expect(() => notchSos(50, 0, 1000)).toThrow(/Q/);
    expect(() => notchSos(50, 30, 0)).toThrow(/sample rate/);
    expect(() => mainsNotchSos(55 as 50, 1000)).toThrow(/50 or 60/);
  });
});
