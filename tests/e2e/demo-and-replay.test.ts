import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './harness/browser-suite';
import { gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';
import { connect, linkStates, offline, sensorCard } from '../../src/ui/strings';
import { parseCapture } from '../../src/store/capture/capture-format';
import { DATA_CHAR_UUID, decodeDataFrame } from '../../firmware-protocol/src/index';

const baseUrl = inject('baseUrl');
const suite = browserSuite();

async function counter(page: Page, card: string, label: string): Promise<number> {
  const text = await page.getByRole('article', { name: card }).locator(`[data-counter="${label}"]`).textContent();
  return Number(text);
}

describe('demo sensor and capture replay', () => {
  it('streams the demo sensor, records a capture, and replays it to the same samples', async () => {
    const open = await suite.open(baseUrl, viewports.phone);
    const page = open.page;
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
    await page.getByLabel(connect.scenarioLabel).selectOption('stepDown');
    await page.getByRole('button', { name: connect.useDemo }).click();
    const demo = page.getByRole('article', { name: 'Quadcue demo sensor' });
    await demo.getByRole('status').filter({ hasText: linkStates.streaming }).waitFor();
    await expect(demo.getByText(sensorCard.simulated, { exact: true }).isVisible()).resolves.toBe(true);

    await demo.getByRole('button', { name: sensorCard.recordCapture }).click();
    // The demo runs in real time (it is what a person sees); a short stretch is enough here.
    await page.waitForFunction(() => document.querySelector('[data-counter="Packets received"]')?.textContent !== '0');
    await page.waitForTimeout(1500);
    const [download] = await Promise.all([page.waitForEvent('download'), demo.getByRole('button', { name: sensorCard.saveCapture }).click()]);
    const captureText = await readFile((await download.path())!, 'utf8');
    await demo.locator('summary').click();
    await saveScreenshot(page, 'connect-demo-phone');
    await demo.getByRole('button', { name: sensorCard.disconnect }).click();
    await demo.waitFor({ state: 'detached' });

    const parsed = parseCapture(captureText);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const frames = parsed.capture.events.flatMap((e) => (e.op === 'notify' && e.characteristic === DATA_CHAR_UUID ? [e.bytes] : []));
    expect(frames.length).toBeGreaterThan(20);
    const samplesPerChannel = frames.reduce((sum, bytes) => {
      const frame = decodeDataFrame(bytes);
      return sum + (frame.ok ? frame.value.samplesPerChannel : 0);
    }, 0);

    await page.getByLabel(connect.replaySpeedLabel).selectOption('fast');
    await page.getByLabel(connect.replay).setInputFiles({ name: 'demo-capture.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(captureText) });
    const replay = page.getByRole('article', { name: 'Quadcue demo sensor' });
    await replay.getByText(sensorCard.replayed, { exact: true }).waitFor();
    await replay.locator('summary').click();
    await page.waitForFunction(
      (expected) => document.querySelector('[data-counter="Packets received"]')?.textContent === String(expected),
      frames.length,
    );
    expect(await counter(page, 'Quadcue demo sensor', sensorCard.framesLost)).toBe(0);
    expect(await counter(page, 'Quadcue demo sensor', sensorCard.framesRejected)).toBe(0);
    // Every sample of the recording went through the app's decoder exactly once.
    expect(samplesPerChannel).toBeGreaterThan(1000);
    expect(await counter(page, 'Quadcue demo sensor', sensorCard.samplesReceived)).toBe(samplesPerChannel);
  });

  it('explains a damaged recording in plain words and keeps working', async () => {
    const open = await suite.open(baseUrl, viewports.desktop);
    const page = open.page;
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
    await page.getByLabel(connect.replay).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('shopping list\n') });
    await page.getByRole('alert').filter({ hasText: 'not a Quadcue recording' }).waitFor();
    await page.getByRole('button', { name: connect.useDemo }).click();
    await page.getByRole('article', { name: 'Quadcue demo sensor' }).getByRole('status').filter({ hasText: linkStates.streaming }).waitFor();
    await saveScreenshot(page, 'connect-demo-desktop');
  });
});
