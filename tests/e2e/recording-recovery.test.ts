import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { baseChromiumArgs, chromiumPath } from '../../scripts/chromium';
import { serveProbe, type ServedBuild } from '../../scripts/serve-build';
import { attachPageGuards, cleanGuards, type PageGuards } from './harness/guarded-page';
import { demoFrames, sentSamples } from './recording-probe/demo-frames';
import type { RecoveryResult, StoredSession } from './recording-probe/probe';

// Issue 7's "must show": record 60 s of sample time from the demo sensor through the real worker
// and recorder, crash the page, relaunch the browser on the same profile, recover the session,
// and find exactly what the sensor sent up to the last saved chunk — nothing lost before it,
// nothing duplicated.
const SECONDS = 60;
const CHANNELS = 2;
/** An inner frame that never arrives: the recovered session must show its hole as NaN. */
const WITHHELD = [400];
/** Room for about 25 one-second chunks on an empty origin (measured: 400 kB held 24). */
const QUOTA_BYTES = 400_000;

let probe: ServedBuild;
let profileDir: string;
/** The storage-full test starts from an empty profile: its quota is set from a known usage. */
let quotaProfileDir: string;

beforeAll(async () => {
  probe = await serveProbe(new URL('./recording-probe/', import.meta.url));
  profileDir = await mkdtemp(join(tmpdir(), 'quadcue-profile-'));
  quotaProfileDir = await mkdtemp(join(tmpdir(), 'quadcue-profile-'));
});
afterAll(async () => {
  await probe.close();
  await rm(profileDir, { recursive: true, force: true });
  await rm(quotaProfileDir, { recursive: true, force: true });
});

/** The same profile every time: IndexedDB survives between launches, as on a user's machine. */
async function launch(profile = profileDir): Promise<{ context: BrowserContext; page: Page; guards: PageGuards }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [...baseChromiumArgs, '--enable-blink-features=WebBluetooth'],
  });
  const guards: PageGuards = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };
  const origin = new URL(probe.url).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) guards.foreignRequests.push(url);
  });
  await context.exposeBinding('__quadcueReportCsp', (_source, text: string) => guards.cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __quadcueReportCsp(text: string): void }).__quadcueReportCsp(`${event.violatedDirective} blocked ${event.blockedURI}`),
    );
  });
  const page = context.pages()[0] ?? (await context.newPage());
  attachPageGuards(page, guards);
  await page.goto(probe.url);
  await page.getByText('ready').waitFor();
  return { context, page, guards };
}

/**
 * The stored stream against what the sensor sent: chunks in order with no seq missing or repeated,
 * each starting where the last ended (plus its gap), and every sample up to the last saved chunk
 * equal to the Float32 of what was sent (architecture.md: Float32 after the arithmetic). Returns
 * the stream index just after the last saved sample.
 */
function expectSentUpToLastChunk(stored: StoredSession, withheld: number[]): number {
  const { chunks } = stored;
  expect(chunks.length).toBeGreaterThan(0);
  chunks.forEach((chunk, i) => {
    expect(chunk.seq).toBe(i);
    expect(chunk.sampleCount).toBeLessThanOrEqual(1000); // ≤ 1 s at 1000 Hz
    const previous = chunks[i - 1];
    expect(chunk.startIndex).toBe(previous ? previous.startIndex + previous.sampleCount + chunk.gapBefore : chunk.gapBefore);
  });
  const last = chunks.at(-1)!;
  const endIndex = last.startIndex + last.sampleCount;
  const sent = sentSamples(demoFrames(SECONDS).frames, new Set(withheld), CHANNELS);
  expect(sent[0]!.length).toBeGreaterThanOrEqual(endIndex);
  expect(stored.firstIndex).toBe(0);
  for (let c = 0; c < CHANNELS; c++) {
    expect(stored.raw[c]).toHaveLength(endIndex);
    const want = sent[c]!.slice(0, endIndex).map((v) => Math.fround(v));
    expect(want.filter((v, i) => !Object.is(v, stored.raw[c]![i])).length).toBe(0);
  }
  expect(stored.levelNaNMatchesRaw).toBe(true);
  return endIndex;
}

