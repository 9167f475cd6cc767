// Golden data frames (PROTOCOL.md §5). Expected values are literals; bytes are assembled from them
// with the independent helpers in bytes.ts.

import { bytes, i16, i24, invalid, u16, u32, valid, type Vector } from './bytes';

export interface FrameExpect {
  flags: number;
  sequence: number;
  deviceTimeUs: number;
  channelMask: number;
  format: 'int16' | 'int24';
  samplesPerChannel: number;
  samples: number[];
}

const V1_0 = 0x10;
const INT16 = 0;
const INT24 = 1;

function header(version: number, flags: number, sequence: number, timeUs: number, mask: number, format: number, perChannel: number): number[] {
  return [version, flags, ...u16(sequence), ...u32(timeUs), mask, format, perChannel];
}

function frame(e: FrameExpect, version = V1_0): Uint8Array {
  const code = e.format === 'int16' ? INT16 : INT24;
  const body = e.samples.flatMap((s) => (e.format === 'int16' ? i16(s) : i24(s)));
  return bytes(header(version, e.flags, e.sequence, e.deviceTimeUs, e.channelMask, code, e.samplesPerChannel), body);
}

function ok(name: string, note: string, e: FrameExpect): Vector<FrameExpect> {
  return valid(name, note, frame(e), e);
}

/** A reproducible sample pattern spanning the format's range (a literal formula, not codec output). */
function pattern(count: number, min: number, span: number): number[] {
  return Array.from({ length: count }, (_, i) => min + ((i * 7919 + 13) % span));
}

const worked: FrameExpect = {
  flags: 0x01, sequence: 513, deviceTimeUs: 1_000_000, channelMask: 0x03, format: 'int16',
  samplesPerChannel: 2, samples: [120, -45, 118, -32768],
};
const int24Negatives = [-1, -2, -256, -65536, -123456, -8388608, 8388607, 0];
const eight24 = [-8388608, 8388607, -1, 0, 1, -256, 65536, -65537];

