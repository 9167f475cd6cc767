// Code that runs inside the page under test. Playwright serializes these functions by source
// text, so they must not reference anything from module scope (imports, constants, helpers).
//
// Why hooks at all: Chromium's DevTools Bluetooth emulation has no call that pushes a
// notification value from the emulated peripheral (../../../../shared/reference/web-bluetooth.md,
// "No DevTools call pushes a notification value"). So the init script keeps the real
// BluetoothRemoteGATTCharacteristic objects the page obtained, and `pushNotifications` sets an
// own `value` on one and dispatches `characteristicvaluechanged` on it: the page's real
// listener runs on the page's real object. Nothing here ships in the app: it is injected by
// DevTools (context.addInitScript), which the page's CSP does not govern.

/** Names the hooks share between the init script, the binding and later evaluate calls. */
export interface PageHookNames {
  /** window property holding the registry of characteristics and devices. */
  registry: string;
  /** context binding the wrapped requestDevice calls with the chosen device's page id. */
  deviceChosenBinding: string;
}

export interface NotificationBatch {
  registry: string;
  deviceId: string;
  characteristicUuid: string;
  /** All frames of the batch, concatenated and base64-encoded (one string crosses CDP fast). */
  framesBase64: string;
  frameLengths: number[];
  /** Frames dispatched per page task before yielding to the page's event loop. */
  framesPerTask: number;
}

/**
 * Init script. Wraps `Bluetooth.prototype.requestDevice` (to learn which page device id the
 * chooser answer became) and `BluetoothRemoteGATTService.prototype.getCharacteristic(s)` (to
 * keep, per device and UUID, the characteristic object the page obtained most recently — after
 * a reconnect the old objects are stale and notifications must reach the new ones).
 */
export function installBluetoothPageHooks(names: PageHookNames): void {
  interface Device {
    id: string;
    name?: string;
  }
  interface Characteristic {
    uuid: string;
    service: { device: Device };
  }
  type Method = (this: unknown, ...args: unknown[]) => Promise<unknown>;
  const scope = globalThis as unknown as Record<string, unknown>;
  const serviceClass = scope['BluetoothRemoteGATTService'] as { prototype: Record<string, Method> } | undefined;
  const bluetoothClass = scope['Bluetooth'] as { prototype: Record<string, Method> } | undefined;
  if (!serviceClass || !bluetoothClass) return; // no Web Bluetooth in this browser: nothing to hook

  const characteristics = new Map<string, Characteristic>();
  const devices = new Map<string, string>();
  scope[names.registry] = { characteristics, devices };
  const remember = (characteristic: Characteristic) => {
    const device = characteristic.service.device;
    devices.set(device.id, device.name ?? '');
    characteristics.set(`${device.id}|${characteristic.uuid}`, characteristic);
  };

  const getCharacteristic = serviceClass.prototype['getCharacteristic']!;
  serviceClass.prototype['getCharacteristic'] = async function (this: unknown, ...args: unknown[]) {
    const characteristic = (await getCharacteristic.apply(this, args)) as Characteristic;
    remember(characteristic);
    return characteristic;
  };
  const getCharacteristics = serviceClass.prototype['getCharacteristics']!;
  serviceClass.prototype['getCharacteristics'] = async function (this: unknown, ...args: unknown[]) {
    const list = (await getCharacteristics.apply(this, args)) as Characteristic[];
    list.forEach(remember);
    return list;
  };
  const requestDevice = bluetoothClass.prototype['requestDevice']!;
  bluetoothClass.prototype['requestDevice'] = async function (this: unknown, ...args: unknown[]) {
    // apply() runs before the first await, so the click's transient user activation still holds.
    const device = (await requestDevice.apply(this, args)) as Device;
    devices.set(device.id, device.name ?? '');
    const tell = scope[names.deviceChosenBinding] as (deviceId: string) => Promise<void>;
    await tell(device.id);
    return device;
  };
}

/** The page devices the hooks have seen, as [page device id, name] pairs. */
export function listHookedDevices(registry: string): [string, string][] {
  const scope = globalThis as unknown as Record<string, { devices: Map<string, string> } | undefined>;
  return [...(scope[registry]?.devices ?? new Map<string, string>())];
}

/**
 * Dispatches one batch of notifications, in order, on the characteristic object the page
 * obtained most recently for (device, UUID). Each frame gets its own ArrayBuffer and DataView,
 * as Chromium's own notifications do, and the own `value` is removed after the handlers ran
 * so later `readValue()` results show through the real getter again.
 */
export async function pushNotifications(batch: NotificationBatch): Promise<void> {
  interface HookedCharacteristic extends EventTarget {
    service: { device: { gatt: { connected: boolean } } };
  }
  const scope = globalThis as unknown as Record<string, { characteristics: Map<string, HookedCharacteristic> }>;
  const key = `${batch.deviceId}|${batch.characteristicUuid}`;
  const characteristic = scope[batch.registry]?.characteristics.get(key);
  if (!characteristic) throw new Error(`the page never obtained characteristic ${key}`);
  if (!characteristic.service.device.gatt.connected) throw new Error(`device ${batch.deviceId} is not connected`);

  const text = atob(batch.framesBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  // A MessageChannel round trip yields one task without setTimeout's 4 ms nesting clamp.
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise<void>((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });

  let offset = 0;
  for (let i = 0; i < batch.frameLengths.length; i++) {
    const length = batch.frameLengths[i]!;
    const value = new DataView(bytes.slice(offset, offset + length).buffer);
    offset += length;
    Object.defineProperty(characteristic, 'value', { value, configurable: true });
    characteristic.dispatchEvent(new Event('characteristicvaluechanged', { bubbles: true }));
    delete (characteristic as unknown as { value?: DataView }).value;
    if ((i + 1) % batch.framesPerTask === 0) await nextTask();
  }
  channel.port1.close();
}
