import { describe, expect, it } from 'vitest';
import type { UtcOffsetMin } from '../exercise/schedule';
import { sameDayLsi, symmetryPoints, twoLegLsi, type SymmetryInput } from './trend-symmetry';

const utc: UtcOffsetMin = () => 0;
const at = (iso: string, side: SymmetryInput['side'], forcePeakN: number | null, patientId: string | null = 'p'): SymmetryInput => ({
  startedAt: iso,
  patientId,
  side,
  forcePeakN,
  legPeaks: [],
});

describe('limb symmetry', () => {
  it('pairs the best involved and best uninvolved force of each day; no force, no point', () => {
    const points = sameDayLsi(
      [
        at('2026-11-02T09:00:00Z', 'involved', 300),
        at('2026-11-02T09:30:00Z', 'involved', 360),
        at('2026-11-02T10:00:00Z', 'uninvolved', 400),
        at('2026-11-03T09:00:00Z', 'involved', null), // EMG only: its %MVC says nothing of strength
        at('2026-11-03T10:00:00Z', 'uninvolved', 500),
        at('2026-11-04T10:00:00Z', 'uninvolved', 500), // no involved session that day
        at('2026-11-05T10:00:00Z', null, 500), // no side: never paired
      ],
      utc,
    );
    expect(points).toEqual([{ atS: Date.parse('2026-11-02T10:00:00Z') / 1000, lsiPct: 90, involvedN: 360, uninvolvedN: 400, source: 'same-day' }]);
  });

  it('never pairs one patient’s leg with another patient’s', () => {
    const points = sameDayLsi(
      [at('2026-11-02T09:00:00Z', 'involved', 300, 'a'), at('2026-11-02T10:00:00Z', 'uninvolved', 400, 'b'), at('2026-11-02T11:00:00Z', 'uninvolved', 600, 'a')],
      utc,
    );
    expect(points).toEqual([{ atS: Date.parse('2026-11-02T11:00:00Z') / 1000, lsiPct: 50, involvedN: 300, uninvolvedN: 600, source: 'same-day' }]);
  });

  it('takes the day in the given time zone, not the machine’s', () => {
    // 23:30 and 00:30 UTC: one day in Honolulu (UTC−10), two days in UTC.
    const sessions = [at('2026-11-02T23:30:00Z', 'involved', 300), at('2026-11-03T00:30:00Z', 'uninvolved', 400)];
    expect(sameDayLsi(sessions, utc)).toEqual([]);
    expect(sameDayLsi(sessions, () => -600)).toMatchObject([{ lsiPct: 75 }]);
  });

  it('compares the legs’ force within a two-leg session once the injured leg is known', () => {
    const session: SymmetryInput = {
      ...at('2026-11-06T09:00:00Z', null, 420),
      legPeaks: [
        { muscle: 'other', side: 'right', peakN: 400 },
        { muscle: 'other', side: 'left', peakN: 340 },
      ],
    };
    expect(twoLegLsi(session, 'left')).toMatchObject({ lsiPct: 85, involvedN: 340, uninvolvedN: 400, source: 'two-leg' });
    expect(twoLegLsi(session, 'right')).toMatchObject({ lsiPct: expect.closeTo(117.65, 2), involvedN: 400, uninvolvedN: 340 });
    expect(twoLegLsi(session, null)).toBeNull();
    const points = symmetryPoints([session, at('2026-11-01T09:00:00Z', 'involved', 200), at('2026-11-01T11:00:00Z', 'uninvolved', 250)], () => 'left', utc);
    expect(points.map((p) => [p.source, p.lsiPct])).toEqual([
      ['same-day', 80],
      ['two-leg', 85],
    ]);
  });
});
