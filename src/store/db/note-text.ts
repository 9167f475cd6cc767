// What a note event may hold. Notes come from files other programs wrote (an EDF+ annotation such
// as "Stimulus on") and from backups: untrusted text, so it is cleaned once here and the backup
// validator refuses any note this would change. The UI renders it as text only, never as markup.

/**
 * A note labels a moment on the timeline; 200 characters hold any marker text EDF+ recorders
 * write in practice, and keep a hostile file from storing pages of text in every backup.
 */
export const NOTE_MAX_CHARS = 200;

/** Line breaks and tabs become one space: a note is one line. */
const BREAKS = /[\t\n\r\u2028\u2029]+/g;
/**
 * Other control characters (Unicode Cc) and the bidirectional controls (Unicode TR9: ALM, LRM,
 * RLM, LRE…RLO, LRI…PDI), which can make a note read differently from what it holds.
 */
const CONTROLS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `raw` as a note: one line, no control characters, at most NOTE_MAX_CHARS; "" when nothing is left. */
export function noteText(raw: string): string {
  const flat = raw.replace(BREAKS, ' ').replace(CONTROLS, '').replace(/ {2,}/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= NOTE_MAX_CHARS) return flat;
  return `${chars.slice(0, NOTE_MAX_CHARS - 1).join('').trimEnd()}…`;
}
