import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveProbe, type ServedBuild } from '../../scripts/serve-build';
import { cleanGuards, openGuardedPage } from './harness/guarded-page';
import { useChromium } from './harness/shared-browser';
import type { ProbeResult } from './worker-probe/probe';

// The probe page is built here, for this test only, with the app's headers: the real worker,
// bridge and transport feed, never a stand-in.
const chromium = useChromium();
let probe: ServedBuild;

beforeAll(async () => {
  probe = await serveProbe(new URL('./worker-probe/', import.meta.url));
});
afterAll(async () => {
  await probe.close();
});

it('moves samples from the transport feed through the worker into shared ring buffers, gaps marked', async () => {
  const { context, page, guards } = await openGuardedPage(chromium.browser, probe.url);
  await page.goto(probe.url);
  await page.getByText('ready').waitFor();
  // Frames 50–52 and 300 never arrive: two gaps, with NaN in the ring for exactly their samples.
  const result = await page.evaluate(
    ([withheld, seconds]) => (window as unknown as { runProbe(w: number[], s: number): Promise<ProbeResult> }).runProbe(withheld, seconds),
    [[50, 51, 52, 300], 20] as [number[], number],
  );
  expect(result.crossOriginIsolated).toBe(true);
  expect(result.sharedRings).toBe(true);
  expect(result.stats.framesReceived).toBe(result.framesSent - 4);
  expect(result.stats.framesLost).toBe(4);
  expect(result.stats.gaps).toBe(2);
  expect(result.ringWritten).toBe(result.expectedSets);
  expect(result.nanSets).toBe(result.expectedNanSets);
  expect(result.expectedNanSets).toBeGreaterThan(0);
  expect(result.mismatches).toBe(0);
  expect(result.envelopeFinite).toBe(true);
  expect(guards).toEqual(cleanGuards);
  await context.close();
});
