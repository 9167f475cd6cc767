import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openQuadcueDb } from './open-db';
import { readSettings, writeSetting } from './settings';

describe('settings store', () => {
  it('writes key/value records and reads them all back', async () => {
    const db = await openQuadcueDb({ name: 'settings-store' });
    await writeSetting(db, 'mains-hz', 60);
    await writeSetting(db, 'dynamometer', { leverArmM: 0.3, bodyMassKg: null });
    await writeSetting(db, 'mains-hz', 50);
    expect(await readSettings(db)).toEqual(new Map<string, unknown>([['dynamometer', { leverArmM: 0.3, bodyMassKg: null }], ['mains-hz', 50]]));
    db.close();
  });
});
