import { describe, expect, it } from 'vitest';
import { libraryEntry } from './library';
import type { Program } from './program';
import { dayNumberToIsoDate, localDayNumber, planSchedule, weekdayIndex, type ScheduleSession } from './schedule';

const utc = () => 0;
const berlinWinter = () => 60;
const newYork = () => -300;

function program(daysPerWeek: number, sessionsPerDay: number, ids: ('quad-set' | 'straight-leg-raise')[] = ['quad-set']): Program {
  return { exercises: ids.map((id) => libraryEntry(id).defaults), schedule: { daysPerWeek, sessionsPerDay } };
}

function done(startedAt: string, changes: Partial<ScheduleSession> = {}): ScheduleSession {
  return { startedAt, exerciseId: 'quad-set', simulated: false, status: 'complete', ...changes };
}

// 2026-11-23 is a Monday, 2026-11-29 the Sunday of that week.
const wednesdayNoon = new Date('2026-11-25T12:00:00Z');

describe('local dates', () => {
  it('numbers days from 1970-01-01 and starts weeks on Monday', () => {
    expect(localDayNumber(0, utc)).toBe(0);
    expect(weekdayIndex(0)).toBe(3); // a Thursday
    expect(weekdayIndex(localDayNumber(Date.parse('2026-11-23T08:00:00Z'), utc))).toBe(0);
    expect(weekdayIndex(localDayNumber(Date.parse('2026-11-29T08:00:00Z'), utc))).toBe(6);
    expect(dayNumberToIsoDate(localDayNumber(Date.parse('2026-11-25T23:59:59Z'), utc))).toBe('2026-11-25');
  });

  it('puts an instant on the local date given by the offset', () => {
    const lateSundayUtc = Date.parse('2026-11-29T23:30:00Z');
    expect(dayNumberToIsoDate(localDayNumber(lateSundayUtc, utc))).toBe('2026-11-29');
    // Already Monday in Berlin, still Sunday evening in New York.
    expect(dayNumberToIsoDate(localDayNumber(lateSundayUtc, berlinWinter))).toBe('2026-11-30');
    expect(dayNumberToIsoDate(localDayNumber(Date.parse('2026-11-30T03:00:00Z'), newYork))).toBe('2026-11-29');
  });
});

