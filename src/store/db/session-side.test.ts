import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openQuadcueDb } from './open-db';
import { saveSessionSummary } from './sessions';
import { saveSessionLegs, updateSessionSide } from './session-side';
import { seedTwoPatients } from './test-seed';

let dbCount = 0;
const open = () => openQuadcueDb({ name: `session-side-${dbCount++}` });

describe('session side', () => {
  it('changes only the side, and says when the session is gone', async () => {
    const db = await open();
    await seedTwoPatients(db);
    const before = await db.get('sessions', 's-p1');
    expect(await updateSessionSide(db, 's-p1', 'uninvolved')).toBe(true);
    expect(await db.get('sessions', 's-p1')).toEqual({ ...before, side: 'uninvolved' });
    expect(await updateSessionSide(db, 's-p1', null)).toBe(true);
    expect((await db.get('sessions', 's-p1'))?.side).toBeNull();
    expect(await updateSessionSide(db, 'missing', 'involved')).toBe(false);
    expect(await db.get('sessions', 'missing')).toBeUndefined();
    db.close();
  });

  it('keeps the legs with a finished recording next to a summary saved at the same time', async () => {
    const db = await open();
    await seedTwoPatients(db);
    const legs = [
      { sensorId: 'demo', channel: 0, muscle: 'vmo', side: 'left' as const },
      { sensorId: 'demo', channel: 1, muscle: 'vmo', side: 'right' as const },
    ];
    const summary = { exercises: [], pain: 1, effort: 4, wentWell: { id: 'started' as const } };
    await Promise.all([saveSessionLegs(db, 's-p2', legs, null), saveSessionSummary(db, 's-p2', summary)]);
    expect(await db.get('sessions', 's-p2')).toMatchObject({ side: null, legs, summary, streams: [{ sensorId: 'demo' }] });
    await saveSessionLegs(db, 'missing', legs, 'involved');
    expect(await db.count('sessions')).toBe(3);
    db.close();
  });
});
