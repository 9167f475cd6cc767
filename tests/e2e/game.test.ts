import { expect, inject, it } from 'vitest';
import { connect, exercisesText, kiteGame, linkStates, offline, screens } from '../../src/ui/strings';
import { seriousAxeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
// The demo sensor needs no Bluetooth: the plain suite, without emulation.
const suite = browserSuite();

const sizes = [
  ['phone', viewports.phone],
  ['tablet', { width: 1024, height: 768 }],
] as const;

it.each(sizes)('plays the kite game on the demo sensor, and shows live feedback (%s)', async (size, viewport) => {
  const { page } = await suite.open(baseUrl, viewport);
  // A calibration from an earlier session, so the game can use % of maximum: planted where earlier
  // versions kept it, which also exercises the one-time move into the database (src/state/legacy-move.ts).
  await page.addInitScript(() =>
    localStorage.setItem('quadcue.calibrations', JSON.stringify({
        'vmo.right': { mvc: 300, unit: 'uV', madeAt: '2026-11-20T09:00:00.000Z', trialMvcs: [290, 300, 295] },
        'vl.right': { mvc: 380, unit: 'uV', madeAt: '2026-11-20T09:00:00.000Z', trialMvcs: [370, 380, 372] },
      })),
  );
  await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
  await page.getByRole('button', { name: connect.useDemo }).click();
  await page.getByRole('article', { name: 'Quadcue demo sensor' }).getByRole('status').filter({ hasText: linkStates.streaming }).waitFor();

  await page.getByRole('link', { name: screens.live.nav }).click();
  await page.locator('.live-chart canvas').first().waitFor();
  // Both muscles calibrated: the live view reads in % of maximum, with the target band.
  await page.getByText(/^Target band \d+–\d+ % of maximum$/).waitFor();
  await page.waitForTimeout(2500); // real-time demo: let a few seconds of signal fill the chart
  await saveScreenshot(page, `live-${size}`);

  await page.getByRole('link', { name: screens.exercises.nav }).click();
  await page.getByRole('button', { name: exercisesText.start('Quad set') }).click();
  await page.getByRole('button', { name: exercisesText.playGame }).click();
  await page.getByRole('button', { name: kiteGame.start }).click();
  await page.locator('canvas.kite-canvas').first().waitFor();
  await page.waitForTimeout(2000);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, `game-${size}`);
});
