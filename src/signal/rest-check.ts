// The signal check before exercising: how quiet the EMG is at rest, and how much mains hum the
// electrodes pick up. Pure; the caller hands over the last seconds of the rings.

/** RMS of the finite samples of `x` (gaps, as NaN, are skipped); null when there are none. */
export function restRms(x: ArrayLike<number>, n = x.length): number | null {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    sum += v * v;
    count++;
  }
  return count > 0 ? Math.sqrt(sum / count) : null;
}

/**
 * RMS of the mains line in the raw signal (µV): the Goertzel algorithm gives the amplitude A of
 * the `mainsHz` component over the window (Goertzel 1958); a sinusoid's RMS is A/√2. The mean is
 * removed first so an electrode offset does not leak into the bin. Null without enough samples.
 */
export function mainsHumRms(raw: ArrayLike<number>, n: number, sampleRateHz: number, mainsHz: number): number | null {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(raw[i]!)) {
      sum += raw[i]!;
      count++;
    }
  }
  // At least ten mains cycles for a clean bin, and a rate that can see the line at all.
  if (count < (10 * sampleRateHz) / mainsHz || mainsHz >= sampleRateHz / 2) return null;
  const mean = sum / count;
  const coefficient = 2 * Math.cos((2 * Math.PI * mainsHz) / sampleRateHz);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = raw[i]!;
    const s0 = (Number.isNaN(v) ? 0 : v - mean) + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  const amplitude = (2 * Math.sqrt(Math.max(0, power))) / count;
  return amplitude / Math.SQRT2;
}
