import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './reconnect-schedule';

describe('reconnectDelayMs', () => {
  it.each([
    // [attemptIndex, elapsedSinceDropMs, expected delay]
    [0, 0, 250],
    [1, 250, 500],
    [2, 750, 1000],
    [3, 1750, 2000],
    [4, 3750, 2000],
    [60, 119_750, 2000], // last start inside the two-minute phase
    [61, 119_999.9, 2000],
    [61, 120_000, 10_000], // exactly two minutes: slow phase
    [62, 121_750, 10_000],
    [500, 3_600_000, 10_000], // an hour later: still every 10 s, never gives up by itself
  ])('attempt %i at %f ms after the drop waits %i ms', (attemptIndex, elapsedMs, expectedMs) => {
    expect(reconnectDelayMs(attemptIndex, elapsedMs)).toBe(expectedMs);
  });

  it('the fast delays hold even if the previous attempt started late', () => {
    // A slow attempt must not skip the fast tries: they depend on the attempt number only.
    expect(reconnectDelayMs(1, 130_000)).toBe(500);
    expect(reconnectDelayMs(2, 130_000)).toBe(1000);
  });

  it('cumulative attempt times over a 3-minute outage follow the requirement', () => {
    const startsMs: number[] = [];
    let t = 0;
    for (let i = 0; t < 180_000; i++) {
      t += reconnectDelayMs(i, i === 0 ? 0 : t);
      startsMs.push(t);
    }
    expect(startsMs.slice(0, 5)).toEqual([250, 750, 1750, 3750, 5750]);
    const firstSlow = startsMs.indexOf(121_750);
    expect(startsMs[firstSlow - 1]).toBe(119_750);
    expect(startsMs.slice(firstSlow, firstSlow + 3)).toEqual([121_750, 131_750, 141_750]);
    // 3 fast + 59 steady (3.75 … 119.75 s) + 1 crossing (121.75) + 6 slow up to 181.75 s.
    expect(startsMs.length).toBe(3 + 59 + 1 + 6);
  });
});
