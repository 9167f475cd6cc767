import type { Locator, Page } from 'playwright-core';

/**
 * Moves focus with the Tab key alone until `target` has it (proving it is reachable by keyboard),
 * then returns. Fails after `maxPresses`.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: target not found');
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    if (await handle.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))) return;
  }
  throw new Error(`tabTo: not reached with ${maxPresses} Tab presses`);
}

/** Tabs to `target` and presses `key` (Enter for links and buttons, Space for checkboxes and radios). */
export async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}
