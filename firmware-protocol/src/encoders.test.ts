// Encoders refuse what the wire cannot carry (a caller bug) with RangeError, instead of writing bytes
// that decoders would reject or misread. Decoding is covered by golden-vectors and fuzz tests.

import { describe, expect, it } from 'vitest';
import {
  decodeControlResponse,
  encodeControlRequest,
  encodeControlResponse,
  encodeDataFrame,
  encodeDeviceDescription,
  encodeRejectionReply,
  statusForRequestError,
  type DataFrame,
  type DeviceDescription,
} from './index';

const frame: DataFrame = {
  flags: 0, sequence: 0, deviceTimeUs: 0, channelMask: 0b11, format: 'int16', samplesPerChannel: 1, samples: Int32Array.of(1, 2),
};
const description: DeviceDescription = {
  protocolMajor: 1, protocolMinor: 0, deviceKind: 'emg', supportedRatesHz: [1000],
  channels: [{ label: 'VMO', kind: 'emg', unit: 'uV', scale: 0.25, sampleRateHz: 1000, format: 'int16', resolutionBits: 12 }],
};

describe('encoders reject values the wire cannot carry', () => {
  it.each<[string, Partial<DataFrame>]>([
    ['sequence over uint16', { sequence: 65536 }],
    ['negative device time', { deviceTimeUs: -1 }],
    ['empty channel mask', { channelMask: 0 }],
    ['zero samples per channel', { samplesPerChannel: 0, samples: new Int32Array(0) }],
    ['sample count not channels × samples', { samples: Int32Array.of(1) }],
    ['int16 sample out of range', { samples: Int32Array.of(32768, 0) }],
    ['int24 sample out of range', { format: 'int24', samples: Int32Array.of(-8388609, 0) }],
    ['over 512 bytes', { channelMask: 0xff, format: 'int24', samplesPerChannel: 21, samples: new Int32Array(168) }],
  ])('data frame: %s', (_, patch) => {
    expect(() => encodeDataFrame({ ...frame, ...patch })).toThrow(RangeError);
  });

  it.each<[string, Partial<DeviceDescription>]>([
    ['no channels', { channels: [] }],
    ['rates not ascending', { supportedRatesHz: [1000, 500] }],
    ['device kind contradicting channels', { deviceKind: 'force' }],
    ['EMG channel in newtons', { channels: [{ ...description.channels[0]!, unit: 'N' }] }],
    ['17-byte label', { channels: [{ ...description.channels[0]!, label: 'abcdefghijklmnopq' }] }],
    ['control character in label', { channels: [{ ...description.channels[0]!, label: 'V\nL' }] }],
    ['scale 0', { channels: [{ ...description.channels[0]!, scale: 0 }] }],
    ['scale that overflows float32', { channels: [{ ...description.channels[0]!, scale: 1e39 }] }],
  ])('device description: %s', (_, patch) => {
    expect(() => encodeDeviceDescription({ ...description, ...patch })).toThrow(RangeError);
  });

  it('control messages: request id over uint8, rate 0, status payload where none belongs', () => {
    expect(() => encodeControlRequest({ op: 'stop', requestId: 256 })).toThrow(RangeError);
    expect(() => encodeControlRequest({ op: 'start', requestId: 1, rateHz: 0 })).toThrow(RangeError);
    expect(() => encodeControlResponse({ op: 'readStatus', requestId: 1, status: 'ok' })).toThrow(RangeError);
    const deviceStatus = { batteryPercent: 50, droppedSamples: 0, errorCounters: { adcFaults: 0, notifyFailures: 0 } };
    expect(() => encodeControlResponse({ op: 'stop', requestId: 1, status: 'ok', deviceStatus })).toThrow(RangeError);
  });
});

describe('rejection replies (§6.3)', () => {
  it('echo the opcode and request id bytes that arrived, 0 where missing', () => {
    expect(Array.from(encodeRejectionReply(Uint8Array.of(0x01, 0x09), statusForRequestError('tooShort')))).toEqual([0x01, 0x09, 0x02]);
    expect(Array.from(encodeRejectionReply(Uint8Array.of(0x42), statusForRequestError('tooShort')))).toEqual([0x42, 0x00, 0x02]);
    expect(Array.from(encodeRejectionReply(Uint8Array.of(0x09, 0x03), statusForRequestError('unknownOpcode')))).toEqual([0x09, 0x03, 0x01]);
  });

  it('a bad-argument reply to a known opcode decodes for the app', () => {
    const reply = decodeControlResponse(encodeRejectionReply(Uint8Array.of(0x04, 0x07, 0x00, 0x00), 'badArgument'));
    expect(reply).toEqual({ ok: true, value: { requestId: 7, op: 'setRate', status: 'badArgument' } });
  });
});
