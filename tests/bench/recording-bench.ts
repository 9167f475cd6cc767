// Recording benchmark (issue 7) — run with `npx tsx tests/bench/recording-bench.ts`; a benchmark,
// not a test. In Debian Chromium on a persistent profile (so IndexedDB sits on disk as for a user):
//   1. throughput and main-thread time of the app's design (the worker writes ~1 s chunks) against
//      the peer design (the main thread writes one transaction per notification), 60 s of
//      4 ch × 2 kHz pushed as fast as each drains, alternating, best of three;
//   2. the size on disk of a one-hour 4 ch × 2 kHz session recorded through the worker.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { baseChromiumArgs, chromiumPath } from '../../scripts/chromium';
import { serveProbe } from '../../scripts/serve-build';
import { printTable } from './timing';

const THROUGHPUT_S = 60;
const ROUNDS = 3;
const HOUR_S = Number(process.env.RECORDING_BENCH_SECONDS ?? 3600);
const CHANNELS = 4;

type Win = {
  prepare(seconds: number): number;
  runRecorder(): Promise<{ wallMs: number; sets: number; chunks: number }>;
  runPeer(): Promise<{ wallMs: number; sets: number; transactions: number }>;
  runLong(seconds: number): Promise<{ wallMs: number; chunks: number; usageBytes: number | null }>;
};

/** Main-thread task and script time (s) of the page's renderer, from DevTools' Performance domain. */
async function mainThreadS(page: Page, context: BrowserContext): Promise<() => Promise<{ taskS: number; scriptS: number }>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { taskS: get('TaskDuration'), scriptS: get('ScriptDuration') };
  };
  const before = await read();
  return async () => {
    const after = await read();
    return { taskS: after.taskS - before.taskS, scriptS: after.scriptS - before.scriptS };
  };
}

async function duBytes(dir: string): Promise<number> {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

const served = await serveProbe(new URL('./recording/', import.meta.url));
const profile = await mkdtemp(join(tmpdir(), 'quadcue-recording-bench-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: baseChromiumArgs });
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (error) => console.warn(`page error: ${String(error)}`));
await page.goto(served.url);
await page.getByText('ready').waitFor();
const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
console.log(`Quadcue recording bench — Chromium ${version} headless, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, load average ${loadavg()[0]!.toFixed(2)}`);

const frames = await page.evaluate((s) => (window as unknown as Win).prepare(s), THROUGHPUT_S);
type Row = { wallMs: number; sets: number; taskS: number; scriptS: number; writes: number };
const best: { app: Row | null; peer: Row | null } = { app: null, peer: null };
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of ['app', 'peer'] as const) {
    const stop = await mainThreadS(page, context);
    const r =
      mode === 'app'
        ? await page.evaluate(() => (window as unknown as Win).runRecorder()).then((x) => ({ wallMs: x.wallMs, sets: x.sets, writes: x.chunks }))
        : await page.evaluate(() => (window as unknown as Win).runPeer()).then((x) => ({ wallMs: x.wallMs, sets: x.sets, writes: x.transactions }));
    const row = { ...r, ...(await stop()) };
    if (!best[mode] || row.wallMs < best[mode]!.wallMs) best[mode] = row;
  }
}
printTable(
  `Recording ${THROUGHPUT_S} s of ${CHANNELS} ch × 2 kHz (${frames} notifications), pushed as fast as it drains; best of ${ROUNDS}`,
  ['design', 'writes', 'wall s', 'sample sets/s', 'values/s', 'main-thread task s', 'script s', 'main-thread ms per recorded s'],
  (['app', 'peer'] as const).map((mode) => {
    const r = best[mode]!;
    return [
      mode === 'app' ? 'worker, ~1 s chunks (app)' : 'main thread, 1 tx per notification (peer)',
      String(r.writes),
      (r.wallMs / 1000).toFixed(2),
      Math.round(r.sets / (r.wallMs / 1000)).toLocaleString('en'),
      Math.round((r.sets * CHANNELS) / (r.wallMs / 1000)).toLocaleString('en'),
      r.taskS.toFixed(3),
      r.scriptS.toFixed(3),
      ((r.taskS * 1000) / THROUGHPUT_S).toFixed(2),
    ];
  }),
);
console.log('(the peer writes raw values only; the app writes raw and envelope — twice the bytes)');

await context.close();

// The hour on a fresh profile: the throughput rounds' data must not count, and LevelDB frees a
// deleted database's files only at some later compaction.
const hourProfile = await mkdtemp(join(tmpdir(), 'quadcue-recording-bench-'));
const hourContext = await chromium.launchPersistentContext(hourProfile, { executablePath: chromiumPath, headless: true, args: baseChromiumArgs });
const hourPage = hourContext.pages()[0] ?? (await hourContext.newPage());
await hourPage.goto(served.url);
await hourPage.getByText('ready').waitFor();
const hour = await hourPage.evaluate((s) => (window as unknown as Win).runLong(s), HOUR_S);
await hourContext.close();
const idbDir = join(hourProfile, 'Default', 'IndexedDB');
const after = await duBytes(idbDir);
const payload = HOUR_S * 2000 * CHANNELS * 4 * 2;
printTable(`One ${HOUR_S} s session, ${CHANNELS} ch × 2 kHz, raw + envelope Float32`, ['chunks', 'wall s', 'on disk MB', 'payload MB', 'storage.estimate MB', 'files'], [
  [
    String(hour.chunks),
    (hour.wallMs / 1000).toFixed(1),
    (after / 1e6).toFixed(1),
    (payload / 1e6).toFixed(1),
    hour.usageBytes === null ? '—' : (hour.usageBytes / 1e6).toFixed(1),
    (await readdir(idbDir)).join(', '),
  ],
]);
await served.close();
await rm(profile, { recursive: true, force: true });
await rm(hourProfile, { recursive: true, force: true });
