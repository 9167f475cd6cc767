// MVC calibration level from an envelope: the highest mean over a sliding 500 ms window
// (clinical.md, Normalisation: "MVC = highest mean over a short window (e.g. 500 ms) of the
// envelope"). A mean over 500 ms, not the single highest sample, so one spike or artefact cannot
// set the 100 % mark that every later %MVC is divided by.

export const DEFAULT_MVC_WINDOW_MS = 500;

export interface MvcResult {
  /** Highest window mean, in the envelope's unit. */
  mvcUv: number;
  /** First sample of that window. */
  atIndex: number;
}

/**
 * O(n) running sum. A recording shorter than the window gives its overall mean (atIndex 0);
 * an empty one gives null. Ties keep the earliest window.
 */
export function mvcFromEnvelope(envelopeUv: ArrayLike<number>, sampleRateHz: number, windowMs = DEFAULT_MVC_WINDOW_MS): MvcResult | null {
  const n = envelopeUv.length;
  if (n === 0) return null;
  const w = Math.min(n, Math.max(1, Math.round((windowMs * sampleRateHz) / 1000)));
  let sum = 0;
  for (let i = 0; i < w; i++) sum += envelopeUv[i]!;
  let best = sum;
  let atIndex = 0;
  for (let i = w; i < n; i++) {
    sum += envelopeUv[i]! - envelopeUv[i - w]!;
    if (sum > best) {
      best = sum;
      atIndex = i - w + 1;
    }
  }
  return { mvcUv: best / w, atIndex };
}
