// Golden device descriptions (PROTOCOL.md §4). Expected values are literals; scales are compared
// after rounding to float32, the width they have on the wire.

import { bytes, f32, invalid, u16, utf8, valid, type Vector } from './bytes';

export interface ChannelExpect {
  label: string;
  kind: 'emg' | 'force';
  unit: 'uV' | 'N';
  scale: number;
  sampleRateHz: number;
  format: 'int16' | 'int24';
  resolutionBits: number;
}

export interface DescriptionExpect {
  protocolMajor: number;
  protocolMinor: number;
  deviceKind: 'emg' | 'force' | 'emg+force';
  channels: ChannelExpect[];
  supportedRatesHz: number[];
}

const KIND = { emg: 1, force: 2, 'emg+force': 3 } as const;

function channelBytes(c: ChannelExpect, labelBytes: number[] = utf8(c.label)): number[] {
  return [
    c.kind === 'emg' ? 1 : 2, c.unit === 'uV' ? 1 : 2, c.format === 'int16' ? 0 : 1, c.resolutionBits,
    ...u16(c.sampleRateHz), ...f32(c.scale), labelBytes.length, ...labelBytes,
  ];
}

function head(d: DescriptionExpect, version = 0x10): number[] {
  return [version, KIND[d.deviceKind], d.channels.length, d.supportedRatesHz.length, ...d.supportedRatesHz.flatMap(u16)];
}

function encode(d: DescriptionExpect, version = 0x10): Uint8Array {
  return bytes(head(d, version), d.channels.flatMap((c) => channelBytes(c)));
}

const emg = (label: string, scale = 0.25, rate = 1000): ChannelExpect =>
  ({ label, kind: 'emg', unit: 'uV', scale, sampleRateHz: rate, format: 'int16', resolutionBits: 12 });
const force = (label: string, scale = 0.0001, rate = 80): ChannelExpect =>
  ({ label, kind: 'force', unit: 'N', scale, sampleRateHz: rate, format: 'int24', resolutionBits: 24 });

const myoware: DescriptionExpect = {
  protocolMajor: 1, protocolMinor: 0, deviceKind: 'emg', channels: [emg('VMO'), emg('VL')], supportedRatesHz: [500, 1000, 2000],
};
const hx711: DescriptionExpect = {
  protocolMajor: 1, protocolMinor: 0, deviceKind: 'force', channels: [force('force')], supportedRatesHz: [10, 80],
};
const largest: DescriptionExpect = {
  protocolMajor: 1, protocolMinor: 0, deviceKind: 'emg+force',
  channels: [
    emg('VMO left, distal', 0.001869917, 2000), emg('VL'), emg('VMO ü'), emg('力'), emg('🦵 R'), emg('Kraft·L', 3.5),
    force('force left'), { ...force('force right'), format: 'int16', resolutionBits: 16, scale: 0.05 },
  ],
  supportedRatesHz: [10, 20, 40, 80, 100, 125, 200, 250, 300, 400, 500, 800, 1000, 1600, 2000, 65535],
};
const withLabel = (labelBytes: number[]): Uint8Array => bytes(head(hx711), channelBytes(hx711.channels[0] as ChannelExpect, labelBytes));
const withChannel = (patch: Partial<ChannelExpect>, d: DescriptionExpect = hx711): Uint8Array =>
  bytes(head(d), channelBytes({ ...(d.channels[0] as ChannelExpect), ...patch }));
const withScaleBytes = (scaleBytes: number[]): Uint8Array => {
  const b = encode(hx711);
  b.set(scaleBytes, 4 + 4 + 6);
  return b;
};
const myowareBytes = encode(myoware);

