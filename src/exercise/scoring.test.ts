import { describe, expect, it } from 'vitest';
import { RepAccumulator, scoreExercise, scoreSet, trendPerRep, type RepScore } from './scoring.ts';

function rep(rep: number, mean: number, peak: number, achieved = true, timeInBandPct = 100): RepScore {
  return {
    set: 1, rep, unit: '%MVC', holdAchieved: achieved, heldS: 10, timeInBandPct, peak, mean,
    contractionStartIndex: 0, holdStartIndex: 0, holdEndIndex: 1,
  };
}

describe('trendPerRep', () => {
  it('is the least-squares slope in units per rep', () => {
    expect(trendPerRep([60, 58, 56, 54])).toBeCloseTo(-2, 12);
    // By hand: x̄ = ȳ = 1.5, Σdx·dy = −6, Σdx² = 5.
    expect(trendPerRep([3.5, 1.5, 1.5, -0.5])).toBeCloseTo(-1.2, 12);
  });

  it('needs three reps and finite values', () => {
    expect(trendPerRep([60, 50])).toBeNull();
    expect(trendPerRep([60, NaN, 50])).toBeNull();
    expect(trendPerRep([5, 5, 5])).toBe(0);
  });
});

describe('set and exercise scores', () => {
  it('summarises a set: achieved count, means, peak and both trends', () => {
    const s = scoreSet(2, [rep(1, 60, 70), rep(2, 58, 66, false, 80), rep(3, 56, 65)]);
    expect(s).toMatchObject({ set: 2, repsAchieved: 2, peak: 70, meanTrendPerRep: -2, peakTrendPerRep: -2.5 });
    expect(s.timeInBandPct).toBeCloseTo(280 / 3, 12);
    expect(s.mean).toBeCloseTo(58, 12);
  });

  it('takes the session trend across every rep in order', () => {
    const e = scoreExercise('%MVC', [scoreSet(1, [rep(1, 60, 60), rep(2, 59, 60)]), scoreSet(2, [rep(1, 58, 60), rep(2, 57, 60, false)])]);
    expect(e).toMatchObject({ repsAchieved: 3, repsTotal: 4, meanTrendPerRep: -1, peakTrendPerRep: 0 });
    expect(e.sets[0]!.meanTrendPerRep).toBeNull();
  });
});

describe('RepAccumulator', () => {
  it('merges a tolerated dip into the hold and drops an ending one', () => {
    const acc = new RepAccumulator();
    acc.addHold(60, true);
    acc.addDropout(40);
    acc.keepDropout();
    acc.addHold(70, false);
    acc.addDropout(30);
    acc.dropDropout();
    acc.notePeak(70);
    const s = acc.score({ set: 1, rep: 1, unit: '%MVC', holdAchieved: false, heldS: 0.003, contractionStartIndex: 0, holdStartIndex: 0, holdEndIndex: 3 });
    expect(s.mean).toBeCloseTo(170 / 3, 12);
    expect(s.timeInBandPct).toBeCloseTo(100 / 3, 12);
    expect(s.peak).toBe(70);
  });
});
