// Mains-hum notches: second-order IIR notch filters designed as scipy.signal.iirnotch (scipy 1.10),
// which follows Orfanidis, "Introduction to Signal Processing" (1996): zeros on the unit
// circle at the centre, poles just inside, with the −3 dB bandwidth centre/Q. Q = 30 puts the
// −3 dB points ~1.7 Hz apart at 50 Hz (shared/reference/clinical.md, "Mains notch").

/** Default quality factor (shared/reference/clinical.md: iirnotch-style, Q = 30). */
export const DEFAULT_NOTCH_Q = 30;
/**
 * Highest notch frequency as a fraction of the sample rate: the same 0.45·fs ceiling as the EMG
 * band (issue 5), so no notch sits in the band edge the anti-aliasing filter already attenuates.
 */
export const MAX_NOTCH_FRACTION_OF_FS = 0.45;
/** Mains and its 2nd and 3rd harmonics: the strongest hum lines after the fundamental. */
const HARMONICS = [1, 2, 3] as const;

/** One section (b0 b1 b2 1 a1 a2) equal to scipy.signal.iirnotch(centreHz, q, fs=sampleRateHz). */
export function notchSos(centreHz: number, q: number, sampleRateHz: number): Float64Array {
  if (!Number.isFinite(sampleRateHz) || sampleRateHz <= 0) {
    throw new RangeError(`notchSos: sample rate must be a positive number of Hz, got ${sampleRateHz}`);
  }
  if (!(centreHz > 0 && centreHz < sampleRateHz / 2)) {
    throw new RangeError(`notchSos: centre must satisfy 0 < f < fs/2 = ${sampleRateHz / 2} Hz, got ${centreHz} Hz`);
  }
  if (!(q > 0 && Number.isFinite(q))) throw new RangeError(`notchSos: Q must be a positive number, got ${q}`);
  const w0 = (2 * centreHz) / sampleRateHz;
  const bandwidth = (w0 / q) * Math.PI;
  // With the −3 dB definition of bandwidth (gain 1/√2 at the edges) Orfanidis' β reduces to
  // tan(bw/2): the factor √(1 − gb²)/gb is 1.
  const beta = Math.tan(bandwidth / 2);
  const gain = 1 / (1 + beta);
  const cosW0 = Math.cos(w0 * Math.PI);
  return Float64Array.of(gain, gain * (-2 * cosW0), gain, 1, -2 * gain * cosW0, 2 * gain - 1);
}

/**
 * Notch sections for the mains fundamental and, with `harmonics`, its 2nd and 3rd harmonic — each
 * only when below 0.45·fs (a 200 Hz board gets the 50 or 60 Hz fundamental alone). All use the
 * same Q, so each harmonic's notch is proportionally wider. May return zero sections.
 */
export function mainsNotchSos(
  mainsHz: 50 | 60,
  sampleRateHz: number,
  options: { harmonics?: boolean; q?: number } = {},
): Float64Array {
  if (mainsHz !== 50 && mainsHz !== 60) throw new RangeError(`mainsNotchSos: mains must be 50 or 60 Hz, got ${String(mainsHz)}`);
  const q = options.q ?? DEFAULT_NOTCH_Q;
  const multiples = options.harmonics === true ? HARMONICS : HARMONICS.slice(0, 1);
  const sections = multiples
    .map((h) => h * mainsHz)
    .filter((fHz) => fHz < MAX_NOTCH_FRACTION_OF_FS * sampleRateHz)
    .map((fHz) => notchSos(fHz, q, sampleRateHz));
  const sos = new Float64Array(sections.length * 6);
  sections.forEach((section, i) => sos.set(section, i * 6));
  return sos;
}
