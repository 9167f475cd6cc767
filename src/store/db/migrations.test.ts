import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS } from './migrations';
import { openQuadcueDb, type QuadcueDatabase } from './open-db';
import type { ChunkRecord, SessionRecord } from './schema';

// Records as every version so far stores them (the shapes have not changed since v1). When a
// version changes a shape, seed() grows a branch for the versions before it.
const session: SessionRecord = {
  id: 's1',
  patientId: 'p1',
  side: 'involved',
  simulated: true,
  exerciseId: 'quad-set',
  startedAt: '2026-11-20T09:00:00.000Z',
  status: 'complete',
  stoppedBy: 'user',
  streams: [{ sensorId: 'demo', profileId: 'quadcue', channels: [{ label: 'VMO', kind: 'emg', unit: 'uV', nominalRateHz: 1000 }], rateHz: 1000, firstIndex: 0 }],
};
const chunk: ChunkRecord = {
  sessionId: 's1',
  sensorId: 'demo',
  seq: 0,
  startIndex: 0,
  sampleCount: 3,
  gapBefore: 0,
  channels: 1,
  raw: new Float32Array([1.5, -2, 3.25]),
  level: new Float32Array([0.5, 1, 1.5]),
};

async function seed(db: QuadcueDatabase): Promise<void> {
  await db.put('patients', { id: 'p1', displayName: 'Knee 07', affectedSide: 'left', bodyMassKg: 72.5, notes: 'ACL reconstruction' });
  await db.put('calibrations', { patientId: 'p1', muscle: 'vmo', side: 'left', mvc: 310, unit: 'uV', madeAt: '2026-11-20T09:00:00.000Z', trialMvcs: [300, 310, null] });
  await db.put('programs', { id: 'prog1', patientId: 'p1', name: 'Week 1', program: { exercises: [], schedule: { daysPerWeek: 5, sessionsPerDay: 2 } } });
  await db.put('sessions', session);
  await db.put('chunks', chunk);
  await db.add('events', { sessionId: 's1', sensorId: 'demo', sampleIndex: 2, kind: 'pain', score: 3 });
  await db.put('settings', { key: 'mainsHz', value: 50 });
}

describe('schema migrations', () => {
  it('has a real migration path: the current version is above 1', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  const olderVersions = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);
  it.each(olderVersions)('migrates a database created at version %i to the current version with its data intact', async (version) => {
    const name = `migrate-from-v${version}`;
    const old = await openQuadcueDb({ name, version });
    expect(old.version).toBe(version);
    await seed(old);
    old.close();

    const db = await openQuadcueDb({ name });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['calibrations', 'chunks', 'events', 'patients', 'programs', 'sessions', 'settings']);
    expect(await db.get('patients', 'p1')).toMatchObject({ displayName: 'Knee 07', bodyMassKg: 72.5 });
    expect(await db.getAllFromIndex('calibrations', 'by-patient', 'p1')).toHaveLength(1);
    expect(await db.get('programs', 'prog1')).toMatchObject({ name: 'Week 1' });
    expect(await db.get('sessions', 's1')).toEqual(session);
    const storedChunk = await db.get('chunks', ['s1', 'demo', 0]);
    expect(storedChunk?.raw).toEqual(chunk.raw);
    expect(storedChunk?.level).toEqual(chunk.level);
    expect(await db.getAllFromIndex('events', 'by-session', IDBKeyRange.bound(['s1', 0], ['s1', Infinity]))).toMatchObject([{ kind: 'pain', score: 3 }]);
    expect(await db.get('settings', 'mainsHz')).toEqual({ key: 'mainsHz', value: 50 });
    // v2's index serves a patient's history, and holds the sessions that existed before it.
    expect(await db.getAllFromIndex('sessions', 'by-patient-start', IDBKeyRange.bound(['p1', ''], ['p1', '\uffff']))).toEqual([session]);
    db.close();
  });

  it('creates a fresh database at the current version in one go', async () => {
    const db = await openQuadcueDb({ name: 'fresh' });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('sessions').store.indexNames].sort()).toEqual(['by-patient-start', 'by-status']);
    db.close();
  });
});
