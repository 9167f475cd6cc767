// Which kind of file the CLI was given, and the Recording it becomes. The kind comes from the
// extension and, when that says nothing, from the first bytes — so a capture saved as .txt works.
import { parseCsvRecording } from '../store/csv/csv-format';
import { readEdf } from '../store/formats/edf-reader';
import { recordingFromCapture } from './capture-recording';
import { inputError, type ChannelSeries, type InputError, type Recording, type SeriesGap } from './recording';

export type InputKind = 'capture' | 'csv' | 'edf';

/**
 * EDF and EDF+ headers open with the version field "0" padded to 8 bytes (Kemp et al. 1992,
 * Electroenceph Clin Neurophysiol 82:391; EDF+ spec, edfplus.info, "header").
 */
const EDF_VERSION_FIELD = '0       ';

export function inputKindOf(fileName: string, text: string): InputKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.jsonl')) return 'capture';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.edf') || text.startsWith(EDF_VERSION_FIELD)) return 'edf';
  return text.trimStart().startsWith('{') ? 'capture' : 'csv';
}

export interface InputOptions {
  /** --rate: the rate of a CSV without time column. */
  readonly rateHz: number | null;
}

export function recordingFromCsv(text: string, options: InputOptions): Recording | InputError {
  const parsed = parseCsvRecording(text, options.rateHz === null ? {} : { rateHz: options.rateHz });
  if (!parsed.ok) {
    const { code, line, detail } = parsed.error;
    return inputError(`not a readable CSV (${code}${line > 0 ? ` at line ${line}` : ''}): ${detail}`);
  }
  const { recording } = parsed;
  const warnings: string[] = [];
  if (recording.rateSource === 'time-column' && options.rateHz !== null) {
    warnings.push(`--rate ${options.rateHz} ignored: the time_s column gives ${recording.sampleRateHz.toFixed(3)} Hz.`);
  }
  return {
    profile: 'csv',
    deviceName: null,
    warnings,
    channels: recording.channels.map((channel) => ({
      label: channel.label,
      kind: channel.kind,
      unit: channel.unit,
      sampleRateHz: recording.sampleRateHz,
      rateSource: recording.rateSource,
      values: channel.values,
      gaps: recording.gaps,
    })),
  };
}

/** The received samples of a channel with NaN holes, and the holes as gaps. */
function seriesOf(samples: Float32Array): { values: Float64Array; gaps: SeriesGap[] } {
  let received = 0;
  for (const value of samples) if (!Number.isNaN(value)) received++;
  const values = new Float64Array(received);
  const gaps: SeriesGap[] = [];
  let at = 0;
  for (let i = 0; i < samples.length; i++) {
    if (!Number.isNaN(samples[i]!)) {
      values[at++] = samples[i]!;
      continue;
    }
    const start = i;
    while (i + 1 < samples.length && Number.isNaN(samples[i + 1]!)) i++;
    gaps.push({ atIndex: at, lengthSamples: i - start + 1 });
  }
  return { values, gaps };
}

/** An EDF or EDF+C file as a Recording; its gap annotations become gaps (src/store/formats/edf-gaps.ts). */
export function recordingFromEdf(bytes: Uint8Array): Recording | InputError {
  const read = readEdf(bytes);
  if (!read.ok) return inputError(`not a readable EDF file (${read.error.code}): ${read.error.detail}`);
  const { recording } = read;
  const channels: ChannelSeries[] = recording.channels.map((channel) => ({
    label: channel.label,
    kind: channel.unit === 'N' ? 'force' : 'emg',
    unit: channel.unit,
    sampleRateHz: channel.sampleRateHz,
    // The header's samples per record ÷ record duration: a declared rate, like a profile's.
    rateSource: 'nominal',
    ...seriesOf(channel.samples),
  }));
  const warnings = [...read.warnings];
  if (recording.simulated) warnings.push('The file is marked as simulated data (Quadcue demo sensor), not a recording of a person.');
  return { profile: 'edf', deviceName: null, warnings, channels };
}

/** The first characters, enough for inputKindOf to recognise EDF's version field. */
export function headOf(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : String.fromCharCode(...input.subarray(0, EDF_VERSION_FIELD.length));
}

/** EDF is binary: a text string (as the tests pass) holds its bytes one per character (Latin-1). */
function bytesOf(input: string | Uint8Array): Uint8Array {
  if (typeof input !== 'string') return input;
  const bytes = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) bytes[i] = input.charCodeAt(i);
  return bytes;
}

/**
 * The file's content as a Recording, or the one-line reason it cannot be one. EDF files come as
 * bytes (the shell reads them so); captures and CSVs as text.
 */
export function recordingFromInput(fileName: string, input: string | Uint8Array, options: InputOptions): Recording | InputError {
  const kind = inputKindOf(fileName, headOf(input));
  if (kind === 'edf') return recordingFromEdf(bytesOf(input));
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  return kind === 'capture' ? recordingFromCapture(text) : recordingFromCsv(text, options);
}
