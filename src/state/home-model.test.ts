import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { libraryEntry } from '../exercise/library';
import type { Program } from '../exercise/program';
import type { SessionSummary } from '../exercise/summary';
import { openQuadcueDb } from '../store/db/open-db';
import type { SessionRecord } from '../store/db/schema';
import { activePatientFilter } from './history-list';
import { createHomeModel, lastSessionOf } from './home-model';

const utc = () => 0;
const program: Program = { exercises: [libraryEntry('quad-set').defaults], schedule: { daysPerWeek: 5, sessionsPerDay: 2 } };

function session(id: string, startedAt: string, changes: Partial<SessionRecord> = {}): SessionRecord {
  return { id, patientId: null, side: null, simulated: false, exerciseId: 'quad-set', startedAt, status: 'complete', stoppedBy: 'user', streams: [], ...changes };
}

const summary = (achieved: number, total: number) => ({ exercises: [{ repsAchieved: achieved, repsTotal: total }] }) as unknown as SessionSummary;

let dbCount = 0;
async function setup(now: Date, programValue: Program | null = program, activePatientId: string | null = null) {
  const db = await openQuadcueDb({ name: `home-model-${dbCount++}` });
  const clock = { now };
  const storage = { getItem: () => activePatientId };
  const filter = () => activePatientFilter(storage);
  const model = createHomeModel({ db: async () => db, program: signal(programValue), now: () => clock.now, offsetMin: utc, filter });
  return { db, model, clock };
}

describe('home model', () => {
  it('reads the sessions and says what is due today, and what changed after a session', async () => {
    const { db, model } = await setup(new Date('2026-11-25T12:00:00Z'));
    await model.refresh();
    expect(model.plan.value).toMatchObject({ status: 'due', sessionsDueToday: 2, weekDaysDone: 0 });
    expect(model.lastSession.value).toBeNull();
    await db.put('sessions', session('a', '2026-11-25T08:00:00Z', { summary: summary(8, 10) }));
    await db.put('sessions', session('demo', '2026-11-25T09:00:00Z', { simulated: true }));
    await model.refresh();
    expect(model.plan.value).toMatchObject({ status: 'due', sessionsDueToday: 1, weekDaysDone: 1 });
    expect(model.lastSession.value).toEqual({ exerciseId: 'quad-set', startedAt: '2026-11-25T08:00:00Z', daysAgo: 0, holdsDone: 8, holdsTotal: 10 });
  });

  it('takes the day from the clock at each read', async () => {
    const { db, model, clock } = await setup(new Date('2026-11-25T12:00:00Z'));
    await db.put('sessions', session('a', '2026-11-25T08:00:00Z'));
    await db.put('sessions', session('b', '2026-11-25T10:00:00Z'));
    await model.refresh();
    expect(model.plan.value?.status).toBe('done-today');
    clock.now = new Date('2026-11-26T07:00:00Z');
    await model.refresh();
    expect(model.plan.value).toMatchObject({ status: 'due', sessionsDueToday: 2, weekDaysDone: 1 });
    expect(model.lastSession.value?.daysAgo).toBe(1);
  });

  it('counts the active patient’s sessions and those recorded with no patient, never another patient’s', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const seed = async (db: Awaited<ReturnType<typeof setup>>['db']) => {
      await db.put('sessions', session('mine', '2026-11-24T08:00:00Z', { patientId: 'p1', summary: summary(8, 10) }));
      await db.put('sessions', session('theirs', '2026-11-25T08:00:00Z', { patientId: 'p2', summary: summary(1, 10) }));
      await db.put('sessions', session('nobody', '2026-11-25T09:00:00Z', { summary: summary(5, 10) }));
    };
    const p1 = await setup(now, program, 'p1');
    await seed(p1.db);
    await p1.model.refresh();
    expect(p1.model.sessions.value.map((s) => s.id)).toEqual(['nobody', 'mine']);
    expect(p1.model.plan.value).toMatchObject({ sessionsDoneToday: 1, weekDaysDone: 2 });
    expect(p1.model.lastSession.value).toMatchObject({ startedAt: '2026-11-25T09:00:00Z', holdsDone: 5 });
    const none = await setup(now, program, null);
    await seed(none.db);
    await none.model.refresh();
    expect(none.model.sessions.value.map((s) => s.id)).toEqual(['nobody']);
    expect(none.model.lastSession.value).toMatchObject({ startedAt: '2026-11-25T09:00:00Z', holdsDone: 5 });
  });

  it('has no plan without a program, and says so when storage cannot be read', async () => {
    const { model } = await setup(new Date('2026-11-25T12:00:00Z'), null);
    await model.refresh();
    expect(model.plan.value).toBeNull();
    const broken = createHomeModel({ db: () => Promise.reject(new Error('blocked')), program: signal(program), now: () => new Date('2026-11-25T12:00:00Z'), offsetMin: utc });
    await broken.refresh();
    expect([broken.loaded.value, broken.unavailable.value, broken.plan.value?.sessionsDueToday]).toEqual([true, true, 2]);
  });
});

describe('last session', () => {
  it('is the newest finished session of a person, without holds when it has no summary', () => {
    const sessions = [
      session('old', '2026-11-20T08:00:00Z', { summary: summary(3, 10) }),
      session('free', '2026-11-23T08:00:00Z', { exerciseId: null }),
      session('cut', '2026-11-24T08:00:00Z', { status: 'interrupted' }),
      session('demo', '2026-11-24T09:00:00Z', { simulated: true }),
    ];
    expect(lastSessionOf(sessions, new Date('2026-11-25T12:00:00Z'), utc)).toEqual({ exerciseId: null, startedAt: '2026-11-23T08:00:00Z', daysAgo: 2, holdsDone: null, holdsTotal: null });
    expect(lastSessionOf([], new Date('2026-11-25T12:00:00Z'), utc)).toBeNull();
  });
});
