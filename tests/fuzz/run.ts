// npm run fuzz: the full campaigns (a slice runs under npm test, tests/unit/fuzz-slice.test.ts).
// Seed from FUZZ_SEED or the default, printed so any finding can be replayed.
import { decoderCampaigns, formatResults, importCampaigns } from './campaigns';

const seed = Number(process.env.FUZZ_SEED ?? 20261127);
const framesPerDecoder = Number(process.env.FUZZ_FRAMES ?? 1_000_000);
const filesPerFormat = Number(process.env.FUZZ_FILES ?? 10_000);
const started = performance.now();
const results = [...decoderCampaigns(seed, framesPerDecoder), ...(await importCampaigns(seed, filesPerFormat))];
console.log(`Fuzz campaigns, seed ${seed}: ${framesPerDecoder} frames per decoder, ${filesPerFormat} files per import format`);
console.log(formatResults(results));
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
const exceptions = results.reduce((sum, r) => sum + r.exceptions, 0);
if (exceptions > 0) {
  console.error(`${exceptions} uncaught exceptions`);
  process.exitCode = 1;
}
