import { describe, expect, it } from 'vitest';
import { mainsHumRms, restRms } from './rest-check';

describe('rest signal check', () => {
  it('measures the RMS of the finite samples', () => {
    expect(restRms([3, -3, NaN, 3, -3])).toBe(3);
    expect(restRms([NaN])).toBeNull();
  });

  it('measures a 20 µV-amplitude 50 Hz hum as 14.1 µV RMS, ignoring an offset and other content', () => {
    const rateHz = 1000;
    const x = Float64Array.from({ length: 2000 }, (_, i) => 2048 + 20 * Math.sin((2 * Math.PI * 50 * i) / rateHz + 0.3) + 8 * Math.sin((2 * Math.PI * 137 * i) / rateHz));
    expect(mainsHumRms(x, x.length, rateHz, 50)).toBeCloseTo(20 / Math.SQRT2, 1);
    expect(mainsHumRms(x, x.length, rateHz, 60)!).toBeLessThan(1);
    expect(mainsHumRms(x, 50, rateHz, 50)).toBeNull(); // under ten cycles
  });
});
