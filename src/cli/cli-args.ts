// Command-line arguments of `npm run analyze -- <file> [--json] [--rate HZ] [--notch 50|60] [--tare]`.
// Pure: argv in, options or a message out; the shell (analyze.ts) prints and exits.

export interface CliOptions {
  readonly file: string;
  /** Print exactly one JSON object on stdout instead of the readable summary. */
  readonly json: boolean;
  /** Sample rate of a CSV without a time_s column. */
  readonly rateHz: number | null;
  /** Mains frequency to notch; null means detect it from the recording's spectrum. */
  readonly notchHz: 50 | 60 | null;
  /** Subtract each force channel's resting level before reporting peak force. */
  readonly tare: boolean;
}

export type CliArgsResult = { kind: 'run'; options: CliOptions } | { kind: 'help' } | { kind: 'usage-error'; message: string };

export const usageText = `Usage: npm run --silent analyze -- <file> [--json] [--rate HZ] [--notch 50|60] [--tare]

  <file>        a capture (.jsonl), a CSV (.csv) or an EDF/EDF+C file (.edf)
  --json        print one JSON object (see src/cli/analysis-output.schema.json)
  --rate HZ     sample rate of a CSV that has no time_s column
  --notch 50|60 mains frequency to remove (default: detected from the recording, else 50)
  --tare        report force above the resting level at the start of the recording
`;

/** Splits "--name=value" and looks a separate value up when the option takes one. */
export function parseCliArgs(argv: readonly string[]): CliArgsResult {
  let file: string | null = null;
  let json = false;
  let tare = false;
  let rateHz: number | null = null;
  let notchHz: 50 | 60 | null = null;
  const error = (message: string): CliArgsResult => ({ kind: 'usage-error', message });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | null => (eq >= 0 ? arg.slice(eq + 1) : (argv[++i] ?? null));
    switch (name) {
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--json':
        json = true;
        break;
      case '--tare':
        tare = true;
        break;
      case '--rate': {
        const text = takeValue();
        const value = text === null ? NaN : Number(text);
        if (!Number.isFinite(value) || value <= 0) return error(`--rate needs a sample rate in Hz greater than 0, got ${JSON.stringify(text)}.`);
        rateHz = value;
        break;
      }
      case '--notch': {
        const text = takeValue();
        if (text !== '50' && text !== '60') return error(`--notch takes 50 or 60 (Hz), got ${JSON.stringify(text)}.`);
        notchHz = text === '50' ? 50 : 60;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return error(`Unknown option ${arg}.`);
        if (file !== null) return error(`One file at a time: got ${JSON.stringify(file)} and ${JSON.stringify(arg)}.`);
        file = arg;
    }
  }
  if (file === null) return error('Name the file to analyse.');
  return { kind: 'run', options: { file, json, rateHz, notchHz, tare } };
}
