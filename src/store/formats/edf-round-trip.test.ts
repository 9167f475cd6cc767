import { describe, expect, it } from 'vitest';
import { parseEdfHeader, signalFieldOffset } from './edf-header';
import { putAscii } from './edf-layout';
import { readEdf } from './edf-reader';
import { eventOfAnnotation } from './event-annotations';
import { EMG_RATE_HZ, FORCE_RATE_HZ, sessionRecording, sortedAnnotations } from './edf-test-recordings';
import { writeEdf } from './edf-writer';
import type { RecordingChannel, RecordingModel } from './recording-model';

function write(model: RecordingModel): Uint8Array {
  const result = writeEdf(model);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.bytes;
}

function read(bytes: Uint8Array) {
  const result = readEdf(bytes);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result;
}

/** Largest |read − written| over the samples that are not gaps, in quantisation steps of the channel. */
function errorInSteps(written: Float32Array, readBack: Float32Array, stepUnits: number): number {
  let worst = 0;
  for (let i = 0; i < written.length; i++) {
    expect(Number.isNaN(readBack[i]!)).toBe(Number.isNaN(written[i]!));
    if (!Number.isNaN(written[i]!)) worst = Math.max(worst, Math.abs(readBack[i]! - written[i]!) / stepUnits);
  }
  return worst;
}

function channel(label: string, sampleRateHz: number, samples: Float32Array, unit: 'uV' | 'N' = 'uV'): RecordingChannel {
  return { label, unit, sampleRateHz, samples };
}

function model(channels: RecordingChannel[], extra: Partial<RecordingModel> = {}): RecordingModel {
  return { startedAt: '2025-03-01T09:30:00.000Z', simulated: false, channels, annotations: [], ...extra };
}

