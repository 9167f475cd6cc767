// The Quadcue open sensor protocol (firmware-protocol/PROTOCOL.md) as a device profile: the
// codec in firmware-protocol/ does the byte work; this module maps it onto the app's common
// profile contract. Every fact here is [doc]: our own published specification.
import {
  CONTROL_CHAR_UUID,
  DATA_CHAR_UUID,
  DESCRIPTION_CHAR_UUID,
  DEVICE_INFORMATION_SERVICE_UUID,
  FRAME_FLAG_STREAM_START,
  QUADCUE_SERVICE_UUID,
  decodeControlResponse,
  decodeDataFrame,
  decodeDeviceDescription,
  encodeControlRequest,
  frameFitsDescription,
  type ControlOp,
  type ControlRequest,
  type DeviceDescription,
  type ProtocolErrorCode,
} from '../../firmware-protocol/src/index';
import { BATTERY_SERVICE_UUID } from './battery-service';
import { reject, type ChannelSpec, type CommandName, type ConnectInfo, type Decoder, type DeviceProfile, type RejectReason, type Rejection } from './types';

/** Sequence numbers are uint16 (PROTOCOL.md §5.1). */
const SEQUENCE_MODULO = 0x1_0000;
/** Device time is uint32 µs (PROTOCOL.md §5.1). */
const DEVICE_TIME_MODULO_US = 0x1_0000_0000;
/**
 * Rate asked for when the description cannot be read: the middle of the usual sEMG range
 * (clinical.md: 1000–2000 Hz in practice). A sensor that lacks it answers unsupportedRate.
 */
const FALLBACK_RATE_HZ = 1000;

const rejectionFor: Record<ProtocolErrorCode, RejectReason> = {
  tooShort: 'too-short',
  tooLong: 'too-long',
  unsupportedVersion: 'unsupported',
  lengthMismatch: 'length-mismatch',
  noChannels: 'out-of-range',
  noSamples: 'out-of-range',
  unknownFormat: 'unknown-tag',
  unknownOpcode: 'unknown-tag',
  unknownStatus: 'unknown-tag',
  badValue: 'out-of-range',
  descriptionMismatch: 'length-mismatch',
};

const commandForOp: Record<ControlOp, CommandName> = {
  start: 'start',
  stop: 'stop',
  tare: 'tare',
  setRate: 'set-rate',
  identify: 'identify',
  readStatus: 'read-battery',
};

function readDescription(info?: ConnectInfo): DeviceDescription | Rejection {
  const bytes = info?.reads.get(DESCRIPTION_CHAR_UUID);
  if (!bytes) return reject('unsupported', 'The sensor did not let us read its device description.');
  const decoded = decodeDeviceDescription(bytes);
  return decoded.ok ? decoded.value : reject(rejectionFor[decoded.error.code], decoded.error.message);
}

/**
 * The rate `start` asks for: the one the description shows now (the sensor's configured rate).
 * Keeping it means the description read at connect time stays true, so its per-channel rates
 * and scales need no second read after `start` (PROTOCOL.md §7 step 4).
 */
export function startRateHz(info?: ConnectInfo): number {
  const description = readDescription(info);
  if ('kind' in description) return FALLBACK_RATE_HZ;
  const current = description.channels[0]?.sampleRateHz;
  return current !== undefined && description.supportedRatesHz.includes(current) ? current : (description.supportedRatesHz[0] ?? FALLBACK_RATE_HZ);
}

/** Request ids count up and wrap 255 → 0 (PROTOCOL.md §6.1); the reply echoes them. */
let lastRequestId = 0;
type RequestWithoutId = ControlRequest extends infer R ? (R extends ControlRequest ? Omit<R, 'requestId'> : never) : never;

function request(r: RequestWithoutId): Uint8Array {
  lastRequestId = (lastRequestId + 1) & 0xff;
  return encodeControlRequest({ ...r, requestId: lastRequestId } as ControlRequest);
}

