// Recording → EDF+C bytes (Kemp & Olivan 2003). 16-bit samples scaled per channel to the data's
// range, an "EDF Annotations" signal last in every data record with the record's time-keeping
// TAL, then reps, cues and the gap marks (edf-gaps.ts) in the record their onset falls in.
import { encodeTal, isValidAnnotationText } from './edf-annotations';
import type { EdfWriteError } from './edf-errors';
import { edfDateFields, writeEdfHeader, type EdfHeaderText } from './edf-header';
import { gapAnnotations, isReservedText, leadingFillValue } from './edf-gaps';
import {
  ANNOTATIONS_LABEL,
  BYTES_PER_SAMPLE,
  DIGITAL_MAX,
  DIGITAL_MIN,
  EDF_PLUS_CONTINUOUS,
  EQUIPMENT,
  FIRST_YEAR,
  FIXED_HEADER_BYTES,
  HEADER_BYTES_PER_SIGNAL,
  LAST_YEAR,
  SIMULATED_SUBFIELD,
  isPrintableAscii,
} from './edf-layout';
import { chooseRecordPlan, physicalRangeOf, type PhysicalRange } from './edf-record-plan';
import type { RecordingAnnotation, RecordingModel } from './recording-model';

export type EdfWriteResult = { ok: true; bytes: Uint8Array } | { ok: false; error: EdfWriteError };

/** EDF labels are 16 characters (Kemp 1992). */
const LABEL_WIDTH = 16;
/** The patient field is 80 characters; "code X X X" leaves the code 74. */
const PATIENT_CODE_MAX = 74;
const TRANSDUCER: Record<'uV' | 'N', string> = { uV: 'surface EMG electrodes', N: 'force sensor' };
/** ISO 8601 with an explicit zone, as Date#toISOString writes it; Date.parse alone accepts too much. */
const isoPattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const patientCodePattern = /^[\x21-\x7e]+$/;

function fail(code: EdfWriteError['code'], detail: string): EdfWriteResult {
  return { ok: false, error: { code, detail } };
}

function checkModel(model: RecordingModel): EdfWriteResult | null {
  if (model.channels.length === 0) return fail('no-channels', 'The recording has no channels to export.');
  const labels = model.channels.map((c) => c.label);
  for (const channel of model.channels) {
    const { label, sampleRateHz, samples } = channel;
    const ascii = [...label].every((ch) => isPrintableAscii(ch.charCodeAt(0)));
    if (label.trim() !== label || label === '' || label.length > LABEL_WIDTH || !ascii || label === ANNOTATIONS_LABEL) {
      return fail('bad-label', `Channel label ${JSON.stringify(label)} must be 1–${LABEL_WIDTH} printable ASCII characters without leading or trailing spaces.`);
    }
    if (labels.indexOf(label) !== labels.lastIndexOf(label)) return fail('bad-label', `Two channels are labelled "${label}".`);
    if (!(sampleRateHz > 0) || !Number.isFinite(sampleRateHz)) return fail('bad-rate', `Channel ${label} has sample rate ${sampleRateHz} Hz.`);
    for (let i = 0; i < samples.length; i++) {
      if (samples[i] === Infinity || samples[i] === -Infinity) return fail('out-of-range', `Channel ${label} holds an infinite value at sample ${i}.`);
    }
  }
  if (model.patientCode !== undefined && (!patientCodePattern.test(model.patientCode) || model.patientCode.length > PATIENT_CODE_MAX)) {
    return fail('bad-patient-code', `The patient code must be 1–${PATIENT_CODE_MAX} printable ASCII characters without spaces.`);
  }
  for (const { onsetS, durationS, text } of model.annotations) {
    if (!Number.isFinite(onsetS) || (durationS !== undefined && !(durationS >= 0 && Number.isFinite(durationS)))) {
      return fail('bad-annotation', `Annotation ${JSON.stringify(text)} has onset ${onsetS} s and duration ${durationS} s.`);
    }
    if (text === '' || !isValidAnnotationText(text)) return fail('bad-annotation', `Annotation ${JSON.stringify(text)} must be non-empty text without control characters.`);
    if (isReservedText(text, labels)) return fail('bad-annotation', `Annotation text ${JSON.stringify(text)} is reserved for gap marks.`);
  }
  return null;
}

function startFields(startedAt: string): { utcSecondMs: number; fractionS: number } | null {
  const ms = isoPattern.test(startedAt) ? Date.parse(startedAt) : NaN;
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const utcSecondMs = Math.floor(ms / 1000) * 1000;
  return { utcSecondMs, fractionS: (ms - utcSecondMs) / 1000 };
}

/** Each record's TALs: the time-keeping TAL, then the events whose onset falls in the record. */
function annotationRecords(events: readonly RecordingAnnotation[], recordCount: number, recordDurationS: number, fractionS: number): Uint8Array[][] {
  const records: Uint8Array[][] = [];
  // Onsets count from the header's whole second; the start's fraction shifts every record (EDF+ 2.2.4).
  for (let r = 0; r < recordCount; r++) records.push([encodeTal({ onsetS: fractionS + r * recordDurationS, texts: [''] })]);
  for (const event of events) {
    const r = Math.min(recordCount - 1, Math.max(0, Math.floor(event.onsetS / recordDurationS)));
    const tal = { onsetS: fractionS + event.onsetS, texts: [event.text] };
    records[r]!.push(encodeTal(event.durationS === undefined ? tal : { ...tal, durationS: event.durationS }));
  }
  return records;
}

