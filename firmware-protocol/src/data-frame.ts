// Data frames on the data characteristic (PROTOCOL.md §5): an 11-byte little-endian header and
// interleaved samples. 11 bytes leave room for one set of 4 × int16 in the 20-byte payload of the
// default 23-byte ATT MTU (Core spec v5.3, Vol 3 Part F §3.4.7.1: a notification carries MTU − 3 bytes).

import { requireInt } from './require-int';
import { checkEnvelope, fail, type DecodeResult } from './errors';
import { MAX_MESSAGE_BYTES, versionByte } from './uuids';

export type SampleFormat = 'int16' | 'int24';

export interface DataFrame {
  /** Bit field (FRAME_FLAG_*); decoders keep unknown bits but act on none of them. */
  flags: number;
  /** uint16, +1 per frame, wraps 65535 → 0. */
  sequence: number;
  /** uint32 µs of the device clock at the first sample set; wraps every 2^32 µs (≈ 71.6 min). */
  deviceTimeUs: number;
  /** Bit i set = channel i of the device description is present; channels in ascending order. */
  channelMask: number;
  format: SampleFormat;
  samplesPerChannel: number;
  /** Raw counts, interleaved: set 0 of every present channel, then set 1, … */
  samples: Int32Array;
}

export const FRAME_HEADER_BYTES = 11;
/** At least one sample hit the ADC rail in this frame: amplitudes are under-reported. */
export const FRAME_FLAG_CLIPPED = 0x01;
/** First frame after start or a rate change: sequence and device time restart here. */
export const FRAME_FLAG_STREAM_START = 0x02;
/** The firmware discarded samples just before this frame (its queue overflowed). */
export const FRAME_FLAG_SAMPLES_DROPPED = 0x04;

const FORMAT_CODES: Record<SampleFormat, number> = { int16: 0, int24: 1 };

export function formatFromCode(code: number): SampleFormat | undefined {
  return code === 0 ? 'int16' : code === 1 ? 'int24' : undefined;
}

export function formatCode(format: SampleFormat): number {
  return FORMAT_CODES[format];
}

export function bytesPerSample(format: SampleFormat): number {
  return format === 'int16' ? 2 : 3;
}

/** Number of set bits in a channel mask (0–8). */
export function channelCount(channelMask: number): number {
  let count = 0;
  for (let bits = channelMask & 0xff; bits !== 0; bits &= bits - 1) count++;
  return count;
}

/** Total frame length for a header; the firmware must keep it ≤ its MTU − 3 and ≤ 512. */
export function dataFrameBytes(channelMask: number, format: SampleFormat, samplesPerChannel: number): number {
  return FRAME_HEADER_BYTES + channelCount(channelMask) * samplesPerChannel * bytesPerSample(format);
}

/** Encodes a frame. Throws RangeError on a frame the protocol cannot carry (a caller bug, not hostile input). */
export function encodeDataFrame(frame: DataFrame): Uint8Array {
  requireInt('flags', frame.flags, 0, 0xff);
  requireInt('sequence', frame.sequence, 0, 0xffff);
  requireInt('deviceTimeUs', frame.deviceTimeUs, 0, 0xffffffff);
  requireInt('channelMask', frame.channelMask, 1, 0xff);
  requireInt('samplesPerChannel', frame.samplesPerChannel, 1, 0xff);
  if (frame.format !== 'int16' && frame.format !== 'int24') throw new RangeError(`unknown format ${String(frame.format)}`);
  const channels = channelCount(frame.channelMask);
  if (frame.samples.length !== channels * frame.samplesPerChannel) {
    throw new RangeError(`samples has ${frame.samples.length} values; ${channels} channels × ${frame.samplesPerChannel} need ${channels * frame.samplesPerChannel}`);
  }
  const length = dataFrameBytes(frame.channelMask, frame.format, frame.samplesPerChannel);
  if (length > MAX_MESSAGE_BYTES) throw new RangeError(`frame would be ${length} bytes; the limit is ${MAX_MESSAGE_BYTES}`);

  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint8(0, versionByte());
  view.setUint8(1, frame.flags);
  view.setUint16(2, frame.sequence, true);
  view.setUint32(4, frame.deviceTimeUs, true);
  view.setUint8(8, frame.channelMask);
  view.setUint8(9, FORMAT_CODES[frame.format]);
  view.setUint8(10, frame.samplesPerChannel);
  const int24 = frame.format === 'int24';
  const [min, max] = int24 ? [-0x800000, 0x7fffff] : [-0x8000, 0x7fff];
  let offset = FRAME_HEADER_BYTES;
  for (let i = 0; i < frame.samples.length; i++) {
    const value = frame.samples[i] as number;
    if (value < min || value > max) throw new RangeError(`sample ${i} = ${value} is outside ${frame.format}`);
    if (int24) {
      out[offset] = value & 0xff;
      out[offset + 1] = (value >> 8) & 0xff;
      out[offset + 2] = (value >> 16) & 0xff;
      offset += 3;
    } else {
      view.setInt16(offset, value, true);
      offset += 2;
    }
  }
  return out;
}

/** Decodes a frame; never throws, never reads outside `bytes` (a view may sit inside a larger buffer). */
export function decodeDataFrame(bytes: Uint8Array): DecodeResult<DataFrame> {
  const envelope = checkEnvelope('Data frame', bytes, FRAME_HEADER_BYTES, true);
  if (envelope) return { ok: false, error: envelope };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const channelMask = view.getUint8(8);
  if (channelMask === 0) return fail('noChannels', 'Data frame has an empty channel mask');
  const formatByte = view.getUint8(9);
  const format = formatFromCode(formatByte);
  if (format === undefined) return fail('unknownFormat', `Data frame has unknown sample format code ${formatByte}`);
  const samplesPerChannel = view.getUint8(10);
  if (samplesPerChannel === 0) return fail('noSamples', 'Data frame has zero samples per channel');
  const expected = dataFrameBytes(channelMask, format, samplesPerChannel);
  if (bytes.length !== expected) {
    return fail(
      'lengthMismatch',
      `Data frame is ${bytes.length} bytes; its header (${channelCount(channelMask)} channels × ${samplesPerChannel} ${format} samples) needs exactly ${expected}`,
    );
  }

  const samples = new Int32Array(channelCount(channelMask) * samplesPerChannel);
  let offset = FRAME_HEADER_BYTES;
  if (format === 'int16') {
    for (let i = 0; i < samples.length; i++, offset += 2) samples[i] = view.getInt16(offset, true);
  } else {
    for (let i = 0; i < samples.length; i++, offset += 3) {
      // Shift the top byte into bit 31 and back to sign-extend the 24-bit value.
      const raw = view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getUint8(offset + 2) << 16);
      samples[i] = (raw << 8) >> 8;
    }
  }
  return {
    ok: true,
    value: {
      flags: view.getUint8(1),
      sequence: view.getUint16(2, true),
      deviceTimeUs: view.getUint32(4, true),
      channelMask,
      format,
      samplesPerChannel,
      samples,
    },
  };
}