describe('planSchedule', () => {
  it('has no plan without a program or without exercises', () => {
    expect(planSchedule(null, [done('2026-11-25T08:00:00Z')], wednesdayNoon, utc)).toBeNull();
    expect(planSchedule({ exercises: [], schedule: { daysPerWeek: 3, sessionsPerDay: 1 } }, [], wednesdayNoon, utc)).toBeNull();
  });

  it('makes a fresh week due today, with the remaining training days on the days after', () => {
    expect(planSchedule(program(3, 2), [], wednesdayNoon, utc)).toEqual({
      status: 'due',
      sessionsPerDay: 2,
      sessionsDoneToday: 0,
      sessionsDueToday: 2,
      weekDaysDone: 0,
      weekDaysTarget: 3,
      weekDaysLeft: 5,
      scheduled: [
        { date: '2026-11-25', isToday: true, sessions: 2 },
        { date: '2026-11-26', isToday: false, sessions: 2 },
        { date: '2026-11-27', isToday: false, sessions: 2 },
      ],
    });
  });

  it('counts down today and becomes "done" when every session of the day is done', () => {
    const one = planSchedule(program(5, 2), [done('2026-11-25T07:00:00Z')], wednesdayNoon, utc);
    expect(one).toMatchObject({ status: 'due', sessionsDoneToday: 1, sessionsDueToday: 1, weekDaysDone: 1 });
    expect(one?.scheduled[0]).toEqual({ date: '2026-11-25', isToday: true, sessions: 1 });
    const both = planSchedule(program(5, 2), [done('2026-11-25T07:00:00Z'), done('2026-11-25T11:00:00Z')], wednesdayNoon, utc);
    expect(both).toMatchObject({ status: 'done-today', sessionsDueToday: 0, weekDaysDone: 1 });
    // Four more days still needed, only four days left after Wednesday: Thursday to Sunday.
    expect(both?.scheduled.map((d) => d.date)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('lets a day with more sessions than asked count once, and never owes a negative number', () => {
    const sessions = ['07:00', '09:00', '11:00'].map((t) => done(`2026-11-25T${t}:00Z`));
    expect(planSchedule(program(2, 1), sessions, wednesdayNoon, utc)).toMatchObject({
      status: 'done-today',
      sessionsDoneToday: 3,
      sessionsDueToday: 0,
      weekDaysDone: 1,
      scheduled: [{ date: '2026-11-26', isToday: false, sessions: 1 }],
    });
  });

  it('makes today a rest day once the week target is met, and keeps the target met while training more', () => {
    const mondayAndTuesday = [done('2026-11-23T08:00:00Z'), done('2026-11-24T08:00:00Z')];
    expect(planSchedule(program(2, 1), mondayAndTuesday, wednesdayNoon, utc)).toMatchObject({ status: 'rest', sessionsDueToday: 0, weekDaysDone: 2, scheduled: [] });
    const alsoToday = [...mondayAndTuesday, done('2026-11-25T08:00:00Z')];
    expect(planSchedule(program(2, 1), alsoToday, wednesdayNoon, utc)).toMatchObject({ status: 'done-today', weekDaysDone: 3, scheduled: [] });
  });

  it('does not count simulated, unfinished or free sessions, nor ones dated in the future', () => {
    const sessions = [
      done('2026-11-23T08:00:00Z', { simulated: true }),
      done('2026-11-24T08:00:00Z', { status: 'interrupted' }),
      done('2026-11-24T09:00:00Z', { status: 'recording' }),
      done('2026-11-25T08:00:00Z', { exerciseId: null }),
      done('2026-11-25T09:00:00Z', { exerciseId: 'wall-sit' }),
      done('2026-11-26T08:00:00Z'),
      done('not a date'),
    ];
    expect(planSchedule(program(3, 1), sessions, wednesdayNoon, utc)).toMatchObject({ status: 'due', sessionsDoneToday: 0, weekDaysDone: 0 });
  });

  it('needs every exercise of the program for one session', () => {
    const twoExercises = program(3, 1, ['quad-set', 'straight-leg-raise']);
    const half = [done('2026-11-25T08:00:00Z'), done('2026-11-25T08:10:00Z')];
    expect(planSchedule(twoExercises, half, wednesdayNoon, utc)).toMatchObject({ sessionsDoneToday: 0, sessionsDueToday: 1 });
    const whole = [...half, done('2026-11-25T08:20:00Z', { exerciseId: 'straight-leg-raise' })];
    expect(planSchedule(twoExercises, whole, wednesdayNoon, utc)).toMatchObject({ status: 'done-today', sessionsDoneToday: 1 });
  });

  it('starts a new week on Monday: last week’s sessions do not count', () => {
    const lastWeek = ['16', '17', '18', '19', '20'].map((d) => done(`2026-11-${d}T08:00:00Z`));
    const sundayLastWeek = done('2026-11-22T20:00:00Z');
    const mondayMorning = new Date('2026-11-23T06:00:00Z');
    expect(planSchedule(program(5, 1), [...lastWeek, sundayLastWeek], mondayMorning, utc)).toMatchObject({ status: 'due', weekDaysDone: 0, weekDaysLeft: 7 });
    // Sunday: the last day of the week, only today can still be scheduled.
    const sunday = new Date('2026-11-29T10:00:00Z');
    const plan = planSchedule(program(5, 1), [done('2026-11-23T08:00:00Z')], sunday, utc);
    expect(plan).toMatchObject({ status: 'due', weekDaysDone: 1, weekDaysLeft: 1, scheduled: [{ date: '2026-11-29', isToday: true, sessions: 1 }] });
  });

  it('uses the local date at the week boundary: Sunday 23:30 UTC is Monday in Berlin', () => {
    const session = done('2026-11-29T23:30:00Z');
    const berlinMonday = new Date('2026-11-30T08:00:00Z');
    expect(planSchedule(program(3, 1), [session], berlinMonday, berlinWinter)).toMatchObject({ status: 'done-today', sessionsDoneToday: 1, weekDaysDone: 1, weekDaysLeft: 7 });
    // In UTC the same session belongs to the week before.
    expect(planSchedule(program(3, 1), [session], berlinMonday, utc)).toMatchObject({ status: 'due', sessionsDoneToday: 0, weekDaysDone: 0 });
    // "Now" itself is read in local time: 03:00 UTC Monday is still Sunday in New York.
    expect(planSchedule(program(3, 1), [], new Date('2026-11-30T03:00:00Z'), newYork)).toMatchObject({ weekDaysLeft: 1 });
  });
});
