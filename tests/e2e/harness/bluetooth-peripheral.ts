// One emulated Bluetooth LE peripheral: its GATT table, what the page wrote to it, what it is
// subscribed to, and how it answers connection attempts. Created by BluetoothEmulator.addPeripheral
// (bluetooth-emulation.ts), which routes the DevTools events for this address here.

import type { CDPSession, Page } from 'playwright-core';
import { pushNotifications } from './bluetooth-page-hooks';

/** A UUID as the test writes it: full 128-bit string, 16-bit hex ('2a19', '0x2a19') or number. */
export type Uuid = string | number;

/** Bluetooth Base UUID suffix for 16/32-bit SIG UUIDs (Core Spec v5.4 Vol 3 Part B 2.5.1). */
const baseUuidSuffix = '-0000-1000-8000-00805f9b34fb';
/** Client Characteristic Configuration descriptor (Assigned Numbers 3.7): without it on a
 *  notify characteristic, Chromium's startNotifications() fails. */
const cccdUuid = `00002902${baseUuidSuffix}`;
/** HCI "Connection Failed to be Established" (Core Spec v5.4 Vol 1 Part F 1.3, code 0x3E). */
export const hciConnectionFailed = 0x3e;
/** ATT "Read Not Permitted" (Core Spec v5.4 Vol 3 Part F 3.4.1.1, code 0x02). */
const attReadNotPermitted = 0x02;

/** Lower-case 128-bit form, which is how the page's `characteristic.uuid` spells it. */
export function fullUuid(uuid: Uuid): string {
  const text = typeof uuid === 'number' ? uuid.toString(16) : uuid.toLowerCase().replace(/^0x/, '');
  if (/^[0-9a-f]{1,8}$/.test(text)) return `${text.padStart(8, '0')}${baseUuidSuffix}`;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text)) return text;
  throw new Error(`not a Bluetooth UUID: ${String(uuid)}`);
}

export interface CharacteristicSpec {
  uuid: Uuid;
  properties: { read?: boolean; write?: boolean; writeWithoutResponse?: boolean; notify?: boolean; indicate?: boolean };
  /** Answer to the page's readValue(); without it a read fails with ATT Read Not Permitted. */
  readValue?: Uint8Array | (() => Uint8Array);
}

export interface ServiceSpec {
  uuid: Uuid;
  characteristics: CharacteristicSpec[];
}

export interface PeripheralSpec {
  /** Also the device id the chooser lists. */
  address: string;
  name: string;
  services: ServiceSpec[];
  manufacturerData?: { companyId: number; data: Uint8Array }[];
}

export type WriteType = 'write-with-response' | 'write-without-response' | 'write-default-deprecated';

export interface WriteRecord {
  characteristic: string;
  bytes: Uint8Array;
  writeType: WriteType;
}

/** Returns the frames to notify in reply to a write (e.g. a status reply), or nothing. */
export type WriteHandler = (bytes: Uint8Array, writeType: WriteType) => Uint8Array[] | void;

export interface NotifyOptions {
  /** Frames per page evaluate call (one CDP round trip). */
  framesPerCall?: number;
  /** Frames dispatched per page task before the page's event loop runs again. */
  framesPerTask?: number;
}

/** What a peripheral needs from the emulator that owns it. */
export interface PeripheralHost {
  browserSession: CDPSession;
  page: Page;
  registry: string;
  /** Call after every state change: wakes the wait* helpers. */
  changed(): void;
  waitUntil<T>(check: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  /** The page's device id for this address (learned from the chooser answer, else by name). */
  pageDeviceId(peripheral: EmulatedPeripheral): Promise<string>;
}

interface LiveCharacteristic {
  uuid: string;
  spec: CharacteristicSpec;
}

export class EmulatedPeripheral {
  readonly address: string;
  readonly name: string;
  /** Page device id, once the chooser answer for this address came back through requestDevice. */
  deviceId: string | undefined;
  /** Connection requests the page made (answered or not). */
  connectAttempts = 0;

  private readonly spec: PeripheralSpec;
  private readonly host: PeripheralHost;
  private readonly live = new Map<string, LiveCharacteristic>(); // DevTools characteristic id →
  private tableStale = true;
  private readonly subscribed = new Set<string>();
  private readonly writeLog: WriteRecord[] = [];
  private readonly writeHandlers = new Map<string, { handler: WriteHandler; replyOn: string }>();
  private connectFailuresLeft = 0;
  private connectFailureCode = hciConnectionFailed;
  private holding = false;
  private heldConnects = 0;

