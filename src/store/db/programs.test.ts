import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exerciseFromLibrary } from '../../exercise/library';
import type { Program } from '../../exercise/program';
import { openQuadcueDb } from './open-db';
import { currentProgramId, loadCurrentProgram, saveCurrentProgram } from './programs';

let dbCount = 0;
const open = () => openQuadcueDb({ name: `programs-${dbCount++}` });

function program(daysPerWeek: number): Program {
  const quadSet = exerciseFromLibrary('quad-set');
  if (!quadSet.ok) throw new Error('the library quad set must be valid');
  return { exercises: [quadSet.value], schedule: { daysPerWeek, sessionsPerDay: 1 } };
}

describe('current program store', () => {
  it('keeps one current program per patient, and one for no patient', async () => {
    const db = await open();
    await saveCurrentProgram(db, 'p1', program(3));
    await saveCurrentProgram(db, 'p2', program(5));
    await saveCurrentProgram(db, null, program(7));
    await saveCurrentProgram(db, 'p1', program(4));
    expect((await loadCurrentProgram(db, 'p1'))?.schedule.daysPerWeek).toBe(4);
    expect((await loadCurrentProgram(db, 'p2'))?.schedule.daysPerWeek).toBe(5);
    expect((await loadCurrentProgram(db, null))?.schedule.daysPerWeek).toBe(7);
    expect(await db.getAllFromIndex('programs', 'by-patient', 'p1')).toHaveLength(1);
    await saveCurrentProgram(db, 'p1', null);
    expect(await loadCurrentProgram(db, 'p1')).toBeNull();
    db.close();
  });

  it('reads a damaged record as no program', async () => {
    const db = await open();
    await db.put('programs', { id: currentProgramId('p1'), patientId: 'p1', name: 'x', program: { exercises: 'none' } as unknown as Program });
    expect(await loadCurrentProgram(db, 'p1')).toBeNull();
    db.close();
  });
});
