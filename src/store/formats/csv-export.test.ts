import { describe, expect, it } from 'vitest';
import { parseCsvRecording } from '../csv/csv-format';
import { writeCsv } from './csv-export';
import { sessionRecording } from './edf-test-recordings';

describe('CSV export', () => {
  it('writes time_s, raw channels and envelopes that the CSV importer reads back exactly, holes as gaps', () => {
    const [vmo, vl] = sessionRecording().channels;
    const envelope = vmo!.samples.map((v) => Math.abs(v) / 2);
    const result = writeCsv([vmo!, vl!], [{ label: 'VMO', samples: envelope }]);
    if (!result.ok) throw new Error(result.error.detail);
    const lines = result.text.split('\n');
    expect(lines[0]).toBe('time_s,VMO[uV],VL[uV],VMO_envelope[uV]');
    expect(lines[1]).toMatch(/^0\.000000,-?\d/);

    const parsed = parseCsvRecording(result.text);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const { recording } = parsed;
    expect(recording.sampleRateHz).toBeCloseTo(2000, 6);
    expect(recording.channels.map((c) => [c.label, c.kind, c.unit])).toEqual([
      ['VMO', 'emg', 'uV'],
      ['VL', 'emg', 'uV'],
      ['VMO_envelope', 'emg', 'uV'],
    ]);
    // Samples 1000–1099 were lost on both EMG channels: one gap, and every other value exact.
    expect(recording.gaps).toEqual([{ atIndex: 1000, lengthSamples: 100 }]);
    // Read as float64, each value rounds back to the float32 that was written.
    const mismatches = (written: Float32Array, read: Float64Array) => {
      const kept = written.filter((v) => !Number.isNaN(v));
      return kept.length === read.length ? kept.filter((v, i) => Math.fround(read[i]!) !== v).length : -1;
    };
    expect(mismatches(vmo!.samples, recording.channels[0]!.values)).toBe(0);
    expect(mismatches(vl!.samples, recording.channels[1]!.values)).toBe(0);
    expect(mismatches(envelope, recording.channels[2]!.values)).toBe(0);
  });

  it.each([
    ['mixed-rates', () => writeCsv(sessionRecording().channels)],
    ['no-channels', () => writeCsv([])],
    ['no-such-channel', () => writeCsv([sessionRecording().channels[2]!], [{ label: 'force', samples: new Float32Array(320) }])],
    ['length-mismatch', () => writeCsv([sessionRecording().channels[0]!], [{ label: 'VMO', samples: new Float32Array(3) }])],
    ['bad-label', () => writeCsv([{ ...sessionRecording().channels[0]!, label: 'a,b' }])],
  ] as const)('refuses what one CSV cannot hold: %s', (code, run) => {
    expect(run()).toMatchObject({ ok: false, error: { code } });
  });
});
