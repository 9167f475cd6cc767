// Initial JavaScript cost: load a page in Chromium until the network is idle, then gzip -9
// every script the page itself fetched (dedicated workers and the service worker excluded:
// they load off the critical path). Printed beside a bare Preact "hello" page built with the
// same settings, as the peer.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import preact from '@preact/preset-vite';
import { buildAndServe, type ServedBuild } from './serve-build.ts';
import { launchChromium } from './chromium.ts';

export async function initialJsGzipBytes(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const workerUrls = new Set<string>();
  page.on('worker', (worker) => workerUrls.add(worker.url()));
  const scripts = new Map<string, Buffer>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(response.url(), await response.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  let total = 0;
  for (const [scriptUrl, body] of scripts) {
    if (!workerUrls.has(scriptUrl)) total += gzipSync(body, { level: 9 }).length;
  }
  await context.close();
  return total;
}

export function servePeer(): Promise<ServedBuild> {
  const root = fileURLToPath(new URL('../tests/e2e/size-peer/', import.meta.url));
  return buildAndServe({
    configFile: false,
    root,
    plugins: [preact({ devToolsEnabled: false })],
    build: { target: 'es2022' },
  });
}

/** Both figures, app first; `appUrl` is a served production build of the app. */
export async function measureSizes(browser: Browser, appUrl: string) {
  const peer = await servePeer();
  try {
    return {
      appBytes: await initialJsGzipBytes(browser, appUrl),
      peerBytes: await initialJsGzipBytes(browser, peer.url),
    };
  } finally {
    await peer.close();
  }
}

export function formatSizes({ appBytes, peerBytes }: { appBytes: number; peerBytes: number }): string {
  return [`initial-js-gzip-bytes ${appBytes}`, `initial-js-gzip-bytes-peer-preact-hello ${peerBytes}`].join('\n');
}

// `npm run size`: build, serve and measure on its own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = await buildAndServe();
  const browser = await launchChromium();
  try {
    console.log(formatSizes(await measureSizes(browser, app.url)));
  } finally {
    await browser.close();
    await app.close();
  }
}
