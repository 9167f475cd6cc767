import { describe, expect, it } from 'vitest';
import type { SampleBlock } from '../profiles/types';
import { SampleCollector } from './sample-collector';

const WRAP_US = 2 ** 32;

function block(firstValue: number, samples: number, deviceTimeUs: number | null, streamStart = false): SampleBlock {
  const values = new Float64Array(2 * samples);
  for (let s = 0; s < samples; s++) {
    values[2 * s] = firstValue + s; // channel 0
    values[2 * s + 1] = -(firstValue + s); // channel 1
  }
  return {
    channels: 2,
    samplesPerChannel: samples,
    values,
    sampleCounter: null,
    sampleCounterModulo: null,
    deviceTimeUs,
    deviceTimeModuloUs: deviceTimeUs === null ? null : WRAP_US,
    samplePeriodUs: 1000,
    streamStart,
  };
}

describe('sample collector', () => {
  it('de-interleaves channels and grows past a capacity hint that was too small', () => {
    const collector = new SampleCollector(10);
    for (let i = 0; i < 30_000; i++) collector.samples(block(i * 40, 40, null));
    const { values, gaps, measuredRateHz } = collector.finish(2);
    expect(values[0]!.length).toBe(1_200_000);
    expect(values[0]![1_199_999]).toBe(1_199_999);
    expect(values[1]![5]).toBe(-5);
    expect(gaps).toEqual([]);
    expect(measuredRateHz).toBeNull(); // no device time: the caller uses the nominal rate
  });

  it('measures the rate from device time across the clock wrap, lost samples included', () => {
    // A sensor running 1 % slow: 1010 µs per sample, 10 samples per block, starting 5 ms before the wrap.
    const collector = new SampleCollector();
    let t = WRAP_US - 5000;
    for (let b = 0; b < 20; b++, t += 10_100) {
      if (b === 7) {
        collector.gap(10, 'loss'); // block 7 never arrived
        continue;
      }
      collector.samples(block(b * 10, 10, t % WRAP_US));
    }
    const { values, gaps, measuredRateHz } = collector.finish(2);
    expect(values[0]!.length).toBe(190);
    expect(gaps).toEqual([{ atIndex: 70, lengthSamples: 10 }]);
    expect(measuredRateHz).toBeCloseTo(1e6 / 1010, 9);
  });

  it('does not measure across an outage, where the device clock may have restarted', () => {
    const collector = new SampleCollector();
    collector.samples(block(0, 10, 0, true));
    collector.samples(block(10, 10, 10_000));
    collector.gap(500, 'outage');
    collector.samples(block(20, 10, 123, true)); // the clock restarted near zero
    collector.samples(block(30, 10, 10_123));
    expect(collector.finish(2).measuredRateHz).toBeCloseTo(1000, 9);
  });

  it('gives empty channels when nothing came', () => {
    expect(new SampleCollector().finish(3).values.map((v) => v.length)).toEqual([0, 0, 0]);
  });
});
