// Surface-EMG model for one channel: a "clean" muscle component — band-limited Gaussian noise
// (20–450 Hz) scaled so its RMS follows the activation profile — plus the contaminants a real
// recording carries: mains hum, baseline wander and motion artefacts. The clean component is
// produced separately so tests can check it against the ground truth before contamination.

import type { ActivationProfile } from './activation';
import { BandNoise } from './band-noise';
import { Prng, deriveSeed } from './prng';

export interface EmgChannelParams {
  /** RMS at rest. Issue: rest 2–5 µV. */
  restUv: number;
  /** RMS at maximal effort (activation 1). Issue: 200–500 µV. */
  maxEffortUv: number;
  /** Carrier band: 20–450 Hz, the common sEMG band-pass (clinical.md, "Surface EMG processing"). */
  bandLowHz: number;
  bandHighHz: number;
  /** Mains frequency (50 or 60 Hz by region) and hum amplitude (peak, µV; issue: e.g. 20 µV). */
  mainsHz: number;
  humAmplitudeUv: number;
  /** Peak amplitude of the baseline wander, a sum of three sinusoids below 1 Hz (issue). */
  wanderAmplitudeUv: number;
  /** Mean rate of motion artefacts (Poisson), 0 = none. */
  artefactsPerMinute: number;
  /** Artefact peak range, µV (issue: 1–5 mV) and duration range, s (issue: 100–300 ms). */
  artefactMinUv: number;
  artefactMaxUv: number;
  artefactMinS: number;
  artefactMaxS: number;
}

/**
 * Defaults: the middle of each range the issue names. 3 µV rest is typical of a quiet
 * well-prepared skin interface; 350 µV is mid-range of 200–500 µV maximal quadriceps sEMG.
 */
export const DEFAULT_EMG_PARAMS: Readonly<EmgChannelParams> = {
  restUv: 3,
  maxEffortUv: 350,
  bandLowHz: 20,
  bandHighHz: 450,
  mainsHz: 50,
  humAmplitudeUv: 20,
  wanderAmplitudeUv: 30,
  artefactsPerMinute: 0,
  artefactMinUv: 1000,
  artefactMaxUv: 5000,
  artefactMinS: 0.1,
  artefactMaxS: 0.3,
};

/** Baseline wander band: below 1 Hz (issue); lower edge keeps each component's period < 20 s. */
const WANDER_MIN_HZ = 0.05;
const WANDER_MAX_HZ = 0.8;
const WANDER_COMPONENTS = 3;
const OSCILLATORS = 1 + WANDER_COMPONENTS;

/** A motion artefact that happened: sample index of its start, length and signed peak. */
export interface ArtefactRecord {
  startSample: number;
  durationSamples: number;
  peakUv: number;
}

/** Output arrays for one block; all optional ones may be omitted. Written from `offset`. */
export interface EmgBlock {
  totalUv: Float64Array;
  cleanUv?: Float64Array;
  envelopeUv?: Float64Array;
  offset?: number;
}

export class EmgChannelModel {
  readonly params: Readonly<EmgChannelParams>;
  readonly artefacts: ArtefactRecord[] = [];
  private readonly profile: ActivationProfile;
  private readonly loopSamples: number;
  private readonly sampleRateHz: number;
  private readonly noise: BandNoise;
  private readonly artefactPrng: Prng;
  /** Oscillator 0 is the mains hum, 1…3 the wander: angular step per sample, phase, amplitude. */
  private readonly oscOmega = new Float64Array(OSCILLATORS);
  private readonly oscPhase = new Float64Array(OSCILLATORS);
  private readonly oscAmplitudeUv = new Float64Array(OSCILLATORS);
  private readonly oscSin = new Float64Array(OSCILLATORS);
  private readonly oscCos = new Float64Array(OSCILLATORS);
  private noiseBlock = new Float64Array(256);
  private readonly meanArtefactGapSamples: number;
  private nextArtefactStart: number;
  private artefactStart = 0;
  private artefactLength = 0;
  private artefactPeakUv = 0;
  private sample = 0;

