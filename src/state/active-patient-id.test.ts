import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openQuadcueDb } from '../store/db/open-db';
import { MemoryStorage } from './cue-test-doubles';
import { createPatientsModel } from './patients-model';
import { readActivePatientId } from './active-patient-id';

describe('the active patient at start', () => {
  it('is read where the patients model keeps it, without loading the patients code', async () => {
    const storage = new MemoryStorage();
    const db = await openQuadcueDb({ name: 'active-patient-key' });
    const patients = createPatientsModel({ db: () => Promise.resolve(db), storage, newId: () => 'p1' });
    expect(readActivePatientId(storage)).toBeNull();
    patients.select('p1');
    expect(readActivePatientId(storage)).toBe('p1');
    patients.select(null);
    expect(readActivePatientId(storage)).toBeNull();
    db.close();
  });

  it('is none when storage is blocked', () => {
    const blocked = new MemoryStorage();
    blocked.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    expect(readActivePatientId(blocked)).toBeNull();
    expect(readActivePatientId(null)).toBeNull();
  });
});
