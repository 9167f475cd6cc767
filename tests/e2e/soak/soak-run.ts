// Issue 8's soak, start to finish, in one browser: connect the emulated sensor, record, stream the
// plan's sample time through the faulty link with its disconnects and one reload, stop, then read
// the recording back from IndexedDB and check it against the ground truth. Returns what it
// measured; the caller (the npm test slice or `npm run soak`) asserts and prints.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { ReferencePeripheral } from '../../../firmware-protocol/sim/index';
import { deriveSeed } from '../../../firmware-protocol/sim/prng';
import { linkStates, offline } from '../../../src/ui/strings';
import { BluetoothEmulator } from '../harness/bluetooth-emulation';
import { gotoReady, openGuardedPage, type PageGuards } from '../harness/guarded-page';
import { issue8Rates, LinkFaults, type FaultTally } from './link-faults';
import { installMessageMonitor, listSessions, readChunks, takeMessages, type ShownMessage } from './page-probes';
import { checkRecording, type RecordingCheck, type StoredSession } from './recording-check';
import {
  connectSensor,
  keepInterruptedRecording,
  openScreen,
  quadcueSensorSpec,
  readCounters,
  startRecording,
  stopRecording,
  waitForDrain,
  waitForLinkState,
  type CardCounters,
} from './soak-app';
import type { EpochLedger } from './soak-ledger';
import type { SoakPlan } from './soak-plan';
import { SoakSensor } from './soak-sensor';

export interface EpochResult {
  label: 'before reload' | 'after reload';
  counters: CardCounters;
  expected: { received: number; rejected: number; duplicates: number; outages: number };
  recording: RecordingCheck;
  session: { status: string; stoppedBy: string | null; chunks: number };
}

export interface SoakResult {
  plan: SoakPlan;
  wallSeconds: number;
  faults: FaultTally;
  epochs: EpochResult[];
  /** Real time from an outage's end (sensor reachable again) to the card showing "Connected", ms. */
  resumeMs: number[];
  reload: { reconnectedBy: string; toConnectedMs: number; gapSamples: number };
  /** Main-thread JS heap after a forced GC, bytes, by sample second. */
  heap: { atS: number; usedBytes: number }[];
  quotaBytes: number;
  messages: ShownMessage[];
  guards: PageGuards;
  emulatorErrors: string[];
}

/** Heap is sampled from this sample second on (issue 8: growth from minute 5 to the end). */
const HEAP_FROM_S = 300;
/** Bytes the recording takes per second: 2 channels × (raw + level) × Float32 × rate. */
const bytesPerSecond = (rateHz: number) => 2 * 2 * 4 * rateHz;
/**
 * Outage gaps may be off by this much (recording-check.ts). The app sizes an outage from the
 * sensor's clock (src/worker/sensor-pipeline.ts), so only rounding to whole samples remains.
 */
export const OUTAGE_TOLERANCE_MS = 1;

