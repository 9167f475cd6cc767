import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionRecord } from '../../src/store/db/schema';
import { seriousAxeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { gotoReady } from './harness/guarded-page';
import { activate } from './harness/keyboard';
import { saveScreenshot, viewports } from './harness/screenshots';
import { historyText, homeText, offline, programText, screenLoad, screens } from '../../src/ui/strings';

const baseUrl = inject('baseUrl');
const suite = browserSuite();
const tablet = { width: 820, height: 1180 };

/**
 * Writes a finished quad-set session started "now" (the browser's clock) into the app's own
 * database, as the recorder would leave it: simulated ones come from the demo sensor. No patient
 * is active in these tests, so the device's own sessions have none.
 */
async function seedSession(page: Page, id: string, simulated: boolean, patientId: string | null = null): Promise<void> {
  const session: Omit<SessionRecord, 'startedAt'> = {
    id,
    patientId,
    side: 'involved',
    simulated,
    exerciseId: 'quad-set',
    status: 'complete',
    stoppedBy: 'user',
    streams: [{ sensorId: 'emg-1', profileId: 'quadcue', channels: [{ label: 'VMO', kind: 'emg', unit: 'uV', nominalRateHz: 1000 }], rateHz: 1000, firstIndex: 0 }],
    summary: {
      exercises: [
        {
          libraryId: 'quad-set',
          target: { unit: '%MVC', low: 55, high: 65 },
          sets: [],
          repsAchieved: 8,
          repsTotal: 10,
          meanTrendPerRep: null,
          peakTrendPerRep: null,
          vmoToVlMean: null,
          vmoMinusVlOnsetMeanMs: null,
        },
      ],
      pain: 2,
      effort: 5,
      wentWell: { id: 'some-holds', achieved: 8, total: 10 },
    },
  };
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('quadcue');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').put({ ...record, startedAt: new Date().toISOString() });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    session,
  );
}

