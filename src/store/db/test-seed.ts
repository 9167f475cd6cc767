// Test data for the database tests (patients, backup): two patients with a session, chunks,
// events, a calibration and a program each, one session without a patient, and a PIN setting.
import { exerciseFromLibrary } from '../../exercise/library';
import type { Program } from '../../exercise/program';
import type { QuadcueDatabase } from './open-db';
import { savePatient } from './patients';
import type { ChunkRecord, PatientRecord, SessionRecord } from './schema';

function weekOne(): Program {
  const exercise = exerciseFromLibrary('quad-set');
  if (!exercise.ok) throw new Error('the library quad set must be valid');
  return { exercises: [exercise.value], schedule: { daysPerWeek: 5, sessionsPerDay: 2 } };
}

export const patient = (id: string, displayName: string): PatientRecord => ({ id, displayName, affectedSide: 'left', bodyMassKg: 72.5, notes: '' });

function session(id: string, patientId: string | null, startedAt: string): SessionRecord {
  return { id, patientId, side: 'involved', simulated: true, exerciseId: 'quad-set', startedAt, status: 'complete', stoppedBy: 'user', streams: [{ sensorId: 'demo', profileId: 'quadcue', channels: [{ label: 'VMO', kind: 'emg', unit: 'uV', nominalRateHz: 1000 }], rateHz: 1000, firstIndex: 0 }] };
}

function chunk(sessionId: string, seq: number): ChunkRecord {
  return { sessionId, sensorId: 'demo', seq, startIndex: seq * 4, sampleCount: 4, gapBefore: 0, channels: 1, raw: new Float32Array(4).fill(seq), level: new Float32Array(4) };
}

/** Two patients with a session, chunks, events, a calibration and a program each. */
export async function seedTwoPatients(db: QuadcueDatabase): Promise<void> {
  for (const [id, name] of [['p1', 'AB-01'], ['p2', 'CD-02']] as const) {
    await savePatient(db, patient(id, name));
    await db.put('sessions', session(`s-${id}`, id, '2026-11-20T09:00:00.000Z'));
    for (let seq = 0; seq < 3; seq++) await db.put('chunks', chunk(`s-${id}`, seq));
    await db.add('events', { sessionId: `s-${id}`, sensorId: 'demo', sampleIndex: 4, kind: 'pain', score: 3 });
    await db.add('events', { sessionId: `s-${id}`, sensorId: 'demo', sampleIndex: 8, kind: 'rep', set: 1, rep: 1, detail: { peakPct: 61.5 } });
    await db.add('calibrations', { patientId: id, muscle: 'vmo', side: 'left', mvc: 210, unit: 'uV', madeAt: '2026-11-19T10:00:00.000Z', trialMvcs: [200, null, 210] });
    await db.put('programs', { id: `prog-${id}`, patientId: id, name: 'Week 1', program: weekOne() });
  }
  await db.put('sessions', session('s-none', null, '2026-11-20T10:00:00.000Z'));
  await db.put('chunks', chunk('s-none', 0));
  await db.put('settings', { key: 'therapist-pin', value: { hash: 'x' } });
}

