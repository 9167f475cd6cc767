// CSV recordings: the plain import format for data from other tools (issue 5). This module is the
// one place where a CSV is read and where a bad one is rejected, with the line to look at.
//
//   time_s,VMO[uV],VL[mV],knee[N]      ← header row; time_s is optional and must come first
//   0.000,12.5,0.011,3.2               ← one row per sample set, comma-separated numbers
//
// Units: uV, mV, V → EMG in µV; N or kg → force in N; no unit → EMG in raw ADC counts. Without a
// time column the caller must give the rate. A time column may skip samples (a logger that lost
// data): a step longer than 1.5 periods counts as lost samples, the rule loss accounting uses for
// device time (src/profiles/loss-accounting.ts, GAP_TOLERANCE_PERIODS).
import { kgToNewtons } from '../../profiles/tindeq-progressor';

export type CsvChannelKind = 'emg' | 'force';
/** ASCII units of the values after import: µV and N are converted; counts stay as they were. */
export type CsvChannelUnit = 'uV' | 'N' | 'counts';

export interface CsvChannel {
  readonly label: string;
  readonly kind: CsvChannelKind;
  readonly unit: CsvChannelUnit;
  /** The unit written in the header (null when none was given). */
  readonly headerUnit: string | null;
  /** One value per row, converted to `unit`. */
  readonly values: Float64Array;
}

export interface CsvGap {
  /** Row index (0-based, data rows only) before which samples are missing. */
  readonly atIndex: number;
  readonly lengthSamples: number;
}

export interface CsvRecording {
  readonly sampleRateHz: number;
  readonly rateSource: 'time-column' | 'option';
  readonly channels: CsvChannel[];
  /** Holes in the time column, in row order (empty without a time column). */
  readonly gaps: CsvGap[];
}

export type CsvErrorCode =
  | 'empty'
  | 'bad-header'
  | 'unknown-unit'
  | 'duplicate-column'
  | 'bad-row'
  | 'bad-number'
  | 'bad-time'
  | 'no-rate';

export interface CsvError {
  readonly code: CsvErrorCode;
  /** 1-based line number of the problem (0 for the file as a whole). */
  readonly line: number;
  /** A sentence a person can act on. */
  readonly detail: string;
}

export type CsvParseResult = { ok: true; recording: CsvRecording } | { ok: false; error: CsvError };

export interface CsvOptions {
  /** Sample rate for files without a time column (the CLI's --rate). */
  readonly rateHz?: number;
}

interface UnitRule {
  kind: CsvChannelKind;
  unit: CsvChannelUnit;
  /** Multiplier from the header unit to `unit`. */
  toUnit: (value: number) => number;
}

const unitRules: Record<string, UnitRule> = {
  uV: { kind: 'emg', unit: 'uV', toUnit: (v) => v },
  mV: { kind: 'emg', unit: 'uV', toUnit: (v) => v * 1e3 },
  V: { kind: 'emg', unit: 'uV', toUnit: (v) => v * 1e6 },
  N: { kind: 'force', unit: 'N', toUnit: (v) => v },
  kg: { kind: 'force', unit: 'N', toUnit: kgToNewtons },
};
/** People type the micro sign (U+00B5) or Greek mu (U+03BC); both mean uV. */
const unitAliases: Record<string, string> = { 'µV': 'uV', 'μV': 'uV' };
const countsRule: UnitRule = { kind: 'emg', unit: 'counts', toUnit: (v) => v };

/** A step longer than this many median periods is a hole in the time column (see header). */
const GAP_PERIODS = 1.5;

