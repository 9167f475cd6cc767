// Limb symmetry across sessions: LSI = involved / uninvolved × 100 (clinical.md, Limb symmetry),
// from the peaks of sessions tagged with a side, and from two-leg sessions.
//
// Pairing rule for tagged sessions: per calendar day (the device's time zone), the best peak of
// that day's involved sessions over the best peak of its uninvolved sessions. Same-day pairs
// compare legs under the same conditions (electrodes, warm-up, fatigue); the best of each side
// stands for what the leg could do that day, so a light warm-up set does not lower it. Peak
// force (N) is used when both sides have it that day, else peak %MVC; raw µV is never compared
// across legs (electrode placement differs; clinical.md, Normalisation: per muscle and side).
import { limbSymmetryIndex } from '../signal/ratios';
import type { LegSide } from '../store/db/schema';
import type { SessionSide } from '../store/db/session-side';

export type SymmetryUnit = 'N' | '%MVC';

/** A leg's highest value in a two-leg session, for one muscle (force channels: muscle 'other'). */
export interface LegPeak {
  muscle: string;
  side: LegSide;
  unit: SymmetryUnit;
  peak: number;
}

export interface SymmetryInput {
  readonly startedAt: string;
  readonly side: SessionSide | null;
  readonly forcePeakN: number | null;
  readonly peakPctMvc: number | null;
  readonly legPeaks: readonly LegPeak[];
}

export interface LsiPoint {
  /** Unix seconds: the latest session start the point is made from. */
  readonly atS: number;
  readonly lsiPct: number;
  /** Both sides' numbers, shown with the index (clinical.md: many uninjured athletes miss 90 %). */
  readonly involved: number;
  readonly uninvolved: number;
  readonly unit: SymmetryUnit;
  readonly source: 'same-day' | 'two-leg';
}

/** The threshold commonly used for return to sport (clinical.md, Limb symmetry: LSI ≥ 90 %). */
export const LSI_REFERENCE_PCT = 90;

function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

function best(values: readonly (number | null)[]): number | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return finite.length === 0 ? null : Math.max(...finite);
}

/** One LSI point per day that has both an involved and an uninvolved session (see the rule above). */
export function sameDayLsi(sessions: readonly SymmetryInput[]): LsiPoint[] {
  const days = new Map<string, SymmetryInput[]>();
  for (const s of sessions) {
    if (s.side === null) continue;
    const key = localDay(s.startedAt);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  const points: LsiPoint[] = [];
  for (const day of days.values()) {
    const involved = day.filter((s) => s.side === 'involved');
    const uninvolved = day.filter((s) => s.side === 'uninvolved');
    const atS = Math.max(...day.map((s) => Date.parse(s.startedAt) / 1000));
    for (const [unit, pick] of [
      ['N', (s: SymmetryInput) => s.forcePeakN],
      ['%MVC', (s: SymmetryInput) => s.peakPctMvc],
    ] as const) {
      const a = best(involved.map(pick));
      const b = best(uninvolved.map(pick));
      const lsiPct = a === null || b === null ? null : limbSymmetryIndex(a, b);
      if (lsiPct === null) continue;
      points.push({ atS, lsiPct, involved: a!, uninvolved: b!, unit, source: 'same-day' });
      break;
    }
  }
  return points;
}

/** One LSI point per two-leg session: the first muscle with a peak on both legs, in the same unit. */
export function twoLegLsi(session: SymmetryInput, affectedSide: LegSide | null): LsiPoint | null {
  if (affectedSide === null) return null;
  for (const leg of session.legPeaks) {
    if (leg.side !== affectedSide) continue;
    const other = session.legPeaks.find((l) => l.muscle === leg.muscle && l.unit === leg.unit && l.side !== affectedSide);
    const lsiPct = other ? limbSymmetryIndex(leg.peak, other.peak) : null;
    if (other && lsiPct !== null) {
      return { atS: Date.parse(session.startedAt) / 1000, lsiPct, involved: leg.peak, uninvolved: other.peak, unit: leg.unit, source: 'two-leg' };
    }
  }
  return null;
}

/** Every LSI point of the sessions, oldest first. */
export function symmetryPoints<T extends SymmetryInput>(sessions: readonly T[], affectedSide: (session: T) => LegSide | null): LsiPoint[] {
  const twoLeg = sessions.flatMap((s) => twoLegLsi(s, affectedSide(s)) ?? []);
  return [...sameDayLsi(sessions), ...twoLeg].sort((a, b) => a.atS - b.atS);
}
