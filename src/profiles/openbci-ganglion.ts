// OpenBCI Ganglion, 4-channel biosensing board used here for surface EMG.
//
// Sources (see ganglion-packets.ts for the bit-level ones):
//   [doc]  OpenBCI Documentation "Ganglion Data Format": service fe84, notify/write UUIDs, commands
//          b/s/z/Z, 20-byte packets, 200 Hz with 2 samples per packet, packet id table (0 raw;
//          1–100 18-bit; 101–200 19-bit; 201–205 impedance; 206/207 message parts), scale.
//   [oss]  brainflow ganglion_native*.cpp (MIT): firmware generation from Device Information
//          Software Revision (0x2a28) starting with '3'; fw3 ids 0–99 18-bit, 100–199 19-bit,
//          each packet standalone; writes without response. Also OpenBCI_Ganglion_Library PR #31
//          (vendor firmware repo, open): confirms the fw2/fw3 id ranges, and reports that fw3 drops
//          the first 0/100 packet and resets its counter every 201 samples — so expect one
//          apparent 1-sample slip per counter cycle on current fw3 boards [?].
//
// Packet ids → sample counter (what loss accounting consumes), defined here:
//   fw2: a cycle is raw packet 0 (1 sample) then 100 delta packets (2 samples each) = 201 samples.
//        Position p = 0 for id 0, else ((id − 1) mod 100) + 1, so ids 1–100 and 101–200 share
//        positions 1–100 (18- and 19-bit modes). Sample counter = 0 for raw, 2p − 1 for deltas,
//        modulo 201. Expected next position = (p + 1) mod 101.
//   fw3: a cycle is 100 packets × 2 samples. Sample counter = 2 × (id mod 100), modulo 200.

import {
  FIELDS_PER_PACKET,
  lsbSignedField,
  msbSignedFieldTo24Bit,
  parseAsciiBody,
  parseImpedanceOhms,
  readFields,
  readInt24Be,
} from './ganglion-packets';
import type { ChannelSpec, ConnectInfo, DecodeResult, Decoder, DeviceProfile, ImpedanceElectrode } from './types';
import { reject } from './types';

// --- GATT [doc] -------------------------------------------------------------------------------
export const GANGLION_SERVICE_UUID = '0000fe84-0000-1000-8000-00805f9b34fb';
export const GANGLION_NOTIFY_UUID = '2d30c082-f39f-4ce6-923f-3484ea480596';
export const GANGLION_WRITE_UUID = '2d30c083-f39f-4ce6-923f-3484ea480596';
export const GANGLION_NAME_PREFIX = 'Ganglion';
/** Device Information service and its Software Revision String (Bluetooth SIG Assigned Numbers). */
export const DEVICE_INFORMATION_SERVICE_UUID = '0000180a-0000-1000-8000-00805f9b34fb';
export const SOFTWARE_REVISION_UUID = '00002a28-0000-1000-8000-00805f9b34fb';

// --- Commands: single ASCII bytes [doc] --------------------------------------------------------
export const GANGLION_CMD_START = 0x62; // 'b'
export const GANGLION_CMD_STOP = 0x73; // 's'
export const GANGLION_CMD_IMPEDANCE_START = 0x7a; // 'z'
export const GANGLION_CMD_IMPEDANCE_STOP = 0x5a; // 'Z'

// --- Packets [doc] -----------------------------------------------------------------------------
export const GANGLION_PACKET_BYTES = 20;
export const GANGLION_RATE_HZ = 200;
export const GANGLION_SAMPLE_PERIOD_US = 1e6 / GANGLION_RATE_HZ;
export const GANGLION_CHANNELS = 4;
/** µV per count: 1.2 V reference, ×1.5, ×51 gain, 24-bit → 15686 µV / 8388607 [doc]. */
export const GANGLION_SCALE_UV_PER_COUNT = 0.001869917;
export const ID_IMPEDANCE_FIRST = 201; // channel 1 … 204 channel 4, 205 reference
export const ID_IMPEDANCE_REF = 205;
export const ID_MESSAGE_PART = 206;
export const ID_MESSAGE_END = 207;
/** Cap on an assembled message: a stream of 206s without 207 must not grow memory without bound. */
export const MAX_MESSAGE_CHARS = 1024;

export const FW2_CYCLE_SAMPLES = 201;
export const FW3_CYCLE_SAMPLES = 200;

