// The streaming force chain for a dynamometer channel: low-pass, calibration gain, tare, and the
// arithmetic from force to torque (N·m = force × lever arm) and to torque per body mass (N·m/kg,
// the unit of the return-to-sport criterion > 3.0 N·m/kg, Gokeler 2017; shared/reference/clinical.md).
//
//   forceN = gain × lowPass(rawN) − tareN
//
// The issue lists tare, gain, low-pass in that order; all three are linear, so the output is the
// same in steady state. Tare and gain are applied after the filter so a new tare takes effect at
// once instead of through the filter's step response, which onset detection for RFD could
// mistake for a contraction.

import { butterworthSos } from './butterworth.ts';
import { checkBlock, SosFilter } from './sos-filter.ts';

/**
 * Default low-pass corner, 20 Hz (issue 5). RFD figures depend on this cut-off, so it is reported
 * with them (White 2024, Sensors 24:4250; clinical.md).
 */
export const DEFAULT_FORCE_LOW_PASS_HZ = 20;
/** The corner never exceeds 0.45·fs (issue 5): an 80 Hz gauge keeps 20 Hz, a 40 Hz one gets 18 Hz. */
export const MAX_FORCE_LOW_PASS_FRACTION_OF_FS = 0.45;
/**
 * Second order: overshoot inflates peak force, and a Butterworth step response overshoots 4.3 %
 * at order 2 but 10.9 % at order 4 (scipy sosfilt of a unit step). Voluntary force rises over
 * tens of ms, slower than the 20 Hz filter: a smooth 150 ms rise overshoots 0.3 % at order 2.
 */
export const FORCE_LOW_PASS_ORDER = 2;

export interface ForceChainSettings {
  sampleRateHz: number;
  /** Low-pass corner, Hz (default 20); clamped to 0.45·fs. */
  lowPassHz?: number;
  /** Calibration gain applied to the device's newtons (default 1). */
  gain?: number;
  /** Offset subtracted after the gain, N (default 0). */
  tareN?: number;
  /** Distance from the knee axis to the force line, m; enables torque. */
  leverArmM?: number | null;
  /** Body mass, kg; with a lever arm, enables N·m/kg. */
  bodyMassKg?: number | null;
}

function positiveOrNull(name: string, value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (!(value > 0 && Number.isFinite(value))) throw new RangeError(`ForceChain: ${name} must be a positive number or null, got ${value}`);
  return value;
}

/** Torque about the knee: force × lever arm (the distance from the knee axis to the pad), N·m. */
export function torqueNm(forceN: number, leverArmM: number | null): number | null {
  return leverArmM === null ? null : forceN * leverArmM;
}

/** Torque normalised to body mass, N·m/kg (return-to-sport criteria use it, clinical.md "Limb symmetry"). */
export function torqueNmPerKg(forceN: number, leverArmM: number | null, bodyMassKg: number | null): number | null {
  const torque = torqueNm(forceN, leverArmM);
  return torque === null || bodyMassKg === null ? null : torque / bodyMassKg;
}

export class ForceChain {
  readonly sampleRateHz: number;
  /** The corner actually used, after clamping to 0.45·fs. */
  readonly lowPassHz: number;
  readonly gain: number;
  readonly leverArmM: number | null;
  readonly bodyMassKg: number | null;
  private tareOffsetN: number;
  private readonly lowPass: SosFilter;
  private started = false;

  constructor(s: ForceChainSettings) {
    const fs = s.sampleRateHz;
    if (!(fs > 0 && Number.isFinite(fs))) throw new RangeError(`ForceChain: sample rate must be a positive number of Hz, got ${fs}`);
    const requestedHz = s.lowPassHz ?? DEFAULT_FORCE_LOW_PASS_HZ;
    if (!(requestedHz > 0)) throw new RangeError(`ForceChain: low-pass corner must be a positive number of Hz, got ${requestedHz}`);
    const gain = s.gain ?? 1;
    if (!(Number.isFinite(gain) && gain !== 0)) throw new RangeError(`ForceChain: gain must be a finite, non-zero number, got ${gain}`);
    const tareN = s.tareN ?? 0;
    if (!Number.isFinite(tareN)) throw new RangeError(`ForceChain: tare must be a finite number of N, got ${tareN}`);
    this.sampleRateHz = fs;
    this.lowPassHz = Math.min(requestedHz, MAX_FORCE_LOW_PASS_FRACTION_OF_FS * fs);
    this.gain = gain;
    this.tareOffsetN = tareN;
    this.leverArmM = positiveOrNull('lever arm (m)', s.leverArmM);
    this.bodyMassKg = positiveOrNull('body mass (kg)', s.bodyMassKg);
    this.lowPass = new SosFilter(butterworthSos(FORCE_LOW_PASS_ORDER, 'lowpass', this.lowPassHz, fs));
  }

  /** The offset currently subtracted, N. */
  get tareN(): number {
    return this.tareOffsetN;
  }

  /**
   * Raw device newtons in, calibrated and tared newtons out. The filter starts settled at the
   * first sample (scipy sosfilt_zi × x[0]): a gauge that starts loaded — a leg resting on the
   * pad — would otherwise show a ramp from zero that looks like a contraction.
   */
  process(rawN: ArrayLike<number>, forceOutN: Float64Array | Float32Array, n: number = rawN.length): void {
    checkBlock('ForceChain', rawN, forceOutN, n);
    if (n === 0) return;
    if (!this.started) {
      this.lowPass.settle(rawN[0]!);
      this.started = true;
    }
    const gain = this.gain;
    const tareN = this.tareOffsetN;
    for (let i = 0; i < n; i++) forceOutN[i] = gain * this.lowPass.step(rawN[i]!) - tareN;
  }

  /** Makes the force now shown (`currentN`, an output of process) read zero from the next sample on. */
  tare(currentN: number): void {
    if (!Number.isFinite(currentN)) throw new RangeError(`ForceChain: tare reading must be a finite number of N, got ${currentN}`);
    this.tareOffsetN += currentN;
  }

  /** Torque about the knee, N·m, or null without a lever arm. */
  torqueNm(forceN: number): number | null {
    return torqueNm(forceN, this.leverArmM);
  }

  /** Torque per body mass, N·m/kg, or null without a lever arm or body mass. */
  torqueNmPerKg(forceN: number): number | null {
    return torqueNmPerKg(forceN, this.leverArmM, this.bodyMassKg);
  }

  /** Forgets the filter history (the tare stays: it belongs to the setup, not the stream). */
  reset(): void {
    this.lowPass.reset();
    this.started = false;
  }
}
