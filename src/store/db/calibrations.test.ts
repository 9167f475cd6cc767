import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addCalibration, allCalibrations, latestCalibrations, patientCalibrations } from './calibrations';
import { openQuadcueDb } from './open-db';

let dbCount = 0;
const open = () => openQuadcueDb({ name: `calibrations-${dbCount++}` });
const calibration = (patientId: string | null, muscle: string, side: 'left' | 'right', mvc: number, madeAt: string) => ({ patientId, muscle, side, mvc, unit: 'uV' as const, madeAt, trialMvcs: [mvc, null, mvc - 1] });

describe('calibrations store', () => {
  it('keeps every calibration and gives the latest per muscle and side of one patient', async () => {
    const db = await open();
    await addCalibration(db, calibration('p1', 'vmo', 'left', 200, '2026-11-01T09:00:00.000Z'));
    await addCalibration(db, calibration('p1', 'vmo', 'left', 240, '2026-11-20T09:00:00.000Z'));
    await addCalibration(db, calibration('p1', 'vl', 'left', 300, '2026-11-02T09:00:00.000Z'));
    await addCalibration(db, calibration('p1', 'vmo', 'right', 180, '2026-11-03T09:00:00.000Z'));
    await addCalibration(db, calibration('p2', 'vmo', 'left', 999, '2026-11-25T09:00:00.000Z'));
    expect(await patientCalibrations(db, 'p1')).toHaveLength(4);
    const latest = await latestCalibrations(db, 'p1');
    expect(latest.map((c) => [c.muscle, c.side, c.mvc])).toEqual([
      ['vmo', 'left', 240],
      ['vmo', 'right', 180],
      ['vl', 'left', 300],
    ]);
    expect(await allCalibrations(db)).toHaveLength(5);
    db.close();
  });

  it('keeps calibrations made with no patient chosen apart from any patient', async () => {
    const db = await open();
    await addCalibration(db, calibration(null, 'vmo', 'right', 150, '2026-11-01T09:00:00.000Z'));
    await addCalibration(db, calibration('p1', 'vmo', 'right', 250, '2026-11-02T09:00:00.000Z'));
    expect((await latestCalibrations(db, null)).map((c) => c.mvc)).toEqual([150]);
    expect((await latestCalibrations(db, 'p1')).map((c) => c.mvc)).toEqual([250]);
    db.close();
  });

  it('breaks a same-millisecond tie by the later record', async () => {
    const db = await open();
    const first = await addCalibration(db, calibration(null, 'vl', 'left', 100, '2026-11-01T09:00:00.000Z'));
    const second = await addCalibration(db, calibration(null, 'vl', 'left', 110, '2026-11-01T09:00:00.000Z'));
    expect(second.id).toBeGreaterThan(first.id!);
    expect((await latestCalibrations(db, null))[0]?.mvc).toBe(110);
    db.close();
  });
});