  /**
   * @param loopSamples the profile repeats every loopSamples (0 = it does not repeat); hum, wander
   *   and artefacts run on the absolute sample count.
   */
  constructor(params: Readonly<EmgChannelParams>, profile: ActivationProfile, sampleRateHz: number, seed: number, loopSamples = 0) {
    this.params = params;
    this.profile = profile;
    this.loopSamples = loopSamples;
    this.sampleRateHz = sampleRateHz;
    this.noise = new BandNoise(new Prng(deriveSeed(seed, 1)), sampleRateHz, params.bandLowHz, params.bandHighHz);
    const phases = new Prng(deriveSeed(seed, 2));
    for (let k = 0; k < OSCILLATORS; k++) {
      const hz = k === 0 ? params.mainsHz : phases.uniform(WANDER_MIN_HZ, WANDER_MAX_HZ);
      this.oscOmega[k] = (2 * Math.PI * hz) / sampleRateHz;
      this.oscPhase[k] = phases.uniform(0, 2 * Math.PI);
      this.oscAmplitudeUv[k] = k === 0 ? params.humAmplitudeUv : params.wanderAmplitudeUv / WANDER_COMPONENTS;
      this.oscSin[k] = Math.sin(this.oscOmega[k]!);
      this.oscCos[k] = Math.cos(this.oscOmega[k]!);
    }
    this.artefactPrng = new Prng(deriveSeed(seed, 3));
    this.meanArtefactGapSamples = params.artefactsPerMinute > 0 ? (60 * sampleRateHz) / params.artefactsPerMinute : Infinity;
    this.nextArtefactStart = this.drawArtefactGap(0);
  }

  /** Index of the next sample generate() will produce. */
  get nextSample(): number {
    return this.sample;
  }

  private drawArtefactGap(from: number): number {
    if (this.meanArtefactGapSamples === Infinity) return Infinity;
    return from + Math.ceil(this.artefactPrng.nextExponential(this.meanArtefactGapSamples));
  }

  private beginArtefact(n: number): void {
    const p = this.params;
    const rng = this.artefactPrng;
    this.artefactStart = n;
    this.artefactLength = Math.max(1, Math.round(rng.uniform(p.artefactMinS, p.artefactMaxS) * this.sampleRateHz));
    this.artefactPeakUv = rng.uniform(p.artefactMinUv, p.artefactMaxUv) * (rng.nextFloat() < 0.5 ? -1 : 1);
    this.artefacts.push({ startSample: n, durationSamples: this.artefactLength, peakUv: this.artefactPeakUv });
    this.nextArtefactStart = this.drawArtefactGap(n + this.artefactLength);
  }

  /** Hum plus wander at sample n0 … n0 + count − 1, added into out[0 …]. */
  private addOscillators(out: Float64Array, n0: number, count: number): void {
    for (let k = 0; k < OSCILLATORS; k++) {
      const amplitude = this.oscAmplitudeUv[k]!;
      if (amplitude === 0) continue;
      // Exact phase at the block start, then a rotation per sample: one sin/cos pair per block
      // instead of one per sample, and the re-anchoring keeps rounding drift from accumulating.
      const phase = this.oscOmega[k]! * n0 + this.oscPhase[k]!;
      let sin = Math.sin(phase);
      let cos = Math.cos(phase);
      const stepSin = this.oscSin[k]!;
      const stepCos = this.oscCos[k]!;
      for (let i = 0; i < count; i++) {
        out[i] = out[i]! + amplitude * sin;
        const nextSin = sin * stepCos + cos * stepSin;
        cos = cos * stepCos - sin * stepSin;
        sin = nextSin;
      }
    }
  }

  /** Produces the next `count` samples into the block's arrays. */
  generate(count: number, block: EmgBlock): void {
    const p = this.params;
    const off = block.offset ?? 0;
    const spanUv = p.maxEffortUv - p.restUv;
    if (this.noiseBlock.length < count) this.noiseBlock = new Float64Array(count);
    const noise = this.noiseBlock;
    this.noise.fill(noise, 0, count);
    const n0 = this.sample;
    const total = block.totalUv.subarray(off, off + count);
    total.fill(0);
    this.addOscillators(total, n0, count);
    for (let i = 0; i < count; i++) {
      const n = n0 + i;
      const level = this.profile.levelAt(this.loopSamples > 0 ? n % this.loopSamples : n);
      const envelope = p.restUv + spanUv * level;
      const clean = envelope * noise[i]!;
      let value = total[i]! + clean;
      if (n >= this.nextArtefactStart) this.beginArtefact(n);
      const intoArtefact = n - this.artefactStart;
      if (intoArtefact < this.artefactLength) {
        // Hann-shaped deflection: movement artefact energy lies mostly below 20 Hz (De Luca et al.
        // 2010, J Biomech 43:1573), which a 100–300 ms smooth bump reproduces.
        const s = Math.sin((Math.PI * intoArtefact) / this.artefactLength);
        value += this.artefactPeakUv * s * s;
      }
      total[i] = value;
      if (block.cleanUv) block.cleanUv[off + i] = clean;
      if (block.envelopeUv) block.envelopeUv[off + i] = envelope;
    }
    this.sample = n0 + count;
  }
}
