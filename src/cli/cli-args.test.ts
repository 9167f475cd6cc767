import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('CLI arguments', () => {
  it('reads a file and every option, in either spelling', () => {
    expect(parseCliArgs(['rec.csv', '--json', '--rate', '1000', '--notch=60', '--tare'])).toEqual({
      kind: 'run',
      options: { file: 'rec.csv', json: true, rateHz: 1000, notchHz: 60, tare: true },
    });
    expect(parseCliArgs(['--rate=512.5', 'a.jsonl'])).toMatchObject({ kind: 'run', options: { file: 'a.jsonl', rateHz: 512.5, notchHz: null, json: false } });
  });

  it('answers --help', () => {
    expect(parseCliArgs(['x', '--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'Name the file'],
    [['a', 'b'], 'One file at a time'],
    [['a', '--rate'], '--rate needs'],
    [['a', '--rate', '-5'], '--rate needs'],
    [['a', '--notch', '55'], '--notch takes 50 or 60'],
    [['a', '--verbose'], 'Unknown option --verbose'],
  ])('refuses %j with a message that says what to change', (argv, message) => {
    const result = parseCliArgs(argv);
    expect(result.kind).toBe('usage-error');
    if (result.kind === 'usage-error') expect(result.message).toContain(message);
  });
});
