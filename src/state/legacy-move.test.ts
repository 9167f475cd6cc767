import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exerciseFromLibrary } from '../exercise/library';
import { openQuadcueDb } from '../store/db/open-db';
import { loadCurrentProgram } from '../store/db/programs';
import { MemoryStorage } from './cue-test-doubles';
import { moveLegacyStorage } from './legacy-move';

let dbCount = 0;
const open = () => openQuadcueDb({ name: `legacy-move-${dbCount++}` });

function oldDevice(): MemoryStorage {
  const quadSet = exerciseFromLibrary('quad-set');
  if (!quadSet.ok) throw new Error('the library quad set must be valid');
  const storage = new MemoryStorage();
  storage.setItem(
    'quadcue.calibrations',
    JSON.stringify({
      'vmo.right': { mvc: 220, unit: 'uV', madeAt: '2026-11-10T09:00:00.000Z', trialMvcs: [210, 220, null] },
      'vl.right': { mvc: -5, unit: 'uV', madeAt: '2026-11-10T09:00:00.000Z', trialMvcs: [] }, // damaged: dropped
    }),
  );
  storage.setItem('quadcue.program', JSON.stringify({ exercises: [quadSet.value], schedule: { daysPerWeek: 4, sessionsPerDay: 2 } }));
  storage.setItem('quadcue.mains-hz', '60');
  storage.setItem('quadcue.dynamometer', JSON.stringify({ leverArmM: 0.35, bodyMassKg: 'heavy' }));
  storage.setItem('quadcue.cues', JSON.stringify({ sound: false }));
  storage.setItem('quadcue.channel-assignment.quadcue.AA', JSON.stringify([{ muscle: 'vmo', side: 'left' }]));
  storage.setItem('quadcue.active-patient', 'p1'); // device-bound: stays in localStorage
  return storage;
}

describe('the one-time move from localStorage', () => {
  it('writes calibrations, the program and settings into the database, then removes the old keys', async () => {
    const db = await open();
    const storage = oldDevice();
    const moved = await moveLegacyStorage(db, storage, 'p1');
    expect(moved).toEqual({ calibrations: 1, program: true, settings: ['mains-hz', 'dynamometer', 'cues', 'channel-assignments'] });
    expect(await db.getAll('calibrations')).toMatchObject([{ patientId: 'p1', muscle: 'vmo', side: 'right', mvc: 220, trialMvcs: [210, 220, null] }]);
    expect((await loadCurrentProgram(db, 'p1'))?.schedule).toEqual({ daysPerWeek: 4, sessionsPerDay: 2 });
    expect(await db.get('settings', 'mains-hz')).toEqual({ key: 'mains-hz', value: 60 });
    expect((await db.get('settings', 'dynamometer'))?.value).toEqual({ leverArmM: 0.35, bodyMassKg: null });
    expect((await db.get('settings', 'cues'))?.value).toMatchObject({ sound: false, colourWords: true });
    expect((await db.get('settings', 'channel-assignments'))?.value).toEqual({ 'quadcue.AA': [{ muscle: 'vmo', side: 'left' }] });
    expect(storage.length).toBe(1);
    expect(storage.getItem('quadcue.active-patient')).toBe('p1');
    db.close();
  });

  it('happens once: a second start finds nothing to move and writes nothing', async () => {
    const db = await open();
    const storage = oldDevice();
    await moveLegacyStorage(db, storage, null);
    expect(await moveLegacyStorage(db, storage, null)).toEqual({ calibrations: 0, program: false, settings: [] });
    expect(await db.getAll('calibrations')).toHaveLength(1);
    db.close();
  });

  it('never overwrites what the database already holds', async () => {
    const db = await open();
    await db.put('settings', { key: 'mains-hz', value: 50 });
    const moved = await moveLegacyStorage(db, oldDevice(), null);
    expect(moved.settings).not.toContain('mains-hz');
    expect((await db.get('settings', 'mains-hz'))?.value).toBe(50);
    db.close();
  });

  it('keeps the old keys when the write fails, so the next start tries again', async () => {
    const db = await open();
    db.close(); // every transaction on a closed connection throws
    const storage = oldDevice();
    await expect(moveLegacyStorage(db, storage, null)).rejects.toThrow();
    expect(storage.getItem('quadcue.program')).not.toBeNull();
    expect(storage.length).toBe(7);
  });

  it('leaves no promise rejected unheard when the transaction aborts half-way', async () => {
    const db = await open();
    const storage = oldDevice();
    const unheard: unknown[] = [];
    const listen = (reason: unknown) => unheard.push(reason);
    process.on('unhandledRejection', listen);
    // The transaction aborts while the move reads what the database already holds (a full disk
    // or a closing browser aborts it the same way).
    const originalGetKey = IDBObjectStore.prototype.getKey;
    IDBObjectStore.prototype.getKey = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getKey']>) {
      const request = originalGetKey.apply(this, args);
      this.transaction.abort();
      return request;
    };
    try {
      await expect(moveLegacyStorage(db, storage, null)).rejects.toThrow();
      // Node reports unhandled rejections after the microtasks run: give it a macrotask.
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      IDBObjectStore.prototype.getKey = originalGetKey;
      process.off('unhandledRejection', listen);
    }
    expect(unheard).toEqual([]);
    expect(await db.count('calibrations')).toBe(0);
    expect(storage.length).toBe(7);
    db.close();
  });
});
