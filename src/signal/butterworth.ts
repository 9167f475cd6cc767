// Digital Butterworth design at run time, for any sample rate, giving the second-order sections
// scipy.signal.butter(order, Wn, btype, output='sos', fs=fs) gives (scipy 1.10, the reference the
// fixtures in tests/fixtures/filters/ come from). The steps are scipy's, so coefficients agree
// to rounding and tests can compare them directly:
//   1. analog prototype: N poles evenly spaced on the left unit half-circle, no zeros, gain 1
//      (Butterworth 1930; scipy `buttap`);
//   2. pre-warp each corner with 2·fs·tan(π·f/fs), so the bilinear transform puts it exactly at
//      f (Oppenheim & Schafer, Discrete-Time Signal Processing, ch. 7, bilinear transformation);
//   3. frequency transform of the prototype: low-pass scaling, high-pass inversion, or band-pass
//      s → (s² + ω0²)/(s·bw), which doubles the poles (scipy `lp2lp_zpk`/`lp2hp_zpk`/`lp2bp_zpk`);
//   4. bilinear transform z = (2fs + s)/(2fs − s), zeros at infinity moving to z = −1
//      (scipy `bilinear_zpk`, with fs normalised to 2 as scipy does);
//   5. pairing into sections by scipy's 'nearest' rule (documented in scipy.signal.zpk2sos):
//      repeatedly take the pole closest to the unit circle, pair it with its conjugate and with
//      the nearest zeros; the sections with the sharpest resonances go last, after the others
//      have attenuated out-of-band energy, and the overall gain goes into the first section.

interface Complex {
  re: number;
  im: number;
}

const add = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
const sub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
const mul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
const scale = (a: Complex, k: number): Complex => ({ re: a.re * k, im: a.im * k });
const abs = (a: Complex): number => Math.hypot(a.re, a.im);
const real = (x: number): Complex => ({ re: x, im: 0 });

/** Smith's algorithm: avoids overflow in |b|² (Smith, CACM 5(8):435, 1962), as numpy divides. */
function div(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return { re: (a.re + a.im * r) / d, im: (a.im - a.re * r) / d };
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return { re: (a.re * r + a.im) / d, im: (a.im * r - a.re) / d };
}

/** Principal square root (branch cut on the negative real axis, as C99 csqrt). */
function sqrt(a: Complex): Complex {
  const m = abs(a);
  if (m === 0) return { re: 0, im: a.im };
  const t = Math.sqrt((Math.abs(a.re) + m) / 2);
  if (a.re >= 0) return { re: t, im: a.im / (2 * t) };
  return { re: Math.abs(a.im) / (2 * t), im: a.im < 0 || Object.is(a.im, -0) ? -t : t };
}

function product(values: Complex[]): Complex {
  let p = real(1);
  for (const v of values) p = mul(p, v);
  return p;
}

export type ButterworthKind = 'lowpass' | 'highpass' | 'bandpass';

/**
 * Second-order sections (n×6: b0 b1 b2 a0 a1 a2, a0 = 1) of a digital Butterworth filter, equal
 * to scipy.signal.butter(order, cornersHz, kind, output='sos', fs=sampleRateHz). A band-pass of
 * order N has 2N poles. Throws RangeError for a design that cannot exist (a caller bug).
 */
