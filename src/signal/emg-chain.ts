// The streaming surface-EMG chain, one per channel, run by the pipeline worker and the CLI:
//   raw → DC removal → Butterworth band-pass → mains notch(es) → filteredUv
//                                                 └→ envelope (moving RMS or linear) → envelopeUv
// and, once an MVC calibration exists, envelope as % of MVC. Every stage is causal with Float64
// state carried across blocks, so blocks of any size give the same output, sample for sample.
// Defaults and their sources: shared/reference/clinical.md, "Surface EMG processing".

import { butterworthSos } from './butterworth.ts';
import { LinearEnvelope, MovingRms } from './envelope.ts';
import { DEFAULT_NOTCH_Q, mainsNotchSos } from './notch.ts';
import { checkBlock, SosFilter } from './sos-filter.ts';

/** Band-pass order: scipy butter(4, [low, high], 'bandpass'), 8 poles (clinical.md; issue 5). */
export const EMG_BANDPASS_ORDER = 4;
/** Lower band corner: SENIAM high-pass 10–20 Hz, common practice 20 Hz (clinical.md). */
export const DEFAULT_BAND_LOW_HZ = 20;
/** Upper band corner: common practice 450 Hz (clinical.md), clamped to 0.45·fs below. */
export const DEFAULT_BAND_HIGH_HZ = 450;
/**
 * The upper corner never exceeds 0.45·fs (clinical.md: "clamp the upper corner below Nyquist for
 * low-rate devices"), so a 200 Hz Ganglion gets 20–90 Hz and a 4 kHz sensor the full 20–450 Hz.
 */
export const MAX_BAND_FRACTION_OF_FS = 0.45;
/** Moving-RMS window: 100 ms, the common default within 50–250 ms (clinical.md). */
export const DEFAULT_RMS_WINDOW_MS = 100;
/** Linear-envelope low-pass: 6 Hz, the low end of 6–12 Hz (issue 5, clinical.md). */
export const DEFAULT_LINEAR_CUTOFF_HZ = 6;
/**
 * DC removal corner. Raw EMG arrives with a large offset (ADC counts near mid-scale 2048 in the
 * BioSPPy recordings, tests/fixtures/emg/README.md; electrode half-cell potentials on analog
 * front ends). The band-pass would remove it in steady state, but fed a 2048-count step at
 * start-up it rings for seconds. The remover starts at the first sample's level and then tracks
 * slowly: a one-pole high-pass at 0.5 Hz, 40× below the 20 Hz band corner, where its gain is
 * 0.9997 (−0.003 dB) and its phase lead 1.4°, so the band is untouched.
 */
export const DEFAULT_DC_CORNER_HZ = 0.5;

export type EnvelopeSettings = { kind: 'rms'; windowMs: number } | { kind: 'linear'; cutoffHz: number };

export interface EmgChainSettings {
  sampleRateHz: number;
  /** Band-pass lower corner, Hz (default 20). */
  bandLowHz?: number;
  /** Band-pass upper corner, Hz (default 450); always clamped to 0.45·fs. */
  bandHighHz?: number;
  /** Mains frequency to notch, or null for none. The UI defaults it from the locale. */
  mainsHz: 50 | 60 | null;
  /** Also notch the 2nd and 3rd mains harmonics below 0.45·fs (default false). */
  notchHarmonics?: boolean;
  /** Notch quality factor (default 30). */
  notchQ?: number;
  /** DC-removal corner, Hz (default 0.5); must be below bandLowHz. */
  dcCornerHz?: number;
  /** Envelope kind and parameter (default moving RMS over 100 ms). */
  envelope?: EnvelopeSettings;
  /** Calibrated MVC envelope level, same units as the envelope; enables % MVC. */
  mvcUv?: number | null;
}

