// Limb symmetry across sessions: LSI = involved / uninvolved × 100 (clinical.md, Limb symmetry),
// from the force peaks of sessions tagged with a side, and from two-leg sessions.
//
// Force only (N, as the force gauge stores it): LSI compares strength (clinical.md, Limb
// symmetry). %MVC cannot stand in for it: each leg is scaled to its own leg's maximum, so two
// maximal efforts read ~100 % whatever the strength deficit. Raw µV is never compared across legs
// either (electrode placement differs; clinical.md, Normalisation: per muscle and side).
//
// Pairing rule for tagged sessions: per patient and local calendar day, the best peak of that
// day's involved sessions over the best peak of its uninvolved sessions. Same-day pairs compare
// legs under the same conditions (gauge set-up, warm-up, fatigue); the best of each side stands
// for what the leg could do that day, so a light warm-up set does not lower it. Sessions of
// different patients are never paired (History's trends hold every patient on the device).
import { deviceUtcOffsetMin, localDayNumber, type UtcOffsetMin } from '../exercise/schedule';
import { limbSymmetryIndex } from '../signal/ratios';
import type { LegSide } from '../store/db/schema';
import type { SessionSide } from '../store/db/session-side';

/** A leg's highest force in a two-leg session, for one force channel (muscle 'other' for a gauge). */
export interface LegPeak {
  muscle: string;
  side: LegSide;
  peakN: number;
}

export interface SymmetryInput {
  readonly startedAt: string;
  readonly patientId: string | null;
  readonly side: SessionSide | null;
  readonly forcePeakN: number | null;
  readonly legPeaks: readonly LegPeak[];
}

export interface LsiPoint {
  /** Unix seconds: the latest session start the point is made from. */
  readonly atS: number;
  readonly lsiPct: number;
  /** Both sides' peaks, shown with the index (clinical.md: many uninjured athletes miss 90 %). */
  readonly involvedN: number;
  readonly uninvolvedN: number;
  readonly source: 'same-day' | 'two-leg';
}

/** The threshold commonly used for return to sport (clinical.md, Limb symmetry: LSI ≥ 90 %). */
export const LSI_REFERENCE_PCT = 90;


function best(values: readonly (number | null)[]): number | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return finite.length === 0 ? null : Math.max(...finite);
}

/** One LSI point per patient and day that has both an involved and an uninvolved force peak. */
export function sameDayLsi(sessions: readonly SymmetryInput[], offsetMin: UtcOffsetMin = deviceUtcOffsetMin): LsiPoint[] {
  const days = new Map<string, SymmetryInput[]>();
  for (const s of sessions) {
    if (s.side === null) continue;
    // JSON of the pair: no patient id can collide with another patient's day.
    const key = JSON.stringify([s.patientId, localDayNumber(Date.parse(s.startedAt), offsetMin)]);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  const points: LsiPoint[] = [];
  for (const day of days.values()) {
    const involvedN = best(day.filter((s) => s.side === 'involved').map((s) => s.forcePeakN));
    const uninvolvedN = best(day.filter((s) => s.side === 'uninvolved').map((s) => s.forcePeakN));
    const lsiPct = involvedN === null || uninvolvedN === null ? null : limbSymmetryIndex(involvedN, uninvolvedN);
    if (lsiPct === null) continue;
    const atS = Math.max(...day.map((s) => Date.parse(s.startedAt) / 1000));
    points.push({ atS, lsiPct, involvedN: involvedN!, uninvolvedN: uninvolvedN!, source: 'same-day' });
  }
  return points;
}

/** One LSI point per two-leg session: the first force channel with a peak on both legs. */
export function twoLegLsi(session: SymmetryInput, affectedSide: LegSide | null): LsiPoint | null {
  if (affectedSide === null) return null;
  for (const leg of session.legPeaks) {
    if (leg.side !== affectedSide) continue;
    const other = session.legPeaks.find((l) => l.muscle === leg.muscle && l.side !== affectedSide);
    const lsiPct = other ? limbSymmetryIndex(leg.peakN, other.peakN) : null;
    if (other && lsiPct !== null) {
      return { atS: Date.parse(session.startedAt) / 1000, lsiPct, involvedN: leg.peakN, uninvolvedN: other.peakN, source: 'two-leg' };
    }
  }
  return null;
}

/** Every LSI point of the sessions, oldest first. */
export function symmetryPoints<T extends SymmetryInput>(sessions: readonly T[], affectedSide: (session: T) => LegSide | null, offsetMin: UtcOffsetMin = deviceUtcOffsetMin): LsiPoint[] {
  const twoLeg = sessions.flatMap((s) => twoLegLsi(s, affectedSide(s)) ?? []);
  return [...sameDayLsi(sessions, offsetMin), ...twoLeg].sort((a, b) => a.atS - b.atS);
}
