import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { openQuadcueDb, type QuadcueDatabase } from '../store/db/open-db';
import type { LegSide, SessionRecord } from '../store/db/schema';
import { createTrendModel } from './trend-model';
import { forceRamp, forceStream, leg, trendSession } from './trend-test-sessions';

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
    const model = createTrendModel({ db: async () => db, activeAffectedSide: () => null });
    await model.load(sessions);
    expect(model.table.value?.columns.forcePeakN).toEqual([320, 400]);
    expect(model.table.value?.symmetry).toEqual([]);

    // The chunks are gone, yet the figures remain: they were kept, and only the side is re-read.
    await db.clear('chunks');
    await model.load([sessions[0]!, { ...sessions[1]!, side: 'uninvolved' }]);
    expect(model.table.value?.columns.forcePeakN).toEqual([320, 400]);
    expect(model.table.value?.symmetry).toMatchObject([{ lsiPct: 80, involved: 320, uninvolved: 400, unit: 'N' }]);
    db.close();
  });

  it('takes the injured leg of a two-leg session from its patient, else from the active patient', async () => {
    const db = await openQuadcueDb({ name: `trend-model-${dbCount++}` });
    await db.put('patients', { id: 'p', displayName: 'AB', affectedSide: 'right', bodyMassKg: null, notes: '' });
    const twoLeg = (id: string, patientId: string | null, day: number) =>
      trendSession(id, `2026-11-0${day}T09:00:00Z`, { patientId, streams: [forceStream('l', 100), forceStream('r', 100)], legs: [leg('l', 0, 'other', 'left'), leg('r', 0, 'other', 'right')] });
    const sessions = [twoLeg('own', 'p', 1), twoLeg('nobody', null, 2)];
    for (const s of sessions) await putForce(db, s, [300, 400]);
    const active = signal<LegSide | null>(null);
    const model = createTrendModel({ db: async () => db, activeAffectedSide: () => active.value });
    await model.load(sessions);
    expect(model.table.value?.symmetry.map((p) => p.lsiPct)).toEqual([expect.closeTo(133.33, 2)]);
    active.value = 'left';
    expect(model.table.value?.symmetry.map((p) => p.lsiPct)).toEqual([expect.closeTo(133.33, 2), 75]);
    db.close();
  });
});
