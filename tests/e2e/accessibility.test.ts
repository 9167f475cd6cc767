import { expect, inject, it } from 'vitest';
import { useChromium } from './harness/shared-browser';
import { screenIds } from '../../src/state/route-model';
import { connect, linkStates, offline, screens } from '../../src/ui/strings';
import { seriousAxeViolations } from './harness/axe';
import { cleanGuards, gotoReady, openGuardedPage } from './harness/guarded-page';
import { viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
const chromium = useChromium();

it('has no serious or critical axe-core violations on any screen, in light and dark, with a sensor streaming', async () => {
  const { context, page, guards } = await openGuardedPage(chromium.browser, baseUrl, viewports.phone);
  await gotoReady(page, baseUrl, offline.ready, offline.dismiss);
  const report: Record<string, unknown> = {};
  const check = async (label: string) => {
    const violations = await seriousAxeViolations(page);
    if (violations.length > 0) report[label] = violations;
  };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const id of screenIds) {
      await page.goto(`${baseUrl}#/${id}`);
      await page.getByRole('heading', { level: 1, name: screens[id].title }).waitFor();
      await check(`${id} ${scheme} (no sensor)`);
    }
  }
  await page.goto(`${baseUrl}#/connect`);
  await page.getByRole('button', { name: connect.useDemo }).click();
  await page.getByRole('article', { name: 'Quadcue demo sensor' }).getByRole('status').filter({ hasText: linkStates.streaming }).waitFor();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await check(`connect ${scheme} (demo streaming)`);
    await page.getByRole('link', { name: screens.live.nav }).click();
    await page.locator('.live-chart canvas').first().waitFor();
    await check(`live ${scheme} (demo streaming)`);
    await page.getByRole('link', { name: screens.connect.nav }).click();
  }
  expect(report).toEqual({});
  expect(guards).toEqual(cleanGuards);
  await context.close();
});
