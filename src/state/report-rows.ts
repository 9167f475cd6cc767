// The printable report's rows (issue 7): one row per exercise of each session that holds a
// summary, one duration-only row for a session without one, oldest first so the page reads as a
// course of treatment. Pure: the report model feeds it stored sessions, the tests literal ones.
import type { ExerciseSummary } from '../exercise/summary';
import type { ExerciseId } from '../exercise/exercise-ids';
import type { TargetUnit } from '../exercise/program';
import type { LegSide, SessionRecord } from '../store/db/schema';
import type { HistoryEntry } from './history-list';

/** The exercised leg: relative to the injury as recorded, and as left/right when the patient's injured side is known. */
export interface ReportLeg {
  readonly relation: 'involved' | 'uninvolved';
  readonly side: LegSide | null;
}

interface RowBase {
  readonly sessionId: string;
  readonly startedAt: string;
  readonly simulated: boolean;
  readonly leg: ReportLeg | null;
}

export interface ExerciseRow extends RowBase {
  readonly kind: 'exercise';
  readonly libraryId: ExerciseId;
  /** The unit of the levels below: the exercise's target unit (%MVC or N). */
  readonly unit: TargetUnit;
  readonly setsDone: number;
  readonly repsAchieved: number;
  readonly repsTotal: number;
  /** Over every rep of the exercise; null when it has no reps. */
  readonly meanLevel: number | null;
  readonly peakLevel: number | null;
  readonly timeInBandPct: number | null;
  /** The session's pain and effort ratings, 0–10 (clinical.md). */
  readonly pain: number;
  readonly effort: number;
}

export interface RecordingRow extends RowBase {
  readonly kind: 'recording';
  /** The session's exercise when one was chosen; its results were not summarised. */
  readonly exerciseId: string | null;
  readonly durationS: number;
}

export type ReportRow = ExerciseRow | RecordingRow;

export interface ReportRowOptions {
  /** Demo and replayed sessions are left out unless asked for: demo data never mixes into a patient's record. */
  readonly includeSimulated: boolean;
  /** The patient's injured side, to name the exercised leg left or right. */
  readonly affectedSide: LegSide | null;
}

export function reportLeg(relation: SessionRecord['side'], affectedSide: LegSide | null): ReportLeg | null {
  if (relation === null) return null;
  if (affectedSide === null) return { relation, side: null };
  const other: LegSide = affectedSide === 'left' ? 'right' : 'left';
  return { relation, side: relation === 'involved' ? affectedSide : other };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function exerciseLevels(exercise: ExerciseSummary): Pick<ExerciseRow, 'meanLevel' | 'peakLevel' | 'timeInBandPct'> {
  const reps = exercise.sets.flatMap((s) => s.reps);
  return {
    meanLevel: mean(reps.map((r) => r.mean)),
    peakLevel: reps.length === 0 ? null : Math.max(...reps.map((r) => r.peak)),
    timeInBandPct: mean(reps.map((r) => r.timeInBandPct)),
  };
}

function rowsOf(entry: HistoryEntry, affectedSide: LegSide | null): ReportRow[] {
  const { session, durationS } = entry;
  const base: RowBase = { sessionId: session.id, startedAt: session.startedAt, simulated: session.simulated, leg: reportLeg(session.side, affectedSide) };
  const summary = session.summary;
  if (!summary || summary.exercises.length === 0) return [{ ...base, kind: 'recording', exerciseId: session.exerciseId, durationS }];
  return summary.exercises.map((exercise) => ({
    ...base,
    kind: 'exercise',
    libraryId: exercise.libraryId,
    unit: exercise.target.unit,
    setsDone: exercise.sets.length,
    repsAchieved: exercise.repsAchieved,
    repsTotal: exercise.repsTotal,
    ...exerciseLevels(exercise),
    pain: summary.pain,
    effort: summary.effort,
  }));
}

/** ISO-8601 start times of one zone sort as text (as history-list.ts sorts them). */
function oldestFirst(a: HistoryEntry, b: HistoryEntry): number {
  return a.session.startedAt < b.session.startedAt ? -1 : a.session.startedAt > b.session.startedAt ? 1 : 0;
}

export function reportRows(entries: readonly HistoryEntry[], options: ReportRowOptions): ReportRow[] {
  return entries
    .filter((e) => options.includeSimulated || !e.session.simulated)
    .sort(oldestFirst)
    .flatMap((e) => rowsOf(e, options.affectedSide));
}

/** The first and last session start the rows cover (rows as reportRows orders them); null when there are none. */
export function reportPeriod(rows: readonly ReportRow[]): { firstStartedAt: string; lastStartedAt: string } | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  return first && last ? { firstStartedAt: first.startedAt, lastStartedAt: last.startedAt } : null;
}

/** How many sessions the rows come from (a session with two exercises gives two rows). */
export function reportSessionCount(rows: readonly ReportRow[]): number {
  return new Set(rows.map((r) => r.sessionId)).size;
}