describe('EDF+ write → read', () => {
  it('gives back a 2 kHz EMG + 80 Hz force session: samples within quantisation, labels, units, gaps, annotations', () => {
    const session = sessionRecording();
    const bytes = write(session);
    const header = parseEdfHeader(bytes);
    if (!header.ok) throw new Error(header.error.detail);
    // 1 s holds whole numbers of both rates: 2000 and 80 samples per record, 13 records for 12.0025 s.
    expect(header.header.recordDurationS).toBe(1);
    expect(header.header.recordCount).toBe(13);
    expect(header.header.signals.map((s) => [s.label, s.physicalDimension, s.samplesPerRecord])).toEqual([
      ['VMO', 'uV', EMG_RATE_HZ],
      ['VL', 'uV', EMG_RATE_HZ],
      ['force', 'N', FORCE_RATE_HZ],
      ['EDF Annotations', '', expect.any(Number)],
    ]);
    expect(header.header.reserved).toBe('EDF+C');
    expect(header.header.patient).toBe('QC-0042 X X X');
    expect(header.header.recording).toBe('Startdate 01-MAR-2025 X X Quadcue simulated');

    const { recording, warnings } = read(bytes);
    expect(warnings).toEqual([]);
    expect(recording).toMatchObject({ startedAt: session.startedAt, patientCode: 'QC-0042', simulated: true });
    expect(recording.annotations).toEqual(sortedAnnotations(session));
    recording.channels.forEach((back, c) => {
      const written = session.channels[c]!;
      const signal = header.header.signals[c]!;
      expect(back).toMatchObject({ label: written.label, unit: written.unit, sampleRateHz: written.sampleRateHz });
      expect(back.samples.length).toBe(written.samples.length);
      // The bound is one step of the 16-bit scale, (physMax − physMin) / 65535; rounding
      // to the nearest step gives half of it, plus the float32 rounding of the value read back.
      const stepUnits = (signal.physicalMax - signal.physicalMin) / 65535;
      expect(errorInSteps(written.samples, back.samples, stepUnits)).toBeLessThanOrEqual(0.51);
    });
  });

  it('marks gaps with annotations: one "gap" for a hole every channel shares, "gap in …" for one channel, "end of …" for padding', () => {
    const text = new TextDecoder('latin1').decode(write(sessionRecording()));
    // The dynamometer is another device: the EMG sensor's loss is not the force channel's.
    expect(text).toContain('+0.5\x150.05\x14gap in VMO\x14\x00');
    expect(text).toContain('+0.5\x150.05\x14gap in VL\x14\x00');
    expect(text).toContain('+2.5\x150.05\x14gap in force\x14\x00');
    expect(text).toContain('+12\x14end of force\x14\x00');
    expect(text).toContain('+12.0025\x14end of VMO\x14\x00');
    // Every record keeps time (EDF+ 2.2.4).
    for (let r = 0; r < 13; r++) expect(text).toContain(`+${r}\x14\x14\x00`);

    const shared = Float32Array.from({ length: 40 }, (_, i) => (i >= 10 && i < 20 ? NaN : i));
    const both = write(model([channel('a', 20, shared), channel('b', 20, shared.slice())]));
    const bothText = new TextDecoder('latin1').decode(both);
    expect(bothText).toContain('+0.5\x150.5\x14gap\x14\x00');
    expect(bothText).not.toContain('gap in');
    expect(Array.from(read(both).recording.channels[1]!.samples.subarray(9, 21)).map(Number.isNaN)).toEqual([false, ...Array(10).fill(true), false]);
  });

  it('fills a gap with the value before it, so independent readers see no jump', () => {
    const samples = Float32Array.from([5, 6, NaN, NaN, 7, 8, 9, 10]);
    const bytes = write(model([channel('x', 8, samples)]));
    const header = parseEdfHeader(bytes);
    if (!header.ok) throw new Error(header.error.detail);
    const view = new DataView(bytes.buffer);
    const digital = (i: number) => view.getInt16(header.header.headerBytes + 2 * i, true);
    expect(digital(2)).toBe(digital(1));
    expect(digital(3)).toBe(digital(1));
  });

  it('keeps a constant channel and a channel of nothing but gap', () => {
    const flat = new Float32Array(100).fill(150);
    const lost = new Float32Array(100).fill(NaN);
    const { recording } = read(write(model([channel('flat', 100, flat, 'N'), channel('lost', 100, lost)])));
    expect(Array.from(recording.channels[0]!.samples).every((v) => Math.abs(v - 150) < 1e-3)).toBe(true);
    expect(Array.from(recording.channels[1]!.samples).every(Number.isNaN)).toBe(true);
  });

  it.each([
    [2, [12.5], [25]],
    [1, [1024, 2000], [1024, 2000]],
    // 16 channels × 2 kHz × 2 bytes is 64000 bytes a second: over the 61440-byte record limit.
    [0.5, Array.from({ length: 16 }, () => 2000), Array.from({ length: 16 }, () => 1000)],
  ])('chooses a record duration that gives whole sample counts: %s s (case %#)', (durationS, rates, perRecord) => {
    const channels = rates.map((rateHz, i) => channel(`c${i}`, rateHz, new Float32Array(Math.round(rateHz * 3)).fill(i)));
    const bytes = write(model(channels));
    const header = parseEdfHeader(bytes);
    if (!header.ok) throw new Error(header.error.detail);
    expect(header.header.recordDurationS).toBe(durationS);
    expect(header.header.signals.slice(0, -1).map((s) => s.samplesPerRecord)).toEqual(perRecord);
    expect(read(bytes).recording.channels.map((c) => c.sampleRateHz)).toEqual(rates);
  });

  it('gives back the events: Quadcue’s reps, cues and ratings as themselves, another program’s markers as notes', () => {
    // The texts the export writes for each event kind (src/state/history-export.ts), and two foreign ones.
    const annotations = [
      { onsetS: 0.25, text: 'cue squeeze' },
      { onsetS: 1.5, text: 'set 1 rep 1' },
      { onsetS: 1.5, durationS: 0.5, text: 'Stimulus on' },
      { onsetS: 2, text: 'effort 6.5/10' },
      { onsetS: 2.75, text: 'pain 3/10' },
      { onsetS: 2.9, text: 'Lights off' },
    ];
    const { recording } = read(write(model([channel('VMO', 100, new Float32Array(300).fill(1))], { annotations })));
    expect(recording.annotations.map((a) => [a.onsetS, eventOfAnnotation(a.text)])).toEqual([
      [0.25, { kind: 'cue', cue: 'squeeze' }],
      [1.5, { kind: 'rep', set: 1, rep: 1, detail: {} }],
      [1.5, { kind: 'note', text: 'Stimulus on' }],
      [2, { kind: 'effort', score: 6.5 }],
      [2.75, { kind: 'pain', score: 3 }],
      [2.9, { kind: 'note', text: 'Lights off' }],
    ]);
  });

  it('keeps a start time with milliseconds (in the first time-keeping TAL) and onsets relative to it', () => {
    const session = { ...sessionRecording(), startedAt: '2025-03-01T09:30:00.250Z' };
    const { recording } = read(write(session));
    expect(recording.startedAt).toBe('2025-03-01T09:30:00.250Z');
    expect(recording.annotations).toEqual(sortedAnnotations(session));
  });

  it('reads mV as µV and leaves a signal in an unknown unit out, with a warning', () => {
    const bytes = write(model([channel('a', 10, Float32Array.from([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])), channel('b', 10, new Float32Array(10))]));
    putAscii(bytes, signalFieldOffset('physicalDimension', 0, 3), 8, 'mV');
    putAscii(bytes, signalFieldOffset('physicalDimension', 1, 3), 8, 'degC');
    const { recording, warnings } = read(bytes);
    expect(recording.channels).toHaveLength(1);
    expect(recording.channels[0]!.samples[9]).toBeCloseTo(5000, 0);
    expect(warnings).toEqual(['Signal "b" in "degC" skipped: Quadcue reads uV, mV, V, N and kg.']);
  });

  it('reads plain EDF (no EDF+ mark): no annotations, and no patient code from its free-text patient field', () => {
    const bytes = write(model([channel('a', 10, new Float32Array(10).fill(1))], { patientCode: 'QC-1' }));
    putAscii(bytes, 192, 44, '');
    const { recording, warnings } = read(bytes);
    expect(recording.patientCode).toBeUndefined();
    expect(recording.annotations).toEqual([]);
    expect(warnings).toEqual(['Signal "EDF Annotations" in "" skipped: Quadcue reads uV, mV, V, N and kg.']);
  });

  it.each([
    ['no-channels', { channels: [] }],
    ['bad-label', { channels: [channel('a label that is too long', 10, new Float32Array(1))] }],
    ['bad-label', { channels: [channel('a', 10, new Float32Array(1)), channel('a', 10, new Float32Array(1))] }],
    ['bad-rate', { channels: [channel('a', 0, new Float32Array(1))] }],
    ['no-record-duration', { channels: [channel('a', 999.87, new Float32Array(1))] }],
    ['out-of-range', { channels: [channel('a', 10, Float32Array.from([1e9]))] }],
    ['bad-start', { startedAt: '1 March 2025' }],
    ['bad-start', { startedAt: '2100-01-01T00:00:00Z' }],
    ['bad-patient-code', { patientCode: 'Jane Doe' }],
    ['bad-annotation', { annotations: [{ onsetS: 1, text: 'gap' }] }],
    ['bad-annotation', { annotations: [{ onsetS: 1, text: 'bad\x14text' }] }],
    ['bad-annotation', { annotations: [{ onsetS: NaN, text: 'x' }] }],
  ] as const)('refuses to write: %s (case %#)', (code, extra) => {
    const result = writeEdf(model([channel('a', 10, new Float32Array(10))], extra as Partial<RecordingModel>));
    expect(result).toMatchObject({ ok: false, error: { code } });
  });
});
