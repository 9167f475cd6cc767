// The Web Bluetooth transport: the only module that touches navigator.bluetooth. It chooses a
// device through the browser's chooser (filtered to our profiles, never acceptAllDevices),
// connects, discovers the profile's characteristics afresh on every (re)connect (old objects are
// stale after a disconnect, web-bluetooth.md), subscribes, and hands each notification on as the
// transport's own copy with its arrival stamp — no DOM work per notification.
import { BATTERY_LEVEL_UUID, BATTERY_SERVICE_UUID } from '../profiles/battery-service';
import { chooserOptions, profileForDevice } from '../profiles/registry';
import type { DeviceProfile } from '../profiles/types';
import type { Clock } from './clock';
import { readDeviceInformation, DEVICE_INFORMATION_SERVICE } from './device-information';
import { TransportError, type LinkInfo, type SensorTransport } from './sensor-transport';

/** Maps a DOMException from Web Bluetooth to our kinds (Web Bluetooth spec §4.1 requestDevice errors). */
function transportErrorFrom(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotFoundError') return new TransportError('cancelled', { cause: error });
  if (name === 'SecurityError' || name === 'NotAllowedError') return new TransportError('permission', { cause: error });
  if (name === 'NotSupportedError') return new TransportError('unsupported', { cause: error });
  return new TransportError('gatt-failed', { cause: error });
}

export interface BluetoothTransportOptions {
  readonly clock: Clock;
  /** A device the user granted earlier (navigator.bluetooth.getDevices()): reconnects without a chooser. */
  readonly device?: BluetoothDevice;
}

export interface BluetoothTransport extends SensorTransport {
  /** The profile of the connected device, known after the first successful open(). */
  readonly profile: DeviceProfile | null;
}

export function createBluetoothTransport(options: BluetoothTransportOptions): BluetoothTransport {
  const { clock } = options;
  let device: BluetoothDevice | null = options.device ?? null;
  let profile: DeviceProfile | null = null;
  let closing = false;
  let listening = false;
  const characteristics = new Map<string, BluetoothRemoteGATTCharacteristic>();

  const onValue = (event: Event) => {
    const characteristic = event.target as BluetoothRemoteGATTCharacteristic;
    const value = characteristic.value;
    if (!value || !transport.onNotify) return;
    // Copy now: the DataView is only valid until this handler returns (spec issue #551).
    const bytes = new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
    transport.onNotify(characteristic.uuid, bytes, clock.nowMs());
  };

  const onDisconnected = () => {
    if (closing) return;
    transport.onUnexpectedDisconnect?.(clock.nowMs());
  };

  function forgetCharacteristics(): void {
    for (const characteristic of characteristics.values()) characteristic.removeEventListener('characteristicvaluechanged', onValue);
    characteristics.clear();
  }

  async function characteristic(server: BluetoothRemoteGATTServer, service: string, uuid: string) {
    const found = await (await server.getPrimaryService(service)).getCharacteristic(uuid);
    characteristics.set(uuid, found);
    return found;
  }

  async function readBattery(server: BluetoothRemoteGATTServer, services: string[]): Promise<number | null> {
    if (!services.includes(BATTERY_SERVICE_UUID)) return null;
    try {
      const value = await (await characteristic(server, BATTERY_SERVICE_UUID, BATTERY_LEVEL_UUID)).readValue();
      const percent = value.getUint8(0);
      return percent <= 100 ? percent : null;
    } catch {
      return null; // A battery we cannot read is shown as unknown, not as an error.
    }
  }

  async function open(): Promise<LinkInfo> {
    closing = false;
    try {
      if (!device) {
        if (!('bluetooth' in navigator)) throw new TransportError('unsupported');
        transport.onOpenPhase?.('choosing');
        device = await navigator.bluetooth.requestDevice(chooserOptions());
        transport.onOpenPhase?.('connecting');
      }
      if (!listening) {
        device.addEventListener('gattserverdisconnected', onDisconnected);
        listening = true;
      }
      if (!device.gatt) throw new TransportError('unsupported');
      forgetCharacteristics();
      const server = await device.gatt.connect();
      const services = (await server.getPrimaryServices()).map((s) => s.uuid.toLowerCase());
      profile = profileForDevice(services, device.name ?? '');
      if (!profile) throw new TransportError('unsupported');
      const subscribed: string[] = [];
      for (const ref of profile.gatt.notify) {
        const found = await characteristic(server, ref.service, ref.characteristic);
        found.addEventListener('characteristicvaluechanged', onValue);
        await found.startNotifications();
        subscribed.push(ref.characteristic);
      }
      await characteristic(server, profile.gatt.write.service, profile.gatt.write.characteristic);
      for (const ref of profile.gatt.connectReads) await characteristic(server, ref.service, ref.characteristic);
      return {
        deviceName: device.name ?? null,
        deviceId: device.id,
        serviceUuids: services,
        subscribedCharacteristicUuids: subscribed,
        deviceInformation: services.includes(DEVICE_INFORMATION_SERVICE)
          ? await readDeviceInformation(async (uuid) => (await characteristic(server, DEVICE_INFORMATION_SERVICE, uuid)).readValue())
          : readDeviceInformation.none,
        batteryPercent: await readBattery(server, services),
      };
    } catch (error) {
      throw transportErrorFrom(error);
    }
  }

  const transport: BluetoothTransport = {
    kind: 'bluetooth',
    get name() {
      return device?.name ?? 'Bluetooth sensor';
    },
    get profile() {
      return profile;
    },
    open,
    async write(uuid, bytes) {
      const target = characteristics.get(uuid);
      if (!target) throw new TransportError('gatt-failed');
      try {
        // Writes go with response where the profile says so (control points must be acknowledged).
        const value = bytes as Uint8Array<ArrayBuffer>;
        if (profile?.gatt.write.withResponse === false) await target.writeValueWithoutResponse(value);
        else await target.writeValueWithResponse(value);
      } catch (error) {
        throw transportErrorFrom(error);
      }
    },
    async read(uuid) {
      const target = characteristics.get(uuid);
      if (!target) throw new TransportError('gatt-failed');
      try {
        const value = await target.readValue();
        return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
      } catch (error) {
        throw transportErrorFrom(error);
      }
    },
    close() {
      closing = true;
      forgetCharacteristics();
      device?.gatt?.disconnect();
    },
    onNotify: null,
    onUnexpectedDisconnect: null,
    onOpenPhase: null,
  };
  return transport;
}
