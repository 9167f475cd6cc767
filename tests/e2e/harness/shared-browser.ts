import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/chromium';

/**
 * One Chromium for a whole test file: launched before its first test, closed after its last.
 * Call once at the top of the file; read `.browser` inside tests and hooks.
 */
export function useChromium(options: { webBluetooth?: boolean } = {}) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (!browser) throw new Error('useChromium: the browser starts in beforeAll');
      return browser;
    },
  };
}
