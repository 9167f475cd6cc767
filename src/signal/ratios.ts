// Ratios between channels, sides or sessions: VMO:VL activation, VMO−VL onset timing, limb
// symmetry. These are measurements, not diagnoses (clinical.md, VMO:VL and onset timing).

/** Mean of x over [start, end). */
function meanOver(x: ArrayLike<number>, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += x[i]!;
  return sum / (end - start);
}

/**
 * VMO:VL ratio over [start, end) (clinical.md): each channel's envelope normalised to its own MVC,
 * VMO divided by VL. The envelope mean is used, so the ratio equals the ratio of the mean %MVC the
 * user sees on the two traces (for a moving-RMS envelope, that mean is the window's RMS to within
 * the envelope's own smoothing). Use a hold's samples, or the last 500 ms for the live value
 * (LiveVmoVlRatio). null for an empty or out-of-range window, an MVC ≤ 0, or a silent VL.
 */
export function vmoVlRatio(
  vmoEnvelopeUv: ArrayLike<number>,
  vlEnvelopeUv: ArrayLike<number>,
  start: number,
  end: number,
  vmoMvcUv: number,
  vlMvcUv: number,
): number | null {
  if (!(start >= 0 && end > start && end <= vmoEnvelopeUv.length && end <= vlEnvelopeUv.length)) return null;
  if (!(vmoMvcUv > 0 && vlMvcUv > 0)) return null;
  const vl = meanOver(vlEnvelopeUv, start, end) / vlMvcUv;
  if (!(vl > 0)) return null;
  return meanOver(vmoEnvelopeUv, start, end) / vmoMvcUv / vl;
}

/** The live VMO:VL window: the last 500 ms (issue 5). */
export const LIVE_RATIO_WINDOW_MS = 500;

/**
 * VMO:VL over the most recent window, updated per block in the worker: ring buffers and running
 * sums, nothing allocated per sample. Same definition as vmoVlRatio.
 */
export class LiveVmoVlRatio {
  readonly windowSamples: number;
  private readonly vmo: Float64Array;
  private readonly vl: Float64Array;
  private pos = 0;
  private filled = 0;
  private vmoSum = 0;
  private vlSum = 0;

  constructor(sampleRateHz: number, private readonly vmoMvcUv: number, private readonly vlMvcUv: number, windowMs = LIVE_RATIO_WINDOW_MS) {
    this.windowSamples = Math.max(1, Math.round((windowMs * sampleRateHz) / 1000));
    this.vmo = new Float64Array(this.windowSamples);
    this.vl = new Float64Array(this.windowSamples);
  }

  /** Envelope samples of both channels, aligned (same sample index). */
  push(vmoEnvelopeUv: ArrayLike<number>, vlEnvelopeUv: ArrayLike<number>, n = vmoEnvelopeUv.length): void {
    const w = this.windowSamples;
    for (let j = 0; j < n; j++) {
      const a = vmoEnvelopeUv[j]!;
      const b = vlEnvelopeUv[j]!;
      this.vmoSum += a - this.vmo[this.pos]!;
      this.vlSum += b - this.vl[this.pos]!;
      this.vmo[this.pos] = a;
      this.vl[this.pos] = b;
      if (++this.pos === w) {
        // Re-add once per pass so rounding in the running sums cannot build up over a session.
        this.pos = 0;
        this.vmoSum = 0;
        this.vlSum = 0;
        for (let i = 0; i < w; i++) {
          this.vmoSum += this.vmo[i]!;
          this.vlSum += this.vl[i]!;
        }
      }
      if (this.filled < w) this.filled++;
    }
  }

  /** null until a full window has arrived, or under the same conditions as vmoVlRatio. */
  ratio(): number | null {
    if (this.filled < this.windowSamples || !(this.vmoMvcUv > 0 && this.vlMvcUv > 0)) return null;
    const vl = this.vlSum / this.vlMvcUv;
    return vl > 0 ? this.vmoSum / this.vmoMvcUv / vl : null;
  }

  reset(): void {
    this.vmo.fill(0);
    this.vl.fill(0);
    this.pos = 0;
    this.filled = 0;
    this.vmoSum = 0;
    this.vlSum = 0;
  }
}

/**
 * VMO onset minus VL onset, ms. Positive: VMO starts later than VL (the pattern Cowan et al. 2001
 * reported in patellofemoral pain, disputed since: show it as a measurement).
 */
export function onsetDifferenceMs(vmoOnsetS: number, vlOnsetS: number): number {
  return (vmoOnsetS - vlOnsetS) * 1000;
}

/**
 * Limb symmetry index = involved / uninvolved × 100 (clinical.md, Limb symmetry; also for two
 * sessions or two channels). null when the uninvolved value is ≤ 0 or either is not finite.
 * Show both sides' numbers with it: many uninjured athletes miss 90 % on some tests.
 */
export function limbSymmetryIndex(involved: number, uninvolved: number): number | null {
  if (!Number.isFinite(involved) || !Number.isFinite(uninvolved) || uninvolved <= 0) return null;
  return (involved / uninvolved) * 100;
}
