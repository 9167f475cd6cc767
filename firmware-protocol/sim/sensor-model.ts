// The simulated sensor front end: one signal model per channel, driven by the scenario, turned into
// raw counts exactly as the firmware would put them on the wire (scale, rounding, rail clipping,
// tare offset on force channels).

import { ActivationProfile } from './activation';
import type { DeviceSpec } from './device';
import { EmgChannelModel, type EmgBlock } from './emg-model';
import { ForceModel } from './force-model';
import { buildGroundTruth, planChannels, type GroundTruth } from './ground-truth';
import { deriveSeed } from './prng';
import type { Scenario } from './scenarios';

/** Tare averages the latest 100 ms of force readings (PROTOCOL.md §6.1: "at least 100 ms"). */
export const TARE_WINDOW_S = 0.1;

/** Optional per-channel outputs of generate(): physical values before quantisation. */
export interface SensorDetail {
  /** Total physical value per channel (µV or N) before tare and quantisation. */
  physical?: Float64Array[];
  /** EMG: clean muscle component (µV); force: clean force (N). */
  clean?: Float64Array[];
  /** EMG only: requested RMS envelope (µV). */
  envelopeUv?: Float64Array[];
}

export class SensorModel {
  readonly device: DeviceSpec;
  readonly scenario: Scenario;
  readonly sampleRateHz: number;
  readonly groundTruth: GroundTruth;
  readonly models: (EmgChannelModel | ForceModel)[];
  /** Bit c set: the last generate() call clipped a sample of channel c at its ADC rail. */
  clippedMask = 0;
  /** Offset subtracted from each force channel before quantisation (N); 0 for EMG channels. */
  readonly tareOffsetN: Float64Array;
  private readonly tareWindowSamples: number;
  private readonly tareWindow: Float64Array[];
  private readonly tareFill: Uint32Array;
  private scratch: Float64Array[];

  /**
   * @param loop repeat the scenario forever (demo sensor) instead of resting after its end.
   * @param tareOffsetN offsets from an earlier tare: a gauge keeps its zero until power-off.
   */
  constructor(device: DeviceSpec, scenario: Scenario, sampleRateHz: number, seed: number, loop = false, tareOffsetN?: Float64Array) {
    this.device = device;
    this.scenario = scenario;
    this.sampleRateHz = sampleRateHz;
    const plans = planChannels(device, scenario);
    this.groundTruth = buildGroundTruth(device, scenario, plans, sampleRateHz);
    const loopSamples = loop ? this.groundTruth.durationSamples : 0;
    this.models = plans.map((plan, i) => {
      const channelSeed = deriveSeed(seed, 100 + i);
      return plan.kind === 'emg'
        ? new EmgChannelModel(plan.params, new ActivationProfile(plan.segments, sampleRateHz, 'cosine', plan.delayS), sampleRateHz, channelSeed, loopSamples)
        : new ForceModel(plan.params, new ActivationProfile(plan.segments, sampleRateHz, 'linear'), sampleRateHz, channelSeed, loopSamples);
    });
    this.tareOffsetN = new Float64Array(plans.length);
    if (tareOffsetN) this.tareOffsetN.set(tareOffsetN.subarray(0, plans.length));
    this.tareWindowSamples = Math.max(1, Math.ceil(TARE_WINDOW_S * sampleRateHz));
    this.tareWindow = plans.map(() => new Float64Array(this.tareWindowSamples));
    this.tareFill = new Uint32Array(plans.length);
    this.scratch = plans.map(() => new Float64Array(256));
  }

  /** Index of the next sample set generate() will produce. */
  get nextSample(): number {
    return this.models[0]?.nextSample ?? 0;
  }

  /**
   * Zeroes every force channel at the mean of its latest 100 ms of readings (fewer just after the
   * start; a channel with no reading yet keeps its offset).
   */
  tare(): void {
    const size = this.tareWindowSamples;
    this.device.channels.forEach((spec, c) => {
      const fill = this.tareFill[c]!;
      if (spec.kind !== 'force' || fill === 0) return;
      const recent = this.tareWindow[c]!;
      let sum = 0;
      for (let i = size - fill; i < size; i++) sum += recent[i]!;
      this.tareOffsetN[c] = sum / fill;
    });
  }

  /**
   * Produces `sets` sample sets as raw counts, interleaved (set 0 of every channel, then set 1, …)
   * into `counts` from `offset`. No allocation unless `sets` outgrows the scratch buffers.
   */
  generate(sets: number, counts: Int32Array, offset = 0, detail?: SensorDetail): void {
    if (this.scratch[0] !== undefined && this.scratch[0].length < sets) this.scratch = this.scratch.map(() => new Float64Array(sets));
    const channels = this.models.length;
    this.clippedMask = 0;
    for (let c = 0; c < channels; c++) {
      const model = this.models[c]!;
      const spec = this.device.channels[c]!;
      const values = detail?.physical?.[c] ?? this.scratch[c]!;
      if (model instanceof EmgChannelModel) {
        const block: EmgBlock = { totalUv: values };
        const clean = detail?.clean?.[c];
        const envelope = detail?.envelopeUv?.[c];
        if (clean) block.cleanUv = clean;
        if (envelope) block.envelopeUv = envelope;
        model.generate(sets, block);
      } else {
        const clean = detail?.clean?.[c];
        model.generate(sets, clean ? { totalN: values, cleanN: clean } : { totalN: values });
        this.rememberForTare(c, values, sets);
      }
      const max = 2 ** (spec.resolutionBits - 1) - 1;
      const min = -max - 1;
      const tare = this.tareOffsetN[c]!;
      const perCount = 1 / spec.scale;
      for (let i = 0, j = offset + c; i < sets; i++, j += channels) {
        let count = Math.round((values[i]! - tare) * perCount);
        if (count > max) {
          count = max;
          this.clippedMask |= 1 << c;
        } else if (count < min) {
          count = min;
          this.clippedMask |= 1 << c;
        }
        counts[j] = count;
      }
    }
  }

  /** Keeps the latest 100 ms of readings of a force channel, oldest first. */
  private rememberForTare(channel: number, values: Float64Array, sets: number): void {
    const recent = this.tareWindow[channel]!;
    const size = this.tareWindowSamples;
    if (sets >= size) {
      recent.set(values.subarray(sets - size, sets));
    } else {
      recent.copyWithin(0, sets);
      recent.set(values.subarray(0, sets), size - sets);
    }
    this.tareFill[channel] = Math.min(size, this.tareFill[channel]! + sets);
  }
}
