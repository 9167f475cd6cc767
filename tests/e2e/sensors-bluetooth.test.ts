// The app's real Web Bluetooth path, end to end, against sensors emulated by Chromium's DevTools
// Bluetooth emulation: chooser → connect → start command → 30 s of sample time pushed as fast as
// the app takes it → a dropped link → automatic reconnection → streaming resumes → the loss
// counters equal the frames withheld.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID } from '../../firmware-protocol/src/index';
import { ReferencePeripheral } from '../../firmware-protocol/sim/index';
import { connect, exercisesText, headerStatus, impedanceText, linkStates, offline, screens, sensorCard, signalCheckText } from '../../src/ui/strings';
import type { BluetoothEmulator, EmulatedPeripheral, PeripheralSpec } from './harness/bluetooth-emulation';
import { ganglionFw3Session, tindeqSession } from './harness/device-frames';
import { useEmulatedBrowser } from './harness/emulated-browser';
import { batteryService, quadcueService } from './harness/gatt-services';
import { gotoReady } from './harness/guarded-page';
import { saveScreenshot, viewports } from './harness/screenshots';

const baseUrl = inject('baseUrl');
const emulated = useEmulatedBrowser();
/** The current test's emulator (startApp attaches it). */
let bt: BluetoothEmulator | undefined;

const tindeq = { service: '7e4e1701-1ea6-40c9-9dcc-13d34ffead57', data: '7e4e1702-1ea6-40c9-9dcc-13d34ffead57', control: '7e4e1703-1ea6-40c9-9dcc-13d34ffead57' };
const ganglion = { service: 0xfe84, notify: '2d30c082-f39f-4ce6-923f-3484ea480596', write: '2d30c083-f39f-4ce6-923f-3484ea480596' };
const deviceInformation = (firmware: string, software?: string) => ({
  uuid: 0x180a,
  characteristics: [
    { uuid: 0x2a26, properties: { read: true }, readValue: new TextEncoder().encode(firmware) },
    ...(software ? [{ uuid: 0x2a28, properties: { read: true }, readValue: new TextEncoder().encode(software) }] : []),
  ],
});

function quadcueSpec(address: string, sim: ReferencePeripheral, batteryPercent = 87): PeripheralSpec {
  return {
    address,
    name: 'Quadcue EMG',
    services: [quadcueService(sim), batteryService(batteryPercent), deviceInformation('1.4.0')],
  };
}

const tindeqSpec = (address: string): PeripheralSpec => ({
  address,
  name: 'Progressor_4711',
  services: [
    {
      uuid: tindeq.service,
      characteristics: [
        { uuid: tindeq.data, properties: { notify: true } },
        { uuid: tindeq.control, properties: { write: true } },
      ],
    },
  ],
});

const ganglionSpec = (address: string): PeripheralSpec => ({
  address,
  name: 'Ganglion-1a2b',
  services: [
    {
      uuid: ganglion.service,
      characteristics: [
        { uuid: ganglion.notify, properties: { notify: true } },
        { uuid: ganglion.write, properties: { write: true, writeWithoutResponse: true } },
      ],
    },
    deviceInformation('3.1.2', '3.1.2'),
  ],
});

async function startApp(viewport: { width: number; height: number } = viewports.phone): Promise<Page> {
  const open = await emulated.open(baseUrl, viewport);
  bt = open.bt;
  return open.page;
}

/**
 * Tindeq answers "firmware version" (0x6b) with ASCII and "battery voltage" (0x6f) with a uint32
 * LE of mV, as command replies (tag 0) on its data characteristic [devices.md].
 */
function answerTindeqCommands(sensor: EmulatedPeripheral): void {
  sensor.onWrite(
    tindeq.control,
    (bytes) => {
      if (bytes[0] === 0x6b) return [Uint8Array.of(0, 5, ...new TextEncoder().encode('1.2.9'))];
      if (bytes[0] === 0x6f) return [Uint8Array.of(0, 4, 0x6e, 0x0f, 0, 0)]; // 0x0f6e = 3950 mV
      return undefined;
    },
    tindeq.data,
  );
}

/** Clicks "Connect a sensor" and picks `address` in the browser's chooser, checking it was listed. */
async function connectThroughChooser(page: Page, address: string): Promise<void> {
  const listed: string[][] = [];
  bt!.onChooser((devices) => {
    listed.push(devices.map((d) => d.id));
    return devices.some((d) => d.id === address) ? address : null;
  });
  await page.getByRole('button', { name: connect.connectSensor }).click();
  await expect.poll(() => listed.some((ids) => ids.includes(address))).toBe(true);
}

