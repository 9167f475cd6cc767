// The words of the session summary's "what went well" sentence, one per choice in summary.ts.
// Kept apart so the lead can move them into src/ui/strings.ts with the rest of the wording.

import type { WentWell } from './summary.ts';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function wentWellSentence(w: WentWell): string {
  switch (w.id) {
    case 'all-holds':
      return w.reps === 1 ? 'You held your repetition for the full time.' : `You held all ${w.reps} repetitions for the full time.`;
    case 'in-band':
      return `You kept within the target band for ${w.percent} % of your hold time.`;
    case 'steady':
      return 'Your effort stayed steady from the first repetition to the last.';
    case 'improved':
      return `Your holds got better as you went: ${w.firstSetAchieved} in the first set, ${w.lastSetAchieved} in the last.`;
    case 'some-holds':
      return `You completed ${w.achieved} of ${w.total} holds.`;
    case 'reps-done':
      return `You did ${plural(w.reps, 'repetition', 'repetitions')}. Every session counts.`;
    case 'started':
      return 'You set up the sensor and started. That is the first step.';
  }
}
