// The EDF/EDF+ header record, both ways: bytes → validated fields (every field checked, every
// size checked against the file's length before anything is allocated) and fields → bytes.
import type { EdfReadError } from './edf-errors';
import {
  BYTES_PER_SAMPLE,
  DIGITAL_MAX,
  DIGITAL_MIN,
  EDF_VERSION,
  FIRST_YEAR,
  FIXED_FIELDS,
  FIXED_HEADER_BYTES,
  HEADER_BYTES_PER_SIGNAL,
  MONTHS,
  SIGNAL_FIELDS,
  getAscii,
  isPrintableAscii,
  putAscii,
  type FixedFieldName,
  type SignalFieldName,
} from './edf-layout';

export interface EdfSignalHeader {
  readonly label: string;
  readonly transducer: string;
  readonly physicalDimension: string;
  readonly physicalMin: number;
  readonly physicalMax: number;
  readonly digitalMin: number;
  readonly digitalMax: number;
  readonly prefiltering: string;
  readonly samplesPerRecord: number;
}

export interface EdfHeader {
  readonly patient: string;
  readonly recording: string;
  /** The header's start date and time, read as UTC (EDF stores no time zone), ms since 1970. */
  readonly startUtcMs: number;
  readonly reserved: string;
  readonly recordCount: number;
  readonly recordDurationS: number;
  readonly signals: readonly EdfSignalHeader[];
  /** Where the first data record starts. */
  readonly headerBytes: number;
  /** Bytes of one data record, all signals. */
  readonly recordBytes: number;
}

/** What the writer fills in; the numbers are already formatted to fit their 8-byte fields. */
export interface EdfHeaderText {
  readonly patient: string;
  readonly recording: string;
  readonly startDate: string;
  readonly startTime: string;
  readonly reserved: string;
  readonly recordCount: string;
  readonly recordDurationS: string;
  readonly signals: readonly Record<SignalFieldName, string>[];
}

type HeaderResult = { ok: true; header: EdfHeader } | { ok: false; error: EdfReadError };

const integerPattern = /^[+-]?\d+$/;
/** EDF numbers are plain decimals: no exponent, no digit grouping (EDF+ 2.1.3). */
const decimalPattern = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const datePattern = /^(\d\d)\.(\d\d)\.(\d\d)$/;
const timePattern = /^(\d\d)\.(\d\d)\.(\d\d)$/;
/** EDF+ 2.1.3: "Startdate dd-MMM-yyyy …" carries the four-digit year. */
const startdatePattern = /^Startdate (\d\d)-([A-Z]{3})-(\d{4})(?: |$)/;

function fail(code: EdfReadError['code'], detail: string): { ok: false; error: EdfReadError } {
  return { ok: false, error: { code, detail } };
}

/** Byte offset of a fixed-part field. */
export function fixedFieldOffset(name: FixedFieldName): number {
  let offset = 0;
  for (const [field, width] of FIXED_FIELDS) {
    if (field === name) return offset;
    offset += width;
  }
  return offset;
}

function fixedField(bytes: Uint8Array, name: FixedFieldName): string {
  const width = FIXED_FIELDS.find(([field]) => field === name)![1];
  return getAscii(bytes, fixedFieldOffset(name), width).trimStart();
}

/** Offset of signal `index`'s value of field `name`: each field is stored for all signals in turn. */
export function signalFieldOffset(name: SignalFieldName, index: number, signalCount: number): number {
  let offset = FIXED_HEADER_BYTES;
  for (const [field, width] of SIGNAL_FIELDS) {
    if (field === name) return offset + index * width;
    offset += width * signalCount;
  }
  return offset;
}

function firstNonAscii(bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isPrintableAscii(bytes[i]!)) return i;
  return -1;
}

function dateUtcMs(dateText: string, timeText: string, recording: string): number | string {
  const date = datePattern.exec(dateText);
  if (!date) return `start date ${JSON.stringify(dateText)} is not dd.mm.yy`;
  const time = timePattern.exec(timeText);
  if (!time) return `start time ${JSON.stringify(timeText)} is not hh.mm.ss`;
  const [day, month, yy] = [Number(date[1]), Number(date[2]), Number(date[3])];
  let year = yy + (yy >= FIRST_YEAR % 100 ? 1900 : 2000);
  const startdate = startdatePattern.exec(recording);
  const fullYear = Number(startdate?.[3]);
  if (startdate && fullYear % 100 === yy) year = fullYear;
  const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3])];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return `start date ${dateText} is not a calendar date`;
  if (hour > 23 || minute > 59 || second > 59) return `start time ${timeText} is not a time of day`;
  return ms;
}

