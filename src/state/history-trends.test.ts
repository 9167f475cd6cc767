import { describe, expect, it } from 'vitest';
import type { RecordedSamples } from '../store/db/read-session';
import type { StreamRecord } from '../store/db/schema';
import { levelStats, sessionTrend, trendTable } from './history-trends';
import { events, samples, session } from './history-test-sessions';
import { emgStream, fadingHold, forceRamp, forceStream, leg, rep, summaryOf, trendSession } from './trend-test-sessions';

function recorded(stream: StreamRecord, raw: Float32Array[], level: Float32Array[]): RecordedSamples {
  return { stream, firstIndex: 0, raw, level, chunks: 1 };
}

describe('trends across sessions', () => {
  it('takes peak and mean over received level samples only', () => {
    expect(levelStats(Float32Array.from([1, NaN, 3, 2]))).toEqual({ peak: 3, mean: 2 });
    expect(levelStats(Float32Array.from([NaN]))).toEqual({ peak: null, mean: null });
  });

  it('reads a guided exercise from its summary, and the recording for fatigue', () => {
    const { raw, level } = fadingHold(120, -1.5, 8, 2);
    const stream = emgStream('q', ['VMO', 'VL']);
    const record = trendSession('a', '2026-11-02T09:00:00Z', {
      side: 'involved',
      streams: [stream],
      summary: summaryOf([rep(1, 42, 80, 1.1), rep(2, 55, 40, null), rep(3, 48, 90, 0.9)], 3, 6),
    });
    expect(sessionTrend(record, [recorded(stream, [raw, raw], [level, level])], [])).toEqual({
      sessionId: 'a',
      startedAt: '2026-11-02T09:00:00Z',
      patientId: null,
      simulated: false,
      side: 'involved',
      peakPctMvc: 55,
      repsAchieved: 2,
      timeInBandPct: 70,
      vmoToVl: expect.closeTo(1, 9),
      // Sample SD of 1.1 and 0.9 (the rep without VMO:VL is left out): √((0.01 + 0.01) / 1).
      vmoToVlSd: expect.closeTo(Math.sqrt(0.02), 9),
      fatigueSlopeHzPerS: expect.closeTo(-1.5, 1),
      forcePeakN: null,
      rfd200NPerS: null,
      painScore: 3,
      effortScore: 6,
      legPeaks: [],
    });
  });

  it('without a summary: %MVC from a calibration, reps and ratings from events, force from the gauge', () => {
    const emg = emgStream('q', ['VMO']);
    const force = forceStream('t', 100);
    const record = trendSession('b', '2026-11-02T10:00:00Z', { streams: [emg, force], legs: [leg('q', 0, 'vmo', 'right')] });
    const envelope = Float32Array.from([5, 20, 60, 30]);
    const trend = sessionTrend(record, [recorded(emg, [new Float32Array(4)], [envelope]), recorded(force, [new Float32Array(0)], [forceRamp(100, 1200, 480)])], events, (muscle, side) =>
      muscle === 'vmo' && side === 'right' ? 150 : null,
    );
    expect(trend).toMatchObject({ peakPctMvc: 40, repsAchieved: 1, painScore: 2, effortScore: null, forcePeakN: 480, rfd200NPerS: expect.closeTo(1200, 6), fatigueSlopeHzPerS: null });
    expect(sessionTrend(record, [recorded(emg, [new Float32Array(4)], [envelope])], []).peakPctMvc).toBeNull(); // no calibration
  });

  it('keeps each leg’s force peak in a two-leg session, never %MVC', () => {
    const left = forceStream('tl', 80);
    const right = forceStream('tr', 80);
    const emg = emgStream('q', ['VMO', 'VMO']);
    const legs = [leg('tl', 0, 'other', 'left'), leg('tr', 0, 'other', 'right'), leg('q', 0, 'vmo', 'left'), leg('q', 1, 'vmo', 'right')];
    const record = trendSession('c', '2026-11-03T09:00:00Z', { streams: [left, right, emg], legs });
    // Each VMO reaches its own leg's maximum: %MVC would read 100 % symmetry whatever the force.
    const vmo = Float32Array.from([10, 100, 20]);
    const streams = [
      recorded(left, [new Float32Array(0)], [forceRamp(80, 800, 300)]),
      recorded(right, [new Float32Array(0)], [forceRamp(80, 800, 400)]),
      recorded(emg, [new Float32Array(3), new Float32Array(3)], [vmo, vmo]),
    ];
    const trend = sessionTrend(record, streams, [], () => 100);
    expect(trend.legPeaks).toEqual([
      { muscle: 'other', side: 'left', peakN: 300 },
      { muscle: 'other', side: 'right', peakN: 400 },
    ]);
    expect(trendTable([trend], false, () => 'left').symmetry).toMatchObject([{ lsiPct: 75, source: 'two-leg' }]);
    const emgOnly = sessionTrend({ ...record, id: 'd', streams: [emg] }, [streams[2]!], [], () => 100);
    expect(emgOnly.legPeaks).toEqual([]);
    expect(trendTable([emgOnly], false, () => 'left').symmetry).toEqual([]);
  });

  it('leaves simulated sessions out unless asked, oldest first, one column per figure', () => {
    const older = sessionTrend(session('old', '2026-01-01T09:00:00.000Z', false), [samples(1)], events);
    const demo = sessionTrend(session('demo', '2026-01-02T09:00:00.000Z', true), [samples(5)], []);
    const newer = sessionTrend(session('new', '2026-01-03T09:00:00.000Z', false), [samples(2)], []);
    const real = trendTable([newer, demo, older], false);
    expect(real.xs).toEqual([Date.parse('2026-01-01T09:00:00.000Z') / 1000, Date.parse('2026-01-03T09:00:00.000Z') / 1000]);
    expect(real.columns.repsAchieved).toEqual([1, null]);
    expect(real.columns.painScore).toEqual([2, null]);
    expect(trendTable([newer, demo, older], true).xs).toHaveLength(3);
    expect(real.symmetry).toEqual([]);
  });
});