export function butterworthSos(
  order: number,
  kind: ButterworthKind,
  cornersHz: number | [number, number],
  sampleRateHz: number,
): Float64Array {
  if (!Number.isFinite(sampleRateHz) || sampleRateHz <= 0) {
    throw new RangeError(`butterworthSos: sample rate must be a positive number of Hz, got ${sampleRateHz}`);
  }
  if (!Number.isInteger(order) || order < 1) {
    throw new RangeError(`butterworthSos: order must be a positive integer, got ${order}`);
  }
  const nyquistHz = sampleRateHz / 2;
  const corners = typeof cornersHz === 'number' ? [cornersHz] : cornersHz;
  if (kind === 'bandpass') {
    const [lowHz, highHz] = corners;
    if (corners.length !== 2 || !(lowHz! > 0 && lowHz! < highHz! && highHz! < nyquistHz)) {
      throw new RangeError(
        `butterworthSos: band-pass corners must satisfy 0 < low < high < fs/2 = ${nyquistHz} Hz, got [${corners.join(', ')}] Hz`,
      );
    }
  } else if (corners.length !== 1 || !(corners[0]! > 0 && corners[0]! < nyquistHz)) {
    throw new RangeError(`butterworthSos: ${kind} corner must satisfy 0 < f < fs/2 = ${nyquistHz} Hz, got ${String(cornersHz)} Hz`);
  }

  // Steps 1–2: prototype and pre-warped corners, in scipy's normalisation (fs = 2, so 2·fs = 4).
  const prototype: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const angle = (Math.PI * m) / (2 * order);
    prototype.push({ re: -Math.cos(angle), im: -Math.sin(angle) });
  }
  const warped = corners.map((fHz) => 4 * Math.tan((Math.PI * ((2 * fHz) / sampleRateHz)) / 2));

  // Step 3: analog zeros, poles and gain of the requested kind.
  let zeros: Complex[] = [];
  let poles: Complex[];
  let gain: number;
  if (kind === 'lowpass') {
    const wo = warped[0]!;
    poles = prototype.map((p) => scale(p, wo));
    gain = wo ** order;
  } else if (kind === 'highpass') {
    const wo = warped[0]!;
    poles = prototype.map((p) => div(real(wo), p));
    zeros = prototype.map(() => real(0));
    gain = div(real(1), product(prototype.map((p) => scale(p, -1)))).re;
  } else {
    const bw = warped[1]! - warped[0]!;
    const wo = Math.sqrt(warped[0]! * warped[1]!);
    const shifted = prototype.map((p) => scale(scale(p, bw), 0.5));
    const roots = shifted.map((p) => sqrt(sub(mul(p, p), real(wo ** 2))));
    poles = [...shifted.map((p, i) => add(p, roots[i]!)), ...shifted.map((p, i) => sub(p, roots[i]!))];
    zeros = prototype.map(() => real(0));
    gain = bw ** order;
  }

  // Step 4: bilinear transform.
  const fs2 = real(4);
  const bilinear = (s: Complex): Complex => div(add(fs2, s), sub(fs2, s));
  const gainZ = gain * div(product(zeros.map((z) => sub(fs2, z))), product(poles.map((p) => sub(fs2, p)))).re;
  const zerosZ = [...zeros.map(bilinear), ...poles.slice(zeros.length).map(() => real(-1))];
  return zpkToSos(zerosZ, poles.map(bilinear), gainZ);
}

// ---- Step 5: scipy's zpk2sos with pairing='nearest' ----

/** Tolerance for "this root is real", as scipy `_cplxreal` (100 × double epsilon). */
const REAL_TOLERANCE = 100 * Number.EPSILON;

/**
 * One of each conjugate pair (positive imaginary part, pair averaged) sorted by real part, then
 * the real roots sorted (im exactly 0 marks them), like scipy `_cplxreal` + concatenate.
 */
function conjugatePairsThenReals(roots: Complex[]): Complex[] {
  const sorted = [...roots].sort((a, b) => a.re - b.re || Math.abs(a.im) - Math.abs(b.im));
  const isReal = (z: Complex): boolean => Math.abs(z.im) <= REAL_TOLERANCE * abs(z);
  const reals = sorted.filter(isReal).map((z) => real(z.re));
  const upper = sorted.filter((z) => !isReal(z) && z.im > 0);
  const lower = sorted.filter((z) => !isReal(z) && z.im < 0);
  if (upper.length !== lower.length) throw new RangeError('zpkToSos: a complex root has no conjugate');
  // Runs of (nearly) equal real part are ordered by |imag| so the halves line up pair by pair;
  // the runs are found on the upper half before either half is reordered.
  const runStarts = [0];
  for (let i = 1; i < upper.length; i++) {
    if (upper[i]!.re - upper[i - 1]!.re > REAL_TOLERANCE * abs(upper[i - 1]!)) runStarts.push(i);
  }
  runStarts.push(upper.length);
  for (const half of [upper, lower]) {
    for (let r = 0; r + 1 < runStarts.length; r++) {
      const run = half.slice(runStarts[r], runStarts[r + 1]).sort((a, b) => Math.abs(a.im) - Math.abs(b.im));
      half.splice(runStarts[r]!, run.length, ...run);
    }
  }
  const pairs = upper.map((u, i) => ({ re: (u.re + lower[i]!.re) / 2, im: (u.im - lower[i]!.im) / 2 }));
  return [...pairs, ...reals];
}