/** The defaults for a sample rate and mains frequency, with the band already clamped to 0.45·fs. */
export function defaultEmgSettings(sampleRateHz: number, mainsHz: 50 | 60 | null): Required<EmgChainSettings> {
  return {
    sampleRateHz,
    bandLowHz: DEFAULT_BAND_LOW_HZ,
    bandHighHz: Math.min(DEFAULT_BAND_HIGH_HZ, MAX_BAND_FRACTION_OF_FS * sampleRateHz),
    mainsHz,
    notchHarmonics: false,
    notchQ: DEFAULT_NOTCH_Q,
    dcCornerHz: DEFAULT_DC_CORNER_HZ,
    envelope: { kind: 'rms', windowMs: DEFAULT_RMS_WINDOW_MS },
    mvcUv: null,
  };
}

/** Settings with defaults filled in and the band clamped; throws RangeError on impossible ones. */
function resolve(settings: EmgChainSettings): Required<EmgChainSettings> {
  const fs = settings.sampleRateHz;
  if (!Number.isFinite(fs) || fs <= 0) throw new RangeError(`EmgChain: sample rate must be a positive number of Hz, got ${fs}`);
  const defaults = defaultEmgSettings(fs, settings.mainsHz);
  const resolved: Required<EmgChainSettings> = {
    sampleRateHz: fs,
    bandLowHz: settings.bandLowHz ?? defaults.bandLowHz,
    bandHighHz: Math.min(settings.bandHighHz ?? defaults.bandHighHz, MAX_BAND_FRACTION_OF_FS * fs),
    mainsHz: settings.mainsHz,
    notchHarmonics: settings.notchHarmonics ?? defaults.notchHarmonics,
    notchQ: settings.notchQ ?? defaults.notchQ,
    dcCornerHz: settings.dcCornerHz ?? defaults.dcCornerHz,
    envelope: settings.envelope ?? defaults.envelope,
    mvcUv: settings.mvcUv ?? null,
  };
  if (!(resolved.bandLowHz > 0 && resolved.bandLowHz < resolved.bandHighHz)) {
    throw new RangeError(
      `EmgChain: band ${resolved.bandLowHz}–${resolved.bandHighHz} Hz is empty at ${fs} Hz ` +
        `(the upper corner is at most 0.45 × sample rate)`,
    );
  }
  if (!(resolved.dcCornerHz > 0 && resolved.dcCornerHz < resolved.bandLowHz)) {
    throw new RangeError(`EmgChain: DC-removal corner must be above 0 and below the band (${resolved.bandLowHz} Hz), got ${resolved.dcCornerHz} Hz`);
  }
  if (resolved.envelope.kind === 'rms' && !(resolved.envelope.windowMs > 0)) {
    throw new RangeError(`EmgChain: RMS window must be a positive number of ms, got ${resolved.envelope.windowMs}`);
  }
  checkMvc(resolved.mvcUv);
  return resolved;
}

function checkMvc(mvcUv: number | null): void {
  if (mvcUv !== null && !(mvcUv > 0 && Number.isFinite(mvcUv))) {
    throw new RangeError(`EmgChain: MVC must be a positive envelope level or null, got ${mvcUv}`);
  }
}

/** RMS window in samples for a window in ms (at least one sample). */
export function rmsWindowSamples(windowMs: number, sampleRateHz: number): number {
  return Math.max(1, Math.round((windowMs * sampleRateHz) / 1000));
}

function notchFor(s: Required<EmgChainSettings>): SosFilter {
  const sos = s.mainsHz === null ? new Float64Array(0) : mainsNotchSos(s.mainsHz, s.sampleRateHz, { harmonics: s.notchHarmonics, q: s.notchQ });
  return new SosFilter(sos);
}

export class EmgChain {
  private current: Required<EmgChainSettings>;
  private readonly bandPass: SosFilter;
  private notch: SosFilter;
  private readonly envelope: MovingRms | LinearEnvelope;
  /** One-pole low-pass coefficient of the DC tracker: 1 − exp(−2π·fc/fs) (impulse invariance). */
  private readonly dcAlpha: number;
  private dcLevel = 0;
  private dcStarted = false;

