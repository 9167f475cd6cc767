import { describe, expect, it } from 'vitest';
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID } from '../../firmware-protocol/src/index';
import { quadcueProfile, startRateHz } from './quadcue';
import type { ConnectInfo, Decoder } from './types';

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.trim().split(/\s+/), (byte) => parseInt(byte, 16));
}

// PROTOCOL.md §4.4: VMO and VL at 1000 Hz, 0.25 µV per count, rates 500/1000/2000 Hz.
const description = hex(`10 01 02 03 f4 01 e8 03 d0 07 01 01 00 0c e8 03 00 00 80 3e 03 56 4d 4f
  01 01 00 0c e8 03 00 00 80 3e 02 56 4c`);
const info: ConnectInfo = { reads: new Map([[DESCRIPTION_CHAR_UUID, description]]) };

function decoder(): Decoder {
  const created = quadcueProfile.createDecoder(info);
  if ('kind' in created) throw new Error(created.detail);
  return created;
}

describe('Quadcue profile', () => {
  it('takes its channels from the device description', () => {
    expect(decoder().channels).toEqual([
      { label: 'VMO', kind: 'emg', unit: 'uV', nominalRateHz: 1000 },
      { label: 'VL', kind: 'emg', unit: 'uV', nominalRateHz: 1000 },
    ]);
  });

  it('decodes the worked example frame of PROTOCOL.md §5.6 into µV', () => {
    const frame = hex('10 01 01 02 40 42 0f 00 03 00 02 78 00 d3 ff 76 00 00 80');
    const result = decoder().decode(frame, DATA_CHAR_UUID);
    expect(result.kind).toBe('samples');
    if (result.kind !== 'samples') return;
    // 120 × 0.25, −45 × 0.25, 118 × 0.25, −32768 × 0.25
    expect(Array.from(result.block.values)).toEqual([30, -11.25, 29.5, -8192]);
    expect(result.block).toMatchObject({
      channels: 2,
      samplesPerChannel: 2,
      sampleCounter: 513 * 2,
      sampleCounterModulo: 65536 * 2,
      deviceTimeUs: 1_000_000,
      deviceTimeModuloUs: 2 ** 32,
      samplePeriodUs: 1000,
      streamStart: false,
    });
  });

  it('routes a control reply on the control characteristic', () => {
    // start (01), request id 7, status ok (00)
    expect(decoder().decode(hex('01 07 00'), CONTROL_CHAR_UUID)).toEqual({
      kind: 'reply',
      command: 'start',
      reply: { kind: 'control-status', status: 'ok' },
    });
  });

  it('starts at the rate the sensor is set to, and encodes start as PROTOCOL.md §6.1 says', () => {
    expect(startRateHz(info)).toBe(1000);
    const start = quadcueProfile.commands.start!(info);
    expect(start[0]).toBe(0x01);
    expect(Array.from(start.subarray(2))).toEqual([0xe8, 0x03]);
  });

  const hostile: [string, Uint8Array, string][] = [
    ['an empty notification', new Uint8Array(0), 'too-short'],
    ['a frame from protocol 2.x', hex('20 00 00 00 00 00 00 00 03 00 01 00 00 00 00'), 'unsupported'],
    ['a frame one byte short', hex('10 00 00 00 00 00 00 00 03 00 01 00 00 00'), 'length-mismatch'],
    ['a channel the sensor does not have', hex('10 00 00 00 00 00 00 00 04 00 01 00 00'), 'length-mismatch'],
    ['a frame longer than 512 bytes', new Uint8Array(600).fill(0x10), 'too-long'],
  ];
  it.each(hostile)('rejects %s with a typed reason', (_name, bytes, reason) => {
    const result = decoder().decode(bytes, DATA_CHAR_UUID);
    expect(result.kind).toBe('rejected');
    if (result.kind === 'rejected') expect(result.reason).toBe(reason);
  });

  it('refuses to start without a readable description', () => {
    expect(quadcueProfile.createDecoder({ reads: new Map() })).toMatchObject({ kind: 'rejected', reason: 'unsupported' });
    expect(quadcueProfile.createDecoder({ reads: new Map([[DESCRIPTION_CHAR_UUID, hex('10 01')]]) })).toMatchObject({
      kind: 'rejected',
    });
  });
});
