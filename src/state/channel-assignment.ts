// Which muscle and side each channel of a sensor measures, remembered per sensor on this device.
// Stored in localStorage for now: a few bytes per sensor, needed before any database exists.
import type { ChannelSpec, ProfileId } from '../profiles/types';

export const muscles = ['vmo', 'vl', 'rectus-femoris', 'hamstrings', 'other'] as const;
export type Muscle = (typeof muscles)[number];
export type Side = 'left' | 'right';

export interface ChannelAssignment {
  /** null: not assigned yet (Ganglion channels start unnamed). */
  muscle: Muscle | null;
  side: Side;
}

const storageKeyPrefix = 'quadcue.channel-assignment.';

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

export function loadAssignment(storage: Storage, sensorKey: string, fallback: ChannelAssignment[]): ChannelAssignment[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKeyPrefix + sensorKey) ?? 'null');
    if (Array.isArray(parsed) && parsed.length === fallback.length && parsed.every(isAssignment)) return parsed;
  } catch {
    // A damaged entry is ignored: the defaults are a fine starting point.
  }
  return fallback;
}

export function saveAssignment(storage: Storage, sensorKey: string, assignment: ChannelAssignment[]): void {
  try {
    storage.setItem(storageKeyPrefix + sensorKey, JSON.stringify(assignment));
  } catch {
    // Full or disabled storage: the choice holds for this session only.
  }
}
