import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';

// Screenshots go to a git-ignored folder for people to look at; tests do not diff pixels.
const folder = new URL('../screenshots/', import.meta.url);

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, folder).pathname, fullPage: true });
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
