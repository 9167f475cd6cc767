// Per-channel summaries of a stretch of signal: RMS of the filtered EMG, and peak, mean and time
// above a threshold of its envelope (issue 5, Metrics). Pure loops over [start, end).

function checkRange(x: ArrayLike<number>, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= x.length)) {
    throw new RangeError(`range [${start}, ${end}) is empty or outside ${x.length} samples`);
  }
}

/** Root mean square of x over [start, end): a sine of amplitude A reads A/√2. */
export function rms(x: ArrayLike<number>, start = 0, end = x.length): number {
  checkRange(x, start, end);
  let sum = 0;
  for (let i = start; i < end; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum / (end - start));
}

export interface EnvelopeSummary {
  peakUv: number;
  meanUv: number;
  /** Samples strictly above thresholdUv, as seconds. */
  timeAboveThresholdS: number;
}

/** Peak, mean and time above a threshold (e.g. the %MVC target, in the envelope's unit) over [start, end). */
export function envelopeSummary(envelopeUv: ArrayLike<number>, sampleRateHz: number, thresholdUv: number, start = 0, end = envelopeUv.length): EnvelopeSummary {
  checkRange(envelopeUv, start, end);
  let peakUv = -Infinity;
  let sum = 0;
  let above = 0;
  for (let i = start; i < end; i++) {
    const v = envelopeUv[i]!;
    if (v > peakUv) peakUv = v;
    sum += v;
    if (v > thresholdUv) above++;
  }
  return { peakUv, meanUv: sum / (end - start), timeAboveThresholdS: above / sampleRateHz };
}
