// The device description on the read characteristic (PROTOCOL.md §4): what the sensor measures,
// how to turn counts into µV or N, and which rates it accepts. Up to 512 bytes; Web Bluetooth's
// readValue() performs the ATT long read (Read Blob) when it exceeds one MTU.

import { requireInt } from './require-int';
import { checkEnvelope, fail, type DecodeResult } from './errors';
import { formatCode, formatFromCode, type SampleFormat } from './data-frame';
import { decodeLabel } from './label-text';
import { MAX_MESSAGE_BYTES, versionByte } from './uuids';

export interface ChannelDescription {
  /** Short display name, e.g. "VMO", "VL", "force": 1–16 bytes of UTF-8. */
  label: string;
  kind: 'emg' | 'force';
  /** EMG channels are in uV, force channels in N (ASCII spelling, reference/architecture.md "Habits"). */
  unit: 'uV' | 'N';
  /** Physical units per raw count (float32 on the wire), finite and > 0. */
  scale: number;
  sampleRateHz: number;
  format: SampleFormat;
  /** Effective ADC bits, 1–16 for int16 and 1–24 for int24. */
  resolutionBits: number;
}

export interface DeviceDescription {
  protocolMajor: number;
  protocolMinor: number;
  deviceKind: 'emg' | 'force' | 'emg+force';
  channels: ChannelDescription[];
  /** Rates (Hz) accepted by start and setRate, strictly ascending, 1–16 entries. */
  supportedRatesHz: number[];
}

export const MAX_CHANNELS = 8;
export const MAX_SUPPORTED_RATES = 16;
export const MAX_LABEL_BYTES = 16;
const HEADER_BYTES = 4;
/** kind, unit, format, resolution, rate (2), scale (4), label length: the label bytes follow. */
const CHANNEL_FIXED_BYTES = 11;

const DEVICE_KINDS = ['emg', 'force', 'emg+force'] as const;
const CHANNEL_KINDS = ['emg', 'force'] as const;
const UNIT_FOR_KIND = { emg: 'uV', force: 'N' } as const;

/** Why a description breaks the rules of §4, or null; shared by the encoder (throws) and decoder (returns). */
function deviceKindProblem(kind: DeviceDescription['deviceKind'], channels: readonly ChannelDescription[]): string | null {
  const emg = channels.some((c) => c.kind === 'emg');
  const force = channels.some((c) => c.kind === 'force');
  const actual = emg && force ? 'emg+force' : emg ? 'emg' : 'force';
  return actual === kind ? null : `device kind is ${kind} but its channels make it ${actual}`;
}

/** Encodes a description (version byte is always this codec's version). Throws RangeError on invalid input. */
export function encodeDeviceDescription(d: DeviceDescription): Uint8Array {
  requireInt('channel count', d.channels.length, 1, MAX_CHANNELS);
  requireInt('supported rate count', d.supportedRatesHz.length, 1, MAX_SUPPORTED_RATES);
  const kindCode = DEVICE_KINDS.indexOf(d.deviceKind) + 1;
  if (kindCode === 0) throw new RangeError(`unknown device kind ${String(d.deviceKind)}`);
  const kindProblem = deviceKindProblem(d.deviceKind, d.channels);
  if (kindProblem) throw new RangeError(kindProblem);
  let previousRate = 0;
  for (const rate of d.supportedRatesHz) {
    requireInt('supported rate', rate, previousRate + 1, 0xffff);
    previousRate = rate;
  }
  const encoder = new TextEncoder();
  const labels = d.channels.map((c) => encoder.encode(c.label));
  const length = HEADER_BYTES + 2 * d.supportedRatesHz.length + labels.reduce((sum, l) => sum + CHANNEL_FIXED_BYTES + l.length, 0);
  if (length > MAX_MESSAGE_BYTES) throw new RangeError(`description would be ${length} bytes; the limit is ${MAX_MESSAGE_BYTES}`);

  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint8(0, versionByte());
  view.setUint8(1, kindCode);
  view.setUint8(2, d.channels.length);
  view.setUint8(3, d.supportedRatesHz.length);
  let offset = HEADER_BYTES;
  for (const rate of d.supportedRatesHz) {
    view.setUint16(offset, rate, true);
    offset += 2;
  }
  d.channels.forEach((c, i) => {
    const label = labels[i] as Uint8Array;
    if (UNIT_FOR_KIND[c.kind] !== c.unit) throw new RangeError(`channel ${i}: a ${c.kind} channel must be in ${UNIT_FOR_KIND[c.kind]}`);
    requireInt(`channel ${i} resolutionBits`, c.resolutionBits, 1, c.format === 'int16' ? 16 : 24);
    requireInt(`channel ${i} sampleRateHz`, c.sampleRateHz, 1, 0xffff);
    if (!(Number.isFinite(Math.fround(c.scale)) && Math.fround(c.scale) > 0)) throw new RangeError(`channel ${i}: scale must be finite and > 0 as float32`);
    if (label.length < 1 || label.length > MAX_LABEL_BYTES || decodeLabel(label) === undefined) {
      throw new RangeError(`channel ${i}: label must be 1–${MAX_LABEL_BYTES} bytes of UTF-8 without control characters`);
    }
    view.setUint8(offset, CHANNEL_KINDS.indexOf(c.kind) + 1);
    view.setUint8(offset + 1, c.unit === 'uV' ? 1 : 2);
    view.setUint8(offset + 2, formatCode(c.format));
    view.setUint8(offset + 3, c.resolutionBits);
    view.setUint16(offset + 4, c.sampleRateHz, true);
    view.setFloat32(offset + 6, c.scale, true);
    view.setUint8(offset + 10, label.length);
    out.set(label, offset + 11);
    offset += CHANNEL_FIXED_BYTES + label.length;
  });
  return out;
}

