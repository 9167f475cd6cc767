// Which leg a session exercises, relative to the injury: the suggestion offered before recording
// (from the patient's affected leg and the legs the channels are assigned to), and whether a
// session recorded both legs at once (a two-leg session, compared within itself for symmetry).
import type { ChannelLeg, LegSide } from '../store/db/schema';
import type { SessionSide } from '../store/db/session-side';

/**
 * The side to suggest: 'involved' when every assigned channel sits on the patient's affected leg,
 * 'uninvolved' when every one sits on the other leg; null when the affected leg is not known, no
 * channel is assigned, or the channels sit on both legs (then neither tag describes the session).
 */
export function suggestSide(affectedSide: LegSide | null, channelSides: readonly LegSide[]): SessionSide | null {
  if (affectedSide === null || channelSides.length === 0) return null;
  const first = channelSides[0]!;
  if (channelSides.some((s) => s !== first)) return null;
  return first === affectedSide ? 'involved' : 'uninvolved';
}

/** Muscles recorded on both the left and the right leg in one session, in first-seen order. */
export function twoLegMuscles(legs: readonly ChannelLeg[]): string[] {
  const muscles: string[] = [];
  for (const leg of legs) {
    if (muscles.includes(leg.muscle)) continue;
    const sides = new Set(legs.filter((l) => l.muscle === leg.muscle).map((l) => l.side));
    if (sides.size === 2) muscles.push(leg.muscle);
  }
  return muscles;
}
