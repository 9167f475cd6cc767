import { afterEach, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { cleanGuards, openGuardedPage, type GuardedPage } from './guarded-page';
import { useChromium } from './shared-browser';

/**
 * The shape every browser test file shares: one Chromium for the file, and per test at most one
 * guarded page whose guards (console errors, CSP violations, foreign requests) must be clean when
 * the test ends, after which its context is closed. Call once at the top of a test file.
 */
export function browserSuite() {
  const chromium = useChromium();
  let current: GuardedPage | undefined;
  afterEach(async () => {
    const page = current;
    current = undefined;
    if (!page) return;
    expect(page.guards).toEqual(cleanGuards);
    await page.context.close();
  });
  return {
    get browser(): Browser {
      return chromium.browser;
    },
    /** A guarded page in a fresh context, checked and closed after the test. */
    async open(baseUrl: string, viewport?: { width: number; height: number }): Promise<GuardedPage> {
      current = await openGuardedPage(this.browser, baseUrl, viewport);
      return current;
    },
  };
}
