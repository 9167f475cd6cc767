// EDF and EDF+C bytes → Recording. The one place an EDF file is accepted or rejected: the header
// is checked field by field (edf-header.ts), the annotations TAL by TAL, and every failure is a
// typed error value with a sentence, never an exception.
import { parseTals } from './edf-annotations';
import type { EdfReadError } from './edf-errors';
import { parseEdfHeader, type EdfHeader, type EdfSignalHeader } from './edf-header';
import { applyGapAnnotations } from './edf-gaps';
import { ANNOTATIONS_LABEL, BYTES_PER_SAMPLE, EDF_PLUS_CONTINUOUS, EDF_PLUS_DISCONTINUOUS, SIMULATED_SUBFIELD, roundTalSeconds } from './edf-layout';
import { kgToNewtons } from '../../profiles/tindeq-progressor';
import type { RecordingAnnotation, RecordingChannel, RecordingModel, RecordingUnit } from './recording-model';

export type EdfReadResult = { ok: true; recording: RecordingModel; warnings: string[] } | { ok: false; error: EdfReadError };

/** ASCII units (EDF+ 2.1.3 asks for "uV", "mV", …) and how they become Quadcue's µV and N. */
const UNITS: Record<string, { unit: RecordingUnit; factor: number }> = {
  uV: { unit: 'uV', factor: 1 },
  mV: { unit: 'uV', factor: 1e3 },
  V: { unit: 'uV', factor: 1e6 },
  N: { unit: 'N', factor: 1 },
  kg: { unit: 'N', factor: kgToNewtons(1) },
};
/**
 * EDF+C records follow each other without a break (EDF+ 2.2.4). Time-keeping onsets count as
 * continuous within 1 µs: printing rounds them (our writer to 0.1 µs), and 1 µs is still far below
 * the sample period of any EMG or force rate (≤ 10 kHz, 100 µs).
 */
const CONTINUITY_TOLERANCE_S = 1e-6;

function fail(code: EdfReadError['code'], detail: string): EdfReadResult {
  return { ok: false, error: { code, detail } };
}

