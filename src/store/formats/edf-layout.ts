// The byte layout of an EDF/EDF+ header and the constants both the writer and the reader use.
// Sources: Kemp et al. 1992, "A simple format for exchange of digitized polygraphic recordings",
// Electroenceph Clin Neurophysiol 82:391–393 (the EDF header table); Kemp & Olivan 2003,
// "European data format 'plus' (EDF+)", Clin Neurophysiol 114:1755–1761 (edfplus.info/specs),
// sections 2.1.1 (header subfields), 2.2 (annotations, TALs).

/** The fixed part of the header; each signal adds the same number of bytes again. */
export const FIXED_HEADER_BYTES = 256;
export const HEADER_BYTES_PER_SIGNAL = 256;

/** Fixed-part fields in file order, widths in bytes (EDF header table). */
export const FIXED_FIELDS = [
  ['version', 8],
  ['patient', 80],
  ['recording', 80],
  ['startDate', 8],
  ['startTime', 8],
  ['headerBytes', 8],
  ['reserved', 44],
  ['recordCount', 8],
  ['recordDurationS', 8],
  ['signalCount', 4],
] as const;

/** Per-signal fields: each is stored for all signals before the next field starts. */
export const SIGNAL_FIELDS = [
  ['label', 16],
  ['transducer', 80],
  ['physicalDimension', 8],
  ['physicalMin', 8],
  ['physicalMax', 8],
  ['digitalMin', 8],
  ['digitalMax', 8],
  ['prefiltering', 80],
  ['samplesPerRecord', 8],
  ['reserved', 32],
] as const;

export type FixedFieldName = (typeof FIXED_FIELDS)[number][0];
export type SignalFieldName = (typeof SIGNAL_FIELDS)[number][0];

/** EDF's version field is "0" (Kemp 1992); BDF's starts with byte 0xFF instead. */
export const EDF_VERSION = '0';
/** EDF+ marks itself in the reserved field: continuous or discontinuous (EDF+ 2.1.1). */
export const EDF_PLUS_CONTINUOUS = 'EDF+C';
export const EDF_PLUS_DISCONTINUOUS = 'EDF+D';
/** The label of the signal that carries TALs (EDF+ 2.2.1). */
export const ANNOTATIONS_LABEL = 'EDF Annotations';

/** Equipment subfield of the EDF+ recording identification (EDF+ 2.1.3). */
export const EQUIPMENT = 'Quadcue';
/** An extra recording subfield (EDF+ 2.1.3 allows them after the four fixed ones) marking demo data. */
export const SIMULATED_SUBFIELD = 'simulated';

/** 16-bit two's complement samples, little-endian (Kemp 1992). */
export const DIGITAL_MIN = -32768;
export const DIGITAL_MAX = 32767;
export const BYTES_PER_SAMPLE = 2;

/** TAL delimiters (EDF+ 2.2.2): onset ends at 21 (duration follows) or 20; each TAL ends with 20, 0. */
export const TAL_DURATION = 0x15;
export const TAL_TEXT = 0x14;
export const TAL_END = 0x00;

/** The header's years are two digits: 85–99 are 1985–1999, 00–84 are 2000–2084 (EDF+ 2.1.3). */
export const FIRST_YEAR = 1985;
export const LAST_YEAR = 2084;
export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** True for the bytes EDF allows in the header: printable US-ASCII, 32–126 (Kemp 1992). */
export function isPrintableAscii(byte: number): boolean {
  return byte >= 0x20 && byte <= 0x7e;
}

/** Writes `text` left-aligned and space-padded into `width` bytes; the caller checked it fits and is ASCII. */
export function putAscii(bytes: Uint8Array, offset: number, width: number, text: string): void {
  for (let i = 0; i < width; i++) bytes[offset + i] = i < text.length ? text.charCodeAt(i) : 0x20;
}

/** The field's bytes as a string (Latin-1, one char per byte), trailing spaces removed. */
export function getAscii(bytes: Uint8Array, offset: number, width: number): string {
  let end = offset + width;
  while (end > offset && bytes[end - 1] === 0x20) end--;
  let text = '';
  for (let i = offset; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/**
 * Seconds as EDF+ writes them in TALs: a sign, digits, an optional fraction, never an exponent
 * (EDF+ 2.2.2). Seven decimals (0.1 µs) keep every sample instant of rates up to 1 MHz exact
 * after rounding back to an index.
 */
export function formatTalSeconds(seconds: number): string {
  const text = Math.abs(seconds).toFixed(7).replace(/\.?0+$/, '');
  return `${seconds < 0 ? '-' : '+'}${text === '' ? '0' : text}`;
}

/** Rounds a time read back from a TAL to the 0.1 µs grid it was written on. */
export function roundTalSeconds(seconds: number): number {
  return Math.round(seconds * 1e7) / 1e7;
}