/** Decodes a description; never throws. Bytes after the last channel are ignored (room for later minors). */
export function decodeDeviceDescription(bytes: Uint8Array): DecodeResult<DeviceDescription> {
  const envelope = checkEnvelope('Device description', bytes, HEADER_BYTES, true);
  if (envelope) return { ok: false, error: envelope };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const deviceKind = DEVICE_KINDS[view.getUint8(1) - 1];
  if (deviceKind === undefined) return fail('badValue', `Device description has unknown device kind ${view.getUint8(1)}`);
  const channelTotal = view.getUint8(2);
  if (channelTotal < 1 || channelTotal > MAX_CHANNELS) return fail('badValue', `Device description has ${channelTotal} channels; 1–${MAX_CHANNELS} are allowed`);
  const rateTotal = view.getUint8(3);
  if (rateTotal < 1 || rateTotal > MAX_SUPPORTED_RATES) return fail('badValue', `Device description lists ${rateTotal} rates; 1–${MAX_SUPPORTED_RATES} are allowed`);
  let offset = HEADER_BYTES;
  if (bytes.length < offset + 2 * rateTotal) return fail('tooShort', `Device description ends inside its list of ${rateTotal} rates`);
  const supportedRatesHz: number[] = [];
  for (let i = 0; i < rateTotal; i++, offset += 2) {
    const rate = view.getUint16(offset, true);
    if (rate <= (supportedRatesHz[i - 1] ?? 0)) return fail('badValue', `Device description rate ${i} (${rate} Hz) is zero or not above the one before`);
    supportedRatesHz.push(rate);
  }

  const channels: ChannelDescription[] = [];
  for (let i = 0; i < channelTotal; i++) {
    const where = `Device description channel ${i}`;
    if (bytes.length < offset + CHANNEL_FIXED_BYTES) return fail('tooShort', `${where} is cut short`);
    const kind = CHANNEL_KINDS[view.getUint8(offset) - 1];
    if (kind === undefined) return fail('badValue', `${where} has unknown kind ${view.getUint8(offset)}`);
    const unitCode = view.getUint8(offset + 1);
    const unit = UNIT_FOR_KIND[kind];
    if (unitCode !== (unit === 'uV' ? 1 : 2)) return fail('badValue', `${where} is ${kind} but has unit code ${unitCode}`);
    const format = formatFromCode(view.getUint8(offset + 2));
    if (format === undefined) return fail('unknownFormat', `${where} has unknown sample format code ${view.getUint8(offset + 2)}`);
    const resolutionBits = view.getUint8(offset + 3);
    if (resolutionBits < 1 || resolutionBits > (format === 'int16' ? 16 : 24)) return fail('badValue', `${where} claims ${resolutionBits}-bit resolution in ${format}`);
    const sampleRateHz = view.getUint16(offset + 4, true);
    if (sampleRateHz === 0) return fail('badValue', `${where} has a sample rate of 0 Hz`);
    const scale = view.getFloat32(offset + 6, true);
    if (!(Number.isFinite(scale) && scale > 0)) return fail('badValue', `${where} has scale ${scale}; it must be finite and > 0`);
    const labelBytes = view.getUint8(offset + 10);
    if (labelBytes < 1 || labelBytes > MAX_LABEL_BYTES) return fail('badValue', `${where} has a ${labelBytes}-byte label; 1–${MAX_LABEL_BYTES} are allowed`);
    offset += CHANNEL_FIXED_BYTES;
    if (bytes.length < offset + labelBytes) return fail('tooShort', `${where} label is cut short`);
    const label = decodeLabel(bytes.subarray(offset, offset + labelBytes));
    if (label === undefined) return fail('badValue', `${where} label is not valid UTF-8 text`);
    offset += labelBytes;
    channels.push({ label, kind, unit, scale, sampleRateHz, format, resolutionBits });
  }
  const kindProblem = deviceKindProblem(deviceKind, channels);
  if (kindProblem) return fail('badValue', `Device description: ${kindProblem}`);
  const first = view.getUint8(0);
  return { ok: true, value: { protocolMajor: first >> 4, protocolMinor: first & 0x0f, deviceKind, channels, supportedRatesHz } };
}
