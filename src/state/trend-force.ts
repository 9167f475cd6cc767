// Force figures of one session for trends: the peak (N) and the rate of force development over
// 0–200 ms (N/s) of the session's strongest effort, cut out of the recording and measured with
// forceMetrics (onset rule and windows: clinical.md, Force / dynamometry).
import { DEFAULT_BASELINE_MS, forceMetrics } from '../signal/force-metrics';

/**
 * The strongest effort spans the samples around the peak that stay above this share of it; 5 %
 * sits above a tared gauge's drift yet well below where any real pull levels off.
 */
export const EFFORT_EDGE_FRACTION = 0.05;

export interface EffortForce {
  peakN: number;
  /** null when the effort is too short or the gauge too slow for the window (forceMetrics). */
  rfd200NPerS: number | null;
}

/**
 * Peak force and RFD 0–200 ms of the highest effort in forceN (low-passed force, N; NaN in gaps).
 * The effort is measured with the quiet lead-in forceMetrics takes its baseline from (200 ms before
 * force rose past EFFORT_EDGE_FRACTION of the peak). null when no sample is above 0 N.
 */
export function strongestEffort(forceN: Float32Array, sampleRateHz: number): EffortForce | null {
  let peakIndex = -1;
  for (let i = 0; i < forceN.length; i++) if (forceN[i]! > (peakIndex < 0 ? 0 : forceN[peakIndex]!)) peakIndex = i;
  if (peakIndex < 0) return null;
  const edgeN = EFFORT_EDGE_FRACTION * forceN[peakIndex]!;
  let start = peakIndex;
  while (start > 0 && forceN[start - 1]! >= edgeN) start--;
  // `>= edgeN` is false for NaN: a gap ends the effort, and the lead-in stops at one too.
  const leadSamples = Math.round((DEFAULT_BASELINE_MS * sampleRateHz) / 1000);
  for (let lead = 0; lead < leadSamples && start > 0 && !Number.isNaN(forceN[start - 1]!); lead++) start--;
  let end = peakIndex;
  while (end < forceN.length - 1 && forceN[end + 1]! >= edgeN) end++;
  const metrics = forceMetrics(forceN.subarray(start, end + 1), sampleRateHz);
  return { peakN: forceN[peakIndex]!, rfd200NPerS: metrics?.rfdNPerS['0-200'] ?? null };
}
