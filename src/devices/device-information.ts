// Device Information Service strings (Bluetooth SIG DIS 1.1). Serial Number 0x2a25 is never read:
// it is on Web Bluetooth's blocklist (web-bluetooth.md).
import type { DeviceInformation } from './sensor-transport';

export const DEVICE_INFORMATION_SERVICE = '0000180a-0000-1000-8000-00805f9b34fb';

/** Characteristic UUIDs of the strings we show, keyed by the field they fill. */
export const deviceInformationCharacteristics: Record<keyof DeviceInformation, string> = {
  manufacturerName: '00002a29-0000-1000-8000-00805f9b34fb',
  modelNumber: '00002a24-0000-1000-8000-00805f9b34fb',
  hardwareRevision: '00002a27-0000-1000-8000-00805f9b34fb',
  firmwareRevision: '00002a26-0000-1000-8000-00805f9b34fb',
  softwareRevision: '00002a28-0000-1000-8000-00805f9b34fb',
};

const noInformation: DeviceInformation = {
  manufacturerName: null,
  modelNumber: null,
  hardwareRevision: null,
  firmwareRevision: null,
  softwareRevision: null,
};

/** Reads each string with `read`; a missing or unreadable one stays null (it is optional in DIS). */
async function read(readValue: (uuid: string) => Promise<DataView>): Promise<DeviceInformation> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const info: Record<string, string | null> = { ...noInformation };
  for (const [field, uuid] of Object.entries(deviceInformationCharacteristics)) {
    try {
      const text = decoder.decode(await readValue(uuid)).replace(/\0+$/, '').trim();
      info[field] = text === '' ? null : text;
    } catch {
      info[field] = null;
    }
  }
  return info as unknown as DeviceInformation;
}

export const readDeviceInformation = Object.assign(read, { none: noInformation });
