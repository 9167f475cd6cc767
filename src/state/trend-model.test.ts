import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { openQuadcueDb, type QuadcueDatabase } from '../store/db/open-db';
import type { LegSide, SessionRecord } from '../store/db/schema';
import { createTrendModel } from './trend-model';
import { forceRamp, forceStream, leg, trendSession } from './trend-test-sessions';

/** Sessions are paired by local day: tests fix the time zone (UTC), so any machine's TZ passes. */
const utc = () => 0;

let dbCount = 0;

async function putForce(db: QuadcueDatabase, session: SessionRecord, peaksN: readonly number[]): Promise<void> {
  await db.put('sessions', session);
  for (const [i, stream] of session.streams.entries()) {
    const force = forceRamp(100, 1000, peaksN[i]!);
    await db.put('chunks', { sessionId: session.id, sensorId: stream.sensorId, seq: 0, startIndex: 0, sampleCount: force.length, gapBefore: 0, channels: 1, raw: force, level: force });
  }
}

describe('trend model', () => {
  it('computes each session once and follows side edits without reading it again', async () => {
    const db = await openQuadcueDb({ name: `trend-model-${dbCount++}` });
    const stream = forceStream('t', 100);
    const sessions = [
      trendSession('inv', '2026-11-02T09:00:00Z', { side: 'involved', streams: [stream] }),
      trendSession('uni', '2026-11-02T10:00:00Z', { side: null, streams: [stream] }),
    ];
    await putForce(db, sessions[0]!, [320]);
    await putForce(db, sessions[1]!, [400]);
    const model = createTrendModel({ db: async () => db, activeAffectedSide: () => null, utcOffsetMin: utc });
    await model.load(sessions);
    expect(model.table.value?.columns.forcePeakN).toEqual([320, 400]);
    expect(model.table.value?.symmetry).toEqual([]);

    // The chunks are gone, yet the figures remain: they were kept, and only the side is re-read.
    await db.clear('chunks');
    await model.load([sessions[0]!, { ...sessions[1]!, side: 'uninvolved' }]);
    expect(model.table.value?.columns.forcePeakN).toEqual([320, 400]);
    expect(model.table.value?.symmetry).toMatchObject([{ lsiPct: 80, involvedN: 320, uninvolvedN: 400 }]);
    db.close();
  });

  it('takes the injured leg of a two-leg session from its patient, else from the active patient', async () => {
    const db = await openQuadcueDb({ name: `trend-model-${dbCount++}` });
    await db.put('patients', { id: 'p', displayName: 'AB', affectedSide: 'right', bodyMassKg: null, notes: '' });
    await db.put('patients', { id: 'q', displayName: 'CD', affectedSide: null, bodyMassKg: null, notes: '' });
    const twoLeg = (id: string, patientId: string | null, day: number) =>
      trendSession(id, `2026-11-0${day}T09:00:00Z`, { patientId, streams: [forceStream('l', 100), forceStream('r', 100)], legs: [leg('l', 0, 'other', 'left'), leg('r', 0, 'other', 'right')] });
    // CD's injured leg is not known: the active patient's must not stand in for it.
    const sessions = [twoLeg('own', 'p', 1), twoLeg('nobody', null, 2), twoLeg('unknown-leg', 'q', 3)];
    for (const s of sessions) await putForce(db, s, [300, 400]);
    const active = signal<LegSide | null>(null);
    const model = createTrendModel({ db: async () => db, activeAffectedSide: () => active.value, utcOffsetMin: utc });
    await model.load(sessions);
    expect(model.table.value?.symmetry.map((p) => p.lsiPct)).toEqual([expect.closeTo(133.33, 2)]);
    active.value = 'left';
    expect(model.table.value?.symmetry.map((p) => p.lsiPct)).toEqual([expect.closeTo(133.33, 2), 75]);
    db.close();
  });

  it('lets the latest load win, whichever finishes last, and keeps loading on until it is in', async () => {
    const db = await openQuadcueDb({ name: `trend-model-${dbCount++}` });
    const stream = forceStream('t', 100);
    const kept = trendSession('kept', '2026-11-02T09:00:00Z', { streams: [stream] });
    const deleted = trendSession('deleted', '2026-11-02T10:00:00Z', { streams: [stream] });
    await putForce(db, kept, [300]);
    await putForce(db, deleted, [400]);
    // Each load's first storage access waits for its own gate, opened by the test.
    const gates: (() => void)[] = [];
    const model = createTrendModel({ db: () => new Promise((resolve) => gates.push(() => resolve(db))), activeAffectedSide: () => null, utcOffsetMin: utc });
    const ids = () => model.trends.value?.map((t) => t.sessionId);

    // The list from before the delete finishes last: it must not bring the session back.
    const before = model.load([kept, deleted]);
    const after = model.load([kept]);
    gates[1]!();
    await after;
    expect(ids()).toEqual(['kept']);
    gates[0]!();
    await before;
    expect(ids()).toEqual(['kept']);

    // An older load finishing first neither sets its list nor ends the newer one's loading.
    const older = model.load([kept, deleted]);
    const newer = model.load([deleted]);
    gates[2]!();
    await older;
    expect(model.loading.value).toBe(true);
    expect(ids()).toEqual(['kept']);
    gates[3]!();
    await newer;
    expect(model.loading.value).toBe(false);
    expect(ids()).toEqual(['deleted']);
    db.close();
  });

  it('says when storage cannot be read, and clears it on the next load', async () => {
    const db = await openQuadcueDb({ name: `trend-model-${dbCount++}` });
    let broken = true;
    const model = createTrendModel({ db: async () => (broken ? Promise.reject(new Error('blocked')) : db), activeAffectedSide: () => null, utcOffsetMin: utc });
    await expect(model.load([])).rejects.toThrow('blocked');
    expect(model.failed.value).toBe(true);
    expect(model.loading.value).toBe(false);
    broken = false;
    await model.load([]);
    expect(model.failed.value).toBe(false);
    expect(model.trends.value).toEqual([]);
    db.close();
  });

  it('reads a session still recording again, and keeps it once it is complete', async () => {
    const db = await openQuadcueDb({ name: `trend-model-${dbCount++}` });
    const session = trendSession('live', '2026-11-02T09:00:00Z', { status: 'recording', streams: [forceStream('t', 100)] });
    await putForce(db, session, [200]);
    const model = createTrendModel({ db: async () => db, activeAffectedSide: () => null, utcOffsetMin: utc });
    await model.load([session]);
    expect(model.table.value?.columns.forcePeakN).toEqual([200]);
    // More was recorded after the first look; then the recording ends.
    await putForce(db, session, [350]);
    const complete: SessionRecord = { ...session, status: 'complete' };
    await model.load([complete]);
    expect(model.table.value?.columns.forcePeakN).toEqual([350]);
    await db.clear('chunks');
    await model.load([complete]);
    expect(model.table.value?.columns.forcePeakN).toEqual([350]);
    db.close();
  });
});
