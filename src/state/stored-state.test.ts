import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import { exerciseFromLibrary } from '../exercise/library';
import type { Program } from '../exercise/program';
import { openQuadcueDb, type QuadcueDatabase } from '../store/db/open-db';
import { loadCurrentProgram, saveCurrentProgram } from '../store/db/programs';
import { latestCalibrations, loadCalibration, saveCalibration } from './calibration-store';
import { MemoryStorage } from './cue-test-doubles';
import { currentProgram } from './program-model';
import { createSettingRegistry } from './setting-registry';
import { createStoredState, type StoredState } from './stored-state';

let dbCount = 0;
let running: StoredState | null = null;

afterEach(() => {
  running?.stop();
  running = null;
  latestCalibrations.value = new Map();
  currentProgram.value = null;
});

function program(daysPerWeek: number): Program {
  const quadSet = exerciseFromLibrary('quad-set');
  if (!quadSet.ok) throw new Error('the library quad set must be valid');
  return { exercises: [quadSet.value], schedule: { daysPerWeek, sessionsPerDay: 1 } };
}

async function startWith(db: () => Promise<QuadcueDatabase>, patient: string | null, legacy: MemoryStorage | null = null) {
  const patientId = signal<string | null>(patient);
  const settings = createSettingRegistry();
  const mains = settings.signal<50 | 60>('mains-hz', () => 50, (v) => (v === 50 || v === 60 ? v : null));
  running = createStoredState({ db, settings, patientId, legacy });
  const started = await running.start();
  return { patientId, mains, started, state: running };
}

/** Waits for the loads and saves the state started (no wall-clock waiting). */
const settle = () => running!.settled();

describe('stored state', () => {
  it('saves calibrations per patient and loads the latest ones when the patient changes', async () => {
    const db = await openQuadcueDb({ name: `stored-state-${dbCount++}` });
    const { patientId } = await startWith(() => Promise.resolve(db), 'p1');
    saveCalibration('vmo', 'right', { mvc: 200, unit: 'uV', madeAt: '2026-11-20T09:00:00.000Z', trialMvcs: [200] });
    expect(loadCalibration('vmo', 'right')?.mvc).toBe(200);
    await settle();
    patientId.value = 'p2';
    await settle();
    expect(loadCalibration('vmo', 'right')).toBeNull();
    saveCalibration('vmo', 'right', { mvc: 300, unit: 'uV', madeAt: '2026-11-21T09:00:00.000Z', trialMvcs: [300] });
    await settle();
    patientId.value = 'p1';
    await settle();
    expect(loadCalibration('vmo', 'right')?.mvc).toBe(200);
    expect((await db.getAll('calibrations')).map((c) => [c.patientId, c.mvc])).toEqual([
      ['p1', 200],
      ['p2', 300],
    ]);
    db.close();
  });

  it('keeps the current program per patient and survives a restart', async () => {
    const db = await openQuadcueDb({ name: `stored-state-${dbCount++}` });
    await saveCurrentProgram(db, 'p2', program(2));
    const first = await startWith(() => Promise.resolve(db), 'p1');
    expect(currentProgram.value).toBeNull();
    currentProgram.value = program(5);
    await settle();
    expect((await loadCurrentProgram(db, 'p1'))?.schedule.daysPerWeek).toBe(5);
    first.patientId.value = 'p2';
    await settle();
    expect(currentProgram.value?.schedule.daysPerWeek).toBe(2);
    first.state.stop();
    running = null;
    currentProgram.value = null;
    await startWith(() => Promise.resolve(db), 'p1');
    expect(currentProgram.peek()?.schedule.daysPerWeek).toBe(5);
    db.close();
  });

  it('moves old localStorage values in on first start and uses them', async () => {
    const db = await openQuadcueDb({ name: `stored-state-${dbCount++}` });
    const legacy = new MemoryStorage();
    legacy.setItem('quadcue.mains-hz', '60');
    legacy.setItem('quadcue.calibrations', JSON.stringify({ 'vl.left': { mvc: 150, unit: 'uV', madeAt: '2026-11-01T09:00:00.000Z', trialMvcs: [150] } }));
    const { mains } = await startWith(() => Promise.resolve(db), null, legacy);
    expect(mains.value).toBe(60);
    expect(loadCalibration('vl', 'left')?.mvc).toBe(150);
    expect(legacy.length).toBe(0);
    db.close();
  });

  it('reloads after the database was replaced (a restored backup)', async () => {
    const db = await openQuadcueDb({ name: `stored-state-${dbCount++}` });
    const { mains, state } = await startWith(() => Promise.resolve(db), 'p1');
    await db.put('settings', { key: 'mains-hz', value: 60 });
    await saveCurrentProgram(db, 'p1', program(6));
    await state.reload();
    expect(mains.value).toBe(60);
    expect(currentProgram.value?.schedule.daysPerWeek).toBe(6);
    db.close();
  });

  it('works in memory for the visit when the database cannot open', async () => {
    const { started, mains } = await startWith(() => Promise.reject(new DOMException('blocked', 'SecurityError')), 'p1');
    expect(started).toBe(false);
    mains.value = 60;
    currentProgram.value = program(3);
    saveCalibration('vmo', 'left', { mvc: 120, unit: 'uV', madeAt: '2026-11-20T09:00:00.000Z', trialMvcs: [120] });
    expect([mains.value, currentProgram.value.schedule.daysPerWeek, loadCalibration('vmo', 'left')?.mvc]).toEqual([60, 3, 120]);
  });
});
