import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openQuadcueDb } from '../store/db/open-db';
import { createPatientsModel } from './patients-model';

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

let dbCount = 0;
async function setup() {
  const db = await openQuadcueDb({ name: `patients-model-${dbCount++}` });
  const storage = memoryStorage();
  let next = 0;
  const model = createPatientsModel({ db: async () => db, storage, newId: () => `id-${next++}` });
  return { db, storage, model };
}
const form = (displayName: string) => ({ displayName, affectedSide: 'right' as const, bodyMassKg: '70', notes: '' });

describe('patients model', () => {
  it('creates, edits and lists patients; the first becomes active and is remembered', async () => {
    const { model, storage } = await setup();
    expect(await model.save(form(''))).toEqual({ ok: false, errors: ['name-missing'] });
    expect(model.patients.value).toEqual([]);
    await model.save(form('KL-7'));
    await model.save(form('AB-1'));
    expect(model.patients.value.map((p) => p.displayName)).toEqual(['AB-1', 'KL-7']);
    expect(model.activePatient.value?.displayName).toBe('KL-7');
    expect(storage.map.get('quadcue.active-patient')).toBe('id-0');
    await model.save({ ...form('KL-8'), notes: 'left ACL' }, 'id-0');
    expect(model.activePatient.value).toEqual({ id: 'id-0', displayName: 'KL-8', affectedSide: 'right', bodyMassKg: 70, notes: 'left ACL' });
  });

  it('lets go of the active patient when deleted, and deleting everything keeps the PIN', async () => {
    const { model, db } = await setup();
    await model.save(form('A'));
    await model.save(form('B'));
    await model.remove('id-0');
    expect([model.activePatient.value, model.patients.value.map((p) => p.id)]).toEqual([null, ['id-1']]);
    await db.put('settings', { key: 'therapist-pin', value: 'kept' });
    await db.put('settings', { key: 'other', value: 'gone' });
    await model.deleteEverything();
    expect(model.patients.value).toEqual([]);
    expect(await db.getAllKeys('settings')).toEqual(['therapist-pin']);
  });
});