export async function runSoak(browser: Browser, baseUrl: string, plan: SoakPlan, log: (line: string) => void = () => undefined): Promise<SoakResult> {
  const began = Date.now();
  const { context, page, guards } = await openGuardedPage(browser, baseUrl);
  // Under tsx (npm run soak), esbuild's keepNames wraps named inner functions in `__name(…)`
  // calls; Playwright sends functions to the page as source text, where no `__name` exists.
  // Define it as the identity first, so the harness's page functions run the same under both.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(installMessageMonitor);
  const bt = await BluetoothEmulator.attach(browser, context, page);
  try {
    const sim = new ReferencePeripheral({ seed: plan.seed, device: 'emg', rateHz: plan.rateHz, scenario: 'quadSets', loop: true });
    const sensor = new SoakSensor(sim, new LinkFaults(issue8Rates, deriveSeed(plan.seed, 8)));
    sensor.attach(await bt.addPeripheral(quadcueSensorSpec(sim)));
    await gotoReady(page, baseUrl, offline.ready, offline.dismiss);

    // Storage pressure (web-bluetooth.md): a small quota, yet room for twice the whole session.
    const cdp = await context.newCDPSession(page);
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const quotaBytes = Math.round(usage + 2 * plan.sampleSeconds * bytesPerSecond(plan.rateHz));
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl).origin, quotaSize: quotaBytes });

    log(`connected by ${await connectSensor(page, bt)}`);
    await startRecording(page);
    const messages: ShownMessage[] = [];
    const heap: SoakResult['heap'] = [];
    const resumeMs: number[] = [];
    const epochs: { ledger: EpochLedger; counters: CardCounters; outages: number }[] = [];
    let outagesThisEpoch = 0;
    let reload: SoakResult['reload'] | null = null;
    let reloadLastFrame: ReturnType<EpochLedger['lastFrame']>;

    const steps = [...plan.disconnects.map((d) => ({ atS: d.atS, downMs: d.downMs as number | null })), { atS: plan.reloadAtS, downMs: null }];
    steps.sort((a, b) => a.atS - b.atS);
    steps.push({ atS: plan.sampleSeconds, downMs: null });
    for (const [index, step] of steps.entries()) {
      await streamTo(sensor, page, step.atS, heap, cdp);
      const last = index === steps.length - 1;
      if (last) break;
      if (step.downMs !== null) {
        resumeMs.push(await outage(sensor, page, step.downMs, messages));
        outagesThisEpoch++;
        log(`${step.atS.toFixed(1)} s: outage of ${step.downMs} ms, streaming again after ${resumeMs.at(-1)} ms`);
        continue;
      }
      // The reload in the middle: the sensor's link goes with the page.
      messages.push(...(await page.evaluate(takeMessages)));
      epochs.push({ ledger: sensor.ledger, counters: await readCounters(page), outages: outagesThisEpoch });
      outagesThisEpoch = 0;
      const lastBefore = sensor.ledger.lastFrame();
      sensor.beginOutage(false);
      sensor.newEpoch();
      const reloadedAt = Date.now();
      log('reloading');
      await page.reload();
      await reviveEmulation(bt, sensor);
      log('reloaded');
      await keepInterruptedRecording(page);
      log('kept the interrupted recording');
      const reconnectedBy = await connectSensor(page, bt);
      const toConnectedMs = Date.now() - reloadedAt;
      await startRecording(page);
      reload = { reconnectedBy, toConnectedMs, gapSamples: NaN };
      reloadLastFrame = lastBefore;
      log(`${step.atS.toFixed(1)} s: reload; connected again (${reconnectedBy}) after ${toConnectedMs} ms`);
    }
    await stopRecording(page);
    await openScreen(page, 'connect');
    messages.push(...(await page.evaluate(takeMessages)));
    epochs.push({ ledger: sensor.ledger, counters: await readCounters(page), outages: outagesThisEpoch });

    // The reload's gap: sample sets the sensor took between the last frame before and the first after.
    const firstAfter = sensor.ledger.framesInOrder()[0];
    if (reload && reloadLastFrame && firstAfter) {
      reload.gapSamples = Math.round((firstAfter.deviceTimeUs - reloadLastFrame.deviceTimeUs) / sensor.samplePeriodUs) - reloadLastFrame.samplesPerChannel;
    }
    const stored = await readAllSessions(page);
    const results = checkEpochs(epochs, stored, sensor);
    return {
      plan,
      wallSeconds: (Date.now() - began) / 1000,
      faults: { ...sensor.faults.tally },
      epochs: results,
      resumeMs,
      reload: reload ?? { reconnectedBy: 'none', toConnectedMs: NaN, gapSamples: NaN },
      heap,
      quotaBytes,
      messages,
      guards,
      emulatorErrors: [...bt.errors],
    };
  } finally {
    await bt.detach();
    await context.close();
  }
}

/** Streams to sample second `atS`, draining every few seconds and sampling the heap once a minute after minute 5. */
async function streamTo(sensor: SoakSensor, page: Page, atS: number, heap: SoakResult['heap'], cdp: CDPSession): Promise<void> {
  const drainEveryS = 5;
  for (;;) {
    const nowS = sensor.sim.nowUs / 1e6;
    const nextS = Math.min(atS, (Math.floor(nowS / drainEveryS) + 1) * drainEveryS);
    await sensor.streamUntil((nextS - sensor.sim.nowUs / 1e6) * 1e6 + sensor.sim.nowUs);
    const counters = await waitForDrain(page, sensor.ledger.deliveries - sensor.unaccounted);
    sensor.unaccounted = sensor.ledger.deliveries - (counters.received + counters.rejected + counters.duplicates);
    const sampleS = sensor.sim.nowUs / 1e6;
    const lastHeapS = heap.at(-1)?.atS ?? -Infinity;
    if (sampleS >= HEAP_FROM_S && sampleS - lastHeapS >= 60) heap.push({ atS: sampleS, usedBytes: await usedHeap(cdp) });
    if (sampleS >= atS - 1e-6) return;
  }
}

