// A guided session end to end in the browser, in accelerated sample time: the reference
// peripheral (the demo sensor's model) streams through the real Web Bluetooth path; the app
// calibrates MVC on three maximal efforts, runs a 3-rep quad-set program in the worker, takes the
// pain and effort rating and shows the summary.
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID } from '../../firmware-protocol/src/index';
import { ReferencePeripheral, buildScenario, type Scenario } from '../../firmware-protocol/sim/index';
import { CALIBRATION } from '../../src/state/session-model';
import { connect, exercisesText, linkStates, offline, screens } from '../../src/ui/strings';
import type { EmulatedPeripheral } from './harness/bluetooth-emulation';
import { seriousAxeViolations } from './harness/axe';
import { activate, tabTo } from './harness/keyboard';
import { useEmulatedBrowser } from './harness/emulated-browser';
import { quadcueService } from './harness/gatt-services';
import { gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
const emulated = useEmulatedBrowser();

/** The simulated person doing `scenario` from a fresh start command; frames for `seconds`. */
function framesOf(scenario: Scenario, seconds: number): Uint8Array[] {
  const sim = new ReferencePeripheral({ seed: 41, scenario });
  sim.write(Uint8Array.of(0x01, 0x01, 0xe8, 0x03)); // start at 1000 Hz, as the app asks
  return sim.advance(seconds * 1e6).flatMap((e) => (e.kind === 'notify' ? [e.bytes] : []));
}

async function push(sensor: EmulatedPeripheral, frames: Uint8Array[]): Promise<void> {
  await sensor.notify(DATA_CHAR_UUID, frames, { framesPerCall: 500 });
}

async function axeClean(page: Page, label: string): Promise<void> {
  expect({ [label]: await seriousAxeViolations(page) }).toEqual({ [label]: [] });
}

const sizes = [
  ['phone', viewports.phone],
  ['tablet', { width: 1024, height: 768 }],
] as const;

it.each(sizes)('calibrates MVC, runs 3 quad-set reps with holds achieved at the scenario level, and summarises — by keyboard alone (%s)', async (size, viewport) => {
  const { page, bt } = await emulated.open(baseUrl, viewport);
  const live = new ReferencePeripheral({ seed: 41, scenario: 'quadSets', loop: true });
  const sensor = await bt.addPeripheral({
    address: '00:00:00:00:00:07',
    name: 'Quadcue EMG',
    services: [quadcueService(live)],
  });
  sensor.onWrite(CONTROL_CHAR_UUID, (bytes) => [live.write(bytes)]);
  bt.onChooser((devices) => (devices.some((d) => d.id === '00:00:00:00:00:07') ? '00:00:00:00:00:07' : null));
  await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
  await page.getByRole('button', { name: connect.connectSensor }).click();
  await page.getByRole('article', { name: 'Quadcue EMG' }).getByRole('status').filter({ hasText: linkStates.streaming }).waitFor();

  // Choose the quad set, as a therapist would set it: 3 reps of 5 s holds, 5 s relax, and a band
  // of 50–70 % around the 60 % the simulated person holds (its envelope ripples by about ±5 %,
  // and the MVC, a highest 500 ms mean, sits a few % above the plateau).
  // From here on, only the keyboard: Tab to each control, Enter or Space to use it.
  await activate(page, page.getByRole('link', { name: screens.exercises.nav }));
  await page.getByRole('heading', { level: 1, name: screens.exercises.title }).waitFor();
  await axeClean(page, 'exercise list');
  const card = page.getByRole('article', { name: 'Quad set' });
  await activate(page, card.getByText(exercisesText.settings));
  for (const [label, value] of [
    [exercisesText.holdS, '5'],
    [exercisesText.relaxS, '5'],
    [exercisesText.reps, '3'],
    [exercisesText.bandLow, '50'],
    [exercisesText.bandHigh, '70'],
  ] as const) {
    await tabTo(page, card.getByLabel(label));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
  }
  await activate(page, card.getByRole('button', { name: exercisesText.start('Quad set') }));

  // Calibration: the simulated person makes three maximal efforts timed like the app's protocol.
  await activate(page, page.getByRole('button', { name: exercisesText.calibrate }));
  await page.getByText(exercisesText.calibrationPhase.countdown!).waitFor();
  await saveScreenshot(page, `calibration-${size}`);
  const mvcScenario = buildScenario('mvc', { restS: CALIBRATION.restS + CALIBRATION.countdownS - 1 });
  await push(sensor, framesOf(mvcScenario, 3 + 3 * 8 + 2 * 60 + 2));
  await page.getByText(/^Your maximum: \d+ µV$/).waitFor();
  await axeClean(page, 'calibration result');
  await saveScreenshot(page, `calibration-result-${size}`);

  // The exercise: the simulated person does quad sets at 60 % of maximum.
  await activate(page, page.getByRole('button', { name: exercisesText.startExercise }));
  await page.getByText(exercisesText.repOf(1, 3)).waitFor();
  const quadSets = framesOf(buildScenario('quadSets'), 3 + 3 * 20 + 5);
  await push(sensor, quadSets.slice(0, Math.floor(quadSets.length / 5)));
  await page.locator('.cue-banner').waitFor();
  await axeClean(page, 'exercise run');
  await saveScreenshot(page, `exercise-run-${size}`);
  await push(sensor, quadSets.slice(Math.floor(quadSets.length / 5)));

  // Rating, then the summary. The screen-reader log announced the reps as they were done.
  await page.getByText(exercisesText.ratingHeading).waitFor();
  await expect(page.locator('.cue-announcer[role="log"][aria-live="polite"]').textContent()).resolves.toMatch(/Rep 3 of 3 done\./);
  // A radio group is one Tab stop; arrow keys move within it (from 0 up to the value).
  await tabTo(page, page.getByRole('group', { name: exercisesText.pain }).getByLabel('0', { exact: true }));
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  await tabTo(page, page.getByRole('group', { name: exercisesText.effort }).getByLabel('0', { exact: true }));
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await activate(page, page.getByRole('button', { name: exercisesText.saveRating }));
  await page.getByRole('heading', { name: exercisesText.summaryHeading }).waitFor();
  const rows = page.locator('.summary-table tbody tr');
  await expect(rows.count()).resolves.toBe(3);
  const held = await page.locator('[data-field="held"]').allTextContents();
  expect(held).toEqual([exercisesText.achieved, exercisesText.achieved, exercisesText.achieved]);
  // Ground truth: the scenario holds at 60 % of the maximal effort.
  const means = (await page.locator('[data-field="mean"]').allTextContents()).map((t) => Number.parseFloat(t));
  for (const mean of means) expect(Math.abs(mean - 60)).toBeLessThanOrEqual(10);
  await expect(page.getByText(exercisesText.painEffort(2, 6)).isVisible()).resolves.toBe(true);
  await axeClean(page, 'summary');
  await saveScreenshot(page, `summary-${size}`);
});
