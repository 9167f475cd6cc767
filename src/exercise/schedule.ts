// What a program's schedule asks of today and of this week, from the sessions already done (issue
// 7: "patient mode … what is due today, progress"; "History: … sessions (done vs scheduled)").
// Pure: "now" and the local time zone come in as arguments, so the rule is tested at any date.
//
// The rule, kept simple so a patient can predict it:
// - A week runs Monday to Sunday in the patient's local time.
// - A session done is one guided run of every exercise in the program (a program of a quad set
//   and a straight-leg raise needs both for one session), recorded from a person (not simulated)
//   and finished ('complete', which includes sessions recovered after a crash).
// - A training day is a day with at least one session done; the week's target is daysPerWeek of them.
// - Today is due while this week's target is not met, or once today's first session is done until
//   sessionsPerDay are done. When the target is met and today has no session, today is a rest day.
// - Still-needed training days are placed on the days right after today, up to Sunday: that is the
//   "scheduled" list History shows. Days that no longer fit in the week are not carried over.

import type { Program } from './program.ts';

/** The fields of a stored session the schedule needs (store/db SessionRecord has them all). */
export interface ScheduleSession {
  /** ISO-8601 instant the session started. */
  startedAt: string;
  exerciseId: string | null;
  simulated: boolean;
  status: 'recording' | 'complete' | 'interrupted';
}

/**
 * Minutes to add to UTC for local time at a given instant (+60 in Berlin in winter). A function,
 * not a number, so a week that crosses a daylight-saving change still puts each session on its
 * own local date. The app passes deviceUtcOffsetMin; tests pass a fixed zone.
 */
export type UtcOffsetMin = (utcMs: number) => number;

/** This device's time zone at an instant, as the runtime reports it (daylight-saving aware). */
export const deviceUtcOffsetMin: UtcOffsetMin = (utcMs) => -new Date(utcMs).getTimezoneOffset();

const DAYS_PER_WEEK = 7;
const MS_PER_DAY = 86_400_000;

/** A local calendar date as days since 1970-01-01 (local), so date arithmetic is integer arithmetic. */
export function localDayNumber(utcMs: number, offsetMin: UtcOffsetMin): number {
  return Math.floor((utcMs + offsetMin(utcMs) * 60_000) / MS_PER_DAY);
}

/** 0 = Monday … 6 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % DAYS_PER_WEEK) + DAYS_PER_WEEK) % DAYS_PER_WEEK;
}

/** The local date of a day number as YYYY-MM-DD (for display and keys). */
export function dayNumberToIsoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface ScheduledDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  isToday: boolean;
  /** Sessions still to do that day. */
  sessions: number;
}

export type TodayStatus = 'due' | 'done-today' | 'rest';

export interface SchedulePlan {
  status: TodayStatus;
  sessionsPerDay: number;
  sessionsDoneToday: number;
  /** Sessions still to do today (0 on a rest day or when today's are done). */
  sessionsDueToday: number;
  /** Training days this week, Monday up to and including today (may exceed the target). */
  weekDaysDone: number;
  weekDaysTarget: number;
  /** Days left in this week, today included (7 on a Monday, 1 on a Sunday). */
  weekDaysLeft: number;
  /** Today's remaining sessions (when due) and the days after it that the target still needs. */
  scheduled: ScheduledDay[];
}

/** A session counts when a person finished it (crash-recovered sessions are 'complete' too). */
function counts(session: ScheduleSession): boolean {
  return !session.simulated && session.status === 'complete' && session.exerciseId !== null;
}

/** Sessions done per local day: for each program exercise, runs that day ÷ times it is in the program; the least. */
function sessionsPerDayDone(program: Program, sessions: readonly ScheduleSession[], offsetMin: UtcOffsetMin, lastDay: number): Map<number, number> {
  const needed = new Map<string, number>();
  for (const exercise of program.exercises) needed.set(exercise.libraryId, (needed.get(exercise.libraryId) ?? 0) + 1);
  const runs = new Map<number, Map<string, number>>();
  for (const session of sessions) {
    if (!counts(session) || !needed.has(session.exerciseId!)) continue;
    const utcMs = Date.parse(session.startedAt);
    if (!Number.isFinite(utcMs)) continue;
    const day = localDayNumber(utcMs, offsetMin);
    // A session dated after today comes from a wrong clock; it cannot count for a day not yet lived.
    if (day > lastDay) continue;
    const byExercise = runs.get(day) ?? new Map<string, number>();
    byExercise.set(session.exerciseId!, (byExercise.get(session.exerciseId!) ?? 0) + 1);
    runs.set(day, byExercise);
  }
  const done = new Map<number, number>();
  for (const [day, byExercise] of runs) {
    let complete = Infinity;
    for (const [id, times] of needed) complete = Math.min(complete, Math.floor((byExercise.get(id) ?? 0) / times));
    if (complete > 0) done.set(day, complete);
  }
  return done;
}

/** Today's plan and this week's progress; null when there is no program (or it has no exercises). */
export function planSchedule(program: Program | null, sessions: readonly ScheduleSession[], now: Date, offsetMin: UtcOffsetMin): SchedulePlan | null {
  if (!program || program.exercises.length === 0) return null;
  const { daysPerWeek, sessionsPerDay } = program.schedule;
  const today = localDayNumber(now.getTime(), offsetMin);
  const monday = today - weekdayIndex(today);
  const done = sessionsPerDayDone(program, sessions, offsetMin, today);

  let weekDaysDone = 0;
  for (let day = monday; day <= today; day++) if ((done.get(day) ?? 0) > 0) weekDaysDone++;
  const sessionsDoneToday = done.get(today) ?? 0;
  const weekDaysLeft = DAYS_PER_WEEK - weekdayIndex(today);

  let status: TodayStatus;
  let sessionsDueToday: number;
  if (sessionsDoneToday > 0) {
    sessionsDueToday = Math.max(0, sessionsPerDay - sessionsDoneToday);
    status = sessionsDueToday > 0 ? 'due' : 'done-today';
  } else if (weekDaysDone < daysPerWeek) {
    sessionsDueToday = sessionsPerDay;
    status = 'due';
  } else {
    sessionsDueToday = 0;
    status = 'rest';
  }

  const scheduled: ScheduledDay[] = [];
  if (sessionsDueToday > 0) scheduled.push({ date: dayNumberToIsoDate(today), isToday: true, sessions: sessionsDueToday });
  // Today, if not started yet, is already one of the days still needed.
  const daysAfterToday = Math.max(0, daysPerWeek - weekDaysDone - (sessionsDoneToday === 0 && status === 'due' ? 1 : 0));
  for (let i = 1; i <= Math.min(daysAfterToday, weekDaysLeft - 1); i++) {
    scheduled.push({ date: dayNumberToIsoDate(today + i), isToday: false, sessions: sessionsPerDay });
  }

  return { status, sessionsPerDay, sessionsDoneToday, sessionsDueToday, weekDaysDone, weekDaysTarget: daysPerWeek, weekDaysLeft, scheduled };
}
