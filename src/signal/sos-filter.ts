// A cascade of second-order IIR sections, the streaming form of every filter in the signal layer.
//
// Each section is direct form II transposed with Float64 state, the same recurrence scipy's
// `sosfilt` runs (scipy/signal/_sosfilt.pyx: y = b0·x + z0; z0 = b1·x − a1·y + z1;
// z1 = b2·x − a2·y), so a stream cut into any blocks gives the output of one sosfilt call over the
// whole signal. DF2T needs two state words per section where direct form I needs four (J. O. Smith,
// "Introduction to Digital Filters with Audio Applications", 2007, "Transposed Direct-Forms"),
// and Float64 state keeps its rounding far below any ADC's resolution.

/** Coefficients per section: b0 b1 b2 a0 a1 a2 (scipy's sos row layout). */
const SECTION_LENGTH = 6;

export class SosFilter {
  readonly sections: number;
  private readonly sos: Float64Array;
  private readonly state: Float64Array;

  /** `sos` is n×6 row-major (b0 b1 b2 a0 a1 a2) with a0 = 1, as scipy's `output='sos'`. */
  constructor(sos: Float64Array) {
    if (sos.length % SECTION_LENGTH !== 0) {
      throw new RangeError(`SosFilter: coefficient count ${sos.length} is not a multiple of 6 (b0 b1 b2 a0 a1 a2 per section)`);
    }
    for (let i = 0; i < sos.length; i++) {
      if (!Number.isFinite(sos[i])) throw new RangeError(`SosFilter: coefficient ${i} is not finite`);
    }
    for (let j = 3; j < sos.length; j += SECTION_LENGTH) {
      // Normalised sections only, as sosfilt requires: dividing per sample would cost a division.
      if (sos[j] !== 1) throw new RangeError(`SosFilter: section ${j / SECTION_LENGTH} has a0 = ${sos[j]}, expected 1`);
    }
    this.sos = Float64Array.from(sos);
    this.sections = sos.length / SECTION_LENGTH;
    this.state = new Float64Array(2 * this.sections);
  }

  /** One sample through the cascade; for chains that run several stages in one loop. */
  step(x: number): number {
    const c = this.sos;
    const s = this.state;
    let v = x;
    for (let j = 0, m = 0; m < s.length; j += SECTION_LENGTH, m += 2) {
      const y = c[j]! * v + s[m]!;
      s[m] = c[j + 1]! * v - c[j + 4]! * y + s[m + 1]!;
      s[m + 1] = c[j + 2]! * v - c[j + 5]! * y;
      v = y;
    }
    return v;
  }

  /** Filters input[0..n) into output[0..n) (may be the same array); state carries to the next call. */
  process(input: ArrayLike<number>, output: Float64Array | Float32Array, n: number = input.length): void {
    checkBlock('SosFilter', input, output, n);
    for (let i = 0; i < n; i++) output[i] = this.step(input[i]!);
  }

  /**
   * Sets the state to the steady state for a constant input `level` (scipy's `sosfilt_zi(sos) ×
   * level`), so a signal that starts far from zero (a loaded force gauge) does not begin with the
   * filter's step response.
   */
  settle(level: number): void {
    const c = this.sos;
    const s = this.state;
    let u = level;
    for (let j = 0, m = 0; m < s.length; j += SECTION_LENGTH, m += 2) {
      // With constant input u the section's output is its DC gain H(1)·u; solving the DF2T
      // recurrence for fixed z0, z1 at that output gives the state below.
      const y = ((c[j]! + c[j + 1]! + c[j + 2]!) / (1 + c[j + 4]! + c[j + 5]!)) * u;
      s[m + 1] = c[j + 2]! * u - c[j + 5]! * y;
      s[m] = y - c[j]! * u;
      u = y;
    }
  }

  reset(): void {
    this.state.fill(0);
  }
}

/** The one place block arguments are checked: a caller bug, so it throws (once per block). */
export function checkBlock(owner: string, input: ArrayLike<number>, output: ArrayLike<number>, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > input.length || n > output.length) {
    throw new RangeError(`${owner}: block length ${n} does not fit input (${input.length}) and output (${output.length})`);
  }
}
