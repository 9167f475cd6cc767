import { describe, expect, it } from 'vitest';
import { columnTimes, decimateMinMax } from './decimate';

describe('min/max decimation', () => {
  it('keeps each column’s extremes in the order they occurred, on a shared x grid', () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => (i === 503 ? 50 : i === 507 ? -40 : Math.sin(i) * 0.1));
    const xs: number[] = [];
    const ys: (number | null)[] = [];
    expect(columnTimes(1000, 1000, 100, xs)).toBe(200);
    expect(decimateMinMax(samples, 1000, 100, ys)).toBe(200);
    expect(xs[0]).toBeCloseTo(-0.999, 6);
    expect(xs[199]).toBeLessThan(0);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(ys.slice(100, 102)).toEqual([50, -40]); // column 50 holds samples 500–509: max came first
    expect(Math.max(...(ys as number[]))).toBe(50);
  });

  it('turns a column of gap samples into null (a break in the line)', () => {
    const samples = [1, 2, NaN, NaN, 5, 6];
    const ys: (number | null)[] = [];
    decimateMinMax(samples, 6, 3, ys);
    expect(ys).toEqual([1, 2, null, null, 5, 6]);
  });

  it('uses no more columns than half the samples, and reuses its arrays', () => {
    const xs: number[] = [];
    const ys: (number | null)[] = [];
    expect(columnTimes(7, 100, 300, xs)).toBe(8);
    const samples = new Float32Array(5000).fill(1);
    decimateMinMax(samples, 5000, 300, ys);
    const first = ys;
    decimateMinMax(samples, 5000, 300, ys);
    expect(ys).toBe(first);
    expect(ys.length).toBe(600);
  });
});
