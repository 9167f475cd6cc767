import { describe, expect, it } from 'vitest';
import { mvcFromEnvelope } from './mvc';
import { uniform } from '../../tests/fixtures/metrics/test-signals';

describe('mvcFromEnvelope', () => {
  it('takes the best 500 ms mean, not a brief spike', () => {
    const fs = 1000;
    const env = new Float64Array(20 * fs).fill(5);
    env.fill(300, 2000, 2020); // 20 ms artefact: its best window mean is only (300·20 + 5·480)/500 = 16.8
    env.fill(50, 4000, 9000);
    env.fill(80, 11000, 14000);
    env.fill(70, 16000, 19000);
    expect(mvcFromEnvelope(env, fs)).toEqual({ mvcUv: 80, atIndex: 11000 });
  });

  it('equals a brute-force search on seeded random data (250 ms window at 2000 Hz)', () => {
    const u = uniform(17);
    const env = Float64Array.from({ length: 5000 }, () => u() * 100);
    const w = 500;
    let best = -Infinity;
    let at = -1;
    for (let s = 0; s + w <= env.length; s++) {
      let sum = 0;
      for (let i = s; i < s + w; i++) sum += env[i]!;
      if (sum / w > best + 1e-9) {
        best = sum / w;
        at = s;
      }
    }
    const result = mvcFromEnvelope(env, 2000, 250)!;
    expect(result.atIndex).toBe(at);
    expect(result.mvcUv).toBeCloseTo(best, 9);
  });

  it('uses the whole record when shorter than the window, null when empty', () => {
    expect(mvcFromEnvelope(Float64Array.of(1, 2, 3), 1000)).toEqual({ mvcUv: 2, atIndex: 0 });
    expect(mvcFromEnvelope(new Float64Array(0), 1000)).toBeNull();
  });
});
