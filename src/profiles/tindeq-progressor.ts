// Tindeq Progressor force gauge (and API-compatible clones such as Crimpdeq).
//
// Sources, as marked in /work/shared/reference/devices.md:
//   [doc]  Tindeq Progressor API page (tindeq.com/progressor_api): UUIDs, command tags, response
//          tags, TLV notification layout, float32 kg + uint32 µs records, little-endian, replies
//          without opcode echo.
//   [oss]  hangtime-grip-connect (Stevie-Ray, BSD-2) — one open-source client; read to confirm
//          the layout (it parses records from byte 2 in steps of 8 and routes replies by the last
//          command written). Nothing copied.
//   [?]    ~80 Hz rate, samples per notification: unconfirmed, so the rate is measured from the
//          device timestamps and a notification may carry any whole number of records.

import { createSamplePeriodEstimator } from './sample-period-estimator';
import type { ChannelSpec, CommandName, DecodeResult, Decoder, DeviceProfile } from './types';
import { reject } from './types';

// --- GATT [doc] -------------------------------------------------------------------------------
export const TINDEQ_SERVICE_UUID = '7e4e1701-1ea6-40c9-9dcc-13d34ffead57';
export const TINDEQ_DATA_UUID = '7e4e1702-1ea6-40c9-9dcc-13d34ffead57'; // notify
export const TINDEQ_CONTROL_UUID = '7e4e1703-1ea6-40c9-9dcc-13d34ffead57'; // write
/** Advertised name prefix used by the vendor app's scan filter [oss: hangtime-grip-connect]. */
export const TINDEQ_NAME_PREFIX = 'Progressor';

// --- Command tags [doc] ------------------------------------------------------------------------
// Calibration tags 0x69/0x6a and sleep 0x6e are deliberately absent: never expose them to patients.
export const TINDEQ_CMD_TARE = 0x64;
export const TINDEQ_CMD_START_WEIGHT = 0x65;
export const TINDEQ_CMD_STOP_WEIGHT = 0x66;
export const TINDEQ_CMD_FIRMWARE_VERSION = 0x6b;
export const TINDEQ_CMD_BATTERY_VOLTAGE = 0x6f;

// --- Response tags (notification byte 0) [doc] ------------------------------------------------
export const TINDEQ_RES_COMMAND = 0;
export const TINDEQ_RES_WEIGHT = 1;
export const TINDEQ_RES_RFD_PEAK = 2;
export const TINDEQ_RES_RFD_SERIES = 3;
export const TINDEQ_RES_LOW_POWER = 4;

/** Tag byte + length byte [doc]. */
export const TINDEQ_HEADER_BYTES = 2;
/** One weight record: float32 LE kg + uint32 LE µs [doc]. */
export const TINDEQ_RECORD_BYTES = 8;
/** The device clock is a uint32 of µs, so it wraps every 2^32 µs ≈ 71.6 min [doc: uint32]. */
export const TINDEQ_TIME_MODULO_US = 2 ** 32;

/**
 * Standard acceleration of gravity, exact by definition: 3rd CGPM (1901), restated in
 * ISO 80000-3:2019 item 3-9.1. Converts the device's kilogram-force reading to newtons.
 */
export const STANDARD_GRAVITY_M_PER_S2 = 9.80665;

/**
 * Readings beyond this magnitude are corrupt, not forces: the largest model is rated 200 kg [?: vendor
 * product page, not re-checked], so 500 kg leaves room for overload while catching garbage floats.
 */
export const TINDEQ_MAX_ABS_KG = 500;

/** Nominal rate for display before the first timestamps arrive; ~80 Hz is [?] (devices.md). */
export const TINDEQ_NOMINAL_RATE_HZ = 80;

export function kgToNewtons(kg: number): number {
  return kg * STANDARD_GRAVITY_M_PER_S2;
}

export function newtonsToKg(forceN: number): number {
  return forceN / STANDARD_GRAVITY_M_PER_S2;
}

