import { describe, expect, it } from 'vitest';
import { limbSymmetryIndex, LiveVmoVlRatio, onsetDifferenceMs, vmoVlRatio } from './ratios';
import { uniform } from '../../tests/fixtures/metrics/test-signals';

describe('vmoVlRatio', () => {
  it('divides VMO %MVC by VL %MVC over the window', () => {
    // VMO at 60 of MVC 120 (50 %), VL at 100 of MVC 160 (62.5 %): ratio 0.8.
    const vmo = new Float64Array(2000).fill(10);
    const vl = new Float64Array(2000).fill(10);
    vmo.fill(60, 500, 1500);
    vl.fill(100, 500, 1500);
    expect(vmoVlRatio(vmo, vl, 500, 1500, 120, 160)).toBeCloseTo(0.8, 12);
    // Over the rest both sit at 10: 10/120 ÷ 10/160 = 4/3, the MVCs alone.
    expect(vmoVlRatio(vmo, vl, 0, 500, 120, 160)).toBeCloseTo(4 / 3, 12);
  });

  it('is null for bad windows, MVCs ≤ 0 and a silent VL', () => {
    const a = new Float64Array(10).fill(1);
    expect(vmoVlRatio(a, a, 5, 5, 1, 1)).toBeNull();
    expect(vmoVlRatio(a, a, 0, 11, 1, 1)).toBeNull();
    expect(vmoVlRatio(a, a, 0, 10, 0, 1)).toBeNull();
    expect(vmoVlRatio(a, new Float64Array(10), 0, 10, 1, 1)).toBeNull();
  });
});

describe('LiveVmoVlRatio', () => {
  it('equals vmoVlRatio over the last 500 ms, for any block size', () => {
    const fs = 1000;
    const u = uniform(5);
    const vmo = Float64Array.from({ length: 3000 }, () => 20 + 40 * u());
    const vl = Float64Array.from({ length: 3000 }, () => 30 + 40 * u());
    for (const block of [1, 13, 500, 3000]) {
      const live = new LiveVmoVlRatio(fs, 90, 110);
      for (let i = 0; i < vmo.length; i += block) {
        const end = Math.min(vmo.length, i + block);
        live.push(vmo.subarray(i, end), vl.subarray(i, end));
        const expected = end >= 500 ? vmoVlRatio(vmo, vl, end - 500, end, 90, 110) : null;
        if (expected === null) expect(live.ratio()).toBeNull();
        else expect(live.ratio()).toBeCloseTo(expected, 10);
      }
    }
  });

  it('reset() empties the window', () => {
    const live = new LiveVmoVlRatio(1000, 1, 1);
    live.push(new Float64Array(600).fill(2), new Float64Array(600).fill(1));
    expect(live.ratio()).toBeCloseTo(2, 12);
    live.reset();
    expect(live.ratio()).toBeNull();
  });
});

describe('onsetDifferenceMs and limbSymmetryIndex', () => {
  it('VMO − VL in ms: positive when VMO starts later', () => {
    expect(onsetDifferenceMs(1.512, 1.49)).toBeCloseTo(22, 9);
    expect(onsetDifferenceMs(1.49, 1.512)).toBeCloseTo(-22, 9);
  });

  it('LSI = involved / uninvolved × 100, null when undefined', () => {
    expect(limbSymmetryIndex(180, 200)).toBeCloseTo(90, 12);
    expect(limbSymmetryIndex(0, 200)).toBe(0);
    expect(limbSymmetryIndex(180, 0)).toBeNull();
    expect(limbSymmetryIndex(180, -5)).toBeNull();
    expect(limbSymmetryIndex(Number.NaN, 100)).toBeNull();
  });
});
