import { describe, expect, it } from 'vitest';
import { Prng, deriveSeed } from './prng';

describe('Prng', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 8 }, () => a.nextUint32());
    const seqB = Array.from({ length: 8 }, () => b.nextUint32());
    const seqC = Array.from({ length: 8 }, () => c.nextUint32());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('draws uniform floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Prng(7);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextFloat();
      sum += x;
      sumSq += x * x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    const mean = sum / n;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 3);
  });

  it('draws standard normal deviates (mean 0, variance 1, 4th moment 3)', () => {
    const rng = new Prng(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let sum4 = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextGaussian();
      sum += x;
      sumSq += x * x;
      sum4 += x ** 4;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(sumSq / n).toBeGreaterThan(0.98);
    expect(sumSq / n).toBeLessThan(1.02);
    expect(sum4 / n).toBeGreaterThan(2.9);
    expect(sum4 / n).toBeLessThan(3.1);
  });

  it('draws exponential waiting times with the requested mean', () => {
    const rng = new Prng(3);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += rng.nextExponential(5);
    expect(sum / 100_000).toBeGreaterThan(4.9);
    expect(sum / 100_000).toBeLessThan(5.1);
  });

  it('derives distinct stream seeds from one seed', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(12345, i)));
    expect(seeds.size).toBe(1000);
    expect(deriveSeed(1, 0)).toBe(deriveSeed(1, 0));
  });
});