it('recovers a session after a crash, equal to what the sensor sent up to the last saved chunk, none duplicated', { timeout: 120_000 }, async () => {
  // First launch: record, and crash the page as soon as 55 one-second chunks are on disk.
  const first = await launch();
  const framesSent = await first.page.evaluate(
    ([seconds, withheld]) => (window as unknown as { recordDemo(id: string, s: number, w: number[]): Promise<number> }).recordDemo('crash-test', seconds, withheld),
    [SECONDS, WITHHELD] as [number, number[]],
  );
  await first.page.waitForFunction(() => (window as unknown as { recordingProgress: { saved: number } }).recordingProgress.saved >= 55, undefined, { polling: 10 });
  expect(await first.page.evaluate(() => (window as unknown as { recordingProgress: { stopped: unknown[] } }).recordingProgress.stopped)).toEqual([]);
  // The guards cover the page up to the crash; the crash itself is the test's doing.
  expect(first.guards).toEqual(cleanGuards);
  const cdp = await first.context.newCDPSession(first.page);
  const crashed = first.page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => undefined); // never answers: the renderer is gone
  await crashed;
  await first.context.close();

  // Relaunch on the same profile: the session is found interrupted and recovered.
  const second = await launch();
  const result = await second.page.evaluate(() => (window as unknown as { recoverAndRead(): Promise<RecoveryResult> }).recoverAndRead());
  expect(second.guards).toEqual(cleanGuards);
  await second.context.close();

  expect(result.interrupted.map((s) => [s.id, s.status])).toEqual([['crash-test', 'interrupted']]);
  expect(result.recovered).toEqual({ status: 'complete', stoppedBy: 'recovered', simulated: true });
  expect(result.chunks.length).toBeGreaterThanOrEqual(55);
  const endIndex = expectSentUpToLastChunk(result, WITHHELD);
  expect(result.interrupted[0]!.extents).toEqual([
    expect.objectContaining({ sensorId: 'demo', chunks: result.chunks.length, firstIndex: 0, endIndex }),
  ]);
  expect(framesSent).toBeGreaterThan(WITHHELD[0]!);
  // The withheld frame's samples are NaN in the recovered session, and nothing else is.
  const holes = result.raw[0]!.filter(Number.isNaN).length;
  expect(holes).toBe(sentSamples(demoFrames(SECONDS).frames, new Set(WITHHELD), CHANNELS)[0]!.slice(0, endIndex).filter(Number.isNaN).length);
  expect(holes).toBeGreaterThan(0);
});

it('stops cleanly with a message when storage is full, keeping every chunk written before', async () => {
  const { context, page, guards } = await launch(quotaProfileDir);
  // Storage pressure as in web-bluetooth.md: DevTools sets this empty origin's quota to about 25
  // chunks (2 channels × 1000 sets × raw + level × 4 bytes = 16 kB each), well short of 60 s.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(probe.url).origin, quotaSize: QUOTA_BYTES });
  await page.evaluate(
    ([seconds]) => (window as unknown as { recordDemo(id: string, s: number, w: number[]): Promise<number> }).recordDemo('quota-test', seconds, []),
    [SECONDS] as [number],
  );
  await page.waitForFunction(() => (window as unknown as { recordingProgress: { stopped: unknown[] } }).recordingProgress.stopped.length > 0);
  const stopped = await page.evaluate(() => (window as unknown as { recordingProgress: { stopped: unknown[] } }).recordingProgress.stopped);
  expect(stopped).toEqual([
    {
      type: 'recording-stopped',
      sessionId: 'quota-test',
      sensorId: 'demo',
      reason: 'storage-full',
      detail: expect.stringMatching(/^Storage is full: recording stopped\. Everything recorded up to now is kept/),
    },
  ]);
  const stored = await page.evaluate(() => (window as unknown as { readSession(id: string): Promise<StoredSession> }).readSession('quota-test'));
  expect(guards).toEqual(cleanGuards);
  await context.close();
  expect(stored.chunks.length).toBeGreaterThan(5);
  expect(stored.chunks.length).toBeLessThan(SECONDS);
  expectSentUpToLastChunk(stored, []);
  // Chromium refuses every write once the origin is at its quota — the recorder's small final
  // update of the session too — so the session is left 'recording'. The next start offers it
  // for recovery, intact.
  expect(stored.status).toBe('recording');

  const next = await launch(quotaProfileDir);
  const result = await next.page.evaluate(() => (window as unknown as { recoverAndRead(): Promise<RecoveryResult> }).recoverAndRead());
  expect(next.guards).toEqual(cleanGuards);
  await next.context.close();
  expect(result.interrupted.map((s) => s.id)).toEqual(['quota-test']);
  expect(result.recovered).toMatchObject({ status: 'complete', stoppedBy: 'recovered' });
  expect(result.chunks).toEqual(stored.chunks);
  expectSentUpToLastChunk(result, []);
});