  constructor(settings: EmgChainSettings) {
    const s = resolve(settings);
    this.current = s;
    this.bandPass = new SosFilter(butterworthSos(EMG_BANDPASS_ORDER, 'bandpass', [s.bandLowHz, s.bandHighHz], s.sampleRateHz));
    this.notch = notchFor(s);
    this.envelope =
      s.envelope.kind === 'rms'
        ? new MovingRms(rmsWindowSamples(s.envelope.windowMs, s.sampleRateHz))
        : new LinearEnvelope(s.envelope.cutoffHz, s.sampleRateHz);
    this.dcAlpha = 1 - Math.exp((-2 * Math.PI * s.dcCornerHz) / s.sampleRateHz);
  }

  /** The settings in force: defaults filled in, band upper corner clamped to 0.45·fs. */
  get settings(): Readonly<Required<EmgChainSettings>> {
    return this.current;
  }

  /**
   * Raw µV (or ADC counts) in; filteredOut gets the DC-free, band-passed, notched signal and
   * envelopeOut its envelope, both in the input's unit. Outputs may be Float32: the arithmetic
   * stays Float64 and is rounded only when stored.
   */
  process(
    raw: ArrayLike<number>,
    filteredOut: Float64Array | Float32Array,
    envelopeOut: Float64Array | Float32Array,
    n: number = raw.length,
  ): void {
    checkBlock('EmgChain', raw, filteredOut, n);
    checkBlock('EmgChain', raw, envelopeOut, n);
    if (n === 0) return;
    if (!this.dcStarted) {
      this.dcLevel = raw[0]!;
      this.dcStarted = true;
    }
    const alpha = this.dcAlpha;
    const bandPass = this.bandPass;
    const notch = this.notch;
    const envelope = this.envelope;
    let level = this.dcLevel;
    for (let i = 0; i < n; i++) {
      const x = raw[i]!;
      level += alpha * (x - level);
      const filtered = notch.step(bandPass.step(x - level));
      filteredOut[i] = filtered;
      envelopeOut[i] = envelope.step(filtered);
    }
    this.dcLevel = level;
  }

  /** Envelope as % of the calibrated MVC, or null before a calibration exists. */
  percentMvc(envelopeUv: number): number | null {
    const mvcUv = this.current.mvcUv;
    return mvcUv === null ? null : (100 * envelopeUv) / mvcUv;
  }

  /**
   * Writes envelopeUv[0..n) as % of MVC into out (may be the same array). Returns false and
   * leaves out untouched when no calibration exists.
   */
  percentMvcInto(envelopeUv: ArrayLike<number>, out: Float64Array | Float32Array, n: number = envelopeUv.length): boolean {
    checkBlock('EmgChain.percentMvcInto', envelopeUv, out, n);
    const mvcUv = this.current.mvcUv;
    if (mvcUv === null) return false;
    const factor = 100 / mvcUv;
    for (let i = 0; i < n; i++) out[i] = envelopeUv[i]! * factor;
    return true;
  }

  /** A new MVC calibration (or null to clear it); takes effect for the next values. */
  setMvcUv(mvcUv: number | null): void {
    checkMvc(mvcUv);
    this.current = { ...this.current, mvcUv };
  }

  /**
   * Changes the mains notch live (the setting is a user choice, defaulting from the locale). The
   * band-pass and envelope keep their state; the new notch starts from rest, so its own
   * transient (time constant Q/(π·f0), 0.19 s at 50 Hz, Q = 30) follows the change.
   */
  setMains(mainsHz: 50 | 60 | null, notchHarmonics: boolean = this.current.notchHarmonics): void {
    const next = { ...this.current, mainsHz, notchHarmonics };
    this.notch = notchFor(next);
    this.current = next;
  }

  reset(): void {
    this.bandPass.reset();
    this.notch.reset();
    this.envelope.reset();
    this.dcLevel = 0;
    this.dcStarted = false;
  }
}
