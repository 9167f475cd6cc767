// Self-test of the Bluetooth emulation harness (harness/bluetooth-emulation.ts) through a tiny
// page of its own (bluetooth-emulation-page.js) that uses Web Bluetooth the way the app does.
// It needs no app build: it serves the page itself with the app's security headers.

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { securityHeaders } from '../../scripts/security-headers';
import { cancelChooser, type BluetoothEmulator, type PeripheralSpec } from './harness/bluetooth-emulation';
import { useEmulatedBrowser, type EmulatedPage } from './harness/emulated-browser';

// Quadcue GATT layout, firmware-protocol/PROTOCOL.md §2.
const quadcueService = '5b090001-3804-4a5c-ae72-9dec7c60a1b4';
const dataCharacteristic = '5b090002-3804-4a5c-ae72-9dec7c60a1b4';
const controlCharacteristic = '5b090003-3804-4a5c-ae72-9dec7c60a1b4';
// `start` at 1000 Hz with request id 1 (PROTOCOL.md §6 example).
const startCommand = Uint8Array.of(0x01, 0x01, 0xe8, 0x03);
/** Largest notification a 247-byte ATT MTU carries (MTU − 3): the size firmware tends to pick. */
const frameBytes = 244;
const batteryPercent = 87;

const pageHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bluetooth emulation test</title>
<link rel="icon" href="data:,"></head>
<body><button id="connect">Connect</button><script type="module" src="/page.js"></script></body></html>`;

function sensorSpec(address: string, name: string): PeripheralSpec {
  return {
    address,
    name,
    services: [
      {
        uuid: quadcueService,
        characteristics: [
          { uuid: dataCharacteristic, properties: { notify: true } },
          { uuid: controlCharacteristic, properties: { write: true, notify: true } },
        ],
      },
      { uuid: 0x180f, characteristics: [{ uuid: 0x2a19, properties: { read: true }, readValue: Uint8Array.of(batteryPercent) }] },
    ],
  };
}

/** Frames `first`..`first+count-1`: little-endian u32 sequence, then a pattern that depends on it. */
function makeFrames(first: number, count: number): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let sequence = first; sequence < first + count; sequence++) {
    const frame = new Uint8Array(frameBytes);
    new DataView(frame.buffer).setUint32(0, sequence, true);
    for (let i = 4; i < frameBytes; i++) frame[i] = (sequence * 31 + i) & 0xff;
    frames.push(frame);
  }
  return frames;
}

function byteSum(frames: Uint8Array[]): number {
  let sum = 0;
  for (const frame of frames) for (const byte of frame) sum = (sum + byte) >>> 0;
  return sum;
}

interface SensorState {
  name: string;
  state: string;
  received: number;
  outOfOrder: number;
  wrongLength: number;
  lastSequence: number;
  byteSum: number;
  receivedByObject: number[];
  connectFailures: number;
  disconnects: number;
  replies: string[];
}

const sensorStates = (page: Page) =>
  page.evaluate(() => {
    const testPage = (window as unknown as { testPage: { sensors: (SensorState & { device: unknown; dataObjects: unknown })[] } }).testPage;
    return testPage.sensors.map(({ device: _device, dataObjects: _objects, ...state }) => state);
  });
const pageErrors = (page: Page) => page.evaluate(() => (window as unknown as { testPage: { errors: string[] } }).testPage.errors);

let server: Server;
let baseUrl: string;
let open: EmulatedPage;
let bt: BluetoothEmulator;

beforeAll(async () => {
  const pageScript = await readFile(new URL('./bluetooth-emulation-page.js', import.meta.url), 'utf8');
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = path === '/' ? pageHtml : path === '/page.js' ? pageScript : undefined;
    response.writeHead(body === undefined ? 404 : 200, {
      ...securityHeaders('production'),
      'Content-Type': path === '/page.js' ? 'text/javascript' : 'text/html; charset=utf-8',
    });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
// After the server's hooks, so the browser closes before the server does (after-hooks run in reverse).
const emulated = useEmulatedBrowser({
  checkAfterEach: async ({ page }) => expect(await pageErrors(page)).toEqual([]),
});

beforeEach(async () => {
  open = await emulated.open(baseUrl);
  bt = open.bt;
});

async function loadPage(): Promise<Page> {
  const query = new URLSearchParams({
    service: quadcueService,
    data: dataCharacteristic,
    control: controlCharacteristic,
    start: Buffer.from(startCommand).toString('hex'),
  });
  await open.page.goto(`${baseUrl}?${query}`);
  return open.page;
}

/** Clicks Connect (requestDevice needs a real user gesture) and waits for the page to stream. */
async function connectThroughChooser(page: Page, index: number): Promise<void> {
  await page.click('#connect');
  await waitForStreaming(page, index);
}

async function waitForStreaming(page: Page, index: number): Promise<void> {
  await page.waitForFunction((i) => {
    const sensors = (window as unknown as { testPage: { sensors: { state: string }[] } }).testPage.sensors;
    return sensors[i]?.state === 'streaming';
  }, index);
}

const waitForReceived = (page: Page, index: number, count: number) =>
  page.waitForFunction(
    ([i, n]) => (window as unknown as { testPage: { sensors: { received: number }[] } }).testPage.sensors[i]!.received >= n,
    [index, count] as const,
  );

describe('Bluetooth emulation harness', () => {
  it('lists the emulated sensor in the chooser, connects, and receives the exact bytes the page wrote', async () => {
    const sensor = await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    const listed: { id: string; name: string }[][] = [];
    bt.onChooser((devices) => {
      listed.push(devices);
      return devices.find((device) => device.name === 'Quadcue EMG')?.id ?? null;
    });
    const page = await loadPage();
    await connectThroughChooser(page, 0);

    expect(listed.at(-1)).toEqual([{ id: '09:09:09:09:09:01', name: 'Quadcue EMG' }]);
    expect(sensor.writes()).toEqual([{ characteristic: controlCharacteristic, bytes: startCommand, writeType: 'write-with-response' }]);
    expect(sensor.isSubscribed(dataCharacteristic)).toBe(true);
    const [state] = await sensorStates(page);
    expect(state).toMatchObject({ name: 'Quadcue EMG', connectFailures: 0 });
  });

  it('answers a command with a notified reply through onWrite', async () => {
    const sensor = await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    bt.onChooser((devices) => devices[0]?.id ?? null);
    // An `ok` reply to request id 1 (PROTOCOL.md §6 shape: opcode, id, status).
    sensor.onWrite(controlCharacteristic, (bytes) => [Uint8Array.of(0x81, bytes[1]!, 0x00)]);
    const page = await loadPage();
    await connectThroughChooser(page, 0);
    await page.waitForFunction(() => (window as unknown as { testPage: { sensors: { replies: string[] }[] } }).testPage.sensors[0]!.replies.length > 0);
    expect((await sensorStates(page))[0]!.replies).toEqual(['810100']);
  });

  it('delivers 5,000 notifications of 244 bytes in order, none lost', async () => {
    const sensor = await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    bt.onChooser((devices) => devices[0]?.id ?? null);
    const page = await loadPage();
    await connectThroughChooser(page, 0);
    const frames = makeFrames(0, 5000);

    const startedMs = performance.now();
    await sensor.notify(dataCharacteristic, frames);
    await waitForReceived(page, 0, frames.length);
    const elapsedMs = performance.now() - startedMs;
    console.info(`5000 × ${frameBytes} B notifications in ${elapsedMs.toFixed(0)} ms (${((5000 / elapsedMs) * 1000).toFixed(0)} frames/s)`);

    const [state] = await sensorStates(page);
    expect(state).toMatchObject({ received: 5000, outOfOrder: 0, wrongLength: 0, lastSequence: 4999, byteSum: byteSum(frames) });
  });

  it('reconnects after a dropped link and streams through the new characteristic object', async () => {
    const sensor = await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    bt.onChooser((devices) => devices[0]?.id ?? null);
    const page = await loadPage();
    await connectThroughChooser(page, 0);
    await sensor.notify(dataCharacteristic, makeFrames(0, 100));
    await waitForReceived(page, 0, 100);

    await sensor.disconnect();
    // The page reconnects, fetches its characteristics again, re-subscribes and writes start again.
    await sensor.waitForWrite(controlCharacteristic, 1);
    await sensor.waitForSubscribed(dataCharacteristic);
    await sensor.notify(dataCharacteristic, makeFrames(100, 100));
    await waitForReceived(page, 0, 200);

    const [state] = await sensorStates(page);
    expect(state).toMatchObject({ disconnects: 1, received: 200, outOfOrder: 0, receivedByObject: [100, 100] });
    expect(sensor.writes(controlCharacteristic).map((write) => write.bytes)).toEqual([startCommand, startCommand]);
  });

  it('lets a test fail connection attempts before one succeeds', async () => {
    const sensor = await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    bt.onChooser((devices) => devices[0]?.id ?? null);
    sensor.failConnects(2);
    const page = await loadPage();
    await connectThroughChooser(page, 0);
    expect(sensor.connectAttempts).toBe(3);
    expect((await sensorStates(page))[0]!.connectFailures).toBe(2);
  });

  it('holds a connection attempt until released', async () => {
    const sensor = await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    bt.onChooser((devices) => devices[0]?.id ?? null);
    sensor.holdConnects();
    const page = await loadPage();
    await page.click('#connect');
    await sensor.waitForConnectAttempts(1);
    expect(sensor.heldConnectAttempts).toBe(1);
    expect((await sensorStates(page))[0]!.state).toBe('connecting');
    // A peripheral nobody subscribed to sends nothing; the harness refuses rather than pretend.
    await expect(sensor.notify(dataCharacteristic, makeFrames(0, 1))).rejects.toThrow(/not subscribed/);
    await sensor.releaseConnects();
    await waitForStreaming(page, 0);
    expect((await sensorStates(page))[0]!.connectFailures).toBe(0);
  });

  it('streams from two sensors at once, each chosen in its own prompt', async () => {
    const left = await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    const right = await bt.addPeripheral(sensorSpec('09:09:09:09:09:02', 'Quadcue EMG'));
    const queue = [left.address, right.address];
    bt.onChooser((devices) => {
      const wanted = queue[0];
      if (!devices.some((device) => device.id === wanted)) return null;
      return queue.shift()!;
    });
    const page = await loadPage();
    await connectThroughChooser(page, 0);
    await connectThroughChooser(page, 1);

    const leftFrames = makeFrames(0, 1000);
    const rightFrames = makeFrames(0, 1000).map((frame) => frame.map((byte, i) => (i < 4 ? byte : byte ^ 0xff)));
    await Promise.all([left.notify(dataCharacteristic, leftFrames), right.notify(dataCharacteristic, rightFrames)]);
    await waitForReceived(page, 0, 1000);
    await waitForReceived(page, 1, 1000);

    const states = await sensorStates(page);
    expect(states.map((state) => [state.received, state.outOfOrder, state.byteSum])).toEqual([
      [1000, 0, byteSum(leftFrames)],
      [1000, 0, byteSum(rightFrames)],
    ]);
  });

  it('answers a Battery Level read with the emulated value', async () => {
    await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    bt.onChooser((devices) => devices[0]?.id ?? null);
    const page = await loadPage();
    await connectThroughChooser(page, 0);
    const level = await page.evaluate(() => (window as unknown as { testPage: { readBattery(i: number): Promise<number> } }).testPage.readBattery(0));
    expect(level).toBe(batteryPercent);
  });

  it('dismisses the chooser on request, and reports an absent adapter', async () => {
    await bt.addPeripheral(sensorSpec('09:09:09:09:09:01', 'Quadcue EMG'));
    bt.onChooser(() => cancelChooser);
    const page = await loadPage();
    await page.click('#connect');
    await page.waitForFunction(() => (window as unknown as { testPage: { errors: string[] } }).testPage.errors.length > 0);
    const errors = await page.evaluate(() => (window as unknown as { testPage: { errors: string[] } }).testPage.errors.splice(0));
    expect(errors).toEqual([expect.stringMatching(/^NotFoundError: /)]);

    const availability = () => page.evaluate(() => (navigator as unknown as { bluetooth: { getAvailability(): Promise<boolean> } }).bluetooth.getAvailability());
    expect(await availability()).toBe(true);
    // getAvailability() tells whether a radio exists, not whether it is on: Chromium still says
    // true for 'powered-off' (measured), so 'absent' is the state that flips it.
    await bt.setAdapterState('absent');
    expect(await availability()).toBe(false);
  });
});