async function counter(page: Page, card: string, label: string): Promise<number> {
  return Number(await page.getByRole('article', { name: card }).locator(`[data-counter="${label}"]`).textContent());
}

async function waitForCounter(page: Page, card: string, label: string, value: number): Promise<void> {
  await expect.poll(() => counter(page, card, label), { timeout: 20_000 }).toBe(value);
}

async function waitForState(page: Page, card: string, state: string): Promise<void> {
  await page.getByRole('article', { name: card }).getByRole('status').filter({ hasText: state }).waitFor({ timeout: 20_000 });
}

/**
 * Streams `frames` through the emulated sensor, withholding `withheld` indexes; at `dropAt` the
 * link is cut, the app must reconnect by itself (and write its start command again, which
 * `restart` answers with the frames that follow), and streaming must resume.
 */
async function streamWithOutage(
  page: Page,
  sensor: EmulatedPeripheral,
  card: string,
  characteristic: string,
  options: {
    before: Uint8Array[];
    after: () => Uint8Array[];
    withheld: (part: 'before' | 'after', index: number) => boolean;
    startWrite: string;
    /** The sensor's own side of the drop (a simulated sensor stops streaming when its link goes). */
    onDrop?: () => void;
  },
) {
  const keepBefore = options.before.filter((_, i) => !options.withheld('before', i));
  await sensor.notify(characteristic, keepBefore);
  await waitForCounter(page, card, sensorCard.framesReceived, keepBefore.length);

  const writesBefore = sensor.writes(options.startWrite).length;
  options.onDrop?.();
  await sensor.disconnect();
  await waitForState(page, card, linkStates.reconnecting);
  await sensor.waitForWrite(options.startWrite, writesBefore); // reconnected and re-sent start
  await waitForState(page, card, linkStates.streaming);

  const after = options.after();
  expect(after.length).toBeGreaterThan(100);
  const keepAfter = after.filter((_, i) => !options.withheld('after', i));
  await sensor.notify(characteristic, keepAfter);
  await waitForCounter(page, card, sensorCard.framesReceived, keepBefore.length + keepAfter.length);
  return { withheld: options.before.length - keepBefore.length + after.length - keepAfter.length };
}

