import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../exercise/summary';
import { base64ToFloat32, float32ToBase64, readSession } from './backup-records';
import { BACKUP_FORMAT, BACKUP_VERSION, createBackup, parseBackup, restoreBackup } from './backup';
import { openQuadcueDb, type QuadcueDatabase } from './open-db';
import { ALL_STORES } from './patients';
import type { SessionRecord } from './schema';
import { patient, seedTwoPatients } from './test-seed';

let dbCount = 0;
const open = () => openQuadcueDb({ name: `backup-${dbCount++}` });
const createdAt = '2026-11-21T08:00:00.000Z';

/** Every record of every store, Float32Arrays as plain lists: two databases compare equal iff their contents do. */
async function contents(db: QuadcueDatabase): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const store of ALL_STORES) all[store] = (await db.getAll(store)).map((r) => JSON.parse(JSON.stringify(r, (_k, v: unknown) => (v instanceof Float32Array ? Array.from(v) : v))) as unknown);
  return all;
}

describe('Float32 as base64', () => {
  it('round-trips every value exactly, little-endian, and rejects a wrong length or alphabet', () => {
    const values = new Float32Array([0, -0, 1.5, -3.25e-7, 3.4e38, Number.NaN, Number.POSITIVE_INFINITY]);
    const text = float32ToBase64(values);
    expect(Array.from(base64ToFloat32(text, values.length)!)).toEqual(Array.from(values));
    expect(float32ToBase64(new Float32Array([1]))).toBe('AACAPw==');
    expect(base64ToFloat32(text, values.length + 1)).toBeNull();
    expect(base64ToFloat32('not base64!', 1)).toBeNull();
  });
});