/** Leaves the home and comes back, as a patient does after a session: the home reads again. */
async function revisitHome(page: Page): Promise<void> {
  await page.getByRole('link', { name: screens.history.nav }).click();
  await page.getByRole('heading', { level: 1, name: screens.history.title }).waitFor();
  await page.getByRole('link', { name: screens.home.nav }).click();
  await page.getByRole('heading', { level: 1, name: screens.home.title }).waitFor();
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('patient home', () => {
  it('opens on what is due today, counts real sessions only, and shows them in History', async () => {
    const { page } = await suite.open(baseUrl, viewports.phone);
    await gotoReady(page, baseUrl, offline.ready, offline.dismiss);

    // A fresh device opens on the home and points to the therapist.
    await page.getByRole('heading', { level: 1, name: screens.home.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: homeText.noProgramHeading }).waitFor();
    expect(await page.getByRole('link', { name: screens.home.nav }).getAttribute('aria-current')).toBe('page');
    await saveScreenshot(page, 'home-no-program-phone');
    await expectAccessible(page);

    // A program through the app: the quad set, twice a day (every day of the week by default).
    await page.getByRole('link', { name: screens.exercises.nav }).click();
    await page.getByRole('button', { name: programText.addToProgram('Quad set') }).click();
    await page.getByText(programText.share, { exact: true }).first().click();
    const perDay = page.getByLabel(programText.sessionsPerDay);
    await perDay.fill('2');
    await perDay.press('Tab');
    await page.getByText(programText.schedule(7, 2)).waitFor();

    await page.getByRole('link', { name: screens.home.nav }).click();
    await page.getByRole('heading', { level: 2, name: homeText.due(2) }).waitFor();
    await page.getByText(homeText.weekProgress(0, 7)).waitFor();
    await page.getByText(homeText.lastNone).waitFor();
    await saveScreenshot(page, 'home-due-phone');
    await expectAccessible(page);

    // A demo session does not count, nor does another patient's; a session of the patient's does.
    await seedSession(page, 'demo-1', true);
    await seedSession(page, 'other-patient-1', false, 'someone-else');
    await revisitHome(page);
    await page.getByRole('heading', { level: 2, name: homeText.due(2) }).waitFor();
    await page.getByText(homeText.lastNone).waitFor();
    await seedSession(page, 'real-1', false);
    await revisitHome(page);
    await page.getByRole('heading', { level: 2, name: homeText.due(1) }).waitFor();
    await page.getByText(homeText.doneSoFar(1, 2)).waitFor();
    await page.getByText(homeText.weekProgress(1, 7)).waitFor();
    await page.getByText(homeText.lastLine('Quad set', homeText.today)).waitFor();
    await page.getByText(homeText.lastHolds(8, 10)).waitFor();
    await saveScreenshot(page, 'home-progress-phone');
    await expectAccessible(page);

    // History: the two saved sessions (not the other patient's), and today's remaining one marked, not openable.
    await page.getByRole('link', { name: screens.history.nav }).click();
    const dueToday = page.locator('.history-slot').filter({ hasText: historyText.dueToday });
    await dueToday.waitFor();
    await expect(dueToday.getByText(historyText.scheduledSessions(1)).isVisible()).resolves.toBe(true);
    expect(await dueToday.getByRole('button').count()).toBe(0);
    await expect.poll(() => page.locator('.history-card').count()).toBe(2);
    await saveScreenshot(page, 'home-history-scheduled-phone');
    await expectAccessible(page);

    // The second session of the day: all done.
    await seedSession(page, 'real-2', false);
    await page.getByRole('link', { name: screens.home.nav }).click();
    await page.getByRole('heading', { level: 2, name: homeText.doneToday }).waitFor();
    await saveScreenshot(page, 'home-done-phone');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'home-done-phone-dark');
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('link', { name: screens.history.nav }).click();
    // The list read again (three sessions now), and nothing is due today any more.
    await expect.poll(() => page.locator('.history-card').count()).toBe(3);
    expect(await page.locator('.history-slot').filter({ hasText: historyText.dueToday }).count()).toBe(0);

    // The big start button is a large target, reached by keyboard, and opens the exercises.
    await page.getByRole('link', { name: screens.home.nav }).click();
    const start = page.getByRole('link', { name: homeText.start });
    const box = await start.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    await page.setViewportSize(tablet);
    await saveScreenshot(page, 'home-done-tablet');
    await page.setViewportSize(viewports.desktop);
    await saveScreenshot(page, 'home-done-desktop');
    await expectAccessible(page);
    await activate(page, start);
    await page.getByRole('heading', { level: 1, name: screens.exercises.title }).waitFor();
  });

  it('says so when a screen’s code cannot be fetched, and opens it on "Try again"', async () => {
    const { page, guards } = await suite.open(baseUrl, viewports.phone);
    // The home's chunk cannot be fetched, as offline before the service worker had saved it.
    const homeChunk = '**/assets/HomeScreen-*.js';
    await page.route(homeChunk, (route) => route.abort('internetdisconnected'));
    await gotoReady(page, baseUrl, offline.ready, offline.dismiss);
    const failed = page.getByRole('alert').filter({ has: page.getByRole('heading', { level: 2, name: screenLoad.failedHeading }) });
    await failed.waitFor();
    await saveScreenshot(page, 'screen-load-failed-phone');
    await expectAccessible(page);
    await page.setViewportSize(viewports.desktop);
    await saveScreenshot(page, 'screen-load-failed-desktop');

    await page.unroute(homeChunk);
    await failed.getByRole('button', { name: screenLoad.retry }).click();
    await page.getByRole('heading', { level: 2, name: homeText.noProgramHeading }).waitFor();
    expect(await failed.count()).toBe(0);
    // The aborted fetches are the only errors the browser logged; the guards check the rest.
    expect(guards.consoleErrors.length).toBeGreaterThan(0);
    expect(guards.consoleErrors.filter((text) => !text.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    guards.consoleErrors.length = 0;
  });
});
