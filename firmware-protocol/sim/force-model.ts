// Force channel model (isometric dynamometer or force gauge): a linear rise at a configured rate
// of force development (RFD) up to the target, a plateau carrying physiological tremor and a
// fatigue decline while the hold lasts, the gauge's noise floor and an offset (preload) that the
// device's tare removes. The clean force (before tremor, noise and offset) is available separately.

import type { ActivationProfile } from './activation';
import { BandNoise } from './band-noise';
import { Prng, deriveSeed } from './prng';

export interface ForceParams {
  /** Force at activation 1 (N). */
  peakForceN: number;
  /** Slope of every rise (N/s); the scenario sizes ramp durations from it. Issue: 500–3000 N/s. */
  rfdNPerS: number;
  /** Tremor RMS as a fraction of the momentary force (issue: about 1 %). */
  tremorFraction: number;
  /** Physiological tremor band (issue: 8–12 Hz). */
  tremorLowHz: number;
  tremorHighHz: number;
  /** Fractional force loss per second of hold (0.004 = 0.4 %/s; 2 % over a 5 s maximal hold). */
  fatiguePerS: number;
  /** RMS of the gauge's white noise floor (N). */
  gaugeNoiseN: number;
  /** Constant load on the gauge at rest (strap preload, limb weight) that tare takes away (N). */
  offsetN: number;
}

/**
 * Defaults. 500 N peak ≈ 175 N·m knee-extension torque on a 0.35 m lever, i.e. ≈ 2.5 N·m/kg for a
 * 70 kg adult — below the 3.0 N·m/kg return-to-sport mark (clinical.md "Limb symmetry"), a plausible
 * rehabilitation patient. 2000 N/s sits mid-range of the 500–3000 N/s. The noise floor
 * (0.3 N) and preload (15 N) are modelling assumptions for a load-cell gauge, not datasheet values.
 */
export const DEFAULT_FORCE_PARAMS: Readonly<ForceParams> = {
  peakForceN: 500,
  rfdNPerS: 2000,
  tremorFraction: 0.01,
  tremorLowHz: 8,
  tremorHighHz: 12,
  fatiguePerS: 0.004,
  gaugeNoiseN: 0.3,
  offsetN: 15,
};

/** Output arrays for one block; `cleanN` may be omitted. Written from `offset`. */
export interface ForceBlock {
  totalN: Float64Array;
  cleanN?: Float64Array;
  offset?: number;
}

export class ForceModel {
  readonly params: Readonly<ForceParams>;
  private readonly profile: ActivationProfile;
  private readonly loopSamples: number;
  private readonly secondsPerSample: number;
  private readonly tremor: BandNoise;
  private readonly gaugeNoise: Prng;
  private tremorBlock = new Float64Array(256);
  /** Remaining share of force after fatigue in the current effort; back to 1 at rest. */
  private fatigueFactor = 1;
  private sample = 0;

  /** @param loopSamples the profile repeats every loopSamples (0 = it does not repeat). */
  constructor(params: Readonly<ForceParams>, profile: ActivationProfile, sampleRateHz: number, seed: number, loopSamples = 0) {
    if (profile.shape !== 'linear') throw new RangeError('force needs a linear-ramp profile so the RFD is exact');
    this.params = params;
    this.profile = profile;
    this.loopSamples = loopSamples;
    this.secondsPerSample = 1 / sampleRateHz;
    this.tremor = new BandNoise(new Prng(deriveSeed(seed, 1)), sampleRateHz, params.tremorLowHz, params.tremorHighHz);
    this.gaugeNoise = new Prng(deriveSeed(seed, 2));
  }

  get nextSample(): number {
    return this.sample;
  }

  /** Produces the next `count` samples. */
  generate(count: number, block: ForceBlock): void {
    const p = this.params;
    const off = block.offset ?? 0;
    const fatigueStep = p.fatiguePerS * this.secondsPerSample;
    if (this.tremorBlock.length < count) this.tremorBlock = new Float64Array(count);
    const tremor = this.tremorBlock;
    this.tremor.fill(tremor, 0, count);
    for (let i = 0; i < count; i++) {
      const n = this.sample++;
      const level = this.profile.levelAt(this.loopSamples > 0 ? n % this.loopSamples : n);
      const kind = this.profile.kind;
      // Fatigue accrues only while holding and keeps its value through the release ramp. Each rest
      // restores full force — a simplification: real recovery takes about a minute (clinical.md
      // "Fatigue"), but it keeps every effort's ground-truth peak equal to its target.
      if (kind === 'rest') this.fatigueFactor = 1;
      else if (kind === 'hold') this.fatigueFactor = Math.max(0, this.fatigueFactor - fatigueStep);
      const clean = p.peakForceN * level * this.fatigueFactor;
      const total = clean * (1 + p.tremorFraction * tremor[i]!) + p.gaugeNoiseN * this.gaugeNoise.nextGaussian() + p.offsetN;
      block.totalN[off + i] = total;
      if (block.cleanN) block.cleanN[off + i] = clean;
    }
  }
}