/**
 * Chromium 156 ends the Bluetooth emulation when the page reloads ("BluetoothEmulation not
 * enabled" afterwards), and with it the emulated peripheral. The harness has no call for this
 * (reported to the lead), so the soak re-enables it on the emulator's own browser session — the
 * one its event handlers listen on — and registers the same peripheral again.
 */
async function reviveEmulation(bt: BluetoothEmulator, sensor: SoakSensor): Promise<void> {
  const session = (bt as unknown as { browserSession: CDPSession }).browserSession;
  const peripheral = sensor.emulated;
  peripheral.deviceId = undefined;
  // After the reload the session reports "already enabled" yet refuses every simulate call as
  // "not enabled": disabling first is what brings it back.
  await session.send('BluetoothEmulation.disable');
  await session.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
  // Marks the table stale and forgets subscriptions; the DevTools call itself fails (the new
  // adapter has no such peripheral yet), which is expected.
  await peripheral.disconnect().catch(() => undefined);
  await peripheral.create();
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** One disconnect: the link drops, the sensor stays unreachable for `downMs`, then the app must reconnect by itself. */
async function outage(sensor: SoakSensor, page: Page, downMs: number, messages: ShownMessage[]): Promise<number> {
  const peripheral = sensor.emulated;
  sensor.beginOutage(true);
  peripheral.failConnects(Number.MAX_SAFE_INTEGER);
  const droppedAt = Date.now();
  await peripheral.disconnect();
  await waitForLinkState(page, linkStates.reconnecting);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, droppedAt + downMs - Date.now())));
  peripheral.failConnects(0);
  const reachableAt = Date.now();
  await waitForLinkState(page, linkStates.streaming);
  const shown = await page.evaluate(takeMessages);
  messages.push(...shown);
  const connected = shown.find((m) => m.role === 'status' && m.text === linkStates.streaming && m.atMs >= reachableAt);
  return (connected?.atMs ?? Date.now()) - reachableAt;
}

async function readAllSessions(page: Page): Promise<StoredSession[]> {
  const { sessions } = await page.evaluate(listSessions);
  const out: StoredSession[] = [];
  for (const s of sessions.sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const stored: StoredSession = { ...s, chunks: [], gapEvents: [] };
    const batch = 100;
    for (let fromSeq = 0; fromSeq < s.chunkCount; fromSeq += batch) {
      const part = await page.evaluate(readChunks, { sessionId: s.id, fromSeq, count: batch });
      if (fromSeq === 0) stored.gapEvents = part.gapEvents;
      for (const c of part.chunks) {
        const bytes = Buffer.from(c.rawBase64, 'base64');
        const raw = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
        stored.chunks.push({ seq: c.seq, startIndex: c.startIndex, sampleCount: c.sampleCount, gapBefore: c.gapBefore, channels: c.channels, raw });
      }
    }
    out.push(stored);
  }
  return out;
}

function checkEpochs(epochs: { ledger: EpochLedger; counters: CardCounters; outages: number }[], stored: StoredSession[], sensor: SoakSensor): EpochResult[] {
  return epochs.map((epoch, i) => {
    const session = stored[i];
    const options = {
      channels: sensor.description.channels.length,
      scales: sensor.description.channels.map((c) => c.scale),
      samplePeriodUs: sensor.samplePeriodUs,
      outageToleranceSamples: Math.round((OUTAGE_TOLERANCE_MS * 1000) / sensor.samplePeriodUs),
    };
    const recording = session
      ? checkRecording(session, epoch.ledger.framesInOrder(), options)
      : { framesExpected: epoch.ledger.distinctFrames, samplesExpected: 0, samplesRecorded: 0, sampleMismatches: 0, gaps: [], problems: ['no session recorded'] };
    return {
      label: i === 0 ? 'before reload' : 'after reload',
      counters: epoch.counters,
      expected: {
        received: epoch.ledger.distinctFrames,
        rejected: epoch.ledger.corruptDeliveries,
        duplicates: epoch.ledger.duplicateDeliveries,
        outages: epoch.outages,
      },
      recording,
      session: { status: session?.status ?? 'missing', stoppedBy: session?.stoppedBy ?? null, chunks: session?.chunks.length ?? 0 },
    };
  });
}
