// `npm run bench:live`: the live feedback path timed in Debian Chromium — a benchmark, not a test
// (nothing here passes or fails a build). Builds tests/bench/live/ with the app's headers (cross-
// origin isolated, so the worker shares its rings as in the app) and streams the reference
// peripheral through it in real time: 60 s with the app's chart (min/max-decimated) and 60 s with
// the same chart fed every sample (the peer), in alternating 15 s stretches so that both modes
// share whatever else the machine is doing.
import { cpus, loadavg } from 'node:os';
import { launchChromium } from '../../scripts/chromium';
import { serveProbe } from '../../scripts/serve-build';
import { cleanGuards, openGuardedPage } from '../e2e/harness/guarded-page';
import type { LiveBenchResult } from './live/result';
import { printTable } from './timing';

const SECONDS_PER_MODE = 60;
const SEGMENT_S = 15;
/** A laptop or tablet in landscape beside the patient: a wide chart is the decimated mode's hard case. */
const VIEWPORT = { width: 1280, height: 800 };
/** Drawn-latency target: p95 within one frame interval plus this (the live-feedback issue). */
const DRAW_MARGIN_MS = 4;
/** Cue-latency target, band crossing → audio start (the live-feedback issue). */
const CUE_TARGET_MS = 20;

/** Nearest-rank percentile (NaN when empty). */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(1));
const spread = (values: readonly number[]) => [50, 95, 99, 100].map((p) => ms(percentile(values, p)));
const modeName = (r: LiveBenchResult) => (r.decimate ? 'decimated (app)' : 'undecimated (peer)');
const audioMs = (r: LiveBenchResult) => r.cues.flatMap((c) => (c.toAudioStartMs === null ? [] : [c.toAudioStartMs]));
const drawTargetMs = (r: LiveBenchResult) => percentile(r.rafIntervalMs, 50) + DRAW_MARGIN_MS;
const longCount = (entries: LiveBenchResult['longTasks']) =>
  entries === null ? 'unsupported' : `${entries.length}${entries.length ? ` (max ${ms(Math.max(...entries.map((e) => e.durationMs)))})` : ''}`;

