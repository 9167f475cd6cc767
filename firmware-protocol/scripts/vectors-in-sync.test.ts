import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { vectorFiles } from './golden/vector-files';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('committed golden vectors', () => {
  for (const [path, content] of vectorFiles()) {
    it(`${path} matches the generator (run npx tsx firmware-protocol/scripts/generate-vectors.ts)`, () => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(content);
    });
  }
});