export const dataFrameVectors: Vector<FrameExpect>[] = [
  ok('worked-example', 'PROTOCOL.md §5.4: VMO + VL, 2 sets, clipped flag', worked),
  ok('smallest', 'smallest valid frame: 1 channel, 1 int16 sample (13 bytes)', {
    flags: 0, sequence: 0, deviceTimeUs: 0, channelMask: 0x01, format: 'int16', samplesPerChannel: 1, samples: [-1],
  }),
  ok('default-mtu-4ch-int16', '4 × int16, one set: 19 bytes, fits the 20-byte payload of the default MTU', {
    flags: 0x02, sequence: 0, deviceTimeUs: 12, channelMask: 0x0f, format: 'int16', samplesPerChannel: 1, samples: [32767, -32768, 1, -1],
  }),
  ok('default-mtu-3ch-int24', '3 × int24, one set: 20 bytes, the most int24 the default MTU carries', {
    flags: 0, sequence: 7, deviceTimeUs: 2000, channelMask: 0x07, format: 'int24', samplesPerChannel: 1, samples: [-8388608, 8388607, -2],
  }),
  ok('sequence-before-wrap', 'sequence 65535, the last before the wrap', {
    flags: 0, sequence: 65535, deviceTimeUs: 4_000_000, channelMask: 0x01, format: 'int16', samplesPerChannel: 2, samples: [10, 11],
  }),
  ok('sequence-after-wrap', 'next frame: sequence wraps to 0', {
    flags: 0, sequence: 0, deviceTimeUs: 4_002_000, channelMask: 0x01, format: 'int16', samplesPerChannel: 2, samples: [12, 13],
  }),
  ok('time-before-wrap', 'device time 2^32 − 1 µs', {
    flags: 0, sequence: 100, deviceTimeUs: 4294967295, channelMask: 0x01, format: 'int16', samplesPerChannel: 1, samples: [5],
  }),
  ok('time-after-wrap', 'next frame: device time wrapped to 999 µs (1 ms later)', {
    flags: 0, sequence: 101, deviceTimeUs: 999, channelMask: 0x01, format: 'int16', samplesPerChannel: 1, samples: [6],
  }),
  ok('eight-channels-int16', '8 × int16, 2 sets (43 bytes)', {
    flags: 0, sequence: 42, deviceTimeUs: 123456789, channelMask: 0xff, format: 'int16', samplesPerChannel: 2,
    samples: [1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4, -5, -6, -7, -8],
  }),
  ok('eight-channels-int24', '8 × int24 with negatives, 1 set (35 bytes)', {
    flags: 0, sequence: 43, deviceTimeUs: 123457789, channelMask: 0xff, format: 'int24', samplesPerChannel: 1, samples: eight24,
  }),
  ok('int24-negatives', '1 × int24: sign extension from bit 23', {
    flags: 0, sequence: 9, deviceTimeUs: 80, channelMask: 0x01, format: 'int24', samplesPerChannel: 8, samples: int24Negatives,
  }),
  ok('sparse-mask', 'channels 2, 5 and 7 only, in ascending order', {
    flags: 0, sequence: 3, deviceTimeUs: 500, channelMask: 0xa4, format: 'int16', samplesPerChannel: 2, samples: [200, 500, 700, 201, 501, 701],
  }),
  ok('all-flags-kept', 'reserved flag bits set: decoders keep them and ignore them', {
    flags: 0xff, sequence: 1, deviceTimeUs: 1, channelMask: 0x01, format: 'int16', samplesPerChannel: 1, samples: [0],
  }),
  ok('largest-512', 'largest frame: 1 × int24 × 167 samples = 512 bytes', {
    flags: 0, sequence: 60000, deviceTimeUs: 3000000000, channelMask: 0x01, format: 'int24', samplesPerChannel: 167,
    samples: pattern(167, -8388608, 16777216),
  }),
  ok('largest-int16', 'largest int16 frame: 1 × 250 samples = 511 bytes', {
    flags: 0, sequence: 60001, deviceTimeUs: 3000250000, channelMask: 0x01, format: 'int16', samplesPerChannel: 250,
    samples: pattern(250, -32768, 65536),
  }),
  ok('largest-8ch-int24', '8 × int24 × 20 sets = 491 bytes', {
    flags: 0x04, sequence: 60002, deviceTimeUs: 3000500000, channelMask: 0xff, format: 'int24', samplesPerChannel: 20,
    samples: pattern(160, -8388608, 16777216),
  }),
  valid('future-minor', 'version 1.15: a later minor decodes the same', bytes(header(0x1f, 0, 2, 3, 0x01, INT16, 1), i16(-300)), {
    flags: 0, sequence: 2, deviceTimeUs: 3, channelMask: 0x01, format: 'int16', samplesPerChannel: 1, samples: [-300],
  } satisfies FrameExpect, false),

  invalid('empty', 'no bytes at all', bytes(), 'tooShort'),
  invalid('header-only-10', 'ten bytes: header cut short', bytes(header(V1_0, 0, 0, 0, 1, INT16, 1).slice(0, 10)), 'tooShort'),
  invalid('header-no-samples', 'eleven-byte header but no samples', bytes(header(V1_0, 0, 0, 0, 1, INT16, 1)), 'lengthMismatch'),
  invalid('major-2', 'version 2.0 is rejected', bytes(header(0x20, 0, 0, 0, 1, INT16, 1), i16(0)), 'unsupportedVersion'),
  invalid('major-0', 'version 0.1 is rejected', bytes(header(0x01, 0, 0, 0, 1, INT16, 1), i16(0)), 'unsupportedVersion'),
  invalid('major-15-one-byte', 'version is checked before length', bytes(0xf0), 'unsupportedVersion'),
  invalid('no-channels', 'channel mask 0', bytes(header(V1_0, 0, 0, 0, 0, INT16, 1)), 'noChannels'),
  invalid('unknown-format', 'sample format code 2', bytes(header(V1_0, 0, 0, 0, 1, 2, 1), 0, 0), 'unknownFormat'),
  invalid('no-samples', 'zero samples per channel', bytes(header(V1_0, 0, 0, 0, 1, INT16, 0)), 'noSamples'),
  invalid('one-byte-short', '2 × int16 × 2 needs 19 bytes; 18 given', bytes(header(V1_0, 0, 0, 0, 3, INT16, 2), i16(1), i16(2), i16(3), 0), 'lengthMismatch'),
  invalid('one-byte-extra', '1 × int16 × 1 needs 13 bytes; 14 given', bytes(header(V1_0, 0, 0, 0, 1, INT16, 1), i16(1), 0), 'lengthMismatch'),
  invalid('int24-count-as-int16', 'int24 header over int16-sized payload', bytes(header(V1_0, 0, 0, 0, 1, INT24, 2), i16(1), i16(2)), 'lengthMismatch'),
  invalid('over-512-consistent', '8 × int24 × 21 = 515 bytes: consistent but over the limit', bytes(header(V1_0, 0, 0, 0, 0xff, INT24, 21), new Array<number>(504).fill(0)), 'tooLong'),
  invalid('513-bytes', '513 bytes of zeros', bytes(new Array<number>(513).fill(0)), 'tooLong'),
];
