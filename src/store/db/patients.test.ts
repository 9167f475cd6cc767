import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openQuadcueDb, type QuadcueDatabase } from './open-db';
import { ALL_STORES, checkPatientInput, deleteAllData, deletePatient, listPatients, savePatient } from './patients';
import { patient, seedTwoPatients } from './test-seed';

let dbCount = 0;
const open = () => openQuadcueDb({ name: `patients-${dbCount++}` });

/** Every record anywhere in the database that mentions `text` (ids, names). */
async function mentions(db: QuadcueDatabase, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const store of ALL_STORES) {
    for (const record of await db.getAll(store)) {
      const json = JSON.stringify(record, (_k, v: unknown) => (v instanceof Float32Array ? [] : v));
      if (json.includes(text)) found.push(`${store}: ${json}`);
    }
  }
  return found;
}

describe('patient input', () => {
  it('trims, converts the body mass and accepts a pseudonym', () => {
    expect(checkPatientInput({ displayName: '  AB-01 ', affectedSide: 'right', bodyMassKg: ' 80.5 ', notes: ' ACL ' })).toEqual({
      ok: true,
      value: { displayName: 'AB-01', affectedSide: 'right', bodyMassKg: 80.5, notes: 'ACL' },
    });
    expect(checkPatientInput({ displayName: 'X', affectedSide: null, bodyMassKg: '', notes: '' })).toMatchObject({ ok: true, value: { bodyMassKg: null } });
  });

  it('reports every problem at once', () => {
    expect(checkPatientInput({ displayName: ' ', affectedSide: null, bodyMassKg: '-3', notes: 'n'.repeat(2001) })).toEqual({
      ok: false,
      errors: ['name-missing', 'body-mass-invalid', 'notes-too-long'],
    });
    expect(checkPatientInput({ displayName: 'x'.repeat(41), affectedSide: null, bodyMassKg: 'abc', notes: '' })).toEqual({ ok: false, errors: ['name-too-long', 'body-mass-invalid'] });
  });
});

describe('patients in the database', () => {
  it('lists patients by display name, and saves edits in place', async () => {
    const db = await open();
    await savePatient(db, patient('b', 'Zed'));
    await savePatient(db, patient('a', 'Amy'));
    await savePatient(db, { ...patient('b', 'Bob'), notes: 'edited' });
    expect((await listPatients(db)).map((p) => [p.id, p.displayName, p.notes])).toEqual([
      ['a', 'Amy', ''],
      ['b', 'Bob', 'edited'],
    ]);
  });

  it('deletes a patient with all their data and leaves nothing of them behind, others untouched', async () => {
    const db = await open();
    await seedTwoPatients(db);
    expect((await mentions(db, 'p1')).length).toBeGreaterThan(5);
    await deletePatient(db, 'p1');
    expect(await mentions(db, 'p1')).toEqual([]);
    expect(await db.count('chunks')).toBe(3 + 1);
    expect(await db.count('events')).toBe(2);
    expect(await db.count('calibrations')).toBe(1);
    expect(await db.count('programs')).toBe(1);
    expect((await db.getAll('sessions')).map((s) => s.id).sort()).toEqual(['s-none', 's-p2']);
  });

  it('deletes everything but the settings it is told to keep', async () => {
    const db = await open();
    await seedTwoPatients(db);
    await db.put('settings', { key: 'other', value: 1 });
    await deleteAllData(db, ['therapist-pin']);
    for (const store of ALL_STORES) expect(await db.count(store)).toBe(store === 'settings' ? 1 : 0);
    expect(await db.get('settings', 'therapist-pin')).toEqual({ key: 'therapist-pin', value: { hash: 'x' } });
  });
});
