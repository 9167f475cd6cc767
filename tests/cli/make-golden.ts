// Regenerates the CLI's golden inputs (tests/cli/inputs/) from seeds and the BioSPPy fixture, and
// with --outputs also the golden outputs (tests/cli/golden/) from the current analysis code.
//   npx tsx tests/cli/make-golden.ts            inputs only (they never depend on the analysis)
//   npx tsx tests/cli/make-golden.ts --outputs  inputs and outputs: review the diff before committing
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devicePreset } from '../../firmware-protocol/sim/index';
import { Prng } from '../../firmware-protocol/sim/prng';
import { analyzeInput } from '../../src/cli/analyze-input';
import { goldenCases, type GoldenCase } from './golden-cases';
import { quadcueCaptureLines, shortKneeExtension, tindeqCaptureLines } from './synthetic-captures';

const here = dirname(fileURLToPath(import.meta.url));

/** Seconds 12–18 of biosppy_emg_1.txt: rest, the burst at 15–17 s, rest (tests/fixtures/emg/README.md). */
const CSV_FIRST_SAMPLE = 12_000;
const CSV_SAMPLES = 6_000;
const CSV_RATE_HZ = 1000;
/** Rows left out, so the time column has a 10-sample hole the analysis must count as lost. */
const CSV_HOLE = { from: 4_000, to: 4_010 };

/** A force trace for the CSV: 20 N preload, rise at 1500 N/s to 320 N at 2.9 s, 1.5 s hold, release; 0.5 N noise. */
function syntheticForceN(index: number, rng: Prng): number {
  const tS = index / CSV_RATE_HZ;
  const riseEndS = 2.9 + 300 / 1500;
  let cleanN = 20;
  if (tS >= 2.9 && tS < riseEndS) cleanN += 1500 * (tS - 2.9);
  else if (tS >= riseEndS && tS < riseEndS + 1.5) cleanN += 300;
  else if (tS >= riseEndS + 1.5 && tS < riseEndS + 1.8) cleanN += 300 * (1 - (tS - riseEndS - 1.5) / 0.3);
  return cleanN + 0.5 * rng.nextGaussian();
}

function csvInput(): string {
  const counts = readFileSync(join(here, '../fixtures/emg/biosppy_emg_1.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map(Number);
  const rng = new Prng(11);
  const rows = ['time_s,EMG,force[N]'];
  for (let i = 0; i < CSV_SAMPLES; i++) {
    const forceN = syntheticForceN(i, rng); // drawn for every row, so the hole does not shift the noise
    if (i >= CSV_HOLE.from && i < CSV_HOLE.to) continue;
    rows.push(`${(i / CSV_RATE_HZ).toFixed(3)},${counts[CSV_FIRST_SAMPLE + i]},${forceN.toFixed(2)}`);
  }
  return rows.join('\n') + '\n';
}

function inputText(name: GoldenCase['input']): string {
  switch (name) {
    case 'quadcue-emg-force.jsonl':
      // VMO, VL and force at 1 kHz; 1 % of frames lost in the air, so the gaps path is exercised.
      return [...quadcueCaptureLines({ seed: 5, device: devicePreset('emg+force'), rateHz: 1000, scenario: shortKneeExtension(), durationS: 11.6, faults: { dropProbability: 0.01 } })].join('\n') + '\n';
    case 'tindeq-progressor.jsonl':
      // The device clock starts 4 s before its 2^32 µs wrap; notification 40 is lost.
      return [...tindeqCaptureLines({ seed: 6, scenario: shortKneeExtension(), durationS: 11.6, rateHz: 80, firstDeviceTimeUs: 2 ** 32 - 4_000_000, droppedNotifications: [40] })].join('\n') + '\n';
    case 'biosppy-emg-force.csv':
      return csvInput();
  }
}

const writeOutputs = process.argv.includes('--outputs');
for (const golden of goldenCases) {
  const inputPath = join(here, 'inputs', golden.input);
  const text = inputText(golden.input);
  writeFileSync(inputPath, text);
  if (!writeOutputs) continue;
  const report = analyzeInput(golden.input, text, golden.options);
  if ('kind' in report) throw new Error(`${golden.input}: ${report.message}`);
  writeFileSync(join(here, 'golden', golden.output), `${JSON.stringify(report, null, 2)}\n`);
}
