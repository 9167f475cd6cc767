import { describe, expect, it } from 'vitest';
import { READY_S, ROUND_MAX_S, type KiteConfig } from './kite-config.ts';
import { CUE_DWELL_S, KiteRound, POINTS_PER_S, STREAK_BONUS_POINTS, STREAK_CAP, type KiteEvent, type PhaseResult } from './kite-game.ts';
import { SeededRandom } from './kite-physics.ts';

const band = { low: 40, high: 60 };
const base: KiteConfig = { band, contractS: 5, relaxS: 5, roundS: 60, difficulty: 'medium' };
const frameMs = 1000 / 60;

/** Steps `round` in 60 Hz frames for `seconds` with the level from `levelAt(roundTimeS)`; returns every event. */
function play(round: KiteRound, seconds: number, levelAt: (tS: number) => number, dtMs = frameMs): KiteEvent[] {
  const events: KiteEvent[] = [];
  const frames = Math.round((seconds * 1000) / dtMs);
  for (let i = 0; i < frames && !round.over; i++) events.push(...round.step({ dtMs, level: levelAt(round.state().elapsedS) }));
  return events;
}

function results(events: KiteEvent[]): PhaseResult[] {
  return events.flatMap((e) => (e.type === 'phase-change' && e.completed ? [e.completed] : []));
}

/** A patient who squeezes to `squeezeLevel` during contract phases and rests at 2 (%MVC) otherwise. */
const patient = (config: KiteConfig, squeezeLevel: number) => (tS: number) => {
  const cycleS = config.contractS + config.relaxS;
  const into = (tS - READY_S) % cycleS;
  return tS >= READY_S && into < config.contractS ? squeezeLevel : 2;
};

