// Emulated Bluetooth LE sensors for browser tests, through Chromium's DevTools protocol
// (BluetoothEmulation on the browser target, DeviceAccess on the page target; method names
// checked against Chromium 156's /json/protocol). The page's real Web Bluetooth code runs:
// chooser → gatt.connect → getPrimaryService → getCharacteristic → startNotifications →
// writeValue* → gattserverdisconnected → reconnect. See ../../../../shared/reference/web-bluetooth.md.
//
// API
//   const bt = await BluetoothEmulator.attach(browser, context, page);   // before page.goto()
//   const sensor = await bt.addPeripheral({ address, name, services: [{ uuid, characteristics:
//       [{ uuid, properties: { notify, read, write, writeWithoutResponse }, readValue }] }],
//       manufacturerData });                                            → EmulatedPeripheral
//   bt.onChooser((devices) => deviceId | null | cancelChooser)  // called per prompt update until
//                                                    // it returns non-null; device id = address
//   await bt.setAdapterState('powered-off' | 'powered-on' | 'absent')
//   bt.errors                                        // failures inside event handlers; assert []
//   await bt.detach()                                // required: one emulator per browser at a time
//   sensor.writes(uuid?) / waitForWrite(uuid, fromIndex?) / onWrite(uuid, (bytes) => frames|void, replyOn?)
//   sensor.isSubscribed(uuid) / waitForSubscribed(uuid)
//   await sensor.notify(uuid, frames, { framesPerCall?, framesPerTask? })
//   await sensor.disconnect()                        // gattserverdisconnected fires in the page
//   sensor.failConnects(n, hciCode?) / holdConnects() / releaseConnects(code?) /
//   sensor.connectAttempts / waitForConnectAttempts(n) / heldConnectAttempts
//
// GATT connection and discovery are answered with success unless a peripheral says otherwise;
// subscriptions succeed; reads answer with the characteristic's readValue.

import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { EmulatedPeripheral, type PeripheralHost, type PeripheralSpec } from './bluetooth-peripheral';
import { installBluetoothPageHooks, listHookedDevices, type PageHookNames } from './bluetooth-page-hooks';

export { EmulatedPeripheral, fullUuid, hciConnectionFailed } from './bluetooth-peripheral';
export type { CharacteristicSpec, PeripheralSpec, ServiceSpec, Uuid, WriteRecord } from './bluetooth-peripheral';

/** A device as the chooser lists it. DevTools lists names as '' here; ours come from the spec. */
export interface ChooserDevice {
  id: string;
  name: string;
}

/** Return from a chooser handler to dismiss the prompt (requestDevice rejects: NotFoundError). */
export const cancelChooser = Symbol('cancel chooser');
export type ChooserHandler = (devices: ChooserDevice[]) => string | null | typeof cancelChooser;

const hookNames: PageHookNames = {
  registry: '__quadcueBluetoothEmulation',
  deviceChosenBinding: '__quadcueBluetoothDeviceChosen',
};

/** Generous for a 2-core CI machine; a wait that needs more means the page is stuck. */
const defaultWaitMs = 10_000;

/** ATT "Request Not Supported" (Core Spec v5.4 Vol 3 Part F 3.4.1.1, code 0x06). */
const attRequestNotSupported = 0x06;

export class BluetoothEmulator {
  /** Failures inside DevTools event handlers, which have no caller to throw to. Assert empty. */
  readonly errors: string[] = [];

  private readonly browserSession: CDPSession;
  private readonly pageSession: CDPSession;
  private readonly page: Page;
  private readonly peripherals = new Map<string, EmulatedPeripheral>();
  private chooser: ChooserHandler | undefined;
  private readonly answeredPrompts = new Set<string>();
  /** Addresses selected in the chooser whose requestDevice() has not yet reported back. */
  private readonly selectedAddresses: string[] = [];
  private readonly wakeups = new Set<() => void>();

  private constructor(browserSession: CDPSession, pageSession: CDPSession, page: Page) {
    this.browserSession = browserSession;
    this.pageSession = pageSession;
    this.page = page;
  }

  /**
   * Powers on an emulated adapter and hooks `page` (call before navigating it: the hooks are an
   * init script). The emulation is browser-wide and exclusive: detach() before the next attach.
   */
  static async attach(browser: Browser, context: BrowserContext, page: Page): Promise<BluetoothEmulator> {
    const browserSession = await browser.newBrowserCDPSession();
    const pageSession = await context.newCDPSession(page);
    const emulator = new BluetoothEmulator(browserSession, pageSession, page);
    await context.exposeBinding(hookNames.deviceChosenBinding, (_source, deviceId: string) => {
      emulator.deviceChosen(deviceId);
    });
    await context.addInitScript(installBluetoothPageHooks, hookNames);
    browserSession.on('BluetoothEmulation.gattOperationReceived', (event) => {
      emulator.guard(async () => {
        const peripheral = emulator.peripheral(event.address);
        if (event.type === 'connection') return peripheral.onConnectionRequest();
        await browserSession.send('BluetoothEmulation.simulateGATTOperationResponse', { ...event, code: 0 });
      });
    });
    browserSession.on('BluetoothEmulation.characteristicOperationReceived', (event) => {
      emulator.guard(async () => {
        const owner = [...emulator.peripherals.values()].find((p) => p.ownsCharacteristic(event.characteristicId));
        if (!owner) throw new Error(`operation ${event.type} on unknown characteristic ${event.characteristicId}`);
        await owner.onCharacteristicOperation(event);
      });
    });
    // Pages cannot write the CCCD (blocklisted) and our table has no other descriptor; answer
    // anything else with an error rather than leave the page waiting, and record it.
    browserSession.on('BluetoothEmulation.descriptorOperationReceived', (event) => {
      emulator.guard(async () => {
        await browserSession.send('BluetoothEmulation.simulateDescriptorOperationResponse', {
          descriptorId: event.descriptorId,
          type: event.type,
          code: attRequestNotSupported,
        });
        throw new Error(`unexpected descriptor ${event.type} on ${event.descriptorId}`);
      });
    });
    pageSession.on('DeviceAccess.deviceRequestPrompted', (event) => emulator.onPrompt(event));
    await browserSession.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
    await pageSession.send('DeviceAccess.enable');
    return emulator;
  }

