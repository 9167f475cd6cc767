import { afterEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium';
import { useChromium } from './harness/shared-browser';
import { cleanGuards, openGuardedPage, type GuardedPage } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';
import { about, bluetoothMissing, connect, linkStates, offline, screens } from '../../src/ui/strings';
import { screenIds } from '../../src/state/route-model';

const baseUrl = inject('baseUrl');
const chromium = useChromium();
let open: GuardedPage | undefined;
afterEach(async () => {
  if (!open) return;
  expect(open.guards).toEqual(cleanGuards);
  await open.context.close();
  open = undefined;
});

async function openApp(viewport: { width: number; height: number } = viewports.phone) {
  open = await openGuardedPage(chromium.browser, baseUrl, viewport);
  return open.page;
}

describe('app shell', () => {
  it('is served with COOP, COEP and a strict CSP, and is cross-origin isolated', async () => {
    const page = await openApp();
    const response = await page.goto(baseUrl);
    const headers = response?.headers() ?? {};
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(await page.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(true);
    await page.getByRole('heading', { level: 1, name: screens.home.title }).waitFor();
  });

  it('installs its service worker, says it is ready offline, and works with the network cut', async () => {
    const page = await openApp();
    await page.goto(baseUrl);
    await page.getByText(offline.ready).waitFor();
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await open!.context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: screens.about.nav }).click();
    await page.getByRole('heading', { level: 1, name: screens.about.title }).waitFor();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await open!.context.setOffline(false);
  });

  it('links a valid web manifest whose icons load at their declared sizes', async () => {
    const page = await openApp();
    await page.goto(baseUrl);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBeTruthy();
    const manifestUrl = new URL(manifestHref!, baseUrl).href;
    const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), manifestUrl);
    expect(manifest).toMatchObject({ name: 'Quadcue', display: 'standalone', start_url: expect.any(String) });
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.description).toBeTruthy();
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    const icons = manifest.icons as { src: string; sizes: string; purpose?: string }[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual(
      ['192x192 any', '512x512 any', '512x512 maskable'].sort(),
    );
    for (const icon of icons) {
      const url = new URL(icon.src, manifestUrl).href;
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${bitmap.width}x${bitmap.height}`;
      }, url);
      expect(size).toBe(icon.sizes);
    }
  });

  it('reaches every screen with the keyboard alone', async () => {
    const page = await openApp(viewports.desktop);
    await page.goto(baseUrl);
    for (const id of screenIds) {
      const label = screens[id].nav;
      let focusedLabel = '';
      for (let presses = 0; presses < 30 && focusedLabel !== label; presses++) {
        await page.keyboard.press('Tab');
        focusedLabel = await page.evaluate(() => {
          const active = document.activeElement;
          return active?.classList.contains('nav-link') ? (active.textContent ?? '') : '';
        });
      }
      expect(focusedLabel).toBe(label);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: screens[id].title }).waitFor();
      expect(await page.getByRole('link', { name: label }).getAttribute('aria-current')).toBe('page');
    }
  });

  it('says it does not diagnose or treat, and that data stays on the device', async () => {
    const page = await openApp();
    await page.goto(`${baseUrl}#/about`);
    await page.getByText(about.medical).waitFor();
    await page.getByText(about.privacy).waitFor();
  });

  it('shows every screen at phone and desktop size, in light and dark', async () => {
    for (const [sizeName, viewport] of Object.entries(viewports)) {
      const page = await openApp(viewport);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const id of screenIds) {
          await page.goto(`${baseUrl}#/${id}`);
          await page.getByRole('heading', { level: 1, name: screens[id].title }).waitFor();
          // Nothing may scroll sideways at either size.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
          await saveScreenshot(page, `${id}-${sizeName}-${scheme}`);
        }
      }
      expect(open!.guards).toEqual(cleanGuards);
      await open!.context.close();
      open = undefined;
    }
  });
});

describe('a browser without Web Bluetooth', () => {
  it('explains which browsers work and keeps the rest of the app usable', async () => {
    const plainBrowser = await launchChromium({ webBluetooth: false });
    try {
      open = await openGuardedPage(plainBrowser, baseUrl);
      const page = open.page;
      await page.goto(`${baseUrl}#/connect`);
      await page.getByRole('heading', { name: bluetoothMissing.title }).waitFor();
      await saveScreenshot(page, 'no-bluetooth-phone');
      // The chooser cannot open here, but the demo sensor still streams.
      await expect(page.getByRole('button', { name: connect.connectSensor }).isDisabled()).resolves.toBe(true);
      await page.getByRole('button', { name: connect.useDemo }).click();
      await page.getByRole('article', { name: 'Quadcue demo sensor' }).getByRole('status').filter({ hasText: linkStates.streaming }).waitFor();
      await page.getByRole('link', { name: screens.history.nav }).click();
      await page.getByRole('heading', { level: 1, name: screens.history.title }).waitFor();
      expect(open.guards).toEqual(cleanGuards);
      await open.context.close();
      open = undefined;
    } finally {
      await plainBrowser.close();
    }
  });

  it('shows no such notice where Web Bluetooth exists', async () => {
    const page = await openApp();
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText(bluetoothMissing.title).count()).toBe(0);
  });
});
