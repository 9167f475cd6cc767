// Session events as EDF+ annotation texts and back, in one place so the two directions cannot
// drift: the export writes "set 1 rep 2", "cue squeeze", "pain 3/10" and "effort 6/10", and
// exactly those texts become their events again. Any other text — another program's marker, a
// "cue" the app does not know — becomes a note, cleaned like every note (src/store/db/note-text.ts).
// Gaps are not texts here: the reader has already turned gap marks into NaN samples (edf-gaps.ts).
import { noteText } from '../db/note-text';
import type { SessionEventBody } from '../db/schema';

export type AnnotatedEventBody = Exclude<SessionEventBody, { kind: 'gap' }>;

const repPattern = /^set (\d+) rep (\d+)$/;
const scorePattern = /^(pain|effort) (\d+(?:\.\d+)?)\/10$/;
const CUE_PREFIX = 'cue ';
/**
 * The cues Quadcue itself names (the kinds of CueEvent, src/state/cue-types.ts; a test keeps the
 * two lists equal). Only these are read back as cue events: another program's "cue …" is its
 * own marker, which History would not show as a cue, so it stays a readable note.
 */
export const CUE_IDS = ['squeeze', 'enter-band', 'leave-band', 'hold-countdown', 'hold-complete', 'rep-complete', 'relax', 'set-complete', 'session-complete'] as const;
/** Pain and effort are rated on 0–10 scales (clinical.md). */
const SCORE_MAX = 10;

/** The annotation text the export writes for an event; null for gaps (they are NaN samples and a gap mark). */
export function annotationText(event: SessionEventBody): string | null {
  switch (event.kind) {
    case 'rep':
      return `set ${event.set} rep ${event.rep}`;
    case 'cue':
      return `${CUE_PREFIX}${event.cue}`;
    case 'pain':
    case 'effort':
      return `${event.kind} ${event.score}/10`;
    case 'note':
      return event.text;
    case 'gap':
      return null;
  }
}

/** The number `digits` spells only if the export would spell it so (`${n}`): "2.50" and "007" are not ours. */
function written(digits: string): number | null {
  const n = Number(digits);
  return String(n) === digits ? n : null;
}

/** The event an annotation text stands for, or null when nothing readable is left of it. */
export function eventOfAnnotation(text: string): AnnotatedEventBody | null {
  const clean = noteText(text);
  if (clean === '') return null;
  const rep = repPattern.exec(clean);
  if (rep) {
    const [set, number] = [written(rep[1]!), written(rep[2]!)];
    // The export keeps the rep's place, not its metrics: detail comes back empty.
    if (set !== null && number !== null) return { kind: 'rep', set, rep: number, detail: {} };
  }
  const score = scorePattern.exec(clean);
  if (score) {
    const value = written(score[2]!);
    if (value !== null && value <= SCORE_MAX) return { kind: score[1] === 'pain' ? 'pain' : 'effort', score: value };
  }
  const cue = clean.startsWith(CUE_PREFIX) ? clean.slice(CUE_PREFIX.length) : null;
  if (cue !== null && (CUE_IDS as readonly string[]).includes(cue)) return { kind: 'cue', cue };
  return { kind: 'note', text: clean };
}
