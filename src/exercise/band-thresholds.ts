// The levels at which the rep engine changes its mind, derived from the target band. Enter the
// band at its edge, leave only a margin outside it (hysteresis), so that envelope ripple around
// an edge gives one crossing, not a burst of cues.

import type { TargetBand } from './program.ts';

/**
 * Hysteresis on %MVC targets: 5 %MVC. A 100 ms RMS envelope (the default window, clinical.md
 * "Envelope") of a steady contraction still ripples: the RMS of band-limited noise estimated over
 * T seconds with bandwidth B has a relative SD of about 1/(2√(BT)), 7.6 % for the 20–450 Hz band
 * over 100 ms. Measured on the demo sensor's quad sets (firmware-protocol/sim, 1 kHz, seeds 1–3,
 * 15 holds at ~56 %MVC): SD 3.8–4.9 %MVC. A 5 %MVC margin is about one SD of that ripple and
 * still under half of a 10-point band such as 55–65 %MVC (clinical.md).
 */
export const PERCENT_MVC_HYSTERESIS = 5;
/**
 * Relax threshold on %MVC targets: 10 %MVC. Well above rest (the demo sensor's envelope rests at
 * 1.0 %MVC, measured as above) with margin for baseline wander and artefacts, and
 * well below the lowest usual target (Luna's 40 % threshold, clinical.md). Capped at half the
 * leave level so a low target still leaves room between "relaxed" and "in band".
 */
export const PERCENT_MVC_RELAX = 10;
/**
 * Force targets (N) have no MVC scale, so the same proportions as at Luna's 40 %MVC threshold
 * are used: hysteresis 5/40 = 12.5 % and relax 10/40 = 25 % of the band's low edge.
 */
export const FORCE_HYSTERESIS_FRACTION_OF_LOW = 0.125;
export const FORCE_RELAX_FRACTION_OF_LOW = 0.25;

export interface BandThresholds {
  /** Enter the band at level ≥ low. */
  low: number;
  /** In band (for time-in-band) while low ≤ level ≤ high. */
  high: number;
  /** A hold is interrupted when level < leave (low − hysteresis). */
  leave: number;
  /** Over the band when level > over (high + hysteresis), back when ≤ high. */
  over: number;
  /** Relaxed when level < relax; a contraction starts at level ≥ relax. */
  relax: number;
}

export interface ThresholdOverrides {
  hysteresis?: number;
  relax?: number;
}

export function bandThresholds(band: TargetBand, overrides: ThresholdOverrides = {}): BandThresholds {
  const hysteresis = overrides.hysteresis ?? (band.unit === '%MVC' ? PERCENT_MVC_HYSTERESIS : FORCE_HYSTERESIS_FRACTION_OF_LOW * band.low);
  if (!(hysteresis >= 0 && hysteresis < band.low)) {
    throw new RangeError(`bandThresholds: hysteresis must be ≥ 0 and below the band's low edge (${band.low}), got ${hysteresis}`);
  }
  const leave = band.low - hysteresis;
  const relaxDefault = band.unit === '%MVC' ? PERCENT_MVC_RELAX : FORCE_RELAX_FRACTION_OF_LOW * band.low;
  const relax = overrides.relax ?? Math.min(relaxDefault, leave / 2);
  if (!(relax > 0 && relax <= leave)) {
    throw new RangeError(`bandThresholds: relax threshold must be > 0 and ≤ the leave level (${leave}), got ${relax}`);
  }
  return { low: band.low, high: band.high, leave, over: band.high + hysteresis, relax };
}
