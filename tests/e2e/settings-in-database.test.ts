import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exerciseText } from '../../src/exercise/library-text';
import { calibrationsText, backupText, modeText, offline, patientsText, pinText, programText, screens, sensorCard, settingsText } from '../../src/ui/strings';
import { seriousAxeViolations } from './harness/axe';
import { browserSuite } from './harness/browser-suite';
import { cleanGuards, gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
const suite = browserSuite();
const quadSet = exerciseText['quad-set'].name;

/** A calibration as a release before the database kept it in localStorage (moved on next start). */
const oldCalibrations = JSON.stringify({ 'vmo.right': { mvc: 220, unit: 'uV', madeAt: '2026-11-10T09:00:00.000Z', trialMvcs: [210, 220, 205] } });

async function openTherapist(page: Page, pin: string, first: boolean): Promise<void> {
  await page.getByRole('button', { name: modeText.enterTherapistLabel }).click();
  if (first) {
    const dialog = page.getByRole('dialog', { name: pinText.setTitle });
    await dialog.getByLabel(pinText.newPin).fill(pin);
    await dialog.getByLabel(pinText.repeatPin).fill(pin);
    await dialog.getByRole('button', { name: pinText.setSubmit }).click();
  } else {
    const dialog = page.getByRole('dialog', { name: pinText.enterTitle });
    await dialog.getByLabel(pinText.pin).fill(pin);
    await dialog.getByRole('button', { name: pinText.enterSubmit }).click();
  }
  await page.getByText(modeText.therapistMode, { exact: true }).waitFor();
}

const calibrationRows = (page: Page) => page.getByRole('region', { name: 'AB-01' }).locator('tbody tr').allTextContents();

/** What the calibrations, settings and program screens show after a start. */
async function expectKept(page: Page): Promise<void> {
  const date = await page.evaluate(() => new Date('2026-11-10T09:00:00.000Z').toLocaleDateString());
  await expect.poll(() => calibrationRows(page)).toEqual([`${sensorCard.muscles.vmo}${sensorCard.sides.right}${calibrationsText.mvcValue(220, 'uV')}${date}`]);
  await expect.poll(() => page.getByLabel(settingsText.mainsLabel).inputValue()).toBe('50');
  await expect.poll(() => page.getByLabel(settingsText.leverArm).inputValue()).toBe('0.35');
  await page.getByRole('link', { name: screens.exercises.nav }).click();
  await page.getByRole('button', { name: programText.remove(quadSet) }).waitFor();
  await page.getByRole('link', { name: screens.settings.nav }).click();
}

describe('settings, program and calibrations in the database', () => {
  it('keeps them across a reload, moves old localStorage values in, and restores them from a backup on a fresh profile', async () => {
    const first = await suite.open(baseUrl, viewports.phone);
    const page = first.page;
    await gotoReady(page, `${baseUrl}#/settings`, offline.ready, offline.dismiss);
    await openTherapist(page, '1357', true);
    await page.getByRole('button', { name: patientsText.add }).click();
    const form = page.getByRole('form', { name: patientsText.newHeading });
    await form.getByLabel(patientsText.name).fill('AB-01');
    await form.getByRole('button', { name: patientsText.save }).click();
    await page.getByText(patientsText.active, { exact: true }).waitFor();

    await page.getByLabel(settingsText.mainsLabel).selectOption('50');
    await page.getByLabel(settingsText.leverArm).fill('0.35');
    await page.getByLabel(settingsText.leverArm).blur();
    await page.getByRole('link', { name: screens.exercises.nav }).click();
    await page.getByRole('button', { name: programText.addToProgram(quadSet) }).click();
    await page.getByRole('button', { name: programText.remove(quadSet) }).waitFor();
    // A calibration an older release left in localStorage: the next start moves it in.
    await page.evaluate((value) => localStorage.setItem('quadcue.calibrations', value), oldCalibrations);

    await page.reload();
    await page.getByRole('link', { name: screens.settings.nav }).click();
    await openTherapist(page, '1357', false);
    await expectKept(page);
    expect(await page.evaluate(() => localStorage.getItem('quadcue.calibrations'))).toBeNull();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Full-page shots from the top: a scrolled page would draw the sticky header mid-page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'settings-calibrations-phone');
    await page.setViewportSize(viewports.desktop);
    await saveScreenshot(page, 'settings-calibrations-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: backupText.download }).click()]);
    const backup = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(backup)).toMatchObject({ stores: { settings: expect.arrayContaining([{ key: 'mains-hz', value: 50 }]) } });

    // The suite checks only the last page it opened: this one's guards are checked here.
    expect(first.guards).toEqual(cleanGuards);
    await first.context.close();

    // Another device: a fresh profile, its own PIN, then the backup.
    const second = await suite.open(baseUrl, viewports.phone);
    await gotoReady(second.page, `${baseUrl}#/settings`, offline.ready, offline.dismiss);
    await openTherapist(second.page, '2468', true);
    await expect.poll(() => second.page.getByLabel(settingsText.leverArm).inputValue()).toBe('');
    await second.page.getByLabel(backupText.restoreLabel).setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await second.page.getByRole('group', { name: backupText.restoreTitle }).getByRole('button', { name: backupText.restoreConfirm }).click();
    await second.page.getByRole('status').filter({ hasText: backupText.restored(1) }).waitFor();
    // The active patient belongs to a device: the therapist chooses it here.
    await second.page.getByRole('button', { name: patientsText.makeActive }).click();
    await expectKept(second.page);
  });

  it('works for the visit with values in memory when the database cannot open (blocked site data)', async () => {
    const { page } = await suite.open(baseUrl, viewports.phone);
    // What a browser with site data blocked does: opening any database throws.
    await page.addInitScript(() => {
      Object.defineProperty(IDBFactory.prototype, 'open', {
        value: () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
    });
    await gotoReady(page, `${baseUrl}#/settings`, offline.ready, offline.dismiss);
    await page.getByLabel(settingsText.mainsLabel).selectOption('50');
    await page.getByRole('link', { name: screens.exercises.nav }).click();
    await page.getByRole('button', { name: programText.addToProgram(quadSet) }).click();
    await page.getByRole('button', { name: programText.remove(quadSet) }).waitFor();
    await page.getByRole('link', { name: screens.settings.nav }).click();
    await expect.poll(() => page.getByLabel(settingsText.mainsLabel).inputValue()).toBe('50');
    // The suite then checks no console error, page error or CSP violation happened.
  });
});
