// The localStorage keys of releases before the database held these values, and which of them a
// device still has. Kept apart from the move itself (legacy-move.ts) and from the models, so a
// device with nothing to move loads neither the moving code nor the models to check.
export const LEGACY_CALIBRATIONS_KEY = 'quadcue.calibrations';
export const LEGACY_PROGRAM_KEY = 'quadcue.program';
export const LEGACY_MAINS_KEY = 'quadcue.mains-hz';
export const LEGACY_DYNAMOMETER_KEY = 'quadcue.dynamometer';
export const LEGACY_CUE_SETTINGS_KEY = 'quadcue.cues';
/** One key per sensor: this prefix + the sensor key. */
export const LEGACY_ASSIGNMENT_PREFIX = 'quadcue.channel-assignment.';

export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem' | 'key' | 'length'>;

/** The old keys present in `storage`; empty once the move has run (or on a new device). */
export function legacyKeysIn(storage: LegacyStorage): string[] {
  const keys = [LEGACY_CALIBRATIONS_KEY, LEGACY_PROGRAM_KEY, LEGACY_MAINS_KEY, LEGACY_DYNAMOMETER_KEY, LEGACY_CUE_SETTINGS_KEY];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(LEGACY_ASSIGNMENT_PREFIX)) keys.push(key);
  }
  return keys.filter((key) => storage.getItem(key) !== null);
}
