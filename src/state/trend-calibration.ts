// Which MVC scales a recording without a summary to %MVC: the calibration of that patient, muscle
// and leg in effect when the session started (the latest made at or before its start). Every
// calibration is kept in the database, so an old session is not scaled by today's MVC.
import type { CalibrationRecord, LegSide } from '../store/db/schema';
import type { MvcLookup } from './history-trends';

export function mvcAtSession(calibrations: readonly CalibrationRecord[], patientId: string | null, startedAt: string): MvcLookup {
  const startMs = Date.parse(startedAt);
  return (muscle: string, side: LegSide) => {
    let best: CalibrationRecord | null = null;
    for (const c of calibrations) {
      if (c.patientId !== patientId || c.muscle !== muscle || c.side !== side || c.unit !== 'uV' || !(c.mvc > 0)) continue;
      const madeMs = Date.parse(c.madeAt);
      if (madeMs <= startMs && (best === null || madeMs > Date.parse(best.madeAt))) best = c;
    }
    return best?.mvc ?? null;
  };
}
