import { afterEach, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { BluetoothEmulator } from './bluetooth-emulation';
import { cleanGuards, openGuardedPage, type GuardedPage } from './guarded-page';
import { useChromium } from './shared-browser';

/** A guarded page whose browser has DevTools Bluetooth emulation attached for it. */
export interface EmulatedPage extends GuardedPage {
  readonly bt: BluetoothEmulator;
}

export interface EmulatedBrowserOptions {
  /** A file's own end-of-test check, run first while the page is still open. */
  readonly checkAfterEach?: (open: EmulatedPage) => Promise<void>;
}

/**
 * browserSuite() (browser-suite.ts) with Bluetooth emulation: one Chromium for the file, and per
 * test at most one guarded page with an emulator attached before it navigates. When the test ends
 * the emulator must have recorded no errors and the page's guards must be clean; whatever those
 * checks say, the emulator is detached (the emulation is browser-wide: the next test's attach
 * needs it released) and the context closed — in one hook, as a failing hook skips the ones after
 * it. Call once at the top of a test file.
 */
export function useEmulatedBrowser(options: EmulatedBrowserOptions = {}) {
  const chromium = useChromium();
  let current: EmulatedPage | undefined;
  afterEach(async () => {
    const open = current;
    current = undefined;
    if (!open) return;
    try {
      await options.checkAfterEach?.(open);
      expect(open.bt.errors).toEqual([]);
      expect(open.guards).toEqual(cleanGuards);
    } finally {
      await open.bt.detach();
      await open.context.close();
    }
  });
  return {
    get browser(): Browser {
      return chromium.browser;
    },
    /** A guarded page in a fresh context with emulation attached (call before navigating it); checked and closed after the test. */
    async open(baseUrl: string, viewport?: { width: number; height: number }): Promise<EmulatedPage> {
      const guarded = await openGuardedPage(this.browser, baseUrl, viewport);
      try {
        current = { ...guarded, bt: await BluetoothEmulator.attach(this.browser, guarded.context, guarded.page) };
      } catch (error) {
        await guarded.context.close();
        throw error;
      }
      return current;
    },
  };
}
