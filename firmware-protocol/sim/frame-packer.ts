// Packs interleaved sample sets into data frames the way the firmware does (PROTOCOL.md §5):
// channels that share a sample format travel together (one frame carries one format), a frame is
// sent when it is full or its first set is 40 ms old, one sequence counter for all frames starting
// at 0 with each stream, device time of each frame's first set from the free-running µs clock.
// Both wrap like the spec's uint16 / uint32.

import { FRAME_FLAG_CLIPPED, FRAME_FLAG_STREAM_START, dataFrameBytes, encodeDataFrame, type SampleFormat } from '../src/index';
import type { DeviceSpec } from './device';

/** Typical BLE notification payload: ATT MTU 247 (ESP32 / Android) − 3 bytes of ATT header. */
export const DEFAULT_PAYLOAD_BYTES = 244;
/** A frame goes out once its first set is this old, full or not (PROTOCOL.md §5.4, latency budget). */
export const DEFAULT_MAX_FRAME_AGE_US = 40_000;
/** samplesPerChannel is one byte on the wire (PROTOCOL.md §5). */
const MAX_SETS_PER_FRAME = 255;
const UINT16_RANGE = 0x10000;
const UINT32_RANGE = 0x100000000;

interface FrameGroup {
  channelMask: number;
  format: SampleFormat;
  channels: number[];
  setsPerFrame: number;
  buffer: Int32Array;
  filled: number;
  firstSample: number;
  clipped: boolean;
}

/** A frame ready to send, with the index of its last sample set (it is sent once that is taken). */
export interface PackedFrame {
  bytes: Uint8Array;
  lastSample: number;
}

/**
 * Sample sets per frame: as many as fit `payloadBytes`, but no more than are taken until the first
 * set is `maxAgeUs` old (set k is taken k·10⁶/rate µs after set 0). Throws if not even one fits.
 */
export function setsPerFrame(payloadBytes: number, channelMask: number, format: SampleFormat, rateHz: number, maxAgeUs: number): number {
  let sets = 0;
  while (sets < MAX_SETS_PER_FRAME && dataFrameBytes(channelMask, format, sets + 1) <= payloadBytes) sets++;
  if (sets === 0) throw new RangeError(`a ${payloadBytes}-byte payload cannot hold even one sample set`);
  return Math.min(sets, Math.floor((maxAgeUs * rateHz) / 1e6) + 1);
}

export class FramePacker {
  private readonly groups: FrameGroup[];
  private readonly channelCount: number;
  private readonly rateHz: number;
  private readonly startDeviceTimeUs: number;
  private sequence = 0;
  private streamStart = true;

  /** @param startDeviceTimeUs device clock (µs) when set 0 of this stream is taken. */
  constructor(device: DeviceSpec, rateHz: number, payloadBytes: number, maxFrameAgeUs: number, startDeviceTimeUs: number) {
    this.channelCount = device.channels.length;
    this.rateHz = rateHz;
    this.startDeviceTimeUs = startDeviceTimeUs;
    const formats = [...new Set(device.channels.map((c) => c.format))];
    this.groups = formats.map((format) => {
      const channels = device.channels.flatMap((c, i) => (c.format === format ? [i] : []));
      const channelMask = channels.reduce((mask, i) => mask | (1 << i), 0);
      const sets = setsPerFrame(payloadBytes, channelMask, format, rateHz, maxFrameAgeUs);
      return { channelMask, format, channels, setsPerFrame: sets, buffer: new Int32Array(sets * channels.length), filled: 0, firstSample: 0, clipped: false };
    });
  }

  /** Sets that can still be added before some frame is full: generate at most this many at once. */
  setsUntilNextFrame(): number {
    return Math.min(...this.groups.map((g) => g.setsPerFrame - g.filled));
  }

  /** Device time of sample set k of the stream (µs, uint32, wraps). */
  deviceTimeUs(sample: number): number {
    return (this.startDeviceTimeUs + Math.floor((sample * 1e6) / this.rateHz)) % UINT32_RANGE;
  }

  /**
   * Adds `sets` interleaved sets (all channels) starting at stream sample `firstSample`; complete
   * frames are appended to `out`. `clippedMask`: channels that clipped within these sets.
   */
  add(counts: Int32Array, sets: number, firstSample: number, clippedMask: number, out: PackedFrame[]): void {
    for (const g of this.groups) {
      let set = 0;
      while (set < sets) {
        if (g.filled === 0) g.firstSample = firstSample + set;
        const take = Math.min(sets - set, g.setsPerFrame - g.filled);
        const width = g.channels.length;
        for (let s = 0; s < take; s++) {
          const from = (set + s) * this.channelCount;
          const to = (g.filled + s) * width;
          for (let c = 0; c < width; c++) g.buffer[to + c] = counts[from + g.channels[c]!]!;
        }
        g.filled += take;
        set += take;
        if ((clippedMask & g.channelMask) !== 0) g.clipped = true;
        if (g.filled === g.setsPerFrame) out.push(this.seal(g));
      }
    }
  }

  /** Sends what is buffered as shorter frames (stream stop or rate change). */
  flush(out: PackedFrame[]): void {
    for (const g of this.groups) if (g.filled > 0) out.push(this.seal(g));
  }

  private seal(g: FrameGroup): PackedFrame {
    const flags = (g.clipped ? FRAME_FLAG_CLIPPED : 0) | (this.streamStart ? FRAME_FLAG_STREAM_START : 0);
    const bytes = encodeDataFrame({
      flags,
      sequence: this.sequence,
      deviceTimeUs: this.deviceTimeUs(g.firstSample),
      channelMask: g.channelMask,
      format: g.format,
      samplesPerChannel: g.filled,
      samples: g.buffer.subarray(0, g.filled * g.channels.length),
    });
    const frame = { bytes, lastSample: g.firstSample + g.filled - 1 };
    this.sequence = (this.sequence + 1) % UINT16_RANGE;
    this.streamStart = false;
    g.filled = 0;
    g.clipped = false;
    return frame;
  }
}
