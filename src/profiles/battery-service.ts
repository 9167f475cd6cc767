// Standard Bluetooth Battery Service, read by every profile whose device offers it.

import type { DecodeResult } from './types';
import { reject } from './types';

/** Battery Service 0x180f and Battery Level 0x2a19 (Bluetooth SIG Assigned Numbers; devices.md). */
export const BATTERY_SERVICE_UUID = '0000180f-0000-1000-8000-00805f9b34fb';
export const BATTERY_LEVEL_UUID = '00002a19-0000-1000-8000-00805f9b34fb';

/** Warn at or below this level (project issue, "Battery": level ≤ 15 %). */
export const LOW_BATTERY_PERCENT = 15;

/** Battery Level is one uint8, 0–100 % (Battery Service 1.0 spec, §3.1). */
export function decodeBatteryLevel(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return reject('empty', 'Battery Level read returned no bytes.');
  if (bytes.length > 1) {
    return reject('too-long', `Battery Level must be 1 byte, got ${bytes.length}.`);
  }
  const percent = bytes[0] ?? 0;
  if (percent > 100) {
    return reject('out-of-range', `Battery Level ${percent} % is above 100 %.`);
  }
  return {
    kind: 'status',
    status: { kind: 'battery-level', percent, low: percent <= LOW_BATTERY_PERCENT },
  };
}
