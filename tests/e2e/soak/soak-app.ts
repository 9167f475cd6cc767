// What the soak does with the app's own controls: the emulated Quadcue sensor's GATT table, the
// chooser, the Connect screen's counters and link state, the Live screen's recording control,
// the interrupted-recording banner. Labels come from the app's strings, as users see them.
import type { Page } from 'playwright-core';
import type { ReferencePeripheral } from '../../../firmware-protocol/sim/index';
import { connect, linkStates, recordingText, screens, sensorCard } from '../../../src/ui/strings';
import type { BluetoothEmulator, PeripheralSpec } from '../harness/bluetooth-emulation';
import { batteryService, quadcueService } from '../harness/gatt-services';

export const SENSOR_NAME = 'Quadcue EMG';
export const SENSOR_ADDRESS = '00:00:00:00:08:01';

export function quadcueSensorSpec(sim: ReferencePeripheral): PeripheralSpec {
  return {
    address: SENSOR_ADDRESS,
    name: SENSOR_NAME,
    // Battery well above the 15 % warning: a low-battery alert is not one of the soak's expected messages.
    services: [quadcueService(sim), batteryService(90)],
  };
}

/** The counters of the sensor's "Connection details", as the Connect screen shows them. */
export interface CardCounters {
  received: number;
  lost: number;
  rejected: number;
  duplicates: number;
  outages: number;
}

export async function readCounters(page: Page): Promise<CardCounters> {
  const card = page.getByRole('article', { name: SENSOR_NAME });
  const read = async (label: string) => Number(await card.locator(`[data-counter="${label}"]`).textContent());
  return {
    received: await read(sensorCard.framesReceived),
    lost: await read(sensorCard.framesLost),
    rejected: await read(sensorCard.framesRejected),
    duplicates: await read(sensorCard.duplicatesDropped),
    outages: await read(sensorCard.outages),
  };
}

/**
 * Waits until the app has dealt with `deliveries` notifications (accepted, rejected or ignored as
 * duplicates). Frames the app drops as late are on no counter the page shows, so the wait also
 * ends once the counters have stood still for `settleMs`: the shortfall then shows up in the
 * verdict (received ≠ delivered, samples missing from the recording) instead of as a timeout.
 */
export async function waitForDrain(page: Page, deliveries: number, settleMs = 1500, timeoutMs = 60_000): Promise<CardCounters> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let stillSince = Date.now();
  for (;;) {
    const counters = await readCounters(page);
    if (counters.received + counters.rejected + counters.duplicates >= deliveries) return counters;
    const now = Date.now();
    const key = JSON.stringify(counters);
    if (key !== last) {
      last = key;
      stillSince = now;
    } else if (now - stillSince >= settleMs) return counters;
    if (now > deadline) throw new Error(`the app took ${key} of ${deliveries} notifications`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function waitForLinkState(page: Page, state: string, timeoutMs = 20_000): Promise<void> {
  await page.getByRole('article', { name: SENSOR_NAME }).getByRole('status').filter({ hasText: state }).waitFor({ timeout: timeoutMs });
}

export async function openScreen(page: Page, screen: 'connect' | 'live'): Promise<void> {
  await page.getByRole('link', { name: screens[screen].nav }).click();
}

/** Connects through the app: its "Reconnect …" control when the browser still holds permission, else the chooser. */
export async function connectSensor(page: Page, bt: BluetoothEmulator): Promise<'reconnect-control' | 'chooser'> {
  await openScreen(page, 'connect');
  const remembered = page.getByRole('button', { name: connect.reconnectNamed(SENSOR_NAME) });
  bt.onChooser((devices) => (devices.some((d) => d.id === SENSOR_ADDRESS) ? SENSOR_ADDRESS : null));
  let how: 'reconnect-control' | 'chooser' = 'chooser';
  if (await remembered.isVisible()) {
    how = 'reconnect-control';
    await remembered.click();
  } else {
    await page.getByRole('button', { name: connect.connectSensor }).click();
  }
  await waitForLinkState(page, linkStates.streaming);
  return how;
}

export async function startRecording(page: Page): Promise<void> {
  await openScreen(page, 'live');
  await page.getByRole('button', { name: recordingText.start }).click();
  await page.getByRole('button', { name: recordingText.stop }).waitFor();
  await openScreen(page, 'connect');
}

export async function stopRecording(page: Page): Promise<void> {
  await openScreen(page, 'live');
  await page.getByRole('button', { name: recordingText.stop }).click();
  await page.getByRole('status').filter({ hasText: recordingText.stopped['user']! }).waitFor();
}

/** After the reload: the app offers the cut-short recording; the soak keeps it. */
export async function keepInterruptedRecording(page: Page): Promise<void> {
  await page.getByRole('button', { name: recordingText.recover }).click({ timeout: 20_000 });
  await page.getByRole('heading', { name: recordingText.interruptedHeading }).waitFor({ state: 'detached' });
}
