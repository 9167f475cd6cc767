// `npm run soak` (script: "soak": "tsx tests/soak/run.ts"): issue 8's full soak — 30 minutes of
// sample time of two EMG channels at 2 kHz, 50 seeded disconnects, one reload — through the real
// Web Bluetooth stack, printing the summary table. Exit code 1 when any requirement fails.
// Options: --seconds N (sample time, default 1800), --disconnects N (default 50), --seed N (default 8).
import { buildAndServe } from '../../scripts/serve-build';
import { launchChromium } from '../../scripts/chromium';
import { cleanGuards } from '../e2e/harness/guarded-page';
import { buildSoakPlan } from '../e2e/soak/soak-plan';
import { runSoak } from '../e2e/soak/soak-run';
import { soakFailures } from '../e2e/soak/soak-verdict';
import { summaryTable } from '../e2e/soak/summary-table';

/** Issue 8: JS heap growth under 20 MB from minute 5 to the end. */
const HEAP_LIMIT_BYTES = 20e6;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const plan = buildSoakPlan({ seed: option('seed', 8), sampleSeconds: option('seconds', 1800), disconnects: option('disconnects', 50) });
const served = await buildAndServe();
const browser = await launchChromium();
let failures: string[];
try {
  const started = Date.now();
  const result = await runSoak(browser, served.url, plan, (line) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`));
  console.log(summaryTable(result));
  failures = soakFailures(result, { heapLimitBytes: plan.sampleSeconds >= 600 ? HEAP_LIMIT_BYTES : null });
  if (JSON.stringify(result.guards) !== JSON.stringify(cleanGuards)) failures.push(`page guards: ${JSON.stringify(result.guards)}`);
} finally {
  await browser.close();
  await served.close();
}
if (failures.length > 0) {
  console.log(`\nFAILED (${failures.length}):\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else console.log('\nPASSED');
