// "Must show" of the simulator: the clean EMG plateau RMS within 5 % of the request, the VL-vs-VMO
// onset delay within one sample, force peak and RFD as configured — each read back from the
// generated signals and compared with the exported ground truth.

import { describe, expect, it } from 'vitest';
import { devicePreset, type DeviceSpec } from './device';
import { buildScenario, type ScenarioName } from './scenarios';
import { SensorModel } from './sensor-model';

interface Run {
  model: SensorModel;
  physical: Float64Array[];
  clean: Float64Array[];
  envelopeUv: Float64Array[];
}

function run(device: DeviceSpec, name: ScenarioName, rateHz: number, seed: number, options = {}): Run {
  const model = new SensorModel(device, buildScenario(name, options), rateHz, seed);
  const n = model.groundTruth.durationSamples;
  const make = (): Float64Array[] => device.channels.map(() => new Float64Array(n));
  const physical = make();
  const clean = make();
  const envelopeUv = make();
  model.generate(n, new Int32Array(n * device.channels.length), 0, { physical, clean, envelopeUv });
  return { model, physical, clean, envelopeUv };
}

function rmsOf(x: Float64Array, from: number, to: number): number {
  let sumSq = 0;
  for (let i = from; i < to; i++) sumSq += x[i]! ** 2;
  return Math.sqrt(sumSq / (to - from));
}

describe('EMG ground truth', () => {
  it.each([
    ['mvc', 1000],
    ['quadSets', 2000],
    ['straightLegRaise', 1000],
    ['isometricKneeExtension', 500],
  ] as const)('%s at %i Hz: clean plateau RMS within 5 %% of the requested value on every hold', (name, rateHz) => {
    const r = run(devicePreset('emg'), name, rateHz, 2024);
    for (const ch of r.model.groundTruth.emg) {
      for (const e of ch.efforts) {
        const measured = rmsOf(r.clean[ch.channel]!, e.holdStartSample, e.holdEndSample);
        expect(Math.abs(measured / e.plateauRmsUv - 1)).toBeLessThan(0.05);
      }
      // Rest before the first effort sits at the configured resting RMS.
      const restRms = rmsOf(r.clean[ch.channel]!, 0, ch.efforts[0]!.onsetSample);
      expect(Math.abs(restRms / ch.restRmsUv - 1)).toBeLessThan(0.05);
    }
  });

  it('honours configured amplitudes and the VMO:VL amplitude ratio', () => {
    const device = devicePreset('emg');
    for (const ch of device.channels) if (ch.kind === 'emg') ch.params = { maxEffortUv: 480, restUv: 2 };
    const r = run(device, 'mvc', 1000, 5, { vmoToVlRatio: 0.5 });
    const [vmo, vl] = r.model.groundTruth.emg;
    expect(vl!.efforts[0]!.plateauRmsUv).toBe(480);
    expect(vmo!.efforts[0]!.plateauRmsUv).toBe(240);
    const e = vmo!.efforts[1]!;
    expect(Math.abs(rmsOf(r.clean[vmo!.channel]!, e.holdStartSample, e.holdEndSample) / 240 - 1)).toBeLessThan(0.05);
  });

  it.each([
    [1000, 20],
    [2000, 20],
    [1000, 13.3],
    [2000, 37.7],
  ])('step-down at %i Hz: VMO onset follows VL by %f ms within one sample', (rateHz, delayMs) => {
    const r = run(devicePreset('emg'), 'stepDown', rateHz, 9, { vlBeforeVmoMs: delayMs });
    const truth = r.model.groundTruth;
    const vmo = truth.emg.find((c) => c.role === 'vmo')!;
    const vl = truth.emg.find((c) => c.role === 'vl')!;
    const requestedSamples = (delayMs / 1000) * rateHz;
    vl.efforts.forEach((vlEffort, i) => {
      const vmoEffort = vmo.efforts[i]!;
      // Ground truth as exported.
      expect(Math.abs(vmoEffort.onsetSample - vlEffort.onsetSample - requestedSamples)).toBeLessThanOrEqual(1);
      // Onset in the generated envelope: first sample above rest after the previous effort.
      const firstActive = (ch: number, from: number): number => {
        const env = r.envelopeUv[ch]!;
        let n = from;
        while (env[n]! <= vl.restRmsUv + 1e-9) n++;
        return n;
      };
      const searchFrom = i === 0 ? 0 : vmo.efforts[i - 1]!.offsetSample + 1;
      const vlOnset = firstActive(vl.channel, searchFrom);
      const vmoOnset = firstActive(vmo.channel, searchFrom);
      expect(Math.abs(vlOnset - vlEffort.onsetSample)).toBeLessThanOrEqual(1);
      expect(Math.abs(vmoOnset - vlOnset - requestedSamples)).toBeLessThanOrEqual(1);
    });
  });

  it('adds mains hum, wander below 1 Hz and motion artefacts only outside the clean component', () => {
    const device = devicePreset('emg');
    device.channels[1] = { ...device.channels[1]!, params: { mainsHz: 60, artefactsPerMinute: 12 } } as DeviceSpec['channels'][number];
    const r = run(device, 'quadSets', 1000, 77);
    const model = r.model.models[1]!;
    expect('artefacts' in model).toBe(true);
    const artefacts = 'artefacts' in model ? model.artefacts : [];
    // 100 s at 12 per minute: expect around 20; the exact count is fixed by the seed.
    expect(artefacts.length).toBeGreaterThan(8);
    for (const a of artefacts) {
      expect(a.durationSamples).toBeGreaterThanOrEqual(100);
      expect(a.durationSamples).toBeLessThanOrEqual(300);
      expect(Math.abs(a.peakUv)).toBeGreaterThanOrEqual(1000);
      expect(Math.abs(a.peakUv)).toBeLessThanOrEqual(5000);
    }
    // The contamination (total − clean) in a whole number of seconds between two artefacts
    // carries the 60 Hz hum at 20 µV peak (wander is below 1 Hz, so it does not leak into 60 Hz).
    let gapStart = 0;
    let gapSamples = 0;
    artefacts.forEach((a, i) => {
      const from = i === 0 ? 0 : artefacts[i - 1]!.startSample + artefacts[i - 1]!.durationSamples;
      if (a.startSample - from > gapSamples) [gapStart, gapSamples] = [from, a.startSample - from];
    });
    const n = gapSamples - (gapSamples % 1000);
    expect(n).toBeGreaterThanOrEqual(1000);
    const humAmplitudeUv = (channel: number, hz: number): number => {
      let re = 0;
      let im = 0;
      for (let i = gapStart; i < gapStart + n; i++) {
        const v = r.physical[channel]![i]! - r.clean[channel]![i]!;
        re += v * Math.cos((2 * Math.PI * hz * i) / 1000);
        im += v * Math.sin((2 * Math.PI * hz * i) / 1000);
      }
      return (2 * Math.hypot(re, im)) / n;
    };
    expect(humAmplitudeUv(1, 60)).toBeCloseTo(20, 0);
    expect(humAmplitudeUv(0, 50)).toBeCloseTo(20, 0);
    expect(humAmplitudeUv(0, 60)).toBeLessThan(1);
    // Artefacts reach millivolts; every total stays within the int16 range at 0.25 µV/count.
    const peak = Math.max(...r.physical[1]!.map(Math.abs));
    expect(peak).toBeGreaterThan(1000);
    expect(peak).toBeLessThan(8191);
  });
});

