// Resolves a device and a scenario into per-channel plans (model parameters, profile segments,
// delay) and the ground truth exported alongside the stream: every instant both as a sample index
// and in seconds, requested plateau RMS per EMG effort, peak force and RFD per force effort.

import type { ProfileSegment } from './activation';
import type { DeviceSpec, EmgRole } from './device';
import { DEFAULT_EMG_PARAMS, type EmgChannelParams } from './emg-model';
import { DEFAULT_FORCE_PARAMS, type ForceParams } from './force-model';
import { emgSegments, forceEffortShape, forceSegments, type Scenario, type ScenarioName } from './scenarios';

export type ChannelPlan =
  | { kind: 'emg'; params: EmgChannelParams; segments: ProfileSegment[]; delayS: number }
  | { kind: 'force'; params: ForceParams; segments: ProfileSegment[] };

export function planChannels(device: DeviceSpec, scenario: Scenario): ChannelPlan[] {
  return device.channels.map((spec): ChannelPlan => {
    if (spec.kind === 'force') {
      const params = { ...DEFAULT_FORCE_PARAMS, ...spec.params };
      if (!(params.rfdNPerS > 0 && params.peakForceN > 0)) throw new RangeError('peakForceN and rfdNPerS must be > 0');
      return { kind: 'force', params, segments: forceSegments(scenario, params.peakForceN, params.rfdNPerS) };
    }
    const params = { ...DEFAULT_EMG_PARAMS, ...spec.params };
    const vmo = spec.role === 'vmo';
    if (vmo) params.maxEffortUv *= scenario.vmoToVlRatio;
    return { kind: 'emg', params, segments: emgSegments(scenario), delayS: vmo ? scenario.vlBeforeVmoMs / 1000 : 0 };
  });
}

/** First sample at or after an instant (sample n is taken at n / rate). */
function sampleAtOrAfter(tS: number, sampleRateHz: number): number {
  return Math.ceil(tS * sampleRateHz - 1e-9);
}

export interface EmgEffortTruth {
  onsetSample: number;
  onsetS: number;
  holdStartSample: number;
  holdStartS: number;
  /** Exclusive: the hold covers samples holdStartSample … holdEndSample − 1. */
  holdEndSample: number;
  holdEndS: number;
  offsetSample: number;
  offsetS: number;
  level: number;
  /** RMS of the clean EMG component over the hold (before hum, wander and artefacts). */
  plateauRmsUv: number;
}

export interface EmgChannelTruth {
  channel: number;
  label: string;
  role: EmgRole;
  onsetDelayMs: number;
  restRmsUv: number;
  maxEffortRmsUv: number;
  efforts: EmgEffortTruth[];
}

export interface ForceEffortTruth {
  onsetSample: number;
  onsetS: number;
  /** End of the linear rise: where the clean force reaches peakForceN. */
  peakSample: number;
  peakS: number;
  holdEndSample: number;
  holdEndS: number;
  offsetSample: number;
  offsetS: number;
  peakForceN: number;
  rfdNPerS: number;
  /** Force lost by the end of the plateau to fatigue, N. */
  fatigueLossN: number;
}

export interface ForceChannelTruth {
  channel: number;
  label: string;
  /** Load on the gauge at rest; tare removes it. */
  offsetN: number;
  tremorFraction: number;
  gaugeNoiseN: number;
  efforts: ForceEffortTruth[];
}

export interface GroundTruth {
  scenario: ScenarioName;
  description: string;
  sampleRateHz: number;
  durationSamples: number;
  durationS: number;
  vlBeforeVmoMs: number;
  vmoToVlRatio: number;
  emg: EmgChannelTruth[];
  force: ForceChannelTruth[];
}

export function buildGroundTruth(device: DeviceSpec, scenario: Scenario, plans: readonly ChannelPlan[], sampleRateHz: number): GroundTruth {
  const at = (tS: number): number => sampleAtOrAfter(tS, sampleRateHz);
  const truth: GroundTruth = {
    scenario: scenario.name,
    description: scenario.description,
    sampleRateHz,
    durationSamples: at(scenario.durationS),
    durationS: scenario.durationS,
    vlBeforeVmoMs: scenario.vlBeforeVmoMs,
    vmoToVlRatio: scenario.vmoToVlRatio,
    emg: [],
    force: [],
  };
  plans.forEach((plan, channel) => {
    const spec = device.channels[channel]!;
    if (plan.kind === 'emg' && spec.kind === 'emg') {
      const p = plan.params;
      truth.emg.push({
        channel,
        label: spec.label,
        role: spec.role,
        onsetDelayMs: plan.delayS * 1000,
        restRmsUv: p.restUv,
        maxEffortRmsUv: p.maxEffortUv,
        efforts: scenario.efforts.map((e) => {
          const onsetS = e.onsetS + plan.delayS;
          const holdStartS = onsetS + e.rampS;
          const holdEndS = holdStartS + e.holdS;
          const offsetS = holdEndS + e.releaseS;
          return {
            onsetSample: at(onsetS),
            onsetS,
            holdStartSample: at(holdStartS),
            holdStartS,
            holdEndSample: at(holdEndS),
            holdEndS,
            offsetSample: at(offsetS),
            offsetS,
            level: e.level,
            plateauRmsUv: p.restUv + e.level * (p.maxEffortUv - p.restUv),
          };
        }),
      });
    } else if (plan.kind === 'force') {
      const p = plan.params;
      truth.force.push({
        channel,
        label: spec.label,
        offsetN: p.offsetN,
        tremorFraction: p.tremorFraction,
        gaugeNoiseN: p.gaugeNoiseN,
        efforts: scenario.efforts.map((e) => {
          const shape = forceEffortShape(e, p.peakForceN, p.rfdNPerS);
          const peakS = e.onsetS + shape.riseS;
          const holdEndS = peakS + shape.plateauS;
          const offsetS = holdEndS + e.releaseS;
          const peakForceN = shape.level * p.peakForceN;
          return {
            onsetSample: at(e.onsetS),
            onsetS: e.onsetS,
            peakSample: at(peakS),
            peakS,
            holdEndSample: at(holdEndS),
            holdEndS,
            offsetSample: at(offsetS),
            offsetS,
            peakForceN,
            rfdNPerS: p.rfdNPerS,
            fatigueLossN: peakForceN * Math.min(1, p.fatiguePerS * shape.plateauS),
          };
        }),
      });
    }
  });
  return truth;
}
