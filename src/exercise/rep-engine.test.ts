import { describe, expect, it } from 'vitest';
import { libraryEntry } from './library.ts';
import { highestWindowMean } from './mvc.ts';
import type { Exercise } from './program.ts';
import { createRepEngine, type EngineEvent, type RepEngineOptions } from './rep-engine.ts';
import { piecewise, simVmoEnvelopeUv, type Piece } from './test-traces.ts';

const FS = 1000;
const OPTIONS: RepEngineOptions = { sampleRateHz: FS };

/** Quad sets, 55–65 %MVC, 10 s hold, 10 s relax (clinical.md), 3 reps. */
const QUAD_SETS: Exercise = { ...libraryEntry('quad-set').defaults, reps: 3 };

/** One quad set at `level`: 1 s rest, 0.5 s rise, 10.5 s hold, 0.5 s fall, 10.5 s rest. */
function quadSet(level: number, hold: Piece[] = [{ durationS: 10.5, level }]): Piece[] {
  return [{ durationS: 1, level: 0 }, { durationS: 0.5, level, ramp: true }, ...hold, { durationS: 0.5, level: 0, ramp: true }, { durationS: 10.5, level: 0 }];
}

function run(exercise: Exercise, levels: Float64Array, block = levels.length, options = OPTIONS): EngineEvent[] {
  const engine = createRepEngine(exercise, options);
  const all: EngineEvent[] = [];
  for (let s = 0; s < levels.length; s += block) all.push(...engine.process(levels.subarray(s, s + block), Math.min(block, levels.length - s), s));
  return all;
}

function ofType<T extends EngineEvent['type']>(events: EngineEvent[], type: T): Extract<EngineEvent, { type: T }>[] {
  return events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
}

function meanOver(x: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i]!;
  return sum / (to - from);
}

/** First index ≥ from where the predicate holds: the crossing, computed independently of the engine. */
function firstIndex(x: Float64Array, from: number, predicate: (v: number) => boolean): number {
  for (let i = from; i < x.length; i++) if (predicate(x[i]!)) return i;
  return -1;
}