describe('whole-database backup', () => {
  it('restores on another device exactly what was saved, keeping that device’s PIN', async () => {
    const source = await open();
    await seedTwoPatients(source);
    const text = await createBackup(source, createdAt, ['therapist-pin']);
    const file = JSON.parse(text) as { format: string; version: number; createdAt: string; stores: Record<string, unknown[]> };
    expect([file.format, file.version, file.createdAt]).toEqual([BACKUP_FORMAT, BACKUP_VERSION, createdAt]);
    expect(file.stores.settings).toEqual([]);

    const target = await open();
    await target.put('patients', patient('old', 'Someone else'));
    await target.put('settings', { key: 'therapist-pin', value: 'target pin' });
    const restored = await restoreBackup(target, text, ['therapist-pin']);
    expect(restored).toEqual({ ok: true, value: { patients: 2, calibrations: 2, programs: 2, sessions: 3, chunks: 7, events: 4, settings: 0 } });
    const expected = await contents(source);
    expected.settings = [{ key: 'therapist-pin', value: 'target pin' }];
    expect(await contents(target)).toEqual(expected);
    // Restored chunks are Float32Arrays again, not lists.
    const chunk = await target.get('chunks', ['s-p1', 'demo', 2]);
    expect(chunk?.raw).toBeInstanceOf(Float32Array);
    expect(Array.from(chunk!.raw)).toEqual([2, 2, 2, 2]);
  });

  it('reads an empty database’s backup back as empty', async () => {
    const text = await createBackup(await open(), createdAt);
    const parsed = parseBackup(text);
    expect(parsed.ok && Object.values(parsed.value.stores).every((list) => list.length === 0)).toBe(true);
  });

  it('changes nothing for any damaged file, and says what is wrong', async () => {
    const source = await open();
    await seedTwoPatients(source);
    const good = await createBackup(source, createdAt);
    type File = { format: unknown; version: unknown; stores: Record<string, Record<string, unknown>[]> };
    const edit = (change: (f: File) => void) => {
      const f = JSON.parse(good) as File;
      change(f);
      return JSON.stringify(f);
    };
    const damaged: [string, string, string][] = [
      ['truncated', good.slice(0, good.length / 2), 'not-json'],
      ['empty', '', 'not-json'],
      ['a list', '[]', 'not-a-backup'],
      ['wrong format', edit((f) => (f.format = 'other-app')), 'not-a-backup'],
      ['newer version', edit((f) => (f.version = 2)), 'newer-version'],
      ['version as text', edit((f) => (f.version = '1')), 'not-a-backup'],
      ['a store missing', edit((f) => delete (f.stores as Partial<File['stores']>).events), 'store-missing'],
      ['patient without id', edit((f) => delete f.stores.patients![0]!.id), 'bad-record'],
      ['body mass as text', edit((f) => (f.stores.patients![1]!.bodyMassKg = '70')), 'bad-record'],
      ['unknown side', edit((f) => (f.stores.patients![0]!.affectedSide = 'both')), 'bad-record'],
      ['chunk samples cut short', edit((f) => (f.stores.chunks![3]!.raw = (f.stores.chunks![3]!.raw as string).slice(0, 8))), 'bad-record'],
      ['chunk samples not base64', edit((f) => (f.stores.chunks![0]!.level = '@@@@')), 'bad-record'],
      ['invalid program', edit((f) => ((f.stores.programs![0]!.program as { exercises: unknown[] }).exercises = [])), 'bad-record'],
      ['session status unknown', edit((f) => (f.stores.sessions![0]!.status = 'paused')), 'bad-record'],
      ['session date not a date', edit((f) => (f.stores.sessions![0]!.startedAt = 'yesterday')), 'bad-record'],
      ['event kind unknown', edit((f) => (f.stores.events![0]!.kind = 'note')), 'bad-record'],
      ['pain score out of range', edit((f) => (f.stores.events![0]!.score = 11)), 'bad-record'],
      ['calibration id not whole', edit((f) => (f.stores.calibrations![0]!.id = 1.5)), 'bad-record'],
      ['two patients with one id', edit((f) => (f.stores.patients![1]!.id = f.stores.patients![0]!.id)), 'duplicate-key'],
      ['a record is null', edit((f) => (f.stores.sessions![0] = null as never)), 'bad-record'],
    ];
    expect(damaged.length).toBeGreaterThanOrEqual(10);

    const target = await open();
    await seedTwoPatients(target);
    await target.put('patients', patient('only-here', 'EF-03'));
    const before = await contents(target);
    for (const [label, text, code] of damaged) {
      const result = await restoreBackup(target, text);
      expect({ label, code: result.ok ? 'ok' : result.error.code }).toEqual({ label, code });
    }
    expect(await contents(target)).toEqual(before);
    // The last bad record is named: store and position, for the message a person reads.
    expect(parseBackup(damaged[9]![1])).toMatchObject({ ok: false, error: { code: 'bad-record', store: 'patients', index: 0, reason: expect.stringContaining('affectedSide') } });
  });

  it('rolls back a restore whose write fails half-way', async () => {
    const source = await open();
    await seedTwoPatients(source);
    const text = await createBackup(source, createdAt);
    const target = await open();
    await target.put('patients', patient('only-here', 'EF-03'));
    const before = await contents(target);
    // A put that fails after the stores were cleared, as a full disk would (QuotaExceededError).
    const originalPut = IDBObjectStore.prototype.put;
    let puts = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts === 5) throw new DOMException('disk full', 'QuotaExceededError');
      return originalPut.apply(this, args);
    };
    try {
      const result = await restoreBackup(target, text);
      expect(result).toMatchObject({ ok: false, error: { code: 'write-failed', detail: 'QuotaExceededError' } });
    } finally {
      IDBObjectStore.prototype.put = originalPut;
    }
    expect(await contents(target)).toEqual(before);
  });
});

