import { describe, expect, it } from 'vitest';
import { KiteRound } from './kite-game.ts';
import { followCriticallyDamped, glide, KITE_LAG_BOUND_MS, KITE_OMEGA_RAD_S, SeededRandom, type Follower } from './kite-physics.ts';

describe('kite physics', () => {
  it('trails a steady ramp by 2/ω = 80 ms, under the stated bound', () => {
    const kite: Follower = { position: 0, velocity: 0 };
    const slopePerS = 40;
    const dtS = 0.001;
    let tS = 0;
    for (; tS < 1; tS += dtS) followCriticallyDamped(kite, slopePerS * (tS + dtS), dtS);
    const lagMs = ((slopePerS * tS - kite.position) / slopePerS) * 1000;
    expect(lagMs).toBeCloseTo(2000 / KITE_OMEGA_RAD_S, 0);
    expect(lagMs).toBeLessThan(KITE_LAG_BOUND_MS);
  });

  it('reaches half of a step within the bound, 90 % within ~160 ms, and never overshoots', () => {
    const kite: Follower = { position: 0, velocity: 0 };
    let halfMs = NaN;
    let ninetyMs = NaN;
    let peak = 0;
    for (let ms = 1; ms <= 1000; ms++) {
      followCriticallyDamped(kite, 1, 0.001);
      peak = Math.max(peak, kite.position);
      if (Number.isNaN(halfMs) && kite.position >= 0.5) halfMs = ms;
      if (Number.isNaN(ninetyMs) && kite.position >= 0.9) ninetyMs = ms;
    }
    expect(halfMs).toBeLessThan(KITE_LAG_BOUND_MS);
    expect(halfMs).toBe(68); // 1.68/ω = 67.1 ms, first whole millisecond past it
    expect(ninetyMs).toBeLessThanOrEqual(160);
    expect(peak).toBeLessThanOrEqual(1);
  });

  it('is exact for any step size: one long step lands where many short ones do', () => {
    const many: Follower = { position: 3, velocity: -20 };
    const one: Follower = { ...many };
    for (let i = 0; i < 100; i++) followCriticallyDamped(many, 50, 0.002);
    followCriticallyDamped(one, 50, 0.2);
    expect(one.position).toBeCloseTo(many.position, 9);
    expect(one.velocity).toBeCloseTo(many.velocity, 9);
    expect(glide(glide(0, 1, 0.3), 1, 0.3)).toBeCloseTo(glide(0, 1, 0.6), 12);
  });

  it('the kite in a round lags its level by the same 80 ms on a ramp', () => {
    const round = new KiteRound({ band: { low: 40, high: 60 }, contractS: 5, relaxS: 5, roundS: 60, difficulty: 'easy' });
    const slopePerS = 20;
    let tS = 0;
    for (; tS < 2; tS += 0.01) round.step({ dtMs: 10, level: slopePerS * (tS + 0.01) });
    const lagMs = ((slopePerS * tS - round.state().kiteLevel) / slopePerS) * 1000;
    expect(lagMs).toBeGreaterThan(60);
    expect(lagMs).toBeLessThan(KITE_LAG_BOUND_MS);
  });

  it('draws the same seeded numbers for the same seed, all in [0, 1)', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const drawn = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(drawn);
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...drawn)).toBeLessThan(1);
    expect(new SeededRandom(0).next()).not.toBe(0); // a zero seed still runs
  });
});
