import { describe, expect, it } from 'vitest';
import { strongestEffort } from './trend-force';
import { forceRamp } from './trend-test-sessions';

describe('strongest effort', () => {
  it('gives the peak and the ramp slope as RFD 0–200 ms', () => {
    expect(strongestEffort(forceRamp(1000, 1000, 500), 1000)).toEqual({ peakN: 500, rfd200NPerS: expect.closeTo(1000, 6) });
    // An 80 Hz gauge (Tindeq) still gives 0–200 ms (clinical.md, Force / dynamometry).
    expect(strongestEffort(forceRamp(80, 800, 400), 80)).toEqual({ peakN: 400, rfd200NPerS: expect.closeTo(800, 6) });
  });

  it('measures the highest of several efforts, cut at a gap', () => {
    const weak = forceRamp(100, 400, 200);
    const strong = forceRamp(100, 1500, 600);
    const both = new Float32Array(weak.length + strong.length);
    both.set(weak);
    both.set(strong, weak.length);
    both[weak.length + 10] = NaN; // lost within the strong effort's quiet lead-in
    expect(strongestEffort(both, 100)).toEqual({ peakN: 600, rfd200NPerS: expect.closeTo(1500, 6) });
  });

  it('gives nothing without force, and no RFD for an effort shorter than 200 ms', () => {
    expect(strongestEffort(new Float32Array(100), 100)).toBeNull();
    expect(strongestEffort(Float32Array.from([0, 0, 0, 50, 0, 0]), 100)).toEqual({ peakN: 50, rfd200NPerS: null });
  });
});
