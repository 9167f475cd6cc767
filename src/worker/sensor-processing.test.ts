import { describe, expect, it } from 'vitest';
import { Prng } from '../../firmware-protocol/sim/prng';
import type { SampleBlock } from '../profiles/types';
import { SensorProcessing, type ProcessingEvent } from './sensor-processing';

const rateHz = 1000;
const emg = { label: 'VMO', kind: 'emg' as const, unit: 'uV' as const, nominalRateHz: rateHz };

/** Rest noise of ~5 µV, then from `burstAt` a 150 Hz burst of 200 µV. */
function signal(length: number, burstAt: number): Float64Array {
  const random = new Prng(3);
  return Float64Array.from({ length }, (_, i) => 5 * random.nextGaussian() + (i >= burstAt ? 200 * Math.sin((2 * Math.PI * 150 * i) / rateHz) : 0));
}

function blocks(values: Float64Array, size: number): SampleBlock[] {
  const out: SampleBlock[] = [];
  for (let start = 0; start < values.length; start += size) {
    const chunk = values.slice(start, start + size);
    out.push({ channels: 1, samplesPerChannel: chunk.length, values: chunk, sampleCounter: null, sampleCounterModulo: null, deviceTimeUs: null, deviceTimeModuloUs: null, samplePeriodUs: 1000 });
  }
  return out;
}

describe('sensor processing events', () => {
  it('reports an onset shortly after a burst begins, once rest was marked, at a stream sample index', () => {
    const events: ProcessingEvent[] = [];
    const processing = new SensorProcessing([emg], { mainsHz: 50 }, false, (e) => events.push(e));
    const values = signal(6000, 4000);
    const parts = blocks(values, 40);
    parts.slice(0, 50).forEach((b) => processing.samples(b)); // 2 s of rest
    expect(processing.markRest(1)).toBe(true);
    processing.gap(100); // a lost stretch still advances the stream index
    parts.slice(50).forEach((b) => processing.samples(b));
    const onsets = events.filter((e) => e.kind === 'onset');
    expect(onsets).toHaveLength(1);
    // Burst at sample 4000 of the signal = stream index 4100 (after the 100-sample gap). The
    // detector reports at the centre of its 50 ms moving average, so up to 25 samples early.
    expect(onsets[0]!.sampleIndex).toBeGreaterThanOrEqual(4100 - 25);
    expect(onsets[0]!.sampleIndex).toBeLessThan(4100 + 60);
  });

  it('reports threshold crossings of the envelope at the exact sample, whatever the block size', () => {
    const run = (size: number) => {
      const events: ProcessingEvent[] = [];
      const processing = new SensorProcessing([emg], { mainsHz: 50 }, false, (e) => events.push(e));
      processing.setThreshold(0, 60);
      blocks(signal(6000, 3000), size).forEach((b) => processing.samples(b));
      return events;
    };
    const reference = run(1);
    expect(reference.map((e) => e.kind)).toEqual(['threshold-up']);
    expect(run(7)).toEqual(reference);
    expect(run(333)).toEqual(reference);
    // The 100 ms RMS window passes 60 µV (of ~141 µV RMS) within the first 20 ms of the burst.
    expect(reference[0]!.sampleIndex).toBeGreaterThan(3000);
    expect(reference[0]!.sampleIndex).toBeLessThan(3030);
  });
});