describe('rep engine', () => {
  const threeReps = piecewise([...quadSet(60), ...quadSet(60), ...quadSet(60)], FS);

  it('counts 3 quad sets at 60 %MVC as 3 holds achieved, then completes', () => {
    const events = run(QUAD_SETS, threeReps);
    const reps = ofType(events, 'rep-complete').map((e) => e.score);
    expect(reps.map((r) => [r.set, r.rep, r.holdAchieved, r.heldS])).toEqual([
      [1, 1, true, 10],
      [1, 2, true, 10],
      [1, 3, true, 10],
    ]);
    for (const r of reps) {
      expect(r.timeInBandPct).toBe(100);
      // The hold starts on the rise at 55.08 %MVC: its mean is that of the trace over the window.
      expect(r.mean).toBeCloseTo(meanOver(threeReps, r.holdStartIndex, r.holdEndIndex), 9);
      expect(r.peak).toBe(60);
    }
    expect(ofType(events, 'set-complete')).toHaveLength(1);
    expect(ofType(events, 'session-complete')[0]!.score).toMatchObject({ repsAchieved: 3, repsTotal: 3, meanTrendPerRep: 0 });
    expect(events.at(-1)).toMatchObject({ type: 'session-complete' });
  });

  it('stamps band and relax events at exactly the crossing sample', () => {
    const events = run(QUAD_SETS, threeReps);
    const enter = ofType(events, 'enter-band').map((e) => e.index);
    const want: number[] = [];
    let from = 0;
    for (let k = 0; k < 3; k++) {
      const i = firstIndex(threeReps, from, (v) => v >= 55);
      want.push(i);
      from = firstIndex(threeReps, i, (v) => v === 0);
    }
    expect(enter).toEqual(want);
    const contracting = ofType(events, 'phase').filter((e) => e.to === 'contracting').map((e) => e.index);
    expect(contracting[0]).toBe(firstIndex(threeReps, 0, (v) => v >= 10));
    const relaxed = ofType(events, 'relaxed').map((e) => e.index);
    expect(relaxed[0]).toBe(firstIndex(threeReps, want[0]! + 10 * FS, (v) => v < 10));
    // Hold complete exactly holdS after entering the band, with the 3-2-1 countdown before it.
    expect(ofType(events, 'hold-complete').map((e) => e.index)).toEqual(want.map((i) => i + 10 * FS));
    const countdown = ofType(events, 'hold-countdown').slice(0, 3);
    expect(countdown.map((e) => [e.index - want[0]!, e.secondsLeft])).toEqual([[7000, 3], [8000, 2], [9000, 1]]);
  });

  it('waits out the relax time before the next rep, measured from when the level fell', () => {
    const events = run(QUAD_SETS, threeReps);
    const relaxed = ofType(events, 'relaxed').map((e) => e.index);
    const nextRep = ofType(events, 'phase').filter((e) => e.to === 'waiting-for-contraction').map((e) => [e.index, e.rep]);
    expect(nextRep).toEqual([[0, 1], [relaxed[0]! + 10 * FS, 2], [relaxed[1]! + 10 * FS, 3]]);
  });

  it('gives identical events for blocks of 1, 13 and 256 samples', () => {
    const reference = run(QUAD_SETS, threeReps);
    for (const block of [1, 13, 256]) expect(run(QUAD_SETS, threeReps, block)).toEqual(reference);
  });

  it('keeps a hold through a dip shorter than the 300 ms tolerance', () => {
    const dip: Piece[] = [{ durationS: 4, level: 60 }, { durationS: 0.25, level: 40 }, { durationS: 6.25, level: 60 }];
    const x = piecewise(quadSet(60, dip), FS);
    const events = run({ ...QUAD_SETS, reps: 1 }, x);
    const rep = ofType(events, 'rep-complete')[0]!.score;
    expect(rep.holdAchieved).toBe(true);
    expect(rep.heldS).toBe(10);
    // The 250 ms dip sits inside the 10 s hold window: 97.5 % in band.
    expect(rep.timeInBandPct).toBeCloseTo(97.5, 9);
    const dipStart = firstIndex(x, 0, (v) => v === 40);
    expect(ofType(events, 'leave-band').map((e) => e.index)).toEqual([dipStart]);
    expect(ofType(events, 'enter-band').map((e) => e.index)[1]).toBe(dipStart + 250);
    expect(ofType(events, 'hold-failed')).toHaveLength(0);
  });

  it('ends a hold at a dip longer than the tolerance, scored up to the dip', () => {
    const dip: Piece[] = [{ durationS: 4, level: 60 }, { durationS: 0.5, level: 40 }, { durationS: 6, level: 60 }];
    const x = piecewise(quadSet(60, dip), FS);
    const events = run({ ...QUAD_SETS, reps: 1 }, x);
    const enter = firstIndex(x, 0, (v) => v >= 55);
    const dipStart = firstIndex(x, 0, (v) => v === 40);
    expect(ofType(events, 'hold-failed').map((e) => e.index)).toEqual([dipStart + 300]);
    const rep = ofType(events, 'rep-complete')[0]!.score;
    expect(rep).toMatchObject({ holdAchieved: false, holdStartIndex: enter, holdEndIndex: dipStart, timeInBandPct: 100 });
    expect(rep.heldS).toBe((dipStart - enter) / FS);
    // A failed hold still uses up the rep: the set and the session complete with 0 of 1 achieved.
    expect(ofType(events, 'session-complete')[0]!.score).toMatchObject({ repsAchieved: 0, repsTotal: 1 });
  });

  it('does not count ripple between the leave level and the band edge as a dip', () => {
    // 52 %MVC is below the 55 edge but above the 50 leave level (5 %MVC hysteresis).
    const wobble: Piece[] = [{ durationS: 3, level: 60 }, { durationS: 1, level: 52 }, { durationS: 6.5, level: 60 }];
    const events = run({ ...QUAD_SETS, reps: 1 }, piecewise(quadSet(60, wobble), FS));
    expect(ofType(events, 'leave-band')).toHaveLength(0);
    const rep = ofType(events, 'rep-complete')[0]!.score;
    expect(rep.holdAchieved).toBe(true);
    expect(rep.timeInBandPct).toBeCloseTo(90, 9);
  });

  it('signals over the band with hysteresis, and back', () => {
    const over: Piece[] = [{ durationS: 3, level: 60 }, { durationS: 1, level: 75 }, { durationS: 6.5, level: 60 }];
    const x = piecewise(quadSet(60, over), FS);
    const events = run({ ...QUAD_SETS, reps: 1 }, x);
    const high = firstIndex(x, 0, (v) => v === 75);
    expect(ofType(events, 'over-band').map((e) => e.index)).toEqual([high]);
    expect(ofType(events, 'back-in-band').map((e) => e.index)).toEqual([high + 1000]);
    const rep = ofType(events, 'rep-complete')[0]!.score;
    expect(rep.peak).toBe(75);
    expect(rep.timeInBandPct).toBeCloseTo(90, 9);
  });

  it('returns to waiting when a contraction fades before reaching the band', () => {
    const x = piecewise([{ durationS: 1, level: 0 }, { durationS: 1, level: 30 }, { durationS: 1, level: 0 }], FS);
    const events = run(QUAD_SETS, x);
    expect(ofType(events, 'phase').map((e) => e.to)).toEqual(['waiting-for-contraction', 'contracting', 'waiting-for-contraction']);
    expect(ofType(events, 'rep-complete')).toHaveLength(0);
  });

  it('runs sets with rest between them', () => {
    const exercise: Exercise = { ...QUAD_SETS, holdS: 2, relaxS: 1, reps: 2, sets: 2, restBetweenSetsS: 5 };
    const rep: Piece[] = [{ durationS: 0.5, level: 0 }, { durationS: 2.5, level: 60 }, { durationS: 1.5, level: 0 }];
    const x = piecewise([...rep, ...rep, { durationS: 5, level: 0 }, ...rep, ...rep], FS);
    const events = run(exercise, x);
    const sets = ofType(events, 'set-complete');
    expect(sets.map((e) => [e.score.set, e.score.repsAchieved])).toEqual([[1, 2], [2, 2]]);
    const rest = ofType(events, 'phase').filter((e) => e.to === 'set-rest' || e.from === 'set-rest');
    expect(rest.map((e) => e.index)).toEqual([sets[0]!.index, sets[0]!.index + 5 * FS]);
    expect(ofType(events, 'session-complete')[0]!.score.sets).toHaveLength(2);
  });

  it('ignores NaN samples (gaps) for level decisions and scores', () => {
    const x = piecewise(quadSet(60), FS);
    const clean = run({ ...QUAD_SETS, reps: 1 }, x);
    x.fill(NaN, 5000, 5100);
    const gappy = run({ ...QUAD_SETS, reps: 1 }, x);
    expect(ofType(gappy, 'hold-complete')).toEqual(ofType(clean, 'hold-complete'));
    const rep = ofType(gappy, 'rep-complete')[0]!.score;
    const x2 = x.slice();
    x2.fill(0, 5000, 5100);
    const validSum = meanOver(x2, rep.holdStartIndex, rep.holdEndIndex) * (rep.holdEndIndex - rep.holdStartIndex);
    expect(rep.mean).toBeCloseTo(validSum / (rep.holdEndIndex - rep.holdStartIndex - 100), 9);
  });

  it('reports progress in a snapshot', () => {
    const engine = createRepEngine(QUAD_SETS, OPTIONS);
    const enter = firstIndex(threeReps, 0, (v) => v >= 55);
    engine.process(threeReps, enter + 4000, 0);
    expect(engine.snapshot()).toMatchObject({ phase: 'holding', set: 1, rep: 1, level: 60, inBand: true, heldS: 4, secondsLeft: 6 });
  });

  it('rejects overlapping blocks and invalid exercises', () => {
    const engine = createRepEngine(QUAD_SETS, OPTIONS);
    engine.process(threeReps, 100, 0);
    expect(() => engine.process(threeReps, 100, 50)).toThrow(RangeError);
    expect(() => createRepEngine({ ...QUAD_SETS, reps: 0 }, OPTIONS)).toThrow(/reps/);
    expect(() => createRepEngine(QUAD_SETS, { sampleRateHz: -1 })).toThrow(RangeError);
  });

  it('counts the demo sensor’s simulated quad sets', () => {
    // Calibrate on the sim's MVC scenario, then run its quad sets (level 0.65: ~61 %MVC, 10 s
    // holds) through the engine with an 8 s hold: every rep should count despite envelope ripple.
    const mvc = simVmoEnvelopeUv('mvc');
    const mvcUv = Math.max(...mvc.truth.emg[0]!.efforts.map((e) => highestWindowMean(mvc.envelopeUv.subarray(e.onsetSample, e.offsetSample), 500)!.mean));
    const { envelopeUv, truth } = simVmoEnvelopeUv('quadSets', { level: 0.65, holdS: 10 });
    const percentMvc = envelopeUv.map((v) => (100 * v) / mvcUv);
    const events = run({ ...QUAD_SETS, holdS: 8, relaxS: 5, reps: 5 }, percentMvc, 40);
    const reps = ofType(events, 'rep-complete').map((e) => e.score);
    expect(reps.map((r) => r.holdAchieved)).toEqual([true, true, true, true, true]);
    // Each hold starts during the sim's rise and ends inside its plateau.
    reps.forEach((r, k) => {
      const effort = truth.emg[0]!.efforts[k]!;
      expect(r.holdStartIndex).toBeGreaterThanOrEqual(effort.onsetSample);
      expect(r.holdEndIndex).toBeLessThanOrEqual(effort.holdEndSample);
      expect(r.mean).toBeGreaterThan(55);
      expect(r.mean).toBeLessThan(65);
    });
    expect(ofType(events, 'session-complete')).toHaveLength(1);
  });
});
