import { expect, inject, it } from 'vitest';
import { useChromium } from './harness/shared-browser';
import { exercisesText, offline, programText, screens } from '../../src/ui/strings';
import { seriousAxeViolations } from './harness/axe';
import { cleanGuards, gotoReady, openGuardedPage } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
const chromium = useChromium();

it('shares a program as a link and QR code, and imports it on another device only after confirmation', async () => {
  // The therapist's device: build a program and share it.
  const therapist = await openGuardedPage(chromium.browser, baseUrl, viewports.desktop);
  await gotoReady(therapist.page, `${baseUrl}#/exercises`, offline.ready, offline.dismiss);
  const card = therapist.page.getByRole('article', { name: 'Quad set' });
  await card.getByText(exercisesText.settings).click();
  await card.getByLabel(exercisesText.reps).fill('12');
  await card.getByRole('button', { name: programText.addToProgram('Quad set') }).click();
  await therapist.page.getByRole('article', { name: 'Straight-leg raise' }).getByRole('button', { name: programText.addToProgram('Straight-leg raise') }).click();
  const panel = therapist.page.getByRole('region', { name: programText.heading });
  await panel.getByText(programText.share, { exact: true }).first().click();
  await panel.getByRole('button', { name: programText.share }).click();
  await panel.getByRole('img', { name: programText.qrLabel }).waitFor();
  const link = await panel.getByRole('textbox', { name: programText.share }).inputValue();
  expect(link).toMatch(/#\/program\/[A-Za-z0-9_-]+$/);
  expect(await seriousAxeViolations(therapist.page)).toEqual([]);
  await saveScreenshot(therapist.page, 'program-share-desktop');
  expect(therapist.guards).toEqual(cleanGuards);
  await therapist.context.close();

  // The patient's device (a fresh browser profile): open the link, check, add.
  const patient = await openGuardedPage(chromium.browser, baseUrl, viewports.phone);
  await patient.page.goto(link);
  await patient.page.getByRole('heading', { name: programText.importHeading }).waitFor();
  await patient.page.getByText(programText.exerciseLine('Quad set', 12, 1, 10)).waitFor();
  await saveScreenshot(patient.page, 'program-import-phone');
  await patient.page.getByRole('button', { name: programText.importAdd }).click();
  await patient.page.getByRole('button', { name: programText.startNow('Quad set') }).waitFor();
  await patient.page.getByRole('button', { name: programText.startNow('Straight-leg raise') }).waitFor();
  expect(await patient.page.evaluate(() => location.hash)).toBe('#/exercises');

  // A damaged link says so, and imports nothing.
  await patient.page.goto(`${link.slice(0, -8)}`);
  await patient.page.getByRole('alert').filter({ hasText: 'damaged' }).waitFor();
  await patient.page.getByRole('button', { name: programText.importCancel }).click();
  await patient.page.getByRole('heading', { level: 1, name: screens.exercises.title }).waitFor();
  expect(await patient.page.getByRole('button', { name: programText.startNow('Quad set') }).count()).toBe(1);
  expect(patient.guards).toEqual(cleanGuards);
  await patient.context.close();
});