export function createQuadcueDecoder(description: DeviceDescription): Decoder {
  const channels: ChannelSpec[] = description.channels.map((c) => ({
    label: c.label,
    kind: c.kind,
    unit: c.unit,
    nominalRateHz: c.sampleRateHz,
  }));
  const fullMask = (1 << channels.length) - 1;
  const scales = Float64Array.from(description.channels, (c) => c.scale);
  return {
    channels,
    commandSent() {
      // Replies carry their opcode (PROTOCOL.md §6.2): nothing to remember.
    },
    decode(bytes, characteristic = DATA_CHAR_UUID) {
      if (characteristic === CONTROL_CHAR_UUID) {
        const reply = decodeControlResponse(bytes);
        if (!reply.ok) return reject(rejectionFor[reply.error.code], reply.error.message);
        const { status, deviceStatus } = reply.value;
        const command = commandForOp[reply.value.op];
        return {
          kind: 'reply',
          command,
          reply: deviceStatus
            ? { kind: 'control-status', status, batteryPercent: deviceStatus.batteryPercent, droppedSamples: deviceStatus.droppedSamples }
            : { kind: 'control-status', status },
        };
      }
      const decoded = decodeDataFrame(bytes);
      if (!decoded.ok) return reject(rejectionFor[decoded.error.code], decoded.error.message);
      const frame = decoded.value;
      const mismatch = frameFitsDescription(frame, description);
      if (mismatch) return reject('length-mismatch', mismatch.message);
      if ((frame.channelMask & fullMask) !== fullMask) {
        // Mixed-rate sensors send channel groups in separate frames (PROTOCOL.md §5.4); this app
        // version streams sensors whose channels share one rate.
        return reject('unsupported', `Frame carries channel mask ${frame.channelMask}; this app needs all ${channels.length} channels in every frame.`);
      }
      const values = new Float64Array(frame.samples.length);
      for (let i = 0; i < values.length; i++) values[i] = frame.samples[i]! * scales[i % channels.length]!;
      const spc = frame.samplesPerChannel;
      const rateHz = channels[0]!.nominalRateHz;
      return {
        kind: 'samples',
        block: {
          channels: channels.length,
          samplesPerChannel: spc,
          values,
          // A frame counter maps onto a sample counter while frames keep one size (types.ts).
          sampleCounter: frame.sequence * spc,
          sampleCounterModulo: SEQUENCE_MODULO * spc,
          deviceTimeUs: frame.deviceTimeUs,
          deviceTimeModuloUs: DEVICE_TIME_MODULO_US,
          samplePeriodUs: 1e6 / rateHz,
          streamStart: (frame.flags & FRAME_FLAG_STREAM_START) !== 0,
        },
      };
    },
  };
}

export const quadcueProfile: DeviceProfile = {
  id: 'quadcue',
  displayName: 'Quadcue sensor',
  gatt: {
    filterServices: [QUADCUE_SERVICE_UUID],
    namePrefixes: [],
    optionalServices: [BATTERY_SERVICE_UUID, DEVICE_INFORMATION_SERVICE_UUID],
    notify: [
      { service: QUADCUE_SERVICE_UUID, characteristic: DATA_CHAR_UUID },
      { service: QUADCUE_SERVICE_UUID, characteristic: CONTROL_CHAR_UUID },
    ],
    write: { service: QUADCUE_SERVICE_UUID, characteristic: CONTROL_CHAR_UUID, withResponse: true },
    connectReads: [{ service: QUADCUE_SERVICE_UUID, characteristic: DESCRIPTION_CHAR_UUID }],
  },
  staticChannels: null,
  commands: {
    start: (info) => request({ op: 'start', rateHz: startRateHz(info) }),
    stop: () => request({ op: 'stop' }),
    tare: () => request({ op: 'tare' }),
    'read-battery': () => request({ op: 'readStatus' }),
    identify: () => request({ op: 'identify' }),
  },
  createDecoder(info) {
    const description = readDescription(info);
    return 'kind' in description ? description : createQuadcueDecoder(description);
  },
};