  async addPeripheral(spec: PeripheralSpec): Promise<EmulatedPeripheral> {
    if (this.peripherals.has(spec.address)) throw new Error(`peripheral ${spec.address} exists already`);
    const host: PeripheralHost = {
      browserSession: this.browserSession,
      page: this.page,
      registry: hookNames.registry,
      changed: () => this.changed(),
      waitUntil: (check, what, timeoutMs) => this.waitUntil(check, what, timeoutMs),
      pageDeviceId: (peripheral) => this.pageDeviceId(peripheral),
    };
    const peripheral = new EmulatedPeripheral(spec, host);
    this.peripherals.set(spec.address, peripheral);
    await peripheral.create();
    return peripheral;
  }

  onChooser(handler: ChooserHandler): void {
    this.chooser = handler;
  }

  async setAdapterState(state: 'absent' | 'powered-off' | 'powered-on'): Promise<void> {
    await this.browserSession.send('BluetoothEmulation.setSimulatedCentralState', { state });
  }

  /** Ends the emulation (detaching the browser session disables it) so another test can attach. */
  async detach(): Promise<void> {
    await this.browserSession.detach();
    if (!this.page.isClosed()) await this.pageSession.detach();
  }

  // ---- chooser ------------------------------------------------------------------------

  // DevTools fires deviceRequestPrompted again as the device list grows (and twice for the
  // same list); selecting twice for one prompt crashes the browser, so answer each id once.
  private onPrompt(event: { id: string; devices: { id: string; name: string }[] }): void {
    if (this.answeredPrompts.has(event.id)) return;
    const devices = event.devices.map((device) => ({
      id: device.id,
      name: this.peripherals.get(device.id)?.name ?? device.name,
    }));
    if (!this.chooser) {
      this.answeredPrompts.add(event.id);
      this.guard(async () => {
        await this.pageSession.send('DeviceAccess.cancelPrompt', { id: event.id });
        throw new Error('a chooser prompt opened but no onChooser handler was set');
      });
      return;
    }
    const choice = this.chooser(devices);
    if (choice === null) return;
    this.answeredPrompts.add(event.id);
    if (choice === cancelChooser) {
      this.guard(() => this.pageSession.send('DeviceAccess.cancelPrompt', { id: event.id }));
      return;
    }
    this.selectedAddresses.push(choice);
    this.guard(() => this.pageSession.send('DeviceAccess.selectPrompt', { id: event.id, deviceId: choice }));
  }

  // requestDevice() resolves in the order prompts were answered, one prompt at a time.
  private deviceChosen(deviceId: string): void {
    const address = this.selectedAddresses.shift();
    const peripheral = address === undefined ? undefined : this.peripherals.get(address);
    if (peripheral) peripheral.deviceId = deviceId;
    this.changed();
  }

  // A device the page got without the chooser (getDevices()) is matched by its unique name.
  private async pageDeviceId(peripheral: EmulatedPeripheral): Promise<string> {
    if (peripheral.deviceId !== undefined) return peripheral.deviceId;
    const sameName = [...this.peripherals.values()].filter((p) => p.name === peripheral.name);
    const seen = await this.page.evaluate(listHookedDevices, hookNames.registry);
    const match = seen.filter(([, name]) => name === peripheral.name);
    if (sameName.length !== 1 || match.length !== 1) {
      throw new Error(`cannot tell which page device is ${peripheral.address} (${peripheral.name})`);
    }
    peripheral.deviceId = match[0]![0];
    return peripheral.deviceId;
  }

  // ---- plumbing -----------------------------------------------------------------------

  private peripheral(address: string): EmulatedPeripheral {
    const peripheral = this.peripherals.get(address);
    if (!peripheral) throw new Error(`DevTools event for unknown peripheral ${address}`);
    return peripheral;
  }

  private guard(action: () => Promise<unknown>): void {
    action().catch((error: unknown) => this.report(error));
  }

  private report(error: unknown): void {
    this.errors.push(error instanceof Error ? error.message : String(error));
    this.changed();
  }

  private changed(): void {
    for (const wake of [...this.wakeups]) wake();
  }

  /** Resolves with check()'s first defined value, re-checked on every emulator state change. */
  waitUntil<T>(check: () => T | undefined, what: string, timeoutMs = defaultWaitMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const wake = () => {
        const value = check();
        if (value === undefined) return;
        finish();
        resolve(value);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; errors: ${this.errors.join('; ')}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.wakeups.delete(wake);
      };
      this.wakeups.add(wake);
      wake();
    });
  }
}
