import { describe, expect, it } from 'vitest';
import { Prng } from '../../firmware-protocol/sim/prng';
import { highestWindowMean, HighestWindowMean, windowSamplesFor } from './mvc.ts';

/** Brute force, O(n·w): the definition. */
function bruteForce(x: Float64Array, w: number): { mean: number; startIndex: number } | null {
  let best: { mean: number; startIndex: number } | null = null;
  for (let s = 0; s + w <= x.length; s++) {
    let sum = 0;
    for (let i = s; i < s + w; i++) sum += x[i]!;
    if (best === null || sum / w > best.mean) best = { mean: sum / w, startIndex: s };
  }
  return best;
}

describe('highestWindowMean', () => {
  it('matches the brute-force definition on a seeded random envelope', () => {
    const prng = new Prng(7);
    const x = new Float64Array(3000).map((_, i) => 100 + 50 * Math.sin(i / 300) + 20 * prng.nextFloat());
    const got = highestWindowMean(x, 500)!;
    const want = bruteForce(x, 500)!;
    expect(got.startIndex).toBe(want.startIndex);
    expect(got.mean).toBeCloseTo(want.mean, 9);
  });

  it('finds a plateau exactly', () => {
    const x = new Float64Array(2000).fill(10);
    x.fill(250, 700, 1200);
    expect(highestWindowMean(x, 500)).toEqual({ mean: 250, startIndex: 700 });
  });

  it('returns null before one full window', () => {
    expect(highestWindowMean(new Float64Array(499).fill(1), 500)).toBeNull();
  });

  it('never spans a gap marked NaN', () => {
    const x = new Float64Array(1000).fill(100);
    x[400] = NaN;
    // Only 400 samples before the gap and 599 after: the one full window lies after it.
    expect(highestWindowMean(x, 500)).toEqual({ mean: 100, startIndex: 401 });
  });

  it('streams block by block with the same answer', () => {
    const prng = new Prng(3);
    const x = new Float64Array(5000).map(() => prng.nextFloat() * 300);
    const tracker = new HighestWindowMean(500);
    for (let i = 0; i < x.length; i++) tracker.push(x[i]!, 1000 + i);
    const batch = highestWindowMean(x, 500)!;
    expect(tracker.best()).toEqual({ mean: batch.mean, startIndex: batch.startIndex + 1000 });
  });

  it('converts ms to samples', () => {
    expect(windowSamplesFor(500, 1000)).toBe(500);
    expect(windowSamplesFor(500, 200)).toBe(100);
    expect(windowSamplesFor(1, 100)).toBe(1);
  });
});
