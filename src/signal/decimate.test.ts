import { describe, expect, it } from 'vitest';
import { decimateMinMax } from './decimate';

describe('min/max decimation', () => {
  it('keeps every sample when there are few enough', () => {
    const xs: number[] = [];
    const ys: (number | null)[] = [];
    expect(decimateMinMax([1, NaN, 3], 3, 10, 100, xs, ys)).toBe(3);
    expect(xs).toEqual([-0.2, -0.1, 0]);
    expect(ys).toEqual([1, null, 3]);
  });

  it('draws at most two points per column and keeps each column’s extremes in time order', () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => (i === 503 ? 50 : i === 507 ? -40 : Math.sin(i)));
    const xs: number[] = [];
    const ys: (number | null)[] = [];
    const points = decimateMinMax(samples, 1000, 1000, 100, xs, ys);
    expect(points).toBeLessThanOrEqual(200);
    expect(Math.max(...(ys as number[]))).toBe(50);
    expect(Math.min(...(ys as number[]))).toBe(-40);
    const spike = ys.indexOf(50);
    expect(ys[spike + 1]).toBe(-40); // same column, max came first
    for (let i = 1; i < points; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
  });

  it('reuses its output arrays (no growth after the first frame)', () => {
    const xs: number[] = [];
    const ys: (number | null)[] = [];
    const samples = new Float32Array(5000).fill(1);
    decimateMinMax(samples, 5000, 2000, 300, xs, ys);
    const first = xs;
    decimateMinMax(samples, 5000, 2000, 300, xs, ys);
    expect(xs).toBe(first);
    expect(xs.length).toBe(600);
  });
});