describe('Bluetooth sensors through the real Web Bluetooth stack', () => {
  it('Quadcue sensor: start command, 30 s of frames, a drop, automatic reconnection, exact loss counts', async () => {
    const page = await startApp();
    const sim = new ReferencePeripheral({ seed: 31, scenario: 'quadSets', loop: true });
    const sensor = await bt!.addPeripheral(quadcueSpec('00:00:00:00:00:01', sim));
    sensor.onWrite(CONTROL_CHAR_UUID, (bytes) => [sim.write(bytes)]);
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
    await connectThroughChooser(page, '00:00:00:00:00:01');

    const start = await sensor.waitForWrite(CONTROL_CHAR_UUID);
    // start (0x01), any request id, 1000 Hz little-endian: the rate the description shows.
    expect([start.bytes[0], start.bytes[2], start.bytes[3]]).toEqual([0x01, 0xe8, 0x03]);
    expect(start.writeType).toBe('write-with-response');
    await waitForState(page, 'Quadcue EMG', linkStates.streaming);

    const frames = (us: number) => sim.advance(us).flatMap((e) => (e.kind === 'notify' ? [e.bytes] : []));
    const { withheld } = await streamWithOutage(page, sensor, 'Quadcue EMG', DATA_CHAR_UUID, {
      before: frames(15_000_000),
      onDrop: () => {
        sim.disconnect();
        expect(sim.connect()).toBe(true);
      },
      after: () => frames(15_000_000),
      withheld: (part, i) => (part === 'before' ? i === 40 || i === 41 : i === 100),
      startWrite: CONTROL_CHAR_UUID,
    });
    expect(await counter(page, 'Quadcue EMG', sensorCard.framesLost)).toBe(withheld);
    expect(await counter(page, 'Quadcue EMG', sensorCard.framesRejected)).toBe(0);
    expect(await counter(page, 'Quadcue EMG', sensorCard.outages)).toBe(1);
    const card = page.getByRole('article', { name: 'Quadcue EMG' });
    await expect(card.getByText('87 %').isVisible()).resolves.toBe(true);
    await expect(card.getByText('1.4.0').isVisible()).resolves.toBe(true);
    await card.locator('summary').click();
    await saveScreenshot(page, 'bluetooth-quadcue-phone');
  });

  it('Tindeq Progressor: weight records in N, loss from device timestamps, reconnection', async () => {
    const page = await startApp();
    const sensor = await bt!.addPeripheral(tindeqSpec('00:00:00:00:00:02'));
    answerTindeqCommands(sensor);
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
    await connectThroughChooser(page, '00:00:00:00:00:02');
    const start = await sensor.waitForWrite(tindeq.control);
    expect(Array.from(start.bytes)).toEqual([0x65]); // "start weight stream" [doc]
    await waitForState(page, 'Progressor_4711', linkStates.streaming);

    // 30 s at 80 Hz in notifications of 8 records; the second half continues the device clock.
    const session = tindeqSession(30, 80, 8, 40);
    const { withheld } = await streamWithOutage(page, sensor, 'Progressor_4711', tindeq.data, {
      before: session.slice(0, 150),
      after: () => session.slice(150),
      withheld: (part, i) => (part === 'before' ? i === 20 || i === 90 : i === 60 || i === 61 || i === 62),
      startWrite: tindeq.control,
    });
    expect(await counter(page, 'Progressor_4711', sensorCard.framesLost)).toBe(withheld);
    expect(await counter(page, 'Progressor_4711', sensorCard.framesRejected)).toBe(0);
    expect(await counter(page, 'Progressor_4711', sensorCard.outages)).toBe(1);
    const card = page.getByRole('article', { name: 'Progressor_4711' });
    await expect(card.getByText('Tindeq Progressor').isVisible()).resolves.toBe(true);
    await card.getByText('1.2.9').waitFor(); // firmware, asked by command after start
    await card.getByText('3.95 V').waitFor(); // battery voltage, asked once the firmware answered
  });

  it('OpenBCI Ganglion firmware 3: 20-byte packets, loss from packet ids, reconnection', async () => {
    const page = await startApp();
    const sensor = await bt!.addPeripheral(ganglionSpec('00:00:00:00:00:03'));
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
    await connectThroughChooser(page, '00:00:00:00:00:03');
    const start = await sensor.waitForWrite(ganglion.write);
    expect(Array.from(start.bytes)).toEqual([0x62]); // 'b': start streaming [doc]
    await waitForState(page, 'Ganglion-1a2b', linkStates.streaming);

    // 30 s at 200 Hz, 2 samples per packet = 3000 packets; the board restarts its ids on reconnect.
    const session = ganglionFw3Session(1500);
    const { withheld } = await streamWithOutage(page, sensor, 'Ganglion-1a2b', ganglion.notify, {
      before: session,
      after: () => session,
      withheld: (part, i) => (part === 'before' ? i === 250 : i === 10 || i === 777),
      startWrite: ganglion.write,
    });
    expect(await counter(page, 'Ganglion-1a2b', sensorCard.framesLost)).toBe(withheld);
    expect(await counter(page, 'Ganglion-1a2b', sensorCard.framesRejected)).toBe(0);
    expect(await counter(page, 'Ganglion-1a2b', sensorCard.outages)).toBe(1);
  });

  it('two sensors at once: an EMG sensor and a dynamometer, each with its own link', async () => {
    const page = await startApp(viewports.desktop);
    const sim = new ReferencePeripheral({ seed: 32, scenario: 'isometricKneeExtension', loop: true });
    const emg = await bt!.addPeripheral(quadcueSpec('00:00:00:00:00:04', sim, 12));
    emg.onWrite(CONTROL_CHAR_UUID, (bytes) => [sim.write(bytes)]);
    const force = await bt!.addPeripheral(tindeqSpec('00:00:00:00:00:05'));
    answerTindeqCommands(force);
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);

    await connectThroughChooser(page, '00:00:00:00:00:04');
    await waitForState(page, 'Quadcue EMG', linkStates.streaming);
    await connectThroughChooser(page, '00:00:00:00:00:05');
    await waitForState(page, 'Progressor_4711', linkStates.streaming);
    await page.getByRole('status', { name: 'Sensor status' }).filter({ hasText: headerStatus.streaming(2) }).waitFor();
    await expect(page.getByRole('button', { name: connect.connectSensor }).isDisabled()).resolves.toBe(true);

    const emgFrames = sim.advance(5_000_000).flatMap((e) => (e.kind === 'notify' ? [e.bytes] : []));
    const forceFrames = tindeqSession(5, 80, 8, 55);
    await Promise.all([emg.notify(DATA_CHAR_UUID, emgFrames), force.notify(tindeq.data, forceFrames)]);
    await waitForCounter(page, 'Quadcue EMG', sensorCard.framesReceived, emgFrames.length);
    await waitForCounter(page, 'Progressor_4711', sensorCard.framesReceived, forceFrames.length);
    expect(await counter(page, 'Quadcue EMG', sensorCard.framesLost)).toBe(0);
    expect(await counter(page, 'Progressor_4711', sensorCard.framesLost)).toBe(0);
    // 12 % is at or below the 15 % low-battery line.
    await page.getByRole('article', { name: 'Quadcue EMG' }).getByRole('alert').filter({ hasText: sensorCard.lowBattery }).waitFor();
    await expect(page.getByTestId('session-timeline').textContent()).resolves.toMatch(/share one session timeline/);
    await saveScreenshot(page, 'bluetooth-two-sensors-desktop');
  });

  it('says "Reconnecting…" with Cancel while a dropped sensor does not answer, and "Try again" brings it back', async () => {
    const page = await startApp();
    const sim = new ReferencePeripheral({ seed: 33, scenario: 'quadSets', loop: true });
    const sensor = await bt!.addPeripheral(quadcueSpec('00:00:00:00:00:06', sim));
    sensor.onWrite(CONTROL_CHAR_UUID, (bytes) => [sim.write(bytes)]);
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
    await connectThroughChooser(page, '00:00:00:00:00:06');
    await waitForState(page, 'Quadcue EMG', linkStates.streaming);
    const card = page.getByRole('article', { name: 'Quadcue EMG' });

    sensor.failConnects(2); // out of range: the next two connection attempts fail
    sim.disconnect();
    expect(sim.connect()).toBe(true);
    const attemptsBefore = sensor.connectAttempts;
    await sensor.disconnect();
    await waitForState(page, 'Quadcue EMG', linkStates.reconnecting);
    await sensor.waitForConnectAttempts(attemptsBefore + 1);
    await card.getByRole('status').filter({ hasText: sensorCard.reconnectAttempt(1) }).waitFor();
    await card.getByRole('button', { name: sensorCard.cancel }).click();
    await waitForState(page, 'Quadcue EMG', linkStates.failed);
    expect(await card.getByRole('alert').textContent()).not.toMatch(/Error|at .*\.js/); // words, never a stack trace

    await card.getByRole('button', { name: sensorCard.retry }).click();
    await waitForState(page, 'Quadcue EMG', linkStates.streaming);
    const frames = sim.advance(2_000_000).flatMap((e) => (e.kind === 'notify' ? [e.bytes] : []));
    await sensor.notify(DATA_CHAR_UUID, frames);
    await waitForCounter(page, 'Quadcue EMG', sensorCard.framesReceived, frames.length);
    await saveScreenshot(page, 'bluetooth-reconnected-phone');
  });

  it('runs the Ganglion impedance test from the signal check, and advises on the contact it measures', async () => {
    const page = await startApp();
    const sensor = await bt!.addPeripheral(ganglionSpec('00:00:00:00:00:08'));
    // 'z' starts the impedance test [doc]: the board answers with ids 201–204 (electrodes 1–4)
    // and 205 (reference), ASCII ohms ending in 'Z', in 20-byte packets.
    const impedance = (id: number, ohms: number) => {
      const bytes = new Uint8Array(20);
      bytes[0] = id;
      bytes.set(new TextEncoder().encode(`${ohms}Z`), 1);
      return bytes;
    };
    sensor.onWrite(ganglion.write, (bytes) =>
      bytes[0] === 0x7a ? [impedance(201, 8_000), impedance(202, 45_000), impedance(203, 9_000), impedance(204, 9_500), impedance(205, 6_000)] : undefined,
      ganglion.notify,
    );
    await gotoReady(page, `${baseUrl}#/connect`, offline.ready, offline.dismiss);
    await connectThroughChooser(page, '00:00:00:00:00:08');
    await waitForState(page, 'Ganglion-1a2b', linkStates.streaming);
    // Ganglion channels start unnamed: channel 1 is set to the VMO.
    await page.getByLabel(sensorCard.muscleLabel('Ch 1')).selectOption('vmo');
    await page.getByRole('link', { name: screens.exercises.nav }).click();
    await page.getByRole('article', { name: 'Quad set' }).getByRole('button', { name: exercisesText.start('Quad set') }).click();
    await page.getByText(signalCheckText.heading).first().waitFor();
    await page.getByRole('button', { name: impedanceText.check }).click();
    const writes = await sensor.waitForWrite(ganglion.write, 1);
    expect(Array.from(writes.bytes)).toEqual([0x7a]);
    // Electrode 1 (8 kΩ) and the reference (6 kΩ) are good contact.
    await page.getByText(signalCheckText.checkLabel('impedance')).waitFor();
    await expect(page.locator('.signal-advice').textContent()).resolves.toContain('8');
    await saveScreenshot(page, 'signal-check-ganglion-phone');
  });
});