  constructor(spec: PeripheralSpec, host: PeripheralHost) {
    this.spec = spec;
    this.address = spec.address;
    this.name = spec.name;
    this.host = host;
  }

  /** Registers the peripheral with the emulated adapter and builds its GATT table. */
  async create(): Promise<void> {
    await this.host.browserSession.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
      address: this.address,
      name: this.name,
      manufacturerData: (this.spec.manufacturerData ?? []).map((entry) => ({
        key: entry.companyId,
        data: Buffer.from(entry.data).toString('base64'),
      })),
      knownServiceUuids: this.spec.services.map((service) => fullUuid(service.uuid)),
    });
    await this.buildTable();
  }

  // The emulator forgets a peripheral's services on every simulated disconnection, and hands
  // out new ids when they are added again; the table is rebuilt before the next connection.
  private async buildTable(): Promise<void> {
    const session = this.host.browserSession;
    this.live.clear();
    for (const service of this.spec.services) {
      const { serviceId } = await session.send('BluetoothEmulation.addService', {
        address: this.address,
        serviceUuid: fullUuid(service.uuid),
      });
      for (const characteristic of service.characteristics) {
        const uuid = fullUuid(characteristic.uuid);
        const { characteristicId } = await session.send('BluetoothEmulation.addCharacteristic', {
          serviceId,
          characteristicUuid: uuid,
          properties: characteristic.properties,
        });
        if (characteristic.properties.notify || characteristic.properties.indicate) {
          await session.send('BluetoothEmulation.addDescriptor', { characteristicId, descriptorUuid: cccdUuid });
        }
        this.live.set(characteristicId, { uuid, spec: characteristic });
      }
    }
    this.tableStale = false;
  }

  ownsCharacteristic(characteristicId: string): boolean {
    return this.live.has(characteristicId);
  }

  // ---- connection control -------------------------------------------------------------

  /** The next `count` connection attempts fail with HCI `code`; the page sees a NetworkError. */
  failConnects(count: number, code = hciConnectionFailed): void {
    this.connectFailuresLeft = count;
    this.connectFailureCode = code;
  }

  /**
   * Leaves connection attempts unanswered (a sensor that is off) until releaseConnects() or
   * disconnect(); the latter rejects the pending connect() with a NetworkError.
   * Pitfall: if the page calls gatt.disconnect() and then connect() again while an attempt is
   * held, Chromium 156 has crashed — release or disconnect() first.
   */
  holdConnects(): void {
    this.holding = true;
  }

  /** Stops holding; a held attempt is answered now, with success unless `code` says otherwise. */
  async releaseConnects(code = 0): Promise<void> {
    this.holding = false;
    if (this.heldConnects === 0) return;
    // The emulator coalesces concurrent attempts: one answer settles all of them.
    this.heldConnects = 0;
    await this.answerConnect(code);
  }

  get heldConnectAttempts(): number {
    return this.heldConnects;
  }

  async onConnectionRequest(): Promise<void> {
    this.connectAttempts++;
    this.host.changed();
    if (this.holding) {
      this.heldConnects++;
      this.host.changed();
      return;
    }
    if (this.connectFailuresLeft > 0) {
      this.connectFailuresLeft--;
      await this.answerConnect(this.connectFailureCode);
      return;
    }
    await this.answerConnect(0);
  }

  private async answerConnect(code: number): Promise<void> {
    if (code === 0 && this.tableStale) await this.buildTable();
    await this.host.browserSession.send('BluetoothEmulation.simulateGATTOperationResponse', {
      address: this.address,
      type: 'connection',
      code,
    });
  }

  waitForConnectAttempts(count: number, timeoutMs?: number): Promise<number> {
    return this.host.waitUntil(
      () => (this.connectAttempts >= count ? this.connectAttempts : undefined),
      `${count} connection attempts to ${this.address}`,
      timeoutMs,
    );
  }

  /** Drops the link: `gattserverdisconnected` fires in the page; every page object goes stale. */
  async disconnect(): Promise<void> {
    // State first: the page may reconnect before this call's response arrives.
    this.tableStale = true;
    this.subscribed.clear();
    this.heldConnects = 0;
    this.host.changed();
    await this.host.browserSession.send('BluetoothEmulation.simulateGATTDisconnection', { address: this.address });
  }

  // ---- characteristic operations ------------------------------------------------------

  async onCharacteristicOperation(event: {
    characteristicId: string;
    type: 'read' | 'write' | 'subscribe-to-notifications' | 'unsubscribe-from-notifications';
    data?: string;
    writeType?: WriteType;
  }): Promise<void> {
    const characteristic = this.live.get(event.characteristicId)!;
    const session = this.host.browserSession;
    const respond = (code: number, data?: Uint8Array) =>
      session.send('BluetoothEmulation.simulateCharacteristicOperationResponse', {
        characteristicId: event.characteristicId,
        type: event.type,
        code,
        ...(data ? { data: Buffer.from(data).toString('base64') } : {}),
      });
    switch (event.type) {
      // State first, then the answer: the page acts on the answer at once (a command right after
      // startNotifications), and that write's event may be handled before this call resumes —
      // its reply then found no subscription (a flaky "not subscribed" under load).
      case 'subscribe-to-notifications':
        this.subscribed.add(characteristic.uuid);
        await respond(0);
        break;
      case 'unsubscribe-from-notifications':
        this.subscribed.delete(characteristic.uuid);
        await respond(0);
        break;
      case 'read': {
        const source = characteristic.spec.readValue;
        if (source === undefined) await respond(attReadNotPermitted);
        else await respond(0, typeof source === 'function' ? source() : source);
        break;
      }
      case 'write': {
        const bytes = new Uint8Array(Buffer.from(event.data ?? '', 'base64'));
        const writeType = event.writeType ?? 'write-with-response';
        this.writeLog.push({ characteristic: characteristic.uuid, bytes, writeType });
        // Chromium resolves writeValueWithoutResponse() without waiting for an answer.
        if (writeType !== 'write-without-response') await respond(0);
        const handling = this.writeHandlers.get(characteristic.uuid);
        const reply = handling?.handler(bytes, writeType);
        if (handling && reply && reply.length > 0) await this.notify(handling.replyOn, reply);
        break;
      }
    }
    this.host.changed();
  }

  /** Every write the page made, in order; only those to `characteristic` if given. */
  writes(characteristic?: Uuid): WriteRecord[] {
    if (characteristic === undefined) return [...this.writeLog];
    const uuid = fullUuid(characteristic);
    return this.writeLog.filter((write) => write.characteristic === uuid);
  }

  /** Resolves with the first write to `characteristic` (at index >= `fromIndex` among its writes). */
  waitForWrite(characteristic: Uuid, fromIndex = 0, timeoutMs?: number): Promise<WriteRecord> {
    return this.host.waitUntil(
      () => this.writes(characteristic)[fromIndex],
      `write #${fromIndex} to ${fullUuid(characteristic)} on ${this.address}`,
      timeoutMs,
    );
  }

  /** Answers writes to `characteristic` with notifications on `replyOn` (default: the same one). */
  onWrite(characteristic: Uuid, handler: WriteHandler, replyOn: Uuid = characteristic): void {
    this.writeHandlers.set(fullUuid(characteristic), { handler, replyOn: fullUuid(replyOn) });
  }

  isSubscribed(characteristic: Uuid): boolean {
    return this.subscribed.has(fullUuid(characteristic));
  }

  waitForSubscribed(characteristic: Uuid, timeoutMs?: number): Promise<true> {
    return this.host.waitUntil(
      () => (this.isSubscribed(characteristic) ? true : undefined),
      `subscription to ${fullUuid(characteristic)} on ${this.address}`,
      timeoutMs,
    );
  }

  /**
   * Pushes `frames` in order into the page through the characteristic object it obtained most
   * recently, as fast as the page takes them: `framesPerCall` frames cross DevTools per call
   * (default 1000), and the page's event loop runs between every `framesPerTask` frames
   * (default 1: one task per notification, like Chromium's own delivery).
   * Throws if the page has not subscribed, as a real peripheral would send nothing.
   */
  async notify(characteristic: Uuid, frames: Uint8Array[], options: NotifyOptions = {}): Promise<void> {
    const uuid = fullUuid(characteristic);
    if (!this.subscribed.has(uuid)) throw new Error(`${this.address}: the page is not subscribed to ${uuid}`);
    const deviceId = await this.host.pageDeviceId(this);
    const framesPerCall = options.framesPerCall ?? 1000;
    const framesPerTask = options.framesPerTask ?? 1;
    for (let start = 0; start < frames.length; start += framesPerCall) {
      const batch = frames.slice(start, start + framesPerCall);
      await this.host.page.evaluate(pushNotifications, {
        registry: this.host.registry,
        deviceId,
        characteristicUuid: uuid,
        framesBase64: Buffer.concat(batch).toString('base64'),
        frameLengths: batch.map((frame) => frame.length),
        framesPerTask,
      });
    }
  }
}
