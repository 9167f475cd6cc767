import { describe, expect, it } from 'vitest';
import { sameDayLsi, symmetryPoints, twoLegLsi, type SymmetryInput } from './trend-symmetry';

const at = (iso: string, side: SymmetryInput['side'], forcePeakN: number | null, peakPctMvc: number | null): SymmetryInput => ({ startedAt: iso, side, forcePeakN, peakPctMvc, legPeaks: [] });

describe('limb symmetry', () => {
  it('pairs the best involved and best uninvolved session of each day, force before %MVC', () => {
    const points = sameDayLsi([
      at('2026-11-02T09:00:00Z', 'involved', 300, 50),
      at('2026-11-02T09:30:00Z', 'involved', 360, 40),
      at('2026-11-02T10:00:00Z', 'uninvolved', 400, 80),
      at('2026-11-03T09:00:00Z', 'involved', null, 45),
      at('2026-11-03T10:00:00Z', 'uninvolved', 500, 60),
      at('2026-11-04T10:00:00Z', 'uninvolved', 500, 60), // no involved session that day
      at('2026-11-05T10:00:00Z', null, 500, 60), // no side: never paired
    ]);
    expect(points).toEqual([
      { atS: Date.parse('2026-11-02T10:00:00Z') / 1000, lsiPct: 90, involved: 360, uninvolved: 400, unit: 'N', source: 'same-day' },
      { atS: Date.parse('2026-11-03T10:00:00Z') / 1000, lsiPct: 75, involved: 45, uninvolved: 60, unit: '%MVC', source: 'same-day' },
    ]);
  });

  it('compares the legs within a two-leg session once the injured leg is known', () => {
    const session: SymmetryInput = {
      ...at('2026-11-06T09:00:00Z', null, 420, null),
      legPeaks: [
        { muscle: 'vl', side: 'left', unit: '%MVC', peak: 70 },
        { muscle: 'other', side: 'right', unit: 'N', peak: 400 },
        { muscle: 'other', side: 'left', unit: 'N', peak: 340 },
      ],
    };
    expect(twoLegLsi(session, 'left')).toMatchObject({ lsiPct: 85, involved: 340, uninvolved: 400, unit: 'N', source: 'two-leg' });
    expect(twoLegLsi(session, 'right')).toMatchObject({ lsiPct: expect.closeTo(117.65, 2), involved: 400, uninvolved: 340 });
    expect(twoLegLsi(session, null)).toBeNull();
    const points = symmetryPoints([session, at('2026-11-01T09:00:00Z', 'involved', 200, null), at('2026-11-01T11:00:00Z', 'uninvolved', 250, null)], () => 'left');
    expect(points.map((p) => [p.source, p.lsiPct])).toEqual([
      ['same-day', 80],
      ['two-leg', 85],
    ]);
  });
});