export type GanglionFirmware = 2 | 3;

/** '3…' means firmware 3; anything else, or no readable revision, firmware 2 [oss: brainflow]. */
export function ganglionFirmwareFromSoftwareRevision(revision: string | null): GanglionFirmware {
  return revision !== null && revision.trim().startsWith('3') ? 3 : 2;
}

/** fw2 cycle position of a data packet id (see header); ids must be 0–200. */
export function fw2Position(id: number): number {
  return id === 0 ? 0 : ((id - 1) % 100) + 1;
}

/** fw2 position expected after `position`. */
export function fw2NextPosition(position: number): number {
  return (position + 1) % 101;
}

const CHANNELS: readonly ChannelSpec[] = [1, 2, 3, 4].map(
  (n): ChannelSpec => ({ label: `Ch ${n}`, kind: 'emg', unit: 'uV', nominalRateHz: GANGLION_RATE_HZ }),
);

function block(values: Float64Array, sampleCounter: number, modulo: number): DecodeResult {
  return {
    kind: 'samples',
    block: {
      channels: GANGLION_CHANNELS,
      samplesPerChannel: values.length / GANGLION_CHANNELS,
      values,
      sampleCounter,
      sampleCounterModulo: modulo,
      deviceTimeUs: null, // the board sends no clock
      deviceTimeModuloUs: null,
      samplePeriodUs: GANGLION_SAMPLE_PERIOD_US,
    },
  };
}

export function createGanglionDecoder(firmware: GanglionFirmware): Decoder {
  const fields = new Float64Array(FIELDS_PER_PACKET);
  // fw2 delta chain, in counts: the last decoded sample, and the one before the last packet
  // (so a duplicated packet decodes to the same values instead of applying its deltas twice).
  const base = new Float64Array(GANGLION_CHANNELS);
  const baseBeforeLast = new Float64Array(GANGLION_CHANNELS);
  let seeded = false;
  let lastPosition = -1;
  let message = '';

  function decodeFw2(bytes: Uint8Array, id: number): DecodeResult {
    if (id === 0) {
      const values = new Float64Array(GANGLION_CHANNELS);
      for (let c = 0; c < GANGLION_CHANNELS; c++) {
        const counts = readInt24Be(bytes, 1 + 3 * c);
        base[c] = counts;
        values[c] = counts * GANGLION_SCALE_UV_PER_COUNT;
      }
      seeded = true;
      lastPosition = 0;
      return block(values, 0, FW2_CYCLE_SAMPLES);
    }
    const position = fw2Position(id);
    if (!seeded) {
      return reject('unseeded-delta', `Delta packet ${id} arrived before a raw packet (id 0) seeded the decoder.`);
    }
    const duplicate = position === lastPosition;
    if (!duplicate && position !== fw2NextPosition(lastPosition)) {
      // A lost delta leaves every later sample offset by the missing deltas: wait for the next raw.
      seeded = false;
      return reject(
        'unseeded-delta',
        `Delta packet ${id} does not follow position ${lastPosition}; dropping deltas until the next raw packet.`,
      );
    }
    const width = id <= 100 ? 18 : 19;
    readFields(bytes, width, fields);
    const from = duplicate ? baseBeforeLast : base;
    const values = new Float64Array(2 * GANGLION_CHANNELS);
    for (let c = 0; c < GANGLION_CHANNELS; c++) {
      // Deltas are previous − new [doc], so new = previous − delta, A from the base, B from A.
      const a = (from[c] ?? 0) - lsbSignedField(fields[c] ?? 0, width);
      const b = a - lsbSignedField(fields[c + GANGLION_CHANNELS] ?? 0, width);
      values[c] = a * GANGLION_SCALE_UV_PER_COUNT;
      values[c + GANGLION_CHANNELS] = b * GANGLION_SCALE_UV_PER_COUNT;
      if (!duplicate) {
        baseBeforeLast[c] = base[c] ?? 0;
        base[c] = b;
      }
    }
    lastPosition = position;
    return block(values, 2 * position - 1, FW2_CYCLE_SAMPLES);
  }

  function decodeFw3(bytes: Uint8Array, id: number): DecodeResult {
    if (id >= 200) return reject('impossible-id', `Packet id ${id} is not a firmware 3 data id (0–199).`);
    const width = id < 100 ? 18 : 19;
    readFields(bytes, width, fields);
    const values = new Float64Array(2 * GANGLION_CHANNELS);
    for (let i = 0; i < FIELDS_PER_PACKET; i++) {
      values[i] = msbSignedFieldTo24Bit(fields[i] ?? 0, width) * GANGLION_SCALE_UV_PER_COUNT;
    }
    return block(values, 2 * (id % 100), FW3_CYCLE_SAMPLES);
  }

  function decodeImpedance(bytes: Uint8Array, id: number): DecodeResult {
    const ohms = parseImpedanceOhms(bytes);
    if (ohms === null) return reject('bad-ascii', `Impedance packet ${id} is not ASCII digits ending in 'Z'.`);
    const electrode: ImpedanceElectrode = id === ID_IMPEDANCE_REF ? 'ref' : ((id - 200) as 1 | 2 | 3 | 4);
    return { kind: 'status', status: { kind: 'impedance', electrode, ohms } };
  }

  function decodeMessage(bytes: Uint8Array, id: number): DecodeResult {
    const part = parseAsciiBody(bytes);
    if (part === null) return reject('bad-ascii', `Message packet ${id} holds bytes that are not printable ASCII.`);
    message = (message + part).slice(0, MAX_MESSAGE_CHARS);
    const complete = id === ID_MESSAGE_END;
    const text = message;
    if (complete) message = '';
    return { kind: 'status', status: { kind: 'message', text, complete } };
  }

  return {
    channels: CHANNELS,
    commandSent(command) {
      // The board starts every stream with a raw packet [doc]; forget the old chain.
      if (command === 'start') {
        seeded = false;
        lastPosition = -1;
      }
    },
    decode(bytes) {
      if (bytes.length === 0) return reject('empty', 'Empty notification.');
      if (bytes.length < GANGLION_PACKET_BYTES) {
        return reject('too-short', `Ganglion packets are 20 bytes, got ${bytes.length}.`);
      }
      if (bytes.length > GANGLION_PACKET_BYTES) {
        return reject('too-long', `Ganglion packets are 20 bytes, got ${bytes.length}.`);
      }
      const id = bytes[0] ?? 0;
      if (id <= 200) return firmware === 2 ? decodeFw2(bytes, id) : decodeFw3(bytes, id);
      if (id <= ID_IMPEDANCE_REF) return decodeImpedance(bytes, id);
      if (id === ID_MESSAGE_PART || id === ID_MESSAGE_END) return decodeMessage(bytes, id);
      return reject('impossible-id', `Packet id ${id} is not in the Ganglion id table (0–207).`);
    },
  };
}

