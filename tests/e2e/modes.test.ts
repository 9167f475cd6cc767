import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveProbe, type ServedBuild } from '../../scripts/serve-build';
import { backupText, modeText, patientsText, pinText, storageText } from '../../src/ui/strings';
import { seriousAxeViolations } from './harness/axe';
import { cleanGuards, openGuardedPage } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';
import { useChromium } from './harness/shared-browser';

// The modes components on a probe page built for this test (tests/e2e/modes-probe), with the
// app's CSS and headers. The 5-minute idle lock is unit-tested in virtual time
// (src/state/mode-model.test.ts); no test here waits for it.
const chromium = useChromium();
let probe: ServedBuild;

beforeAll(async () => {
  probe = await serveProbe(new URL('./modes-probe/', import.meta.url), { preact: true });
});
afterAll(async () => {
  await probe.close();
});

async function setFirstPin(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: modeText.enterTherapistLabel }).click();
  const dialog = page.getByRole('dialog', { name: pinText.setTitle });
  await dialog.getByLabel(pinText.newPin).fill(pin);
  await dialog.getByLabel(pinText.repeatPin).fill(pin);
  await dialog.getByRole('button', { name: pinText.setSubmit }).click();
  await page.getByText(modeText.therapistMode, { exact: true }).waitFor();
}

async function addPatient(page: Page, name: string, side: 'left' | 'right', massKg: string): Promise<void> {
  await page.getByRole('button', { name: patientsText.add }).click();
  const form = page.getByRole('form', { name: patientsText.newHeading });
  await form.getByLabel(patientsText.name).fill(name);
  await form.getByLabel(patientsText.side).selectOption(side);
  await form.getByLabel(patientsText.bodyMass).fill(massKg);
  await form.getByRole('button', { name: patientsText.save }).click();
  await page.locator('.patient-name', { hasText: name }).waitFor();
}

const patientNames = (page: Page) => page.locator('.patient-name').allTextContents();

it('sets a PIN, keeps patients, resets a forgotten PIN without touching them, and restores a backup in a fresh profile', async () => {
  const report: Record<string, unknown> = {};
  const check = async (page: Page, label: string) => {
    const violations = await seriousAxeViolations(page);
    if (violations.length > 0) report[label] = violations;
  };

  const first = await openGuardedPage(chromium.browser, probe.url, viewports.phone);
  const { page } = first;
  await page.goto(probe.url);
  // Storage usage and quota come from navigator.storage.estimate().
  await expect.poll(() => page.getByTestId('storage-usage').textContent()).toMatch(/\d+(\.\d)? (kB|MB|GB)/);
  await page.getByText(storageText.notPersisted).or(page.getByText(storageText.persisted)).waitFor();
  await check(page, 'patient mode');

  // First use: the PIN is set, therapist mode opens.
  await page.getByRole('button', { name: modeText.enterTherapistLabel }).click();
  await page.getByRole('dialog', { name: pinText.setTitle }).getByText(pinText.notEncryption).waitFor();
  await check(page, 'set-PIN dialog');
  await page.getByRole('dialog').getByRole('button', { name: pinText.cancel }).click();
  await setFirstPin(page, '2468');

  await addPatient(page, 'AB-01', 'left', '72.5');
  await page.getByRole('button', { name: patientsText.add }).click();
  await page.getByText(patientsText.nameHint).waitFor();
  await page.getByRole('form', { name: patientsText.newHeading }).getByRole('button', { name: patientsText.save }).click();
  await page.getByRole('alert').filter({ hasText: patientsText.errors['name-missing'] }).waitFor();
  await check(page, 'patient form with an error');
  await page.getByRole('form', { name: patientsText.newHeading }).getByRole('button', { name: patientsText.cancel }).click();
  await addPatient(page, 'CD-02', 'right', '80');
  expect(await patientNames(page)).toEqual(['AB-01', 'CD-02']);
  await check(page, 'therapist mode');
  await saveScreenshot(page, 'modes-therapist-phone');

  // The backup file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: backupText.download }).click()]);
  expect(download.suggestedFilename()).toMatch(/^quadcue-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = await readFile((await download.path())!, 'utf8');
  expect(JSON.parse(backup)).toMatchObject({ format: 'quadcue-backup', version: 1 });
  expect(backup).not.toContain('2468');

  // Lock; a patient without the PIN sees no patient data.
  await page.getByRole('button', { name: modeText.lockLabel }).click();
  expect(await patientNames(page)).toEqual([]);
  await page.getByRole('button', { name: modeText.enterTherapistLabel }).click();
  const gate = page.getByRole('dialog', { name: pinText.enterTitle });
  await gate.getByLabel(pinText.pin).fill('1111');
  await gate.getByRole('button', { name: pinText.enterSubmit }).click();
  await gate.getByRole('alert').filter({ hasText: pinText.wrong }).waitFor();
  await check(page, 'enter-PIN dialog, wrong PIN');
  await saveScreenshot(page, 'modes-pin-phone');

  // Forgot PIN: the PIN goes, the patients stay.
  await gate.getByRole('button', { name: pinText.forgot }).click();
  await page.getByRole('group', { name: pinText.forgotTitle }).getByRole('button', { name: pinText.forgotConfirm }).click();
  await page.getByRole('dialog', { name: pinText.setTitle }).waitFor();
  await page.getByRole('dialog').getByLabel(pinText.newPin).fill('97531');
  await page.getByRole('dialog').getByLabel(pinText.repeatPin).fill('97531');
  await page.getByRole('dialog').getByRole('button', { name: pinText.setSubmit }).click();
  await page.getByText(modeText.therapistMode, { exact: true }).waitFor();
  expect(await patientNames(page)).toEqual(['AB-01', 'CD-02']);
  expect(first.guards).toEqual(cleanGuards);
  await first.context.close();

  // A fresh profile (another device): its own PIN, then the backup brings the same patients.
  const second = await openGuardedPage(chromium.browser, probe.url, viewports.phone);
  await second.page.goto(probe.url);
  await setFirstPin(second.page, '1357');
  expect(await patientNames(second.page)).toEqual([]);
  const fileInput = second.page.getByLabel(backupText.restoreLabel);
  // A damaged file first: refused, nothing changes, and the page says so.
  await fileInput.setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(backup.slice(0, backup.length - 40)) });
  await second.page.getByRole('status').filter({ hasText: backupText.failedTitle }).waitFor();
  expect(await patientNames(second.page)).toEqual([]);
  await fileInput.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  const confirm = second.page.getByRole('group', { name: backupText.restoreTitle });
  await confirm.getByText(backupText.restoreBody(2, 0)).waitFor();
  await check(second.page, 'restore confirmation');
  await saveScreenshot(second.page, 'modes-restore-phone');
  await confirm.getByRole('button', { name: backupText.restoreConfirm }).click();
  await second.page.getByRole('status').filter({ hasText: backupText.restored(2) }).waitFor();
  expect(await patientNames(second.page)).toEqual(['AB-01', 'CD-02']);
  // This device's PIN still opens it: the backup carried no PIN.
  await second.page.getByRole('button', { name: modeText.lockLabel }).click();
  await second.page.getByRole('button', { name: modeText.enterTherapistLabel }).click();
  await second.page.getByRole('dialog').getByLabel(pinText.pin).fill('1357');
  await second.page.getByRole('dialog').getByRole('button', { name: pinText.enterSubmit }).click();
  await second.page.getByText(modeText.therapistMode, { exact: true }).waitFor();

  expect(report).toEqual({});
  expect(second.guards).toEqual(cleanGuards);
  await second.context.close();
});
