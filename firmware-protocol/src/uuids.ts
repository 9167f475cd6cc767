// GATT identifiers and version of the Quadcue sensor protocol (PROTOCOL.md §2 and §3).
// Custom profiles use 128-bit UUIDs, never 16-bit SIG numbers (reference/devices.md, "Standard services").
// The base is one random (version 4) UUID; bytes 2–3 of the first group number the attributes.

export const QUADCUE_SERVICE_UUID = '5b090001-3804-4a5c-ae72-9dec7c60a1b4';
/** Data frames, notify only (PROTOCOL.md §5). */
export const DATA_CHAR_UUID = '5b090002-3804-4a5c-ae72-9dec7c60a1b4';
/** Control point: write with response; replies come back as notifications on this same characteristic (§6). */
export const CONTROL_CHAR_UUID = '5b090003-3804-4a5c-ae72-9dec7c60a1b4';
/** Replies share the control characteristic (PROTOCOL.md §2 explains why), so there is no separate one. */
export const RESPONSE_CHAR_UUID: string | undefined = undefined;
/** Device description, read (long reads up to 512 bytes, §4). */
export const DESCRIPTION_CHAR_UUID = '5b090004-3804-4a5c-ae72-9dec7c60a1b4';

/** Standard services the app lists in optionalServices (Bluetooth SIG Assigned Numbers). */
export const BATTERY_SERVICE_UUID = '0000180f-0000-1000-8000-00805f9b34fb';
export const BATTERY_LEVEL_CHAR_UUID = '00002a19-0000-1000-8000-00805f9b34fb';
export const DEVICE_INFORMATION_SERVICE_UUID = '0000180a-0000-1000-8000-00805f9b34fb';

/** A major change breaks old decoders; a minor change only adds what old decoders may ignore (§7). */
export const PROTOCOL_MAJOR = 1;
export const PROTOCOL_MINOR = 0;

/** ATT caps an attribute value at 512 bytes (Core spec v5.3, Vol 3 Part F §3.2.9). */
export const MAX_MESSAGE_BYTES = 512;

/** Byte 0 of data frames and descriptions: major in the high nibble, minor in the low nibble. */
export function versionByte(): number {
  return (PROTOCOL_MAJOR << 4) | PROTOCOL_MINOR;
}