function readSignal(bytes: Uint8Array, index: number, count: number): EdfSignalHeader | string {
  const text = (name: SignalFieldName): string => {
    const width = SIGNAL_FIELDS.find(([field]) => field === name)![1];
    return getAscii(bytes, signalFieldOffset(name, index, count), width).trimStart();
  };
  const label = text('label');
  const where = `signal ${index + 1} (${JSON.stringify(label)})`;
  const decimal = (name: SignalFieldName): number | string => {
    const value = text(name);
    return decimalPattern.test(value) ? Number(value) : `${where}: ${name} ${JSON.stringify(value)} is not a number`;
  };
  const integer = (name: SignalFieldName): number | string => {
    const value = text(name);
    return integerPattern.test(value) ? Number(value) : `${where}: ${name} ${JSON.stringify(value)} is not a whole number`;
  };
  const parsed = {
    physicalMin: decimal('physicalMin'),
    physicalMax: decimal('physicalMax'),
    digitalMin: integer('digitalMin'),
    digitalMax: integer('digitalMax'),
    samplesPerRecord: integer('samplesPerRecord'),
  };
  for (const value of Object.values(parsed)) if (typeof value === 'string') return value;
  const { physicalMin, physicalMax, digitalMin, digitalMax, samplesPerRecord } = parsed as Record<keyof typeof parsed, number>;
  if (physicalMin === physicalMax) return `${where}: physical minimum and maximum are both ${physicalMin}`;
  if (digitalMin < DIGITAL_MIN || digitalMax > DIGITAL_MAX || digitalMin >= digitalMax) {
    return `${where}: digital range ${digitalMin}..${digitalMax} is not an increasing range within ${DIGITAL_MIN}..${DIGITAL_MAX}`;
  }
  if (samplesPerRecord < 1) return `${where}: ${samplesPerRecord} samples per data record (at least 1)`;
  return {
    label,
    transducer: text('transducer'),
    physicalDimension: text('physicalDimension'),
    physicalMin,
    physicalMax,
    digitalMin,
    digitalMax,
    prefiltering: text('prefiltering'),
    samplesPerRecord,
  };
}

