// The last MVC calibration per muscle and side, kept on this device so the next session can
// reuse it (showing its date). A few bytes in localStorage until the session database exists.
import type { Muscle, Side } from './channel-assignment';

export interface StoredCalibration {
  mvc: number;
  unit: 'uV' | 'N';
  /** ISO-8601 date and time the calibration was made. */
  madeAt: string;
  trialMvcs: (number | null)[];
}

const storageKey = 'quadcue.calibrations';

function isStored(value: unknown): value is StoredCalibration {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.mvc === 'number' &&
    Number.isFinite(v.mvc) &&
    v.mvc > 0 &&
    (v.unit === 'uV' || v.unit === 'N') &&
    typeof v.madeAt === 'string' &&
    !Number.isNaN(Date.parse(v.madeAt)) &&
    Array.isArray(v.trialMvcs) &&
    v.trialMvcs.every((t) => t === null || typeof t === 'number')
  );
}

function readAll(storage: Storage): Record<string, StoredCalibration> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => isStored(v))) as Record<string, StoredCalibration>;
  } catch {
    return {}; // a damaged entry means "calibrate again", never a crash
  }
}

export function loadCalibration(storage: Storage, muscle: Muscle, side: Side): StoredCalibration | null {
  return readAll(storage)[`${muscle}.${side}`] ?? null;
}

export function saveCalibration(storage: Storage, muscle: Muscle, side: Side, calibration: StoredCalibration): void {
  try {
    storage.setItem(storageKey, JSON.stringify({ ...readAll(storage), [`${muscle}.${side}`]: calibration }));
  } catch {
    // Storage full or off: the calibration still serves this session.
  }
}
