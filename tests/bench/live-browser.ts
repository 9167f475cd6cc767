// `npm run bench:live`: the live feedback path timed in Debian Chromium — a benchmark, not a test
// (nothing here passes or fails a build). Builds tests/bench/live/ with the app's headers (cross-
// origin isolated, so the worker shares its rings as in the app), then runs it for 60 s of real
// time per mode: the app's chart (min/max-decimated) and the same chart fed every sample (peer).
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { launchChromium } from '../../scripts/chromium';
import { securityHeaders } from '../../scripts/security-headers';
import { buildAndServe } from '../../scripts/serve-build';
import { cleanGuards, openGuardedPage } from '../e2e/harness/guarded-page';
import type { LiveBenchResult } from './live/result';
import { printTable } from './timing';

const SECONDS = 60;
/** A laptop or tablet in landscape beside the patient: a wide chart is the decimated mode's hard case. */
const VIEWPORT = { width: 1280, height: 800 };
/** Drawn latency target: one frame interval plus this (the live-feedback issue). */
const DRAW_MARGIN_MS = 4;
/** Cue latency target, envelope crossing → audio start (the live-feedback issue). */
const CUE_TARGET_MS = 20;
const LONG_TASK_MS = 50;

/** Nearest-rank percentile of `values` (NaN when empty). */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(1));
const modeName = (r: LiveBenchResult) => (r.decimate ? 'decimated (app)' : 'undecimated (peer)');

async function runMode(url: string, browser: Awaited<ReturnType<typeof launchChromium>>, decimate: boolean): Promise<LiveBenchResult> {
  const { context, page, guards } = await openGuardedPage(browser, url, VIEWPORT);
  await page.goto(url);
  await page.getByText('ready').waitFor();
  // A real click: browsers start audio only from a user gesture (the app's Start button).
  await page.click('#unlock');
  const result = await page.evaluate(
    (options) => (window as unknown as { runLiveBench(o: typeof options): Promise<LiveBenchResult> }).runLiveBench(options),
    { decimate, seconds: SECONDS },
  );
  if (JSON.stringify(guards) !== JSON.stringify(cleanGuards)) console.warn(`page guards not clean (${modeName(result)}): ${JSON.stringify(guards)}`);
  await context.close();
  return result;
}

function report(results: LiveBenchResult[], browserVersion: string): void {
  console.log(
    `\nQuadcue live-feedback bench — Chromium ${browserVersion} (headless, --disable-gpu), ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
      `load average ${loadavg()[0]!.toFixed(2)}; viewport ${VIEWPORT.width}×${VIEWPORT.height}; 2 EMG channels × 2 kHz, 10 s window, ${SECONDS} s per mode`,
  );
  for (const r of results) {
    if (!r.crossOriginIsolated || !r.sharedRings) console.warn(`${modeName(r)}: not cross-origin isolated — not the app's path`);
    if (r.worker.framesLost > 0 || r.worker.lateDropped > 0) console.warn(`${modeName(r)}: worker lost ${r.worker.framesLost} and dropped ${r.worker.lateDropped} frames`);
  }
  const raw = (values: readonly number[]) => [50, 95, 99, 100].map((p) => ms(percentile(values, p)));
  printTable(
    'Main thread per frame, ms (script: rAF start → after uPlot redraw; total: → first task after rendering)',
    ['mode', 'points/series', 'frames', 'rAF p50', 'script p50', 'p95', 'p99', 'max', 'total p50', 'p95', 'p99', 'max', `long tasks >${LONG_TASK_MS} ms`, 'long frames'],
    results.map((r) => [
      modeName(r),
      String(r.pointsPerSeries),
      String(r.frameScriptMs.length),
      ms(percentile(r.rafIntervalMs, 50)),
      ...raw(r.frameScriptMs),
      ...raw(r.frameTotalMs),
      r.longTasksMs === null ? 'unsupported' : `${r.longTasksMs.length}${r.longTasksMs.length ? ` (max ${ms(Math.max(...r.longTasksMs))})` : ''}`,
      r.longAnimationFramesMs === null ? 'unsupported' : String(r.longAnimationFramesMs.length),
    ]),
  );
  printTable(
    `Notification at the transport → end of the frame that first drew its samples, ms (target p95 ≤ rAF interval + ${DRAW_MARGIN_MS} ms)`,
    ['mode', 'frames', 'p50', 'p95', 'p99', 'max', 'target', 'met', 'undrawn at end'],
    results.map((r) => {
      const target = percentile(r.rafIntervalMs, 50) + DRAW_MARGIN_MS;
      const p95 = percentile(r.drawLatencyMs, 95);
      return [modeName(r), String(r.drawLatencyMs.length), ...raw(r.drawLatencyMs).slice(0, 1), ms(p95), ...raw(r.drawLatencyMs).slice(2), ms(target), p95 <= target ? 'yes' : 'no', String(r.undrawnFrames)];
    }),
  );
  printTable(
    `Envelope enters the band: its sample's notification → cue audio start call, ms (target < ${CUE_TARGET_MS} ms); envelope's own lag beside it`,
    ['mode', 'crossings', 'tones', 'p50', 'p95', 'max', 'event on main thread p50', 'max', 'met', 'envelope lag'],
    results.map((r) => {
      const audio = r.cues.flatMap((c) => (c.toAudioStartMs === null ? [] : [c.toAudioStartMs]));
      const arrival = r.cues.map((c) => c.toMainThreadMs);
      return [
        modeName(r),
        String(r.cues.length),
        String(audio.length),
        ms(percentile(audio, 50)),
        ms(percentile(audio, 95)),
        ms(percentile(audio, 100)),
        ms(percentile(arrival, 50)),
        ms(percentile(arrival, 100)),
        audio.length === r.cues.length && audio.length > 0 && percentile(audio, 100) < CUE_TARGET_MS ? 'yes' : 'no',
        `${r.envelopeWindowMs / 2} ms (${r.envelopeWindowMs} ms RMS window)`,
      ];
    }),
  );
  for (const r of results) {
    if (r.longAnimationFrameCauses.length > 0) console.log(`\nLong animation frames, ${modeName(r)}:\n  ${r.longAnimationFrameCauses.join('\n  ')}`);
  }
  console.log('\nRaw cue latencies, ms:', results.map((r) => `${modeName(r)}: ${r.cues.map((c) => ms(c.toAudioStartMs ?? NaN)).join(', ')}`).join(' | '));
}

const served = await buildAndServe({
  configFile: false,
  root: fileURLToPath(new URL('./live/', import.meta.url)),
  worker: { format: 'es' },
  build: { target: 'es2022' },
  preview: { headers: securityHeaders('production') },
  plugins: [preact({ devToolsEnabled: false })],
});
const browser = await launchChromium();
try {
  const results: LiveBenchResult[] = [];
  for (const decimate of [true, false]) results.push(await runMode(served.url, browser, decimate));
  report(results, browser.version());
} finally {
  await browser.close();
  await served.close();
}