describe('force ground truth', () => {
  it.each([
    [1000, 600, 2500],
    [500, 300, 800],
    [100, 1500, 3000],
  ])('at %i Hz: peak %i N and RFD %i N/s as configured', (rateHz, peakForceN, rfdNPerS) => {
    const device = devicePreset('dynamometer');
    device.channels[0] = { ...device.channels[0]!, params: { peakForceN, rfdNPerS } } as DeviceSpec['channels'][number];
    const r = run(device, 'isometricKneeExtension', rateHz, 31);
    const truth = r.model.groundTruth.force[0]!;
    const clean = r.clean[0]!;
    const total = r.physical[0]!;
    for (const e of truth.efforts) {
      expect(e.peakForceN).toBeCloseTo(peakForceN, 6);
      let cleanPeak = 0;
      for (let i = e.onsetSample; i < e.offsetSample; i++) cleanPeak = Math.max(cleanPeak, clean[i]!);
      expect(Math.abs(cleanPeak / peakForceN - 1)).toBeLessThan(0.01);
      // RFD as the clinic reads it: mean slope over the rise, from 10 % to 90 % of the peak.
      const cross = (fraction: number): number => {
        let i = e.onsetSample;
        while (clean[i]! < fraction * peakForceN) i++;
        return i - 1 + (fraction * peakForceN - clean[i - 1]!) / (clean[i]! - clean[i - 1]!);
      };
      const slope = (0.8 * peakForceN) / ((cross(0.9) - cross(0.1)) / rateHz);
      expect(Math.abs(slope / rfdNPerS - 1)).toBeLessThan(0.01);
      // The measured (noisy, offset) signal peaks within tremor range of the target.
      let measuredPeak = 0;
      for (let i = e.onsetSample; i < e.offsetSample; i++) measuredPeak = Math.max(measuredPeak, total[i]! - truth.offsetN);
      expect(Math.abs(measuredPeak / peakForceN - 1)).toBeLessThan(0.05);
      // Fatigue: by the end of the plateau the clean force has lost fatiguePerS × plateau duration.
      expect(clean[e.holdEndSample - 1]!).toBeCloseTo(peakForceN - e.fatigueLossN, -1);
      expect(e.fatigueLossN).toBeGreaterThan(0);
    }
  });

  it('carries tremor of about 1 % on the plateau and the gauge noise floor at rest', () => {
    const r = run(devicePreset('dynamometer'), 'isometricKneeExtension', 1000, 4);
    const truth = r.model.groundTruth.force[0]!;
    const e = truth.efforts[0]!;
    let sumSq = 0;
    for (let i = e.peakSample; i < e.holdEndSample; i++) sumSq += ((r.physical[0]![i]! - truth.offsetN - r.clean[0]![i]!) / r.clean[0]![i]!) ** 2;
    const tremorFraction = Math.sqrt(sumSq / (e.holdEndSample - e.peakSample));
    expect(tremorFraction).toBeGreaterThan(0.008);
    expect(tremorFraction).toBeLessThan(0.012);
    let restSq = 0;
    for (let i = 0; i < e.onsetSample; i++) restSq += (r.physical[0]![i]! - truth.offsetN) ** 2;
    expect(Math.sqrt(restSq / e.onsetSample)).toBeCloseTo(truth.gaugeNoiseN, 1);
  });
});
