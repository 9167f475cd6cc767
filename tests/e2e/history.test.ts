import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';
import { connect, historyText, linkStates, offline, recordingText, screens } from '../../src/ui/strings';

const baseUrl = inject('baseUrl');
const suite = browserSuite();

/** 2 s of a VMO column at 1 kHz, as another tool would export it. */
function csvRecording(): string {
  const lines = ['time_s,VMO[uV]'];
  for (let i = 0; i < 2000; i++) lines.push(`${(i / 1000).toFixed(3)},${(30 * Math.sin(i * 0.9)).toFixed(2)}`);
  return `${lines.join('\n')}\n`;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('history', () => {
  it('records a demo session, replays and exports it, imports a CSV and deletes it', async () => {
    const open = await suite.open(baseUrl, viewports.phone);
    const page = open.page;
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
    await page.getByRole('button', { name: connect.useDemo }).click();
    await page.getByRole('article', { name: 'Quadcue demo sensor' }).getByRole('status').filter({ hasText: linkStates.streaming }).waitFor();

    await page.getByRole('link', { name: screens.live.nav }).click();
    await page.getByRole('button', { name: recordingText.start }).click();
    // The demo streams in real time; three seconds give three chunks of about one second.
    await page.waitForTimeout(3000);
    await page.getByRole('button', { name: recordingText.stop }).click();
    await page.getByText(recordingText.saved).first().waitFor();

    await page.getByRole('link', { name: screens.history.nav }).click();
    const cards = page.locator('.history-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(1);
    const recorded = cards.first();
    await expect(recorded.getByText(historyText.simulated, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(recorded.getByText(historyText.status.complete).isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'history-list-phone');
    await expectAccessible(page);

    await recorded.getByRole('button', { name: historyText.open }).click();
    await page.locator('.history-chart canvas').first().waitFor();
    await page.getByRole('button', { name: historyText.play }).click();
    await page.getByRole('button', { name: historyText.pause }).waitFor();
    await saveScreenshot(page, 'history-session-phone');
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: historyText.exportEdf }).click()]);
    expect(download.suggestedFilename()).toMatch(/^quadcue-\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d-simulated\.edf$/);
    const edf = await readFile((await download.path())!);
    expect(edf.subarray(0, 8).toString('latin1')).toBe('0       ');
    expect(edf.length).toBeGreaterThan(256);

    await page.getByRole('button', { name: historyText.back }).click();
    await page.getByLabel(historyText.importLabel).setInputFiles({ name: 'knee.csv', mimeType: 'text/csv', buffer: Buffer.from(csvRecording()) });
    await page.getByRole('status').filter({ hasText: historyText.imported('knee.csv') }).waitFor();
    await expect.poll(() => cards.count()).toBe(2);
    const imported = cards.filter({ hasNotText: historyText.simulated });
    await expect(imported.getByText(historyText.duration(2)).isVisible()).resolves.toBe(true);

    await imported.getByRole('button', { name: historyText.open }).click();
    await page.getByRole('button', { name: historyText.delete }).click();
    const confirm = page.getByRole('group', { name: historyText.deleteConfirmTitle });
    await confirm.waitFor();
    await saveScreenshot(page, 'history-delete-confirm-phone');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: historyText.deleteConfirm }).click();
    await page.getByRole('status').filter({ hasText: historyText.deleted }).waitFor();
    await expect.poll(() => cards.count()).toBe(1);
    await expect(cards.first().getByText(historyText.simulated, { exact: true }).isVisible()).resolves.toBe(true);
  });

  it('explains a damaged file and adds nothing', async () => {
    const open = await suite.open(baseUrl, viewports.phone);
    const page = open.page;
    await gotoReady(page, baseUrl, offline.ready, offline.dismiss);
    await page.getByRole('link', { name: screens.history.nav }).click();
    await page.getByRole('heading', { level: 1, name: screens.history.title }).waitFor();
    const before = await page.locator('.history-card').count();
    await page.getByLabel(historyText.importLabel).setInputFiles({ name: 'broken.edf', mimeType: 'application/octet-stream', buffer: Buffer.from('0       garbage') });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.edf could not be imported' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Nothing was added or changed.');
    expect(await page.locator('.history-card').count()).toBe(before);
    await saveScreenshot(page, 'history-import-error-phone');
    await expectAccessible(page);
  });
});
