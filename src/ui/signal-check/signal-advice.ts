// Signal check before exercising: is the electrode contact good enough? Pure: measurements in,
// advice out (a verdict, each check's status against named thresholds, and what to do). The
// words for all of it are in ../strings/cues.ts.
import { DEFAULT_NOTCH_Q } from '../../signal/notch';

/**
 * Rest noise: RMS of the band-passed, notch-filtered EMG over a few seconds with the muscle
 * relaxed. Konrad, "The ABC of EMG" (Noraxon, 2005), signal-check procedures: the baseline
 * noise should not exceed 3–5 µV, with 1–2 µV the target. A tense muscle raises it too.
 */
export const REST_NOISE_TARGET_UV = 2;
export const REST_NOISE_MAX_UV = 5;

/**
 * Grid frequency deviation to allow for: twice ENTSO-E's ±50 mHz standard frequency range for
 * continental Europe (EN 50160 allows ±0.5 Hz, but the grid spends nearly all its time within
 * ±0.1 Hz). The notch sits at the nominal frequency, so hum is attenuated least when off-centre.
 */
export const GRID_DEVIATION_HZ = 0.1;

/**
 * |H| of a second-order notch (centre f0, quality Q) at f0 + deviation:
 * |f² − f0²| / √((f² − f0²)² + (f·f0/Q)²).
 */
export function notchResidualFraction(centreHz: number, deviationHz: number, q: number): number {
  const f = centreHz + deviationHz;
  const offset = Math.abs(f * f - centreHz * centreHz);
  return offset / Math.hypot(offset, (f * centreHz) / q);
}

/**
 * Mains hum: RMS of the mains fundamental in the rest signal before the notch. Up to the rest
 * noise limit it would not matter even unfiltered. Above MAINS_HUM_MAX_UV, what the notch
 * (Q = 30, clinical.md) leaves of it at a 0.1 Hz grid deviation alone exceeds the rest-noise limit
 * (50 Hz is the worse case: 5 µV / 0.119 ≈ 42 µV) — and its harmonics pass the notch untouched.
 * Strong hum also signals a loose electrode or reference: unequal contact impedances turn
 * common-mode mains into a differential signal (Merletti & Cerone 2020, "Tutorial. Surface EMG
 * detection, conditioning and pre-processing: best practices", J Electromyogr Kinesiol 54:102440).
 */
export const MAINS_HUM_GOOD_MAX_UV = REST_NOISE_MAX_UV;
export const MAINS_HUM_MAX_UV = REST_NOISE_MAX_UV / notchResidualFraction(50, GRID_DEVIATION_HZ, DEFAULT_NOTCH_Q);

/**
 * Skin–electrode impedance (Ganglion impedance test). Konrad 2005 (ABC of EMG, impedance
 * ranges): 1–5 kΩ very good, 5–10 kΩ good, 10–30 kΩ acceptable, above that skin preparation
 * is recommended. SENIAM (Hermens et al. 2000, J Electromyogr Kinesiol 10:361) gives the skin
 * preparation that lowers it: shave, clean with alcohol, let dry.
 */
export const SKIN_IMPEDANCE_GOOD_MAX_OHMS = 10_000;
export const SKIN_IMPEDANCE_MAX_OHMS = 30_000;

export type SignalCheckName = 'rest-noise' | 'mains-hum' | 'impedance';
/** good: at or under the good limit; ok: usable; adjust: fix before exercising; no-data: not measured (NaN, negative). */
export type CheckStatus = 'good' | 'ok' | 'adjust' | 'no-data';

export interface SignalCheck {
  readonly name: SignalCheckName;
  readonly status: CheckStatus;
  readonly value: number;
  readonly goodMax: number;
  readonly okMax: number;
  /** ASCII unit of value and limits: 'uV' or 'ohm'. */
  readonly unit: 'uV' | 'ohm';
}

export type AdviceAction = 'relax-leg' | 'prepare-skin' | 'press-electrodes' | 'check-reference' | 'away-from-mains';

export interface SignalAdvice {
  /** pass: exercise; adjust: at least one check failed; incomplete: something is not measured yet. */
  readonly verdict: 'pass' | 'adjust' | 'incomplete';
  readonly checks: readonly SignalCheck[];
  /** What to do, most likely fix first, each once. Empty unless the verdict is adjust. */
  readonly actions: readonly AdviceAction[];
}

export interface SignalMeasurements {
  readonly restRmsUv: number;
  readonly humUv: number;
  /** Highest impedance among the channel's electrodes (Ganglion only). */
  readonly impedanceOhms?: number;
}

/** What fixes each failed check, most likely first. */
const fixes: Readonly<Record<SignalCheckName, readonly AdviceAction[]>> = {
  'rest-noise': ['relax-leg', 'press-electrodes', 'prepare-skin'],
  'mains-hum': ['press-electrodes', 'check-reference', 'away-from-mains'],
  impedance: ['prepare-skin', 'press-electrodes'],
};

function check(name: SignalCheckName, value: number, goodMax: number, okMax: number, unit: 'uV' | 'ohm'): SignalCheck {
  const status: CheckStatus = !(Number.isFinite(value) && value >= 0) ? 'no-data' : value <= goodMax ? 'good' : value <= okMax ? 'ok' : 'adjust';
  return { name, status, value, goodMax, okMax, unit };
}

export function adviseSignal(m: SignalMeasurements): SignalAdvice {
  const checks = [
    check('rest-noise', m.restRmsUv, REST_NOISE_TARGET_UV, REST_NOISE_MAX_UV, 'uV'),
    check('mains-hum', m.humUv, MAINS_HUM_GOOD_MAX_UV, MAINS_HUM_MAX_UV, 'uV'),
  ];
  if (m.impedanceOhms !== undefined) checks.push(check('impedance', m.impedanceOhms, SKIN_IMPEDANCE_GOOD_MAX_OHMS, SKIN_IMPEDANCE_MAX_OHMS, 'ohm'));
  const failed = checks.filter((c) => c.status === 'adjust');
  const actions = [...new Set(failed.flatMap((c) => fixes[c.name]))];
  const verdict = failed.length > 0 ? 'adjust' : checks.some((c) => c.status === 'no-data') ? 'incomplete' : 'pass';
  return { verdict, checks, actions };
}