type Which = 'real' | 'complex' | 'any';

/** Index of the root in `from` nearest to `to`, restricted to real or complex ones if asked. */
function nearestIndex(from: Complex[], to: Complex, which: Which): number {
  const order = from.map((_, i) => i).sort((a, b) => abs(sub(from[a]!, to)) - abs(sub(from[b]!, to)));
  const found = order.find((i) => which === 'any' || (from[i]!.im === 0) === (which === 'real'));
  if (found === undefined) throw new RangeError(`zpkToSos: no ${which} zero left to pair`);
  return found;
}

/** Index of the root nearest the unit circle (the "worst" for a digital filter). */
function worstIndex(roots: Complex[]): number {
  let best = 0;
  for (let i = 1; i < roots.length; i++) {
    if (Math.abs(1 - abs(roots[i]!)) < Math.abs(1 - abs(roots[best]!))) best = i;
  }
  return best;
}

/** Monic polynomial coefficients (real parts) of up to two roots, right-aligned in 3 slots. */
function quadratic(roots: Complex[]): [number, number, number] {
  if (roots.length === 0) return [0, 0, 1];
  if (roots.length === 1) return [0, 1, -roots[0]!.re];
  const [r1, r2] = roots as [Complex, Complex];
  return [1, -(r1.re + r2.re), mul(r1, r2).re];
}

const take = (roots: Complex[], index: number): Complex => roots.splice(index, 1)[0]!;
const countReal = (roots: Complex[]): number => roots.filter((r) => r.im === 0).length;

function zpkToSos(zerosIn: Complex[], polesIn: Complex[], gain: number): Float64Array {
  const zeros = [...zerosIn];
  const poles = [...polesIn];
  while (zeros.length < poles.length) zeros.push(real(0));
  while (poles.length < zeros.length) poles.push(real(0));
  // An odd count gets a pole and zero at the origin so every section is second order.
  if (poles.length % 2 === 1) {
    poles.push(real(0));
    zeros.push(real(0));
  }
  const sectionCount = poles.length / 2;
  const z = conjugatePairsThenReals(zeros);
  const p = conjugatePairsThenReals(poles);
  const sos = new Float64Array(sectionCount * 6);
  const write = (section: number, sectionZeros: Complex[], sectionPoles: Complex[]): void => {
    sos.set([...quadratic(sectionZeros), ...quadratic(sectionPoles)], section * 6);
  };

  for (let section = sectionCount - 1; section >= 0; section--) {
    const p1 = take(p, worstIndex(p));
    if (p1.im === 0 && countReal(p) === 0) {
      // The last real pole: one real zero and a pole at the origin make up its section.
      const z1 = take(z, nearestIndex(z, p1, 'real'));
      write(section, [z1, real(0)], [p1, real(0)]);
    } else if (p.length + 1 === z.length && p1.im !== 0 && countReal(p) === 1 && countReal(z) === 1) {
      // One real pole and one real zero must stay together, so this pair takes complex zeros.
      const z1 = take(z, nearestIndex(z, p1, 'complex'));
      write(section, [z1, conj(z1)], [p1, conj(p1)]);
    } else {
      let p2: Complex;
      if (p1.im === 0) {
        const realIndices = p.map((r, i) => (r.im === 0 ? i : -1)).filter((i) => i >= 0);
        p2 = take(p, realIndices[worstIndex(realIndices.map((i) => p[i]!))]!);
      } else {
        p2 = conj(p1);
      }
      if (z.length === 0) {
        write(section, [], [p1, p2]);
        continue;
      }
      const z1 = take(z, nearestIndex(z, p1, 'any'));
      if (z1.im !== 0) write(section, [z1, conj(z1)], [p1, p2]);
      else if (z.length > 0) write(section, [z1, take(z, nearestIndex(z, p1, 'real'))], [p1, p2]);
      else write(section, [z1], [p1, p2]);
    }
  }
  for (let i = 0; i < 3; i++) sos[i] = sos[i]! * gain;
  return sos;
}

function conj(a: Complex): Complex {
  return { re: a.re, im: -a.im };
}
