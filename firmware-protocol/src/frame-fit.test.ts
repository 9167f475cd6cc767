import { describe, expect, it } from 'vitest';
import { frameFitsDescription } from './frame-fit';
import type { DataFrame } from './data-frame';
import type { ChannelDescription, DeviceDescription } from './device-description';

const emg = (label: string, sampleRateHz = 1000): ChannelDescription =>
  ({ label, kind: 'emg', unit: 'uV', scale: 0.25, sampleRateHz, format: 'int16', resolutionBits: 12 });
const description: DeviceDescription = {
  protocolMajor: 1, protocolMinor: 0, deviceKind: 'emg+force', supportedRatesHz: [80, 1000],
  channels: [emg('VMO'), emg('VL'), { label: 'force', kind: 'force', unit: 'N', scale: 0.001, sampleRateHz: 80, format: 'int24', resolutionBits: 24 }],
};
const frame = (channelMask: number, format: DataFrame['format'] = 'int16'): DataFrame =>
  ({ flags: 0, sequence: 0, deviceTimeUs: 0, channelMask, format, samplesPerChannel: 1, samples: new Int32Array(0) });

describe('frameFitsDescription', () => {
  it('accepts frames whose channels exist, match the format and share a rate', () => {
    expect(frameFitsDescription(frame(0b011), description)).toBeNull();
    expect(frameFitsDescription(frame(0b100, 'int24'), description)).toBeNull();
  });

  it('rejects a channel the description does not have', () => {
    expect(frameFitsDescription(frame(0b1000), description)?.message).toBe('Data frame carries channel 3, but the sensor describes only 3');
  });

  it('rejects a format that differs from the description', () => {
    expect(frameFitsDescription(frame(0b001, 'int24'), description)?.code).toBe('descriptionMismatch');
  });

  it('rejects a frame mixing sample rates', () => {
    const mixed = { ...description, channels: [emg('VMO'), emg('VL', 500)] };
    expect(frameFitsDescription(frame(0b011), mixed)?.message).toBe('Data frame mixes channels sampled at 1000 Hz and 500 Hz');
  });
});
