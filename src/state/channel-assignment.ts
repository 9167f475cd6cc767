// Which muscle and side each channel of a sensor measures, remembered per sensor on this device
// in one setting of the settings store: sensor key → assignment (assignment-storage.ts).
import type { ChannelSpec, ProfileId } from '../profiles/types';
import { appSettings } from './setting-registry';

export const muscles = ['vmo', 'vl', 'rectus-femoris', 'hamstrings', 'other'] as const;
export type Muscle = (typeof muscles)[number];
export type Side = 'left' | 'right';

export interface ChannelAssignment {
  /** null: not assigned yet (Ganglion channels start unnamed). */
  muscle: Muscle | null;
  side: Side;
}

/** Sensible defaults per profile: Quadcue sensors describe their own labels; others start unnamed. */
export function defaultAssignment(profileId: ProfileId, channels: readonly ChannelSpec[]): ChannelAssignment[] {
  return channels.map((channel) => {
    if (profileId !== 'quadcue') return { muscle: channel.kind === 'force' ? 'other' : null, side: 'right' };
    const label = channel.label.trim().toLowerCase();
    const muscle: Muscle | null =
      label === 'vmo' ? 'vmo' : label === 'vl' ? 'vl' : label === 'rf' || label.includes('rectus') ? 'rectus-femoris' : label.startsWith('ham') ? 'hamstrings' : channel.kind === 'force' ? 'other' : null;
    return { muscle, side: 'right' };
  });
}

function isAssignment(value: unknown): value is ChannelAssignment {
  if (typeof value !== 'object' || value === null) return false;
  const { muscle, side } = value as Record<string, unknown>;
  return (muscle === null || (muscles as readonly unknown[]).includes(muscle)) && (side === 'left' || side === 'right');
}

/** Where assignments are read and written by sensor key: assignmentStorage in the app. */
export type AssignmentStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function loadAssignment(storage: AssignmentStorage, sensorKey: string, fallback: ChannelAssignment[]): ChannelAssignment[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(sensorKey) ?? 'null');
    if (Array.isArray(parsed) && parsed.length === fallback.length && parsed.every(isAssignment)) return parsed;
  } catch {
    // A damaged entry is ignored: the defaults are a fine starting point.
  }
  return fallback;
}

export function saveAssignment(storage: AssignmentStorage, sensorKey: string, assignment: ChannelAssignment[]): void {
  try {
    storage.setItem(sensorKey, JSON.stringify(assignment));
  } catch {
    // Full or disabled storage: the choice holds for this session only.
  }
}

export const ASSIGNMENTS_SETTING_KEY = 'channel-assignments';

export type StoredAssignments = Readonly<Record<string, readonly ChannelAssignment[]>>;

/** Keeps the sensors whose stored assignment is well formed; a damaged one is dropped (defaults again). */
export function readAssignments(stored: unknown): StoredAssignments | null {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
  return Object.fromEntries(Object.entries(stored).filter(([, a]) => Array.isArray(a) && a.every(isAssignment)));
}

/** Every sensor's assignment, kept in the settings store. */
export const channelAssignments = appSettings.signal<StoredAssignments>(ASSIGNMENTS_SETTING_KEY, () => ({}), readAssignments);
