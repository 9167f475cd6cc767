// Time-stamped Annotation Lists (TALs), the text inside an EDF+ "EDF Annotations" signal
// (EDF+ 2.2.2–2.2.4): "+onset[\x15duration]\x14text\x14…\x00". The first TAL of every data
// record keeps time: its first annotation is empty and its onset is the record's start.
import { TAL_DURATION, TAL_END, TAL_TEXT, formatTalSeconds } from './edf-layout';

export interface Tal {
  readonly onsetS: number;
  readonly durationS?: number;
  /** The annotations of the TAL; a time-keeping TAL's first one is "". */
  readonly texts: readonly string[];
}

/** Onsets carry a sign, durations do not; both are plain decimals (EDF+ 2.2.2). */
const onsetPattern = /^[+-](\d+(\.\d*)?|\.\d+)$/;
const durationPattern = /^(\d+(\.\d*)?|\.\d+)$/;
/** Annotation text is UTF-8; of the control bytes only TAB, LF and CR are allowed (EDF+ 2.2.3). */
const ALLOWED_CONTROL = new Set([0x09, 0x0a, 0x0d]);

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The TAL's bytes; texts must not hold control characters other than TAB, LF, CR (checked by the writer). */
export function encodeTal(tal: Tal): Uint8Array {
  const duration = tal.durationS === undefined ? '' : `\x15${formatTalSeconds(tal.durationS).slice(1)}`;
  return encoder.encode(`${formatTalSeconds(tal.onsetS)}${duration}\x14${tal.texts.map((t) => `${t}\x14`).join('')}\x00`);
}

/** True when `text` can be an annotation: no delimiter or other control byte (EDF+ 2.2.3). */
export function isValidAnnotationText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && !ALLOWED_CONTROL.has(code)) return false;
  }
  return true;
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

function indexOfByte(bytes: Uint8Array, value: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (bytes[i] === value) return i;
  return -1;
}

function decodeText(bytes: Uint8Array, from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    const byte = bytes[i]!;
    if (byte < 0x20 && !ALLOWED_CONTROL.has(byte)) return null;
  }
  try {
    return decoder.decode(bytes.subarray(from, to));
  } catch {
    return null;
  }
}

/**
 * The TALs in bytes[from, to): one signal's share of one data record. Unused bytes after the last
 * TAL are zeros. Returns a sentence instead when the bytes break the TAL rules.
 */
export function parseTals(bytes: Uint8Array, from: number, to: number): Tal[] | string {
  const tals: Tal[] = [];
  let at = from;
  while (at < to && bytes[at] !== TAL_END) {
    const textStart = indexOfByte(bytes, TAL_TEXT, at, to);
    if (textStart < 0) return `a TAL at byte ${at - from} has no text delimiter (byte 20)`;
    const durationStart = indexOfByte(bytes, TAL_DURATION, at, textStart);
    const onsetText = ascii(bytes, at, durationStart < 0 ? textStart : durationStart);
    if (!onsetPattern.test(onsetText)) return `TAL onset ${JSON.stringify(onsetText)} is not +seconds or -seconds`;
    // The patterns allow any number of digits; past ~1.8e308 they spell Infinity, no time at all.
    if (!Number.isFinite(Number(onsetText))) return `TAL onset ${onsetText.slice(0, 20)}… is too large to be a time`;
    let durationS: number | undefined;
    if (durationStart >= 0) {
      const durationText = ascii(bytes, durationStart + 1, textStart);
      if (!durationPattern.test(durationText)) return `TAL duration ${JSON.stringify(durationText)} is not a number of seconds`;
      durationS = Number(durationText);
      if (!Number.isFinite(durationS)) return `TAL duration ${durationText.slice(0, 20)}… is too large to be a time`;
    }
    const texts: string[] = [];
    at = textStart + 1;
    // Each annotation ends with byte 20; a 0 straight after one ends the TAL.
    for (;;) {
      const end = indexOfByte(bytes, TAL_TEXT, at, to);
      if (end < 0) return `a TAL at ${onsetText} s is not closed with bytes 20, 0`;
      const text = decodeText(bytes, at, end);
      if (text === null) return `an annotation at ${onsetText} s is not UTF-8 text without control bytes`;
      texts.push(text);
      at = end + 1;
      if (at < to && bytes[at] === TAL_END) break;
    }
    at++;
    tals.push(durationS === undefined ? { onsetS: Number(onsetText), texts } : { onsetS: Number(onsetText), durationS, texts });
  }
  return tals;
}