/** A finished two-leg guided session, as the recorder leaves it: with its channels' legs and its summary. */
function twoLegSession(): SessionRecord {
  const rep = { set: 1, rep: 1, unit: '%MVC', holdAchieved: true, heldS: 5, timeInBandPct: 92.5, peak: 48.1, mean: 40.2, contractionStartIndex: 100, holdStartIndex: 400, holdEndIndex: 5400 } as const;
  const summary: SessionSummary = {
    exercises: [
      {
        libraryId: 'quad-set',
        target: { unit: '%MVC', low: 30, high: 50 },
        // NaN (a mean over no samples) is written as null and must come back as NaN.
        sets: [{ set: 1, reps: [{ ...rep, vmoToVl: 1.12, vmoMinusVlOnsetMs: null }, { ...rep, rep: 2, holdAchieved: false, mean: Number.NaN, vmoToVl: null, vmoMinusVlOnsetMs: -12.5 }], repsAchieved: 1, timeInBandPct: 92.5, peak: 48.1, mean: 40.2, meanTrendPerRep: null, peakTrendPerRep: null }],
        repsAchieved: 1,
        repsTotal: 2,
        meanTrendPerRep: null,
        peakTrendPerRep: null,
        vmoToVlMean: 1.12,
        vmoMinusVlOnsetMeanMs: -12.5,
      },
    ],
    pain: 2,
    effort: 6,
    wentWell: { id: 'some-holds', achieved: 1, total: 2 },
  };
  return {
    id: 'two-leg',
    patientId: null,
    side: 'involved',
    simulated: false,
    exerciseId: 'quad-set',
    startedAt: '2026-11-20T09:00:00.000Z',
    status: 'complete',
    stoppedBy: 'user',
    streams: [{ sensorId: 'ganglion', profileId: 'openbci-ganglion', channels: [{ label: 'VMO', kind: 'emg', unit: 'uV', nominalRateHz: 200 }], rateHz: 200, firstIndex: 0 }],
    legs: [
      { sensorId: 'ganglion', channel: 0, muscle: 'vmo', side: 'left' },
      { sensorId: 'ganglion', channel: 1, muscle: 'vmo', side: 'right' },
    ],
    summary,
  };
}

describe('a session’s legs and summary', () => {
  it('come back from a backup exactly as they were saved', async () => {
    const source = await open();
    await source.put('sessions', twoLegSession());
    const target = await open();
    expect(await restoreBackup(target, await createBackup(source, createdAt))).toMatchObject({ ok: true, value: { sessions: 1 } });
    expect(await target.get('sessions', 'two-leg')).toEqual(twoLegSession());
  });

  it('stay absent when the session had none', () => {
    const { legs: _legs, summary: _summary, ...plain } = twoLegSession();
    const read = readSession(JSON.parse(JSON.stringify(plain)));
    expect(read.ok && Object.keys(read.value).sort()).toEqual(Object.keys(plain).sort());
  });

  it.each<[string, (s: Record<string, unknown>) => void, string]>([
    ['legs not a list', (s) => (s.legs = { left: 'vmo' }), 'legs'],
    ['a leg on no known side', (s) => ((s.legs as Record<string, unknown>[])[0]!.side = 'both'), 'side'],
    ['a leg without a muscle', (s) => delete (s.legs as Record<string, unknown>[])[1]!.muscle, 'muscle'],
    ['pain out of range', (s) => ((s.summary as Record<string, unknown>).pain = 12), 'pain'],
    ['an unknown exercise', (s) => (((s.summary as SessionSummary).exercises[0] as { libraryId: string }).libraryId = 'squat'), 'libraryId'],
    ['a rep count as text', (s) => (((s.summary as SessionSummary).exercises[0] as { repsAchieved: unknown }).repsAchieved = '1'), 'repsAchieved'],
    ['a rep without its hold result', (s) => delete ((s.summary as SessionSummary).exercises[0]!.sets[0]!.reps[0] as Partial<SessionSummary['exercises'][0]['sets'][0]['reps'][0]>).holdAchieved, 'holdAchieved'],
    ['an unknown "went well"', (s) => ((s.summary as SessionSummary).wentWell = { id: 'great' } as never), 'id'],
    ['summary not an object', (s) => (s.summary = 'fine'), 'summary'],
  ])('are refused like any bad record: %s', async (_, damage, reason) => {
    const source = await open();
    await source.put('sessions', twoLegSession());
    const file = JSON.parse(await createBackup(source, createdAt)) as { stores: { sessions: Record<string, unknown>[] } };
    damage(file.stores.sessions[0]!);
    expect(parseBackup(JSON.stringify(file))).toMatchObject({ ok: false, error: { code: 'bad-record', store: 'sessions', index: 0, reason: expect.stringContaining(reason) } });
  });
});
