import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium';
import { cleanGuards, openGuardedPage, type GuardedPage } from './guarded-page';

/**
 * The shape every browser test file shares: one Chromium for the file, and per test at most one
 * guarded page whose guards (console errors, CSP violations, foreign requests) must be clean when
 * the test ends, after which its context is closed. Call once at the top of a test file.
 */
export function browserSuite() {
  let browser: Browser | undefined;
  let current: GuardedPage | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const page = current;
    current = undefined;
    if (!page) return;
    expect(page.guards).toEqual(cleanGuards);
    await page.context.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('browserSuite: the browser starts in beforeAll');
      return browser;
    },
    /** A guarded page in a fresh context, checked and closed after the test. */
    async open(baseUrl: string, viewport?: { width: number; height: number }): Promise<GuardedPage> {
      current = await openGuardedPage(this.browser, baseUrl, viewport);
      return current;
    },
  };
}