const headerCellPattern = /^"?\s*([^[\]"]*?)\s*(?:\[([^\]"]*)\])?\s*"?$/;

function fail(code: CsvErrorCode, line: number, detail: string): CsvParseResult {
  return { ok: false, error: { code, line, detail } };
}

function isTimeColumn(label: string, unit: string | undefined): boolean {
  return unit === undefined && label.toLowerCase() === 'time_s';
}

function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface HeaderColumn {
  label: string;
  headerUnit: string | null;
  rule: UnitRule;
}

function parseHeader(line: string): { hasTime: boolean; columns: HeaderColumn[] } | CsvError {
  const cells = line.split(',');
  const columns: HeaderColumn[] = [];
  let hasTime = false;
  const seen = new Set<string>();
  for (const [index, cell] of cells.entries()) {
    const match = headerCellPattern.exec(cell.trim());
    const label = match?.[1] ?? '';
    const unit = match?.[2]?.trim();
    if (!match || label === '') {
      return { code: 'bad-header', line: 1, detail: `Header cell ${index + 1} (${JSON.stringify(cell)}) is not "name" or "name[unit]".` };
    }
    if (isTimeColumn(label, unit)) {
      if (index !== 0) return { code: 'bad-header', line: 1, detail: 'time_s must be the first column.' };
      hasTime = true;
      continue;
    }
    const rule = unit === undefined || unit === '' ? countsRule : unitRules[unitAliases[unit] ?? unit];
    if (!rule) {
      return {
        code: 'unknown-unit',
        line: 1,
        detail: `Column "${label}" has unit [${unit}]; use uV, mV or V (EMG), N or kg (force), or no unit (EMG in ADC counts).`,
      };
    }
    if (seen.has(label)) return { code: 'duplicate-column', line: 1, detail: `Two columns are named "${label}".` };
    seen.add(label);
    columns.push({ label, headerUnit: unit === undefined || unit === '' ? null : unit, rule });
  }
  if (columns.length === 0) return { code: 'bad-header', line: 1, detail: 'The header names no data column besides time_s.' };
  return { hasTime, columns };
}

/** Parses a CSV recording. Never throws; the first problem found is reported with its line. */
export function parseCsvRecording(text: string, options: CsvOptions = {}): CsvParseResult {
  // A UTF-8 byte-order mark (spreadsheet exports) is not part of the first column's name.
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  let headerIndex = 0;
  while (headerIndex < lines.length && lines[headerIndex]!.trim() === '') headerIndex++;
  if (headerIndex >= lines.length) return fail('empty', 0, 'The file is empty.');
  const header = parseHeader(lines[headerIndex]!.replace(/\r$/, ''));
  if ('code' in header) return { ok: false, error: { ...header, line: headerIndex + 1 } };
  const { hasTime, columns } = header;
  const width = columns.length + (hasTime ? 1 : 0);

  const rowCapacity = lines.length - headerIndex - 1;
  const values = columns.map(() => new Float64Array(rowCapacity));
  const timeS = hasTime ? new Float64Array(rowCapacity) : null;
  let rows = 0;
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const lineNumber = index + 1;
    const cells = line.split(',');
    if (cells.length !== width) return fail('bad-row', lineNumber, `Row has ${cells.length} values; the header names ${width} columns.`);
    for (let c = 0; c < width; c++) {
      const cell = cells[c]!;
      const value = cell.trim() === '' ? NaN : Number(cell);
      if (!Number.isFinite(value)) return fail('bad-number', lineNumber, `Column ${c + 1} holds ${JSON.stringify(cell.trim())}, not a finite number.`);
      if (timeS && c === 0) {
        if (rows > 0 && !(value > timeS[rows - 1]!)) {
          return fail('bad-time', lineNumber, `time_s ${value} does not come after ${timeS[rows - 1]}; times must increase row by row.`);
        }
        timeS[rows] = value;
      } else {
        const column = hasTime ? c - 1 : c;
        values[column]![rows] = columns[column]!.rule.toUnit(value);
      }
    }
    rows++;
  }
  if (rows === 0) return fail('empty', 0, 'The file has a header but no data rows.');

  const channels: CsvChannel[] = columns.map((column, c) => ({
    label: column.label,
    kind: column.rule.kind,
    unit: column.rule.unit,
    headerUnit: column.headerUnit,
    values: values[c]!.subarray(0, rows),
  }));

  if (!timeS) {
    const rateHz = options.rateHz;
    if (rateHz === undefined || !(rateHz > 0)) {
      return fail('no-rate', 0, 'The file has no time_s column: give the sample rate with --rate HZ.');
    }
    return { ok: true, recording: { sampleRateHz: rateHz, rateSource: 'option', channels, gaps: [] } };
  }
  if (rows < 2) return fail('bad-time', 0, 'A time_s column needs at least two rows to give a sample rate.');
  const steps = new Float64Array(rows - 1);
  for (let i = 1; i < rows; i++) steps[i - 1] = timeS[i]! - timeS[i - 1]!;
  const periodS = median(steps);
  const gaps: CsvGap[] = [];
  let lost = 0;
  for (let i = 0; i < steps.length; i++) {
    if (steps[i]! > GAP_PERIODS * periodS) {
      const lengthSamples = Math.round(steps[i]! / periodS) - 1;
      gaps.push({ atIndex: i + 1, lengthSamples });
      lost += lengthSamples;
    }
  }
  // The rate over the whole file, holes included: rounding in printed times averages out.
  const sampleRateHz = (rows - 1 + lost) / (timeS[rows - 1]! - timeS[0]!);
  return { ok: true, recording: { sampleRateHz, rateSource: 'time-column', channels, gaps } };
}
