// Which kind of file the CLI was given, and the Recording it becomes. The kind comes from the
// extension and, when that says nothing, from the first bytes — so a capture saved as .txt works.
import { parseCsvRecording } from '../store/csv/csv-format';
import { recordingFromCapture } from './capture-recording';
import { inputError, type InputError, type Recording } from './recording';

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

/** The file's text as a Recording, or the one-line reason it cannot be one. */
export function recordingFromInput(fileName: string, text: string, options: InputOptions): Recording | InputError {
  switch (inputKindOf(fileName, text)) {
    case 'capture':
      return recordingFromCapture(text);
    case 'csv':
      return recordingFromCsv(text, options);
    case 'edf':
      return inputError('EDF+ files are not supported yet: export the recording as CSV (time_s,name[unit],…) or a capture.');
  }
}
