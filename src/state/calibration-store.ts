// The latest MVC calibration per muscle and side of the active patient, as a signal so render
// code reads it synchronously. The database (calibrations store, every calibration kept as
// history) fills it right after start and again when the patient changes (stored-state.ts).
import { signal } from '@preact/signals';
import type { Muscle, Side } from './channel-assignment';
import { startStoredState } from './stored-state-start';

export interface StoredCalibration {
  mvc: number;
  unit: 'uV' | 'N';
  /** ISO-8601 date and time the calibration was made. */
  madeAt: string;
  trialMvcs: (number | null)[];
}

/** A stored value the app can use: a positive, finite MVC with a real date. */
export function isStoredCalibration(value: unknown): value is StoredCalibration {
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

export const calibrationKey = (muscle: string, side: Side): string => `${muscle}.${side}`;

/** Latest calibration by `muscle.side`, for the active patient. */
export const latestCalibrations = signal<ReadonlyMap<string, StoredCalibration>>(new Map());
// Whichever screen first needs calibrations starts the load (once).
startStoredState();

/** Where a new calibration goes besides the signal: the database, once it is open. */
let keep: ((muscle: Muscle, side: Side, calibration: StoredCalibration) => void) | null = null;
export function keepCalibrationsWith(sink: typeof keep): void {
  keep = sink;
}

/** Reading `.value` inside: a component calling this re-renders when calibrations change. */
export function loadCalibration(muscle: Muscle, side: Side): StoredCalibration | null {
  return latestCalibrations.value.get(calibrationKey(muscle, side)) ?? null;
}

export function saveCalibration(muscle: Muscle, side: Side, calibration: StoredCalibration): void {
  latestCalibrations.value = new Map(latestCalibrations.peek()).set(calibrationKey(muscle, side), calibration);
  keep?.(muscle, side, calibration);
}
