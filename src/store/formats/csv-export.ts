// Recording → CSV in the import format of src/store/csv/csv-format.ts, so an export reads back
// through the same parser:
//
//   time_s,VMO[uV],VL[uV],VMO_envelope[uV],VL_envelope[uV]
//   0.000000,12.5,-3.25,4.1,3.9
//
// One CSV has one rate (one time column): channels at other rates go in another file. Rows
// with a lost sample in any column are left out; the jump in time_s is how the parser finds the
// hole (csv-format.ts, GAP_PERIODS).
import type { RecordingChannel, RecordingUnit } from './recording-model';

/** A channel's envelope, computed elsewhere (src/signal) at the channel's rate, in µV. */
export interface CsvEnvelope {
  /** The label of the EMG channel it belongs to. */
  readonly label: string;
  readonly samples: Float32Array;
}

export type CsvExportErrorCode = 'no-channels' | 'mixed-rates' | 'length-mismatch' | 'bad-label' | 'no-such-channel';

export type CsvExportResult = { ok: true; text: string } | { ok: false; error: { code: CsvExportErrorCode; detail: string } };

/**
 * Microseconds: exact for every sample instant of 1, 2, 4, 5 … kHz, and within 0.5 µs of the
 * others, far below the 1.5-period step the parser takes for a gap.
 */
const TIME_DECIMALS = 6;
/** Nine significant digits give back every float32 exactly (IEEE 754-2019, 5.12.2). */
const FLOAT32_DIGITS = 9;
/** The parser splits on commas and reads "[…]" as the unit: a label may hold neither. */
const labelPattern = /^[^,[\]"\r\n]+$/;

function fail(code: CsvExportErrorCode, detail: string): CsvExportResult {
  return { ok: false, error: { code, detail } };
}

/** The shortest decimal that reads back as the same float32: 12.5, not 12.50000000. */
function float32Text(value: number): string {
  for (let digits = 6; digits < FLOAT32_DIGITS; digits++) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(Number(value.toPrecision(FLOAT32_DIGITS)));
}

function header(label: string, unit: RecordingUnit): string {
  return `${label}[${unit}]`;
}

/** The channels (one rate) and their envelopes as CSV text, or why they cannot be one file. */
export function writeCsv(channels: readonly RecordingChannel[], envelopes: readonly CsvEnvelope[] = []): CsvExportResult {
  const first = channels[0];
  if (!first) return fail('no-channels', 'There is no channel to export.');
  const other = channels.find((c) => c.sampleRateHz !== first.sampleRateHz);
  if (other) {
    return fail('mixed-rates', `${first.label} is sampled at ${first.sampleRateHz} Hz and ${other.label} at ${other.sampleRateHz} Hz: export each rate as its own CSV.`);
  }
  const bad = channels.find((c) => !labelPattern.test(c.label.trim()) || c.label.trim().toLowerCase() === 'time_s');
  if (bad) return fail('bad-label', `Channel label ${JSON.stringify(bad.label)} cannot be a CSV column name (no commas, brackets or quotes).`);
  for (const envelope of envelopes) {
    if (!channels.some((c) => c.label === envelope.label && c.unit === 'uV')) {
      return fail('no-such-channel', `The envelope of ${JSON.stringify(envelope.label)} belongs to no EMG channel in this export.`);
    }
  }
  const columns: Float32Array[] = [...channels.map((c) => c.samples), ...envelopes.map((e) => e.samples)];
  const rows = first.samples.length;
  if (columns.some((column) => column.length !== rows)) {
    return fail('length-mismatch', 'Every channel and envelope in one CSV needs the same number of samples.');
  }
  const names = ['time_s', ...channels.map((c) => header(c.label.trim(), c.unit)), ...envelopes.map((e) => header(`${e.label.trim()}_envelope`, 'uV'))];
  const lines: string[] = [names.join(',')];
  const cells: string[] = new Array<string>(columns.length + 1);
  for (let i = 0; i < rows; i++) {
    let lost = false;
    for (let c = 0; c < columns.length && !lost; c++) {
      const value = columns[c]![i]!;
      lost = Number.isNaN(value);
      cells[c + 1] = lost ? '' : float32Text(value);
    }
    if (lost) continue;
    cells[0] = (i / first.sampleRateHz).toFixed(TIME_DECIMALS);
    lines.push(cells.join(','));
  }
  return { ok: true, text: `${lines.join('\n')}\n` };
}