/** The recording as an EDF+C file, or why it cannot be written. */
export function writeEdf(model: RecordingModel): EdfWriteResult {
  const invalid = checkModel(model);
  if (invalid) return invalid;
  const start = startFields(model.startedAt);
  if (!start) return fail('bad-start', `startedAt ${JSON.stringify(model.startedAt)} must be an ISO 8601 instant with a zone, from ${FIRST_YEAR} to ${LAST_YEAR}.`);
  const { channels } = model;
  const plan = chooseRecordPlan(channels.map((c) => c.sampleRateHz));
  if (!plan) {
    const rates = channels.map((c) => `${c.label} ${c.sampleRateHz} Hz`).join(', ');
    return fail('no-record-duration', `No data-record duration from 0.01 to 60 s holds a whole number of samples of every channel (${rates}).`);
  }
  const { recordDurationS, samplesPerRecord } = plan;
  const ranges: PhysicalRange[] = [];
  for (const channel of channels) {
    const range = physicalRangeOf(channel.samples);
    if (!range) return fail('out-of-range', `Channel ${channel.label} has values too large for EDF's 8-character physical range fields.`);
    ranges.push(range);
  }
  let recordCount = 1;
  channels.forEach((c, i) => (recordCount = Math.max(recordCount, Math.ceil(c.samples.length / samplesPerRecord[i]!))));
  const paddedLengths = samplesPerRecord.map((n) => n * recordCount);
  const events = [...model.annotations, ...gapAnnotations(channels, paddedLengths)].sort((a, b) => a.onsetS - b.onsetS);
  const tals = annotationRecords(events, recordCount, recordDurationS, start.fractionS);
  let annotationBytes = 0;
  for (const record of tals) annotationBytes = Math.max(annotationBytes, record.reduce((sum, tal) => sum + tal.length, 0));
  const annotationSamples = Math.ceil(annotationBytes / BYTES_PER_SAMPLE);

  const dates = edfDateFields(start.utcSecondMs);
  const signalText = (label: string, unit: string, transducer: string, min: string, max: string, samples: number) => ({
    label,
    transducer,
    physicalDimension: unit,
    physicalMin: min,
    physicalMax: max,
    digitalMin: String(DIGITAL_MIN),
    digitalMax: String(DIGITAL_MAX),
    prefiltering: '',
    samplesPerRecord: String(samples),
    reserved: '',
  });
  const header: EdfHeaderText = {
    // EDF+ 2.1.3: code, sex, birthdate, name; X for each unknown. Only the pseudonymous code is ever written.
    patient: `${model.patientCode ?? 'X'} X X X`,
    recording: `Startdate ${dates.startdate} X X ${EQUIPMENT}${model.simulated ? ` ${SIMULATED_SUBFIELD}` : ''}`,
    startDate: dates.startDate,
    startTime: dates.startTime,
    reserved: EDF_PLUS_CONTINUOUS,
    recordCount: String(recordCount),
    recordDurationS: String(recordDurationS),
    signals: [
      ...channels.map((c, i) => signalText(c.label, c.unit, TRANSDUCER[c.unit], ranges[i]!.minText, ranges[i]!.maxText, samplesPerRecord[i]!)),
      signalText(ANNOTATIONS_LABEL, '', '', '-1', '1', annotationSamples),
    ],
  };
  const headerBytes = FIXED_HEADER_BYTES + HEADER_BYTES_PER_SIGNAL * header.signals.length;
  const recordBytes = BYTES_PER_SAMPLE * (samplesPerRecord.reduce((a, b) => a + b, 0) + annotationSamples);
  const bytes = new Uint8Array(headerBytes + recordCount * recordBytes);
  writeEdfHeader(bytes, header);

  const view = new DataView(bytes.buffer);
  const previous = channels.map((c) => leadingFillValue(c.samples));
  const scales = ranges.map((range) => (DIGITAL_MAX - DIGITAL_MIN) / (range.max - range.min));
  // Module imports are live bindings (getters under Node's loaders): copied to locals for the sample loop.
  const [digitalMin, digitalMax, bytesPerSample] = [DIGITAL_MIN, DIGITAL_MAX, BYTES_PER_SAMPLE];
  let offset = headerBytes;
  for (let r = 0; r < recordCount; r++) {
    for (let c = 0; c < channels.length; c++) {
      const { samples } = channels[c]!;
      const { min } = ranges[c]!;
      const scale = scales[c]!;
      const count = samplesPerRecord[c]!;
      let fill = previous[c]!;
      for (let i = r * count, end = i + count; i < end; i++) {
        // NaN (a gap) and padding past the end repeat the last value: no jump for filters downstream.
        const value = i < samples.length && !Number.isNaN(samples[i]!) ? samples[i]! : fill;
        fill = value;
        const digital = Math.round((value - min) * scale) + digitalMin;
        view.setInt16(offset, digital > digitalMax ? digitalMax : digital < digitalMin ? digitalMin : digital, true);
        offset += bytesPerSample;
      }
      previous[c] = fill;
    }
    for (const tal of tals[r]!) {
      bytes.set(tal, offset);
      offset += tal.length;
    }
    offset += BYTES_PER_SAMPLE * annotationSamples - tals[r]!.reduce((sum, tal) => sum + tal.length, 0);
  }
  return { ok: true, bytes };
}