/** The signal's samples in physical units: digital values scaled by the header's ranges (Kemp 1992). */
function readSignal(bytes: Uint8Array, header: EdfHeader, index: number, factor: number): Float32Array {
  const signal = header.signals[index]!;
  let within = 0;
  for (let i = 0; i < index; i++) within += header.signals[i]!.samplesPerRecord * BYTES_PER_SAMPLE;
  const count = signal.samplesPerRecord;
  const samples = new Float32Array(header.recordCount * count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const gain = (signal.physicalMax - signal.physicalMin) / (signal.digitalMax - signal.digitalMin);
  // Locals, not imports or property reads, in the sample loop (imports are getters under Node's loaders).
  const { physicalMin, digitalMin } = signal;
  const bytesPerSample = BYTES_PER_SAMPLE;
  let out = 0;
  for (let r = 0; r < header.recordCount; r++) {
    let at = header.headerBytes + r * header.recordBytes + within;
    for (let i = 0; i < count; i++, at += bytesPerSample) {
      const physical = physicalMin + (view.getInt16(at, true) - digitalMin) * gain;
      samples[out++] = physical * factor;
    }
  }
  return samples;
}

function rateOf(signal: EdfSignalHeader, recordDurationS: number): number {
  const rateHz = signal.samplesPerRecord / recordDurationS;
  // 200 samples in 0.1 s is 2000 Hz, not 1999.9999999999998.
  const whole = Math.round(rateHz);
  return Math.abs(rateHz - whole) < 1e-9 * rateHz ? whole : rateHz;
}

interface AnnotationsRead {
  readonly firstOnsetS: number;
  readonly annotations: RecordingAnnotation[];
}

function readAnnotations(bytes: Uint8Array, header: EdfHeader, indices: readonly number[]): AnnotationsRead | string {
  const offsets = header.signals.map((_, index) => header.signals.slice(0, index).reduce((sum, s) => sum + s.samplesPerRecord * BYTES_PER_SAMPLE, 0));
  const events: { onsetS: number; durationS?: number; text: string }[] = [];
  let firstOnsetS = 0;
  for (let r = 0; r < header.recordCount; r++) {
    for (const [n, index] of indices.entries()) {
      const from = header.headerBytes + r * header.recordBytes + offsets[index]!;
      const tals = parseTals(bytes, from, from + header.signals[index]!.samplesPerRecord * BYTES_PER_SAMPLE);
      if (typeof tals === 'string') return `data record ${r + 1}: ${tals}`;
      let first = 0;
      // EDF+ 2.2.4: the first annotation of the first TAL of every record is empty and keeps time.
      if (n === 0) {
        const keeper = tals[0];
        if (!keeper || keeper.texts[0] !== '') return `data record ${r + 1} does not start with a time-keeping TAL`;
        if (r === 0) firstOnsetS = keeper.onsetS;
        const expectedS = firstOnsetS + r * header.recordDurationS;
        if (Math.abs(keeper.onsetS - expectedS) > CONTINUITY_TOLERANCE_S + 1e-12 * expectedS) {
          return `data record ${r + 1} starts at ${keeper.onsetS} s, not ${expectedS} s: the file says EDF+C (continuous) but is not`;
        }
        events.push(...keeper.texts.slice(1).map((text) => ({ onsetS: keeper.onsetS, ...(keeper.durationS === undefined ? {} : { durationS: keeper.durationS }), text })));
        first = 1;
      }
      for (const tal of tals.slice(first)) {
        for (const text of tal.texts) if (text !== '') events.push(tal.durationS === undefined ? { onsetS: tal.onsetS, text } : { onsetS: tal.onsetS, durationS: tal.durationS, text });
      }
    }
  }
  const annotations = events.map((e) => ({ ...e, onsetS: roundTalSeconds(e.onsetS - firstOnsetS) }));
  return { firstOnsetS, annotations };
}

/** EDF+ patient field: code first (EDF+ 2.1.3). Plain EDF's field is free text that may hold a name: not read. */
function patientCodeOf(patient: string, isPlus: boolean): string | undefined {
  const code = isPlus ? patient.split(' ')[0] : undefined;
  return code === undefined || code === '' || code === 'X' ? undefined : code;
}

/** The file as a Recording, or the one reason it cannot be read. Never throws. */
export function readEdf(bytes: Uint8Array): EdfReadResult {
  const parsed = parseEdfHeader(bytes);
  if (!parsed.ok) return parsed;
  const { header } = parsed;
  if (header.reserved.startsWith(EDF_PLUS_DISCONTINUOUS)) {
    return fail('discontinuous', 'This is an EDF+D file (a recording with interruptions); only continuous EDF+C and EDF files can be imported.');
  }
  const isPlus = header.reserved.startsWith(EDF_PLUS_CONTINUOUS);
  const warnings: string[] = [];
  const annotationIndices: number[] = [];
  const channels: RecordingChannel[] = [];
  header.signals.forEach((signal, index) => {
    if (isPlus && signal.label === ANNOTATIONS_LABEL) {
      annotationIndices.push(index);
      return;
    }
    const unit = UNITS[signal.physicalDimension];
    if (!unit) {
      warnings.push(`Signal "${signal.label}" in ${JSON.stringify(signal.physicalDimension)} skipped: Quadcue reads uV, mV, V, N and kg.`);
      return;
    }
    const samples = readSignal(bytes, header, index, unit.factor);
    channels.push({ label: signal.label, unit: unit.unit, sampleRateHz: rateOf(signal, header.recordDurationS), samples });
  });
  if (channels.length === 0) return fail('no-usable-signal', `No signal is in uV, mV, V, N or kg. ${warnings.join(' ')}`.trim());
  if (isPlus && annotationIndices.length === 0) return fail('bad-annotations', 'The file says EDF+ but has no "EDF Annotations" signal.');

  const read = isPlus ? readAnnotations(bytes, header, annotationIndices) : { firstOnsetS: 0, annotations: [] };
  if (typeof read === 'string') return fail('bad-annotations', `The annotations are damaged: ${read}.`);
  const annotations = applyGapAnnotations(channels, read.annotations);
  const recordingFields = header.recording.split(' ');
  const simulated = isPlus && recordingFields[0] === 'Startdate' && recordingFields.slice(5).includes(SIMULATED_SUBFIELD);
  const startMs = header.startUtcMs + Math.round(read.firstOnsetS * 1000);
  // ECMAScript dates end 8.64e15 ms from 1970 (ECMA-262, Time Values and Time Range).
  if (!Number.isFinite(startMs) || Math.abs(startMs) > 8.64e15) return fail('bad-annotations', `The first data record starts ${read.firstOnsetS} s after the header's start time.`);
  const patientCode = patientCodeOf(header.patient, isPlus);
  const recording: RecordingModel = {
    startedAt: new Date(startMs).toISOString(),
    ...(patientCode === undefined ? {} : { patientCode }),
    simulated,
    channels,
    annotations,
  };
  return { ok: true, recording, warnings };
}
