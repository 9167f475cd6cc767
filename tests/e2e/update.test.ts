import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { useChromium } from './harness/shared-browser';
import { cleanGuards, openGuardedPage } from './harness/guarded-page';
import { offline, screens } from '../../src/ui/strings';

const baseUrl = inject('baseUrl');
const swPath = join(inject('servedDir'), 'sw.js');
const chromium = useChromium();

it('offers "Update available — reload" when a new version is deployed, and reloads into it', async () => {
  const { context, page, guards } = await openGuardedPage(chromium.browser, baseUrl);
  const originalSw = await readFile(swPath, 'utf8');
  try {
    await page.goto(baseUrl);
    await page.getByText(offline.ready).waitFor();
    // A returning user: the page is now controlled by the installed version.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The "deploy": any byte change to sw.js is a new service-worker version to the browser.
    await appendFile(swPath, '\n// next release\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const reload = page.getByRole('button', { name: offline.updateAvailable });
    await reload.waitFor();
    // Until the user agrees, the old version keeps control: a session in progress is not cut.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');

    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.getByRole('heading', { level: 1, name: screens.home.title }).waitFor();
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { controlled: navigator.serviceWorker.controller !== null, waiting: registration?.waiting ?? null };
    });
    expect(state).toEqual({ controlled: true, waiting: null });
    expect(await page.getByRole('button', { name: offline.updateAvailable }).count()).toBe(0);
    expect(guards).toEqual(cleanGuards);
  } finally {
    await writeFile(swPath, originalSw);
    await context.close();
  }
});