function softwareRevisionText(info: ConnectInfo): string | null {
  const bytes = info.reads.get(SOFTWARE_REVISION_UUID);
  if (bytes === undefined) return null;
  let text = '';
  for (const b of bytes) if (b >= 0x20 && b <= 0x7e) text += String.fromCharCode(b);
  return text;
}

const oneByte = (code: number) => () => Uint8Array.of(code);

export const openbciGanglionProfile: DeviceProfile = {
  id: 'openbci-ganglion',
  displayName: 'OpenBCI Ganglion',
  gatt: {
    filterServices: [GANGLION_SERVICE_UUID],
    // brainflow also accepts boards advertising as "Simblee" [oss]; the service filter covers them.
    namePrefixes: [GANGLION_NAME_PREFIX],
    optionalServices: [DEVICE_INFORMATION_SERVICE_UUID],
    notify: [{ service: GANGLION_SERVICE_UUID, characteristic: GANGLION_NOTIFY_UUID }],
    // brainflow writes commands without response [oss].
    write: { service: GANGLION_SERVICE_UUID, characteristic: GANGLION_WRITE_UUID, withResponse: false },
    connectReads: [{ service: DEVICE_INFORMATION_SERVICE_UUID, characteristic: SOFTWARE_REVISION_UUID }],
  },
  staticChannels: CHANNELS,
  commands: {
    start: oneByte(GANGLION_CMD_START),
    stop: oneByte(GANGLION_CMD_STOP),
    'impedance-start': oneByte(GANGLION_CMD_IMPEDANCE_START),
    'impedance-stop': oneByte(GANGLION_CMD_IMPEDANCE_STOP),
  },
  createDecoder: (info) => createGanglionDecoder(ganglionFirmwareFromSoftwareRevision(softwareRevisionText(info))),
};
