import { describe, expect, it } from 'vitest';
import { holdFatigueSlopeHzPerS, longestHold } from './trend-fatigue';
import { fadingHold } from './trend-test-sessions';

describe('fatigue slope over the longest hold', () => {
  it('finds the longest run of windows near the highest level, ended by a gap', () => {
    const level = Float32Array.from({ length: 12_000 }, (_, i) => (i < 1000 ? 2 : i < 4000 ? 60 : i < 5000 ? 2 : 50));
    expect(longestHold(level, 1000)).toEqual({ start: 5000, length: 7000 });
    level[8500] = NaN; // a lost sample splits the long run into 3 s and 3 s: the first 3 s run wins
    expect(longestHold(level, 1000)).toEqual({ start: 1000, length: 3000 });
    expect(longestHold(new Float32Array(5000), 1000)).toBeNull();
    expect(longestHold(level.subarray(0, 3000), 1000)).toBeNull(); // two active windows only
  });

  it('measures the rate at which the median frequency falls during the hold', () => {
    const { raw, level } = fadingHold(120, -2, 10, 3);
    expect(holdFatigueSlopeHzPerS(raw, level, 1000)).toBeCloseTo(-2, 1);
    const steady = fadingHold(90, 0, 6, 2);
    expect(holdFatigueSlopeHzPerS(steady.raw, steady.level, 1000)).toBeCloseTo(0, 1);
  });

  it('gives no slope below 1 kHz sampling or without a hold', () => {
    const { raw, level } = fadingHold(120, -2, 10, 3);
    expect(holdFatigueSlopeHzPerS(raw, level, 500)).toBeNull();
    expect(holdFatigueSlopeHzPerS(raw, new Float32Array(raw.length), 1000)).toBeNull();
  });
});
