// Writes vectors/*.json and c/test/golden_vectors.h. Run from the repo root:
//   npx tsx firmware-protocol/scripts/generate-vectors.ts
// scripts/vectors-in-sync.test.ts fails when the committed files differ from what this writes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vectorFiles } from './golden/vector-files';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, content] of vectorFiles()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  console.log(`wrote firmware-protocol/${path}`);
}
