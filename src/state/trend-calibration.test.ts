import { describe, expect, it } from 'vitest';
import type { CalibrationRecord } from '../store/db/schema';
import { mvcAtSession } from './trend-calibration';

const calibration = (patientId: string | null, side: 'left' | 'right', mvc: number, madeAt: string, unit: 'uV' | 'N' = 'uV'): CalibrationRecord => ({ patientId, muscle: 'vmo', side, mvc, unit, madeAt, trialMvcs: [mvc] });

describe('MVC at a session', () => {
  it('takes the latest calibration of that patient, muscle and leg made before the session', () => {
    const all = [
      calibration('p', 'left', 100, '2026-11-01T09:00:00Z'),
      calibration('p', 'left', 140, '2026-11-05T09:00:00Z'),
      calibration('p', 'left', 900, '2026-11-09T09:00:00Z'),
      calibration('p', 'right', 200, '2026-11-01T09:00:00Z'),
      calibration('q', 'left', 300, '2026-11-06T09:00:00Z'),
      calibration('p', 'left', 50, '2026-11-06T09:00:00Z', 'N'),
    ];
    const mvc = mvcAtSession(all, 'p', '2026-11-07T09:00:00Z');
    expect(mvc('vmo', 'left')).toBe(140);
    expect(mvc('vmo', 'right')).toBe(200);
    expect(mvc('vl', 'left')).toBeNull();
    expect(mvcAtSession(all, 'p', '2026-10-30T09:00:00Z')('vmo', 'left')).toBeNull();
    expect(mvcAtSession(all, null, '2026-11-07T09:00:00Z')('vmo', 'left')).toBeNull();
  });
});
