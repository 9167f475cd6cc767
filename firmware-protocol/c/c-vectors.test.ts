// Compiles the C reference's host test with the system C compiler and runs it: every golden vector
// must pass in C too. Built with AddressSanitizer/UBSan so a read past the end fails the run.
// No `cc` is a failure, not a skip: CI installs it (README "Testing").

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const vectorsDir = join(here, '..', 'vectors');
const buildDir = mkdtempSync(join(tmpdir(), 'quadcue-c-vectors-'));
const FLAGS = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-O1', '-g', '-fsanitize=address,undefined', '-fno-sanitize-recover=all'];

function vectorCount(): number {
  return readdirSync(vectorsDir)
    .filter((f) => f.endsWith('.json'))
    .reduce((sum, f) => sum + (JSON.parse(readFileSync(join(vectorsDir, f), 'utf8')) as { vectors: unknown[] }).vectors.length, 0);
}

afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

describe('C reference (c/quadcue_protocol.h)', () => {
  it('compiles warning-free as C99 and reproduces every golden vector byte for byte', () => {
    const binary = join(buildDir, 'test_vectors');
    const compile = spawnSync('cc', [...FLAGS, '-o', binary, join(here, 'test', 'test_vectors.c')], { encoding: 'utf8' });
    if (compile.error) {
      throw new Error(`cannot run the system C compiler "cc" (${compile.error.message}); install a C compiler such as gcc to run this test`);
    }
    expect(compile.stderr + compile.stdout).toBe('');
    expect(compile.status).toBe(0);

    const run = spawnSync(binary, [], { encoding: 'utf8' });
    const total = vectorCount();
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`${total}/${total} vectors passed`);
    expect(run.status).toBe(0);
    expect(total).toBeGreaterThanOrEqual(100);
  });
});