const CHANNELS: readonly ChannelSpec[] = [
  { label: 'Force', kind: 'force', unit: 'N', nominalRateHz: TINDEQ_NOMINAL_RATE_HZ },
];

/** Commands are one tag byte [doc]; the optional zero length byte some clients add is omitted. */
function oneByte(tag: number): () => Uint8Array {
  return () => Uint8Array.of(tag);
}

/** Forward distance from a to b on the wrapping µs clock, in [0, 2^32). */
function forwardUs(fromUs: number, toUs: number): number {
  const d = (toUs - fromUs) % TINDEQ_TIME_MODULO_US;
  return d < 0 ? d + TINDEQ_TIME_MODULO_US : d;
}

function isPrintableAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b < 0x20 || b > 0x7e) return false;
  return true;
}

function createTindeqDecoder(): Decoder {
  const period = createSamplePeriodEstimator();
  let lastCommand: CommandName | null = null;
  let lastRecordTimeUs: number | null = null;

  function decodeWeights(view: DataView, payloadBytes: number): DecodeResult {
    if (payloadBytes === 0 || payloadBytes % TINDEQ_RECORD_BYTES !== 0) {
      return reject(
        'length-mismatch',
        `Weight payload of ${payloadBytes} bytes is not a whole number of 8-byte records.`,
      );
    }
    const count = payloadBytes / TINDEQ_RECORD_BYTES;
    // Validate every record before touching decoder state, so a bad notification changes nothing.
    let prevUs = -1;
    for (let i = 0; i < count; i++) {
      const at = TINDEQ_HEADER_BYTES + i * TINDEQ_RECORD_BYTES;
      const kg = view.getFloat32(at, true);
      if (!Number.isFinite(kg)) {
        return reject('non-finite-value', `Weight record ${i} is ${kg} (bytes ${at}–${at + 3}).`);
      }
      if (Math.abs(kg) > TINDEQ_MAX_ABS_KG) {
        return reject('out-of-range', `Weight record ${i} reads ${kg} kg, beyond ±${TINDEQ_MAX_ABS_KG} kg.`);
      }
      const timeUs = view.getUint32(at + 4, true);
      if (prevUs >= 0) {
        const step = forwardUs(prevUs, timeUs);
        if (step === 0 || step >= TINDEQ_TIME_MODULO_US / 2) {
          return reject('time-not-increasing', `Record ${i} time ${timeUs} µs does not follow ${prevUs} µs.`);
        }
      }
      prevUs = timeUs;
    }

    const values = new Float64Array(count);
    const firstUs = view.getUint32(TINDEQ_HEADER_BYTES + 4, true);
    let prev = lastRecordTimeUs;
    for (let i = 0; i < count; i++) {
      const at = TINDEQ_HEADER_BYTES + i * TINDEQ_RECORD_BYTES;
      values[i] = kgToNewtons(view.getFloat32(at, true));
      const timeUs = view.getUint32(at + 4, true);
      if (prev !== null) {
        const step = forwardUs(prev, timeUs);
        // A backwards step (duplicate or reset) says nothing about the period.
        if (step < TINDEQ_TIME_MODULO_US / 2) period.addIntervalUs(step);
      }
      prev = timeUs;
    }
    lastRecordTimeUs = prev;
    return {
      kind: 'samples',
      block: {
        channels: 1,
        samplesPerChannel: count,
        values,
        sampleCounter: null, // weight data has no sequence number: loss comes from device time
        sampleCounterModulo: null,
        deviceTimeUs: firstUs,
        deviceTimeModuloUs: TINDEQ_TIME_MODULO_US,
        samplePeriodUs: period.periodUs(),
      },
    };
  }

  function decodeReply(bytes: Uint8Array, view: DataView, payloadBytes: number): DecodeResult {
    const command = lastCommand;
    lastCommand = null; // one reply per command: a second one has nothing to be routed to
    if (command === 'read-battery') {
      if (payloadBytes !== 4) {
        return reject('length-mismatch', `Battery reply must carry 4 bytes (uint32 mV), got ${payloadBytes}.`);
      }
      return {
        kind: 'reply',
        command,
        reply: { kind: 'battery-voltage', batteryMv: view.getUint32(TINDEQ_HEADER_BYTES, true) },
      };
    }
    if (command === 'read-firmware') {
      let end = TINDEQ_HEADER_BYTES + payloadBytes;
      while (end > TINDEQ_HEADER_BYTES && bytes[end - 1] === 0) end--; // tolerate C-string padding
      const text = bytes.subarray(TINDEQ_HEADER_BYTES, end);
      if (text.length === 0 || !isPrintableAscii(text)) {
        return reject('bad-ascii', 'Firmware version reply is empty or not printable ASCII.');
      }
      return {
        kind: 'reply',
        command,
        reply: { kind: 'firmware-version', text: String.fromCharCode(...text) },
      };
    }
    return reject(
      'unexpected-reply',
      command === null
        ? 'Command reply arrived but no command is awaiting one.'
        : `Command reply arrived after '${command}', which has no known reply format.`,
    );
  }

  return {
    channels: CHANNELS,
    commandSent(command) {
      lastCommand = command;
      // A new stream restarts the device clock's meaning for us: forget the last record time.
      if (command === 'start') lastRecordTimeUs = null;
    },
    decode(bytes) {
      if (bytes.length === 0) return reject('empty', 'Empty notification.');
      if (bytes.length < TINDEQ_HEADER_BYTES) {
        return reject('too-short', `Notification of ${bytes.length} byte has no length byte.`);
      }
      const tag = bytes[0] ?? 0;
      const payloadBytes = bytes[1] ?? 0;
      if (bytes.length !== TINDEQ_HEADER_BYTES + payloadBytes) {
        return reject(
          bytes.length < TINDEQ_HEADER_BYTES + payloadBytes ? 'too-short' : 'too-long',
          `Length byte says ${payloadBytes} payload bytes, notification carries ${bytes.length - TINDEQ_HEADER_BYTES}.`,
        );
      }
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      switch (tag) {
        case TINDEQ_RES_WEIGHT:
          return decodeWeights(view, payloadBytes);
        case TINDEQ_RES_COMMAND:
          return decodeReply(bytes, view, payloadBytes);
        case TINDEQ_RES_LOW_POWER:
          return { kind: 'status', status: { kind: 'low-power' } };
        case TINDEQ_RES_RFD_PEAK:
        case TINDEQ_RES_RFD_SERIES:
          // The app never sends 0x67/0x68, and the RFD payload layout is not in the public API page.
          return reject('unsupported', `RFD response (tag ${tag}) is not decoded: its layout is undocumented.`);
        default:
          return reject('unknown-tag', `Unknown response tag ${tag} (expected 0–4).`);
      }
    },
  };
}

export const tindeqProgressorProfile: DeviceProfile = {
  id: 'tindeq-progressor',
  displayName: 'Tindeq Progressor',
  gatt: {
    filterServices: [TINDEQ_SERVICE_UUID],
    namePrefixes: [TINDEQ_NAME_PREFIX],
    optionalServices: [],
    notify: [{ service: TINDEQ_SERVICE_UUID, characteristic: TINDEQ_DATA_UUID }],
    // The vendor's client writes with response [doc].
    write: { service: TINDEQ_SERVICE_UUID, characteristic: TINDEQ_CONTROL_UUID, withResponse: true },
    connectReads: [],
  },
  staticChannels: CHANNELS,
  commands: {
    tare: oneByte(TINDEQ_CMD_TARE),
    start: oneByte(TINDEQ_CMD_START_WEIGHT),
    stop: oneByte(TINDEQ_CMD_STOP_WEIGHT),
    'read-battery': oneByte(TINDEQ_CMD_BATTERY_VOLTAGE),
    'read-firmware': oneByte(TINDEQ_CMD_FIRMWARE_VERSION),
  },
  createDecoder: () => createTindeqDecoder(),
};