export const descriptionVectors: Vector<DescriptionExpect>[] = [
  valid('worked-example', 'PROTOCOL.md §4.4: MyoWare 2.0 pair on an ESP32', myowareBytes, myoware),
  valid('hx711-force', 'load cell + HX711 dynamometer, int24, 10 or 80 Hz', encode(hx711), hx711),
  valid('largest', '8 channels, 16 rates, 16-byte and multi-byte UTF-8 labels, mixed kinds', encode(largest), largest),
  valid('trailing-bytes', 'bytes after the last channel are ignored', bytes(myowareBytes, 0xde, 0xad), myoware, false),
  valid('future-minor', 'version 1.3 decodes the same', encode(myoware, 0x13), { ...myoware, protocolMinor: 3 }, false),

  invalid('empty', 'no bytes', bytes(), 'tooShort'),
  invalid('three-bytes', 'header cut short', bytes(0x10, 1, 1), 'tooShort'),
  invalid('major-2', 'version 2.0', encode(myoware, 0x20), 'unsupportedVersion'),
  invalid('kind-0', 'device kind 0', bytes(myowareBytes.slice(0, 1), 0, myowareBytes.slice(2)), 'badValue'),
  invalid('kind-4', 'device kind 4', bytes(myowareBytes.slice(0, 1), 4, myowareBytes.slice(2)), 'badValue'),
  invalid('zero-channels', 'channel count 0', bytes(0x10, 1, 0, 1, u16(1000)), 'badValue'),
  invalid('nine-channels', 'channel count 9', bytes(0x10, 1, 9, 1, u16(1000)), 'badValue'),
  invalid('zero-rates', 'rate count 0', bytes(0x10, 1, 1, 0), 'badValue'),
  invalid('seventeen-rates', 'rate count 17', bytes(0x10, 1, 1, 17), 'badValue'),
  invalid('rates-cut', 'rate list cut short', bytes(0x10, 1, 1, 3, u16(500), u16(1000)), 'tooShort'),
  invalid('rate-zero', 'a supported rate of 0 Hz', bytes(0x10, 2, 1, 1, u16(0), channelBytes(force('force'))), 'badValue'),
  invalid('rates-descending', 'rates must rise strictly', bytes(0x10, 2, 1, 2, u16(80), u16(10), channelBytes(force('force'))), 'badValue'),
  invalid('rates-repeated', 'a rate listed twice', bytes(0x10, 2, 1, 2, u16(80), u16(80), channelBytes(force('force'))), 'badValue'),
  invalid('channel-cut', 'second channel cut inside its fixed fields', myowareBytes.slice(0, 4 + 6 + 14 + 5), 'tooShort'),
  invalid('channel-kind-3', 'channel kind 3', withChannel({}).map((b, i) => (i === 8 ? 3 : b)), 'badValue'),
  invalid('emg-in-newtons', 'an EMG channel must be in uV', withChannel({ unit: 'N', kind: 'emg' }, { ...hx711, deviceKind: 'emg' }), 'badValue'),
  invalid('force-in-microvolts', 'a force channel must be in N', withChannel({ unit: 'uV' }), 'badValue'),
  invalid('format-2', 'sample format code 2', withChannel({}).map((b, i) => (i === 10 ? 2 : b)), 'unknownFormat'),
  invalid('resolution-0', '0-bit resolution', withChannel({ resolutionBits: 0 }), 'badValue'),
  invalid('resolution-17-int16', '17 bits do not fit int16', withChannel({ format: 'int16', resolutionBits: 17 }), 'badValue'),
  invalid('resolution-25-int24', '25 bits do not fit int24', withChannel({ resolutionBits: 25 }), 'badValue'),
  invalid('channel-rate-0', 'channel sample rate 0 Hz', withChannel({ sampleRateHz: 0 }), 'badValue'),
  invalid('scale-zero', 'scale 0', withChannel({ scale: 0 }), 'badValue'),
  invalid('scale-negative', 'scale −1', withChannel({ scale: -1 }), 'badValue'),
  invalid('scale-nan', 'scale NaN', withScaleBytes([0x00, 0x00, 0xc0, 0x7f]), 'badValue'),
  invalid('scale-infinity', 'scale +∞', withScaleBytes([0x00, 0x00, 0x80, 0x7f]), 'badValue'),
  invalid('label-empty', 'label length 0', withLabel([]), 'badValue'),
  invalid('label-17', '17-byte label', withLabel(utf8('abcdefghijklmnopq')), 'badValue'),
  invalid('label-cut', 'label shorter than its length byte says', withLabel(utf8('force')).slice(0, -1), 'tooShort'),
  invalid('label-nul', 'NUL inside a label', withLabel([0x46, 0x00]), 'badValue'),
  invalid('label-del', 'DEL inside a label', withLabel([0x46, 0x7f]), 'badValue'),
  invalid('label-lone-continuation', 'continuation byte without a lead', withLabel([0x80]), 'badValue'),
  invalid('label-overlong', 'overlong encoding of "/"', withLabel([0xc0, 0xaf]), 'badValue'),
  invalid('label-overlong-3', 'overlong 3-byte encoding of U+007F', withLabel([0xe0, 0x81, 0xbf]), 'badValue'),
  invalid('label-surrogate', 'UTF-16 surrogate U+D800', withLabel([0xed, 0xa0, 0x80]), 'badValue'),
  invalid('label-above-unicode', 'U+110000', withLabel([0xf4, 0x90, 0x80, 0x80]), 'badValue'),
  invalid('label-lead-f5', 'byte 0xF5 never occurs in UTF-8', withLabel([0xf5, 0x80, 0x80, 0x80]), 'badValue'),
  invalid('label-cut-sequence', '3-byte sequence cut by the label length', withLabel([0x41, 0xe2, 0x82]), 'badValue'),
  invalid('kind-says-emg', 'device kind emg with a force channel', bytes(head({ ...hx711, deviceKind: 'emg' }), channelBytes(force('force'))), 'badValue'),
  invalid('kind-says-both', 'device kind emg+force with EMG channels only', bytes(head({ ...myoware, deviceKind: 'emg+force' }), myowareBytes.slice(10)), 'badValue'),
  invalid('513-bytes', 'over the 512-byte attribute limit', bytes(myowareBytes, new Array<number>(513 - myowareBytes.length).fill(0)), 'tooLong'),
];
