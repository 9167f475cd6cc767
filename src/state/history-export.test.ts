import { describe, expect, it } from 'vitest';
import { parseCsvRecording } from '../store/csv/csv-format';
import { readEdf } from '../store/formats/edf-reader';
import { exportFileName, exportSession } from './history-export';
import { events, samples, session } from './history-test-sessions';

describe('exporting a stored session', () => {
  const stored = session('a', '2026-03-04T08:09:10.123Z', true);

  it('names files with the start date and marks demo data', () => {
    expect(exportFileName(stored, 'edf')).toBe('quadcue-2026-03-04_08-09-10-simulated.edf');
    expect(exportFileName(session('b', '2026-03-04T08:09:10.123Z', false), 'csv')).toBe('quadcue-2026-03-04_08-09-10.csv');
  });

  it('writes EDF+ that reads back with the gap, the reps and ratings as annotations', () => {
    const result = exportSession('edf', stored, [samples(1)], events);
    if (!result.ok) throw new Error(result.detail);
    const read = readEdf(result.bytes);
    if (!read.ok) throw new Error(read.error.detail);
    const [vmo] = read.recording.channels;
    expect(vmo!.label).toBe('VMO');
    expect(Number.isNaN(vmo!.samples[1050]!)).toBe(true);
    expect(vmo!.samples[2000]).toBeCloseTo(Math.sin(2000 / 7), 3);
    expect(read.recording.simulated).toBe(true);
    // Onsets count from the stream's first recorded index (500): 1 s and 2.5 s.
    expect(read.recording.annotations.map((a) => [a.onsetS, a.text])).toEqual([
      [1, 'set 1 rep 1'],
      [2.5, 'pain 2/10'],
    ]);
  });

  it('writes CSV with envelopes that the CSV importer reads back', () => {
    const result = exportSession('csv', stored, [samples(1)], events);
    if (!result.ok) throw new Error(result.detail);
    const parsed = parseCsvRecording(new TextDecoder().decode(result.bytes));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.recording.channels.map((c) => c.label)).toEqual(['VMO', 'VL', 'VMO_envelope', 'VL_envelope']);
    expect(parsed.recording.gaps).toEqual([{ atIndex: 1000, lengthSamples: 100 }]);
  });

  it('writes the JSON summary', () => {
    const result = exportSession('json', stored, [samples(1)], events);
    if (!result.ok) throw new Error(result.detail);
    const summary = JSON.parse(new TextDecoder().decode(result.bytes)) as { durationS: number; channels: { lostSamples: number }[] };
    expect(summary.durationS).toBe(3);
    expect(summary.channels.map((c) => c.lostSamples)).toEqual([100, 100]);
  });
});
