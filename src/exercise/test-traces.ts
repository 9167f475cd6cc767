// Level traces for the exercise tests (imported by *.test.ts only): simple piecewise functions,
// and the VMO envelope of the reference peripheral's scripted scenarios through the app's own
// EMG chain, with the scenario's ground truth.

import { buildScenario, devicePreset, EMG_SCALE_UV, SensorModel } from '../../firmware-protocol/sim/index';
import type { GroundTruth, ScenarioName, ScenarioOptions } from '../../firmware-protocol/sim/index';
import { EmgChain } from '../signal/emg-chain.ts';

/** A piece of a trace: `level` for `durationS`, or a linear ramp from the previous level when `ramp`. */
export interface Piece {
  durationS: number;
  level: number;
  ramp?: boolean;
}

export function piecewise(pieces: readonly Piece[], sampleRateHz: number): Float64Array {
  const total = pieces.reduce((n, p) => n + Math.round(p.durationS * sampleRateHz), 0);
  const out = new Float64Array(total);
  let at = 0;
  let previous = 0;
  for (const p of pieces) {
    const count = Math.round(p.durationS * sampleRateHz);
    for (let i = 0; i < count; i++) out[at + i] = p.ramp ? previous + ((p.level - previous) * (i + 1)) / count : p.level;
    at += count;
    previous = p.level;
  }
  return out;
}

/** VMO envelope (µV, 100 ms RMS, 50 Hz notch) of a simulated scenario, and its ground truth. */
export function simVmoEnvelopeUv(
  name: ScenarioName,
  options: ScenarioOptions = {},
  sampleRateHz = 1000,
  seed = 1,
): { envelopeUv: Float64Array; truth: GroundTruth } {
  const model = new SensorModel(devicePreset('emg'), buildScenario(name, options), sampleRateHz, seed);
  const n = model.groundTruth.durationSamples;
  const channels = model.device.channels.length;
  const counts = new Int32Array(n * channels);
  model.generate(n, counts);
  const vmoUv = new Float64Array(n);
  for (let i = 0; i < n; i++) vmoUv[i] = counts[i * channels]! * EMG_SCALE_UV;
  const filtered = new Float64Array(n);
  const envelopeUv = new Float64Array(n);
  new EmgChain({ sampleRateHz, mainsHz: 50 }).process(vmoUv, filtered, envelopeUv, n);
  return { envelopeUv, truth: model.groundTruth };
}
