import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../exercise/summary';
import { openQuadcueDb } from '../store/db/open-db';
import { savePatient } from '../store/db/patients';
import type { PatientRecord, SessionRecord } from '../store/db/schema';
import { sessionTrend, type SessionTrend } from './history-trends';
import { createReportModel } from './report-model';

const summary: SessionSummary = { exercises: [], pain: 1, effort: 4, wentWell: { id: 'started' } };

function session(id: string, patientId: string | null, startedAt: string, simulated = false): SessionRecord {
  return { id, patientId, side: 'involved', simulated, exerciseId: null, startedAt, status: 'complete', stoppedBy: 'user', streams: [], summary };
}

const patientRecord: PatientRecord = { id: 'p1', displayName: 'AB-01', affectedSide: 'right', bodyMassKg: null, notes: '' };

let dbCount = 0;
async function setup(activeId: string | null) {
  const db = await openQuadcueDb({ name: `report-model-${dbCount++}` });
  await savePatient(db, patientRecord);
  await savePatient(db, { ...patientRecord, id: 'p2', displayName: 'CD-02' });
  await db.put('sessions', session('a', 'p1', '2026-11-20T09:00:00.000Z'));
  await db.put('sessions', session('b', 'p1', '2026-11-22T09:00:00.000Z'));
  await db.put('sessions', session('demo', 'p1', '2026-11-21T09:00:00.000Z', true));
  await db.put('sessions', session('other', 'p2', '2026-11-21T10:00:00.000Z'));
  const active = signal<PatientRecord | null>(null);
  const patients = { activePatient: active, refresh: async () => void (active.value = activeId === 'p1' ? patientRecord : null) };
  // The trend model's contract: `load` computes the given sessions' figures into `trends`.
  const figures = signal<readonly SessionTrend[] | null>(null);
  const loaded: string[][] = [];
  const trends = {
    trends: figures,
    load: async (sessions: readonly SessionRecord[]) => {
      loaded.push(sessions.map((s) => s.id));
      figures.value = sessions.map((s) => sessionTrend(s, [], []));
    },
  };
  return { db, loaded, model: createReportModel({ db: async () => db, patients, trends }) };
}

describe('report model', () => {
  it('reports the active patient’s sessions with their trends, demo sessions only when included', async () => {
    const { model, loaded } = await setup('p1');
    expect(model.ready.value).toBe(false);
    await model.load();
    expect(model.patient.value?.displayName).toBe('AB-01');
    expect(model.rows.value.map((r) => [r.sessionId, r.leg])).toEqual([
      ['a', { relation: 'involved', side: 'right' }],
      ['b', { relation: 'involved', side: 'right' }],
    ]);
    expect(model.period.value).toEqual({ firstStartedAt: '2026-11-20T09:00:00.000Z', lastStartedAt: '2026-11-22T09:00:00.000Z' });
    expect(loaded).toEqual([['b', 'demo', 'a']]);
    expect(model.trendTable.value?.xs).toEqual([Date.parse('2026-11-20T09:00:00.000Z') / 1000, Date.parse('2026-11-22T09:00:00.000Z') / 1000]);

    model.includeSimulated.value = true;
    expect(model.rows.value.map((r) => r.sessionId)).toEqual(['a', 'demo', 'b']);
    expect(model.sessionCount.value).toBe(3);
    expect(model.trendTable.value?.xs).toHaveLength(3);
  });

  it('covers the sessions recorded with no patient when none is chosen, never a patient’s', async () => {
    const { db, model } = await setup(null);
    await db.put('sessions', session('nobody', null, '2026-11-23T09:00:00.000Z'));
    await model.load();
    expect(model.patient.value).toBeNull();
    expect(model.rows.value.map((r) => r.sessionId)).toEqual(['nobody']);
  });

  it('says storage is unavailable when the database cannot be read', async () => {
    const failing = createReportModel({
      db: () => Promise.reject(new Error('blocked')),
      patients: { activePatient: signal(null), refresh: async () => undefined },
      trends: { trends: signal(null), load: async () => undefined },
    });
    await failing.load();
    expect([failing.ready.value, failing.unavailable.value, failing.rows.value]).toEqual([true, true, []]);
  });
});
