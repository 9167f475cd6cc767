// The real shell, spawned as a user runs it (npm run analyze = tsx src/cli/analyze.ts): exit
// codes, stderr for problems, and --json printing one JSON object and nothing else.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from './analysis-output.schema.json' with { type: 'json' };
import { sessionRecording } from '../store/formats/edf-test-recordings';
import { writeEdf } from '../store/formats/edf-writer';

const repo = join(import.meta.dirname, '../..');

function run(...args: string[]) {
  // `node --import tsx` is tsx's loader on Node ≥ 20.6, without experimental flags.
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
}

describe('analyze CLI process', () => {
  it('exits 2 with one line on stderr for a missing file', () => {
    const result = run('tests/cli/inputs/no-such-file.jsonl', '--json');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('analyze: cannot read tests/cli/inputs/no-such-file.jsonl: no such file\n');
  });

  it('prints exactly one JSON object with --json, valid against the schema', () => {
    const result = run('tests/cli/inputs/biosppy-emg-force.csv', '--json', '--rate', '500');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('}\n')).toBe(true);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const report: unknown = JSON.parse(result.stdout);
    const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    // The time column wins over --rate, and the report says so in its own field.
    expect(report).toMatchObject({ profile: 'csv', warnings: [expect.stringContaining('--rate 500 ignored')] });
  });

  it('reads an EDF+ file as bytes (binary, not text) and analyses it', () => {
    const written = writeEdf(sessionRecording());
    if (!written.ok) throw new Error(written.error.detail);
    const dir = mkdtempSync(join(tmpdir(), 'quadcue-cli-'));
    try {
      // No .edf extension: the version field alone says EDF.
      const path = join(dir, 'session.bin');
      writeFileSync(path, written.bytes);
      const result = run(path, '--json');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const report: unknown = JSON.parse(result.stdout);
      const validate = new Ajv2020({ strict: true, validateFormats: false }).compile(schema);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report).toMatchObject({ profile: 'edf', channels: [{ label: 'VMO', lostSamples: 100 }, { label: 'VL' }, { label: 'force', lostSamples: 4 }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