describe('kite round', () => {
  it('is deterministic: the same config, seed and inputs give the same events and score', () => {
    const config: KiteConfig = { ...base, difficulty: 'hard', seed: 7 };
    const noisy = () => {
      const random = new SeededRandom(99);
      return (tS: number) => patient(config, 50)(tS) + (random.next() - 0.5) * 12;
    };
    const a = new KiteRound(config);
    const b = new KiteRound(config);
    const eventsA = play(a, 70, noisy());
    const eventsB = play(b, 70, noisy());
    expect(eventsB).toEqual(eventsA);
    expect(b.state()).toEqual(a.state());
    expect(a.score).toBeGreaterThan(0);
  });

  it('gusts follow the seed, and only on the difficulties that have them', () => {
    const windAt = (config: KiteConfig) => {
      const round = new KiteRound(config);
      play(round, READY_S + 4.5, () => 50);
      return round.state().windOffset;
    };
    expect(windAt({ ...base, difficulty: 'hard', seed: 1 })).not.toBe(windAt({ ...base, difficulty: 'hard', seed: 2 }));
    expect(windAt({ ...base, difficulty: 'hard', seed: 1 })).not.toBe(0);
    expect(windAt({ ...base, difficulty: 'medium', seed: 1 })).toBe(0);
    expect(windAt({ ...base, difficulty: 'hard', seed: 1, reducedMotion: true })).toBe(0);
  });

  it.each([
    ['easy', [40, 50, 60]],
    ['medium', [40.5, 50, 59.5]],
    ['hard', [50]],
  ] as const)('%s: a level held in the zone for a whole phase scores that phase’s maximum', (difficulty, levels) => {
    for (const level of levels) {
      const config: KiteConfig = { ...base, difficulty, seed: 3 };
      const round = new KiteRound(config);
      const phases = results(play(round, 60, patient(config, level)));
      expect(phases.length).toBeGreaterThan(0);
      let streak = 0;
      for (const phase of phases) {
        streak += 1;
        expect(phase.hit).toBe(true);
        expect(phase.inZoneS).toBeCloseTo(phase.countedS, 9);
        expect(phase.points).toBeCloseTo(phase.countedS * POINTS_PER_S + STREAK_BONUS_POINTS * Math.min(streak, STREAK_CAP), 6);
      }
    }
  });

  it('scores nothing for a squeeze held outside the zone, above or below', () => {
    for (const level of [15, 75]) {
      const round = new KiteRound(base);
      const contract = results(play(round, READY_S + 5.1, patient(base, level)))[0]!;
      expect(contract.phase).toBe('contract');
      expect(contract.countedS).toBeGreaterThan(4);
      expect(contract.inZoneS).toBe(0);
      expect(contract.points).toBe(0);
      expect(contract.hit).toBe(false);
      expect(round.score).toBe(0);
    }
  });

  it('ends every round within 120 s with one round-over event, also across one long step', () => {
    const config: KiteConfig = { ...base, contractS: 10, relaxS: 10, roundS: ROUND_MAX_S };
    const framed = new KiteRound(config);
    const events = play(framed, 200, patient(config, 50));
    const over = events.filter((e) => e.type === 'round-over');
    expect(over).toHaveLength(1);
    expect(over[0]!.atS).toBe(framed.config.durationS);
    expect(framed.config.durationS).toBeLessThanOrEqual(ROUND_MAX_S);
    expect(framed.over).toBe(true);
    expect(framed.step({ dtMs: 1000, level: 50 })).toHaveLength(0);

    const jumped = new KiteRound(config);
    const all = jumped.step({ dtMs: 200_000, level: 50 });
    expect(all.filter((e) => e.type === 'phase-change').map((e) => (e.type === 'phase-change' ? e.to : ''))).toEqual([
      ...Array.from({ length: jumped.config.cycles }, () => ['contract', 'relax']).flat(),
      'over',
    ]);
    expect(all.at(-1)).toMatchObject({ type: 'round-over', atS: jumped.config.durationS });
  });

  it('rejects rounds over 120 s and setups that fit no whole rep, saying why', () => {
    expect(() => new KiteRound({ ...base, roundS: 121 })).toThrow(/at most 120 s/);
    expect(() => new KiteRound({ ...base, contractS: 60, relaxS: 60, roundS: 120 })).toThrow(/must fit/);
    expect(() => new KiteRound({ ...base, band: { low: 60, high: 40 } })).toThrow(/0 < low < high/);
    expect(() => new KiteRound({ ...base, contractS: 1 })).toThrow(/at least 2 s/);
  });

  it('difficulty changes the tolerance: easy forgives a level just outside the band, hard wants its middle', () => {
    const inZoneAt = (difficulty: KiteConfig['difficulty'], level: number) => {
      const round = new KiteRound({ ...base, difficulty, seed: 5 });
      play(round, READY_S + 1.5, () => level);
      return round.state().inZone;
    };
    // Band 40–60 (width 20): easy 36–64, medium 40–60, hard 44–56 before gusts.
    expect([inZoneAt('easy', 37), inZoneAt('medium', 37), inZoneAt('hard', 37)]).toEqual([true, false, false]);
    expect([inZoneAt('easy', 42), inZoneAt('medium', 42), inZoneAt('hard', 42)]).toEqual([true, true, false]);
    expect([inZoneAt('easy', 50), inZoneAt('medium', 50), inZoneAt('hard', 50)]).toEqual([true, true, true]);
  });

  it('counts relaxing on the ground and cues each phase at once', () => {
    const round = new KiteRound(base);
    const events = play(round, READY_S + 10.1, patient(base, 50));
    const [contract, relax] = results(events);
    expect(relax).toMatchObject({ phase: 'relax', hit: true });
    expect(contract!.hit).toBe(true);
    expect(round.state().cue).toBe('too-low'); // the second squeeze has just begun
    expect(events.filter((e) => e.type === 'hit').map((e) => (e.type === 'hit' ? e.streak : 0))).toEqual([1, 2]);
  });

  it('holds the shown cue through a flicker shorter than the dwell, then follows a lasting change', () => {
    const round = new KiteRound(base);
    play(round, READY_S + 1.5, () => 50);
    expect(round.state().cue).toBe('in-zone');
    play(round, 0.25, () => 20);
    play(round, 0.3, () => 50);
    expect(round.state().cue).toBe('in-zone');
    play(round, CUE_DWELL_S + 0.2, () => 20);
    expect(round.state().cue).toBe('too-low');
  });

  it('keeps the last valid level when the input is NaN', () => {
    const round = new KiteRound(base);
    play(round, 1, () => 50);
    play(round, 1, () => Number.NaN);
    expect(round.state().kiteLevel).toBeCloseTo(50, 6);
  });

  it('scores alike at 30 and 60 frames per second', () => {
    const config: KiteConfig = { ...base, difficulty: 'easy' };
    const ramp = (tS: number) => 30 * (1 + Math.sin(tS * 1.3)); // swings through the band and the ground
    const at60 = new KiteRound(config);
    const at30 = new KiteRound(config);
    play(at60, 60, ramp, 1000 / 60);
    play(at30, 60, ramp, 1000 / 30);
    expect(Math.abs(at60.score - at30.score)).toBeLessThanOrEqual(0.05 * at60.score);
  });
});
