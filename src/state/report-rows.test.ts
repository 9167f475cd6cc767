import { describe, expect, it } from 'vitest';
import type { ExerciseSummary, RepSummary, SessionSummary } from '../exercise/summary';
import type { SessionRecord } from '../store/db/schema';
import type { HistoryEntry } from './history-list';
import { reportLeg, reportPeriod, reportRows, reportSessionCount } from './report-rows';

function rep(set: number, repNo: number, mean: number, peak: number, timeInBandPct: number, holdAchieved: boolean): RepSummary {
  return { set, rep: repNo, unit: '%MVC', holdAchieved, heldS: 5, timeInBandPct, peak, mean, contractionStartIndex: 0, holdStartIndex: 100, holdEndIndex: 600, vmoToVl: null, vmoMinusVlOnsetMs: null };
}

function quadSet(reps: RepSummary[][]): ExerciseSummary {
  return {
    libraryId: 'quad-set',
    target: { unit: '%MVC', low: 20, high: 40 },
    sets: reps.map((r, i) => ({ set: i + 1, reps: r, repsAchieved: r.filter((x) => x.holdAchieved).length, timeInBandPct: 0, peak: 0, mean: 0, meanTrendPerRep: null, peakTrendPerRep: null })),
    repsAchieved: reps.flat().filter((x) => x.holdAchieved).length,
    repsTotal: reps.flat().length,
    meanTrendPerRep: null,
    peakTrendPerRep: null,
    vmoToVlMean: null,
    vmoMinusVlOnsetMeanMs: null,
  };
}

function entry(id: string, startedAt: string, options: { simulated?: boolean; side?: SessionRecord['side']; summary?: SessionSummary; durationS?: number } = {}): HistoryEntry {
  const session: SessionRecord = {
    id,
    patientId: 'p1',
    side: options.side ?? null,
    simulated: options.simulated ?? false,
    exerciseId: options.summary ? 'quad-set' : null,
    startedAt,
    status: 'complete',
    stoppedBy: 'user',
    streams: [],
    ...(options.summary ? { summary: options.summary } : {}),
  };
  return { session, durationS: options.durationS ?? 60 };
}

const summary: SessionSummary = {
  exercises: [
    quadSet([
      [rep(1, 1, 30, 42, 90, true), rep(1, 2, 26, 38, 70, false)],
      [rep(2, 1, 28, 45, 80, true), rep(2, 2, 24, 36, 60, true)],
    ]),
  ],
  pain: 2,
  effort: 6,
  wentWell: { id: 'started' },
};

describe('report rows', () => {
  const entries = [
    entry('late', '2026-11-20T09:00:00.000Z', { side: 'involved', summary }),
    entry('demo', '2026-11-19T09:00:00.000Z', { simulated: true, durationS: 30 }),
    entry('early', '2026-11-18T09:00:00.000Z', { side: 'uninvolved', durationS: 95 }),
  ];

  it('lists sessions oldest first, one row per summarised exercise with its sets, holds and levels', () => {
    const rows = reportRows(entries, { includeSimulated: false, affectedSide: 'left' });
    expect(rows.map((r) => r.sessionId)).toEqual(['early', 'late']);
    expect(rows[1]).toEqual({
      sessionId: 'late',
      startedAt: '2026-11-20T09:00:00.000Z',
      simulated: false,
      leg: { relation: 'involved', side: 'left' },
      kind: 'exercise',
      libraryId: 'quad-set',
      unit: '%MVC',
      setsDone: 2,
      repsAchieved: 3,
      repsTotal: 4,
      meanLevel: 27,
      peakLevel: 45,
      timeInBandPct: 75,
      pain: 2,
      effort: 6,
    });
  });

  it('gives a session without a summary its duration only', () => {
    const [early] = reportRows(entries, { includeSimulated: false, affectedSide: 'left' });
    expect(early).toEqual({ sessionId: 'early', startedAt: '2026-11-18T09:00:00.000Z', simulated: false, leg: { relation: 'uninvolved', side: 'right' }, kind: 'recording', exerciseId: null, durationS: 95 });
  });

  it('leaves demo sessions out unless they are asked for', () => {
    const rows = reportRows(entries, { includeSimulated: true, affectedSide: null });
    expect(rows.map((r) => [r.sessionId, r.simulated])).toEqual([
      ['early', false],
      ['demo', true],
      ['late', false],
    ]);
  });

  it('has no levels for an exercise without reps', () => {
    const empty: SessionSummary = { ...summary, exercises: [quadSet([])] };
    const [row] = reportRows([entry('e', '2026-11-21T09:00:00.000Z', { summary: empty })], { includeSimulated: false, affectedSide: null });
    expect(row).toMatchObject({ kind: 'exercise', setsDone: 0, repsTotal: 0, meanLevel: null, peakLevel: null, timeInBandPct: null });
  });

  it('names the leg left or right only when the injured side is known', () => {
    expect(reportLeg('involved', 'right')).toEqual({ relation: 'involved', side: 'right' });
    expect(reportLeg('uninvolved', 'right')).toEqual({ relation: 'uninvolved', side: 'left' });
    expect(reportLeg('involved', null)).toEqual({ relation: 'involved', side: null });
    expect(reportLeg(null, 'left')).toBeNull();
  });

  it('covers the period from the first to the last session and counts sessions, not rows', () => {
    const twoExercises: SessionSummary = { ...summary, exercises: [quadSet([[rep(1, 1, 30, 40, 100, true)]]), quadSet([[rep(1, 1, 20, 30, 50, false)]])] };
    const rows = reportRows([...entries, entry('two', '2026-11-22T09:00:00.000Z', { summary: twoExercises })], { includeSimulated: false, affectedSide: null });
    expect(rows).toHaveLength(4);
    expect(reportSessionCount(rows)).toBe(3);
    expect(reportPeriod(rows)).toEqual({ firstStartedAt: '2026-11-18T09:00:00.000Z', lastStartedAt: '2026-11-22T09:00:00.000Z' });
    expect(reportPeriod([])).toBeNull();
  });
});