function report(results: LiveBenchResult[], header: string): void {
  console.log(`\n${header}`);
  for (const r of results) {
    if (!r.crossOriginIsolated || !r.sharedRings) console.warn(`${modeName(r)}: not cross-origin isolated — not the app's path`);
  }
  const worker = results[0]!.worker;
  console.log(`worker: ${worker.framesReceived} frames received, ${worker.framesLost} lost, ${worker.lateDropped} dropped late`);
  printTable(
    'Main thread per frame, ms (script: rAF start → after uPlot redraw; total: → first task after the rendering step; ' +
      'CPU/frame: all main-thread CPU time over the mode ÷ frames; CPU/busy: share of busy wall time the thread was on a CPU)',
    ['mode', 's', 'points/series', 'frames', 'rAF p50', 'script p50', 'p95', 'p99', 'max', 'total p50', 'p95', 'p99', 'max', 'long tasks', 'long frames', 'CPU/frame', 'CPU/busy'],
    results.map((r) => [
      modeName(r),
      r.seconds.toFixed(0),
      String(r.pointsPerSeries),
      String(r.frameScriptMs.length),
      ms(percentile(r.rafIntervalMs, 50)),
      ...spread(r.frameScriptMs),
      ...spread(r.frameTotalMs),
      longCount(r.longTasks),
      longCount(r.longAnimationFrames),
      r.mainThread ? ms((r.mainThread.cpuS * 1000) / r.frameScriptMs.length) : '—',
      r.mainThread ? `${((100 * r.mainThread.cpuS) / r.mainThread.busyS).toFixed(0)} %` : '—',
    ]),
  );
  printTable(
    `Notification at the transport → end of the frame that first drew its samples, ms (target p95 ≤ rAF interval + ${DRAW_MARGIN_MS} ms)`,
    ['mode', 'frames', 'p50', 'p95', 'p99', 'max', 'target', 'met'],
    results.map((r) => [modeName(r), String(r.drawLatencyMs.length), ...spread(r.drawLatencyMs), ms(drawTargetMs(r)), percentile(r.drawLatencyMs, 95) <= drawTargetMs(r) ? 'yes' : 'no']),
  );
  printTable(
    `Envelope enters the band: its sample's notification → cue audio start call, ms (target < ${CUE_TARGET_MS} ms)`,
    ['mode', 'crossings', 'tones', 'p50', 'max', 'event on main thread p50', 'max', 'met', "envelope's own lag"],
    results.map((r) => {
      const audio = audioMs(r);
      const arrival = r.cues.map((c) => c.toMainThreadMs);
      return [
        modeName(r),
        String(r.cues.length),
        String(audio.length),
        ms(percentile(audio, 50)),
        ms(percentile(audio, 100)),
        ms(percentile(arrival, 50)),
        ms(percentile(arrival, 100)),
        audio.length > 0 && audio.length === r.cues.length && percentile(audio, 100) < CUE_TARGET_MS ? 'yes' : 'no',
        `~${r.envelopeWindowMs / 2} ms (${r.envelopeWindowMs} ms RMS window)`,
      ];
    }),
  );
  for (const r of results) {
    console.log(`\nRaw, ${modeName(r)}:`);
    console.log(`  cue latencies, ms: ${r.cues.map((c) => ms(c.toAudioStartMs ?? NaN)).join(', ')}`);
    console.log(`  long tasks, ms: ${r.longTasks?.map((e) => e.durationMs.toFixed(0)).join(', ') || 'none'}`);
    for (const e of r.longAnimationFrames ?? []) console.log(`  long frame ${e.durationMs.toFixed(0)} ms: ${e.cause}`);
  }
  // The same results as a markdown table, for the README.
  console.log('\n| mode | frame script p50 / p95 | frame total p50 / p95 | long tasks > 50 ms | drawn latency p50 / p95 / max (target) | cue latency p50 / max (n) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    const audio = audioMs(r);
    console.log(
      `| ${modeName(r)}, ${r.pointsPerSeries} points/series | ${ms(percentile(r.frameScriptMs, 50))} / ${ms(percentile(r.frameScriptMs, 95))} ms | ` +
        `${ms(percentile(r.frameTotalMs, 50))} / ${ms(percentile(r.frameTotalMs, 95))} ms | ${longCount(r.longTasks)} | ` +
        `${ms(percentile(r.drawLatencyMs, 50))} / ${ms(percentile(r.drawLatencyMs, 95))} / ${ms(percentile(r.drawLatencyMs, 100))} ms (≤ ${ms(drawTargetMs(r))}) | ` +
        `${ms(percentile(audio, 50))} / ${ms(percentile(audio, 100))} ms (${audio.length}) |`,
    );
  }
}

const served = await serveProbe(new URL('./live/', import.meta.url), { preact: true });
const browser = await launchChromium();
try {
  const { context, page, guards } = await openGuardedPage(browser, served.url, VIEWPORT);
  // The main thread's CPU time and busy time, read by the page at the edges of each stretch.
  const devtools = await context.newCDPSession(page);
  await devtools.send('Performance.enable');
  await page.exposeFunction('__benchMetrics', async () => {
    const { metrics } = await devtools.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  });
  await page.goto(served.url);
  await page.getByText('ready').waitFor();
  // A real click: browsers start audio only from a user gesture (the app's Start button).
  await page.click('#unlock');
  const loadBefore = loadavg()[0]!;
  const results = await page.evaluate(
    (options) => (window as unknown as { runLiveBench(o: typeof options): Promise<LiveBenchResult[]> }).runLiveBench(options),
    { seconds: SECONDS_PER_MODE, segmentS: SEGMENT_S },
  );
  const loadAfter = loadavg()[0]!;
  if (JSON.stringify(guards) !== JSON.stringify(cleanGuards)) console.warn(`page guards not clean: ${JSON.stringify(guards)}`);
  await context.close();
  report(
    results,
    `Quadcue live-feedback bench — Chromium ${browser.version()} (headless, --disable-gpu), ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
      `1-min load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after; viewport ${VIEWPORT.width}×${VIEWPORT.height}; ` +
      `2 EMG channels × 2 kHz, 10 s window; ${SECONDS_PER_MODE} s per mode in ${SEGMENT_S} s stretches, alternating`,
  );
} finally {
  await browser.close();
  await served.close();
}
