// Radix-2 complex FFT and Hann-windowed power spectrum, for the spectral metrics in spectrum.ts.
// Iterative Cooley–Tukey (decimation in time, bit-reversed input order), the textbook form in
// Press et al., Numerical Recipes 3rd ed., 12.2. Tables and work buffers are allocated once per
// size, so a series of windows (fatigue tracking over minutes) allocates nothing per window.

/** Smallest power of two ≥ n (n ≥ 1). */
export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

export class Fft {
  readonly size: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly reversed: Uint32Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2 || nextPowerOfTwo(size) !== size) {
      throw new RangeError(`FFT size must be a power of two ≥ 2, got ${size}`);
    }
    this.size = size;
    this.cos = new Float64Array(size / 2);
    this.sin = new Float64Array(size / 2);
    for (let k = 0; k < size / 2; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    this.reversed = new Uint32Array(size);
    const bits = Math.log2(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >>> b) & 1) << (bits - 1 - b);
      this.reversed[i] = r;
    }
  }

  /** In-place forward transform X[k] = Σ x[n]·e^(−2πikn/N) of re + i·im (both of length size). */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      const j = this.reversed[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    for (let half = 1; half < n; half *= 2) {
      const step = n / (2 * half);
      for (let start = 0; start < n; start += 2 * half) {
        for (let k = 0; k < half; k++) {
          const wr = this.cos[k * step]!;
          const wi = this.sin[k * step]!;
          const a = start + k;
          const b = a + half;
          const xr = re[b]! * wr - im[b]! * wi;
          const xi = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - xr;
          im[b] = im[a]! - xi;
          re[a] = re[a]! + xr;
          im[a] = im[a]! + xi;
        }
      }
    }
  }
}

/**
 * Power spectrum |X[k]|², k = 0 .. size/2, of x[start .. start+length) with its mean removed, a
 * periodic Hann window (w[n] = 0.5 − 0.5·cos(2πn/length), scipy.signal.get_window('hann')'s
 * default) and zero-padding to the transform size. Mean removal keeps the window's DC from leaking
 * into the low bins; Hann keeps a strong line (mains hum) from leaking across the band.
 * Unscaled: callers use ratios and cumulative shares only.
 */
export class PowerSpectrum {
  readonly fft: Fft;
  /** |X[k]|² for k = 0 .. size/2, overwritten by each compute(). */
  readonly power: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** The Hann window of the last window length used (windows usually keep one length). */
  private hann = new Float64Array(0);

  constructor(size: number) {
    this.fft = new Fft(size);
    this.power = new Float64Array(size / 2 + 1);
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
  }

  compute(x: ArrayLike<number>, start: number, length: number): Float64Array {
    if (length < 1 || length > this.fft.size || start < 0 || start + length > x.length) {
      throw new RangeError(`spectrum window [${start}, ${start + length}) does not fit ${x.length} samples / size ${this.fft.size}`);
    }
    let mean = 0;
    for (let i = 0; i < length; i++) mean += x[start + i]!;
    mean /= length;
    this.re.fill(0);
    this.im.fill(0);
    if (this.hann.length !== length) {
      this.hann = Float64Array.from({ length }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / length));
    }
    const hann = this.hann;
    for (let i = 0; i < length; i++) this.re[i] = (x[start + i]! - mean) * hann[i]!;
    this.fft.transform(this.re, this.im);
    for (let k = 0; k < this.power.length; k++) this.power[k] = this.re[k]! * this.re[k]! + this.im[k]! * this.im[k]!;
    return this.power;
  }
}