/** Reads and checks the header; the data records are only measured, not read. */
export function parseEdfHeader(bytes: Uint8Array): HeaderResult {
  if (bytes.length > 0 && bytes[0] === 0xff) return fail('not-edf', 'This is a BDF (24-bit) file; only 16-bit EDF and EDF+ can be imported.');
  if (bytes.length < FIXED_HEADER_BYTES) {
    return fail('truncated', `The file is ${bytes.length} bytes; an EDF header alone takes at least ${FIXED_HEADER_BYTES}.`);
  }
  const bad = firstNonAscii(bytes, 0, FIXED_HEADER_BYTES);
  if (bad >= 0) return fail('non-ascii', `Header byte ${bad} is ${bytes[bad]}, not printable ASCII: this is not an EDF file, or it is damaged.`);
  if (fixedField(bytes, 'version') !== EDF_VERSION) return fail('not-edf', 'The file does not start with the EDF version field "0".');

  const countText = fixedField(bytes, 'signalCount');
  const signalCount = integerPattern.test(countText) ? Number(countText) : NaN;
  if (!(signalCount >= 1)) return fail('bad-field', `The header declares ${JSON.stringify(countText)} signals; it needs a whole number of at least 1.`);
  const headerBytes = FIXED_HEADER_BYTES + HEADER_BYTES_PER_SIGNAL * signalCount;
  const declaredText = fixedField(bytes, 'headerBytes');
  if (!integerPattern.test(declaredText) || Number(declaredText) !== headerBytes) {
    return fail('size-mismatch', `The header declares ${JSON.stringify(declaredText)} header bytes; ${signalCount} signals take ${headerBytes}.`);
  }
  if (bytes.length < headerBytes) return fail('truncated', `The file ends at byte ${bytes.length}, inside its ${headerBytes}-byte header.`);
  const badSignal = firstNonAscii(bytes, FIXED_HEADER_BYTES, headerBytes);
  if (badSignal >= 0) return fail('non-ascii', `Header byte ${badSignal} is ${bytes[badSignal]}, not printable ASCII: the signal headers are damaged.`);

  const recording = fixedField(bytes, 'recording');
  const startUtcMs = dateUtcMs(fixedField(bytes, 'startDate'), fixedField(bytes, 'startTime'), recording);
  if (typeof startUtcMs === 'string') return fail('bad-field', `The ${startUtcMs}.`);
  const durationText = fixedField(bytes, 'recordDurationS');
  const recordDurationS = decimalPattern.test(durationText) ? Number(durationText) : NaN;
  if (!(recordDurationS > 0)) return fail('bad-field', `The data-record duration ${JSON.stringify(durationText)} is not a number of seconds above 0.`);

  const signals: EdfSignalHeader[] = [];
  let recordBytes = 0;
  for (let i = 0; i < signalCount; i++) {
    const signal = readSignal(bytes, i, signalCount);
    if (typeof signal === 'string') return fail('bad-field', `The header of ${signal}.`);
    signals.push(signal);
    recordBytes += signal.samplesPerRecord * BYTES_PER_SAMPLE;
  }

  const recordText = fixedField(bytes, 'recordCount');
  const declaredRecords = integerPattern.test(recordText) ? Number(recordText) : NaN;
  // −1 means "unknown" while a recorder is still writing (Kemp 1992): the length then tells.
  if (!(declaredRecords >= -1)) return fail('bad-field', `The header declares ${JSON.stringify(recordText)} data records.`);
  const dataBytes = bytes.length - headerBytes;
  const recordCount = declaredRecords === -1 ? Math.floor(dataBytes / recordBytes) : declaredRecords;
  if (recordCount * recordBytes !== dataBytes) {
    return fail(
      'size-mismatch',
      `The header declares ${recordCount} data records of ${recordBytes} bytes after a ${headerBytes}-byte header, but the file is ${bytes.length} bytes: it is truncated or damaged.`,
    );
  }
  return {
    ok: true,
    header: { patient: fixedField(bytes, 'patient'), recording, startUtcMs, reserved: fixedField(bytes, 'reserved'), recordCount, recordDurationS, signals, headerBytes, recordBytes },
  };
}

/** EDF's date and time fields and EDF+'s "dd-MMM-yyyy" for a UTC instant (whole seconds). */
export function edfDateFields(utcMs: number): { startDate: string; startTime: string; startdate: string } {
  const date = new Date(utcMs);
  const two = (value: number): string => String(value).padStart(2, '0');
  const year = date.getUTCFullYear();
  return {
    startDate: `${two(date.getUTCDate())}.${two(date.getUTCMonth() + 1)}.${two(year % 100)}`,
    startTime: `${two(date.getUTCHours())}.${two(date.getUTCMinutes())}.${two(date.getUTCSeconds())}`,
    startdate: `${two(date.getUTCDate())}-${MONTHS[date.getUTCMonth()]}-${year}`,
  };
}

/** Writes the header record into the first bytes of `bytes`; every text is ASCII and fits its field. */
export function writeEdfHeader(bytes: Uint8Array, text: EdfHeaderText): void {
  const count = text.signals.length;
  const values: Record<FixedFieldName, string> = {
    version: EDF_VERSION,
    patient: text.patient,
    recording: text.recording,
    startDate: text.startDate,
    startTime: text.startTime,
    headerBytes: String(FIXED_HEADER_BYTES + HEADER_BYTES_PER_SIGNAL * count),
    reserved: text.reserved,
    recordCount: text.recordCount,
    recordDurationS: text.recordDurationS,
    signalCount: String(count),
  };
  for (const [name, width] of FIXED_FIELDS) putAscii(bytes, fixedFieldOffset(name), width, values[name]);
  for (const [name, width] of SIGNAL_FIELDS) {
    for (let i = 0; i < count; i++) putAscii(bytes, signalFieldOffset(name, i, count), width, text.signals[i]![name]);
  }
}
