// Pure field readers for OpenBCI Ganglion notifications (stateless; the stateful decoder that
// strings packets together lives in openbci-ganglion.ts).
//
// Confirmed against:
//   [doc]  OpenBCI Documentation, "Ganglion Data Format" (docs.openbci.com/Ganglion/GanglionDataFormat):
//          20-byte packets, id byte + 19 data bytes; MSB-first bit stream with channels 1–4 of
//          sample A then 1–4 of sample B; firmware 2 deltas are `previous − new` with the sign bit
//          moved into bit 0 of each field ("Negative numbers always have a 1 in the LSB"), and its
//          worked examples (taken from the NodeJS driver's tests) decode as: LSB set → field − 2^N.
//   [oss]  brainflow (MIT) ganglion_native_v2.cpp / ganglion_native_v3.cpp + custom_cast.h: same bit
//          walk from bit 8; firmware 3 values are the field sign-extended then shifted left 6 (18-bit)
//          or 5 (19-bit). brainflow tests the field's MSB for the sign and subtracts one extra count
//          for negatives ("quirk"); for fw2 the doc's LSB rule is followed here, and for fw3 plain
//          two's complement. The two readings differ by at most one count before the shift
//          (≤ 0.12 µV after it), far below the board's noise floor.

/** Reads `width` (≤ 24) bits starting at `bitOffset`, most significant bit first. */
export function readBitsMsbFirst(bytes: Uint8Array, bitOffset: number, width: number): number {
  let value = 0;
  for (let i = 0; i < width; i++) {
    const bit = bitOffset + i;
    const byte = bytes[bit >> 3] ?? 0;
    value = (value << 1) | ((byte >> (7 - (bit & 7))) & 1);
  }
  return value;
}

/** Firmware 2 delta: the sign lives in bit 0 [doc]; a set bit means field − 2^width. */
export function lsbSignedField(field: number, width: number): number {
  return (field & 1) === 1 ? field - 2 ** width : field;
}

/** Firmware 3 value: plain two's complement of the field, scaled back up to 24-bit counts. */
export function msbSignedFieldTo24Bit(field: number, width: number): number {
  const signed = field >= 2 ** (width - 1) ? field - 2 ** width : field;
  return signed * 2 ** (24 - width);
}

/** Big-endian two's-complement int24 at `offset` (firmware 2 raw packets [doc]). */
export function readInt24Be(bytes: Uint8Array, offset: number): number {
  const raw = ((bytes[offset] ?? 0) << 16) | ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset + 2] ?? 0);
  return raw >= 0x800000 ? raw - 0x1000000 : raw;
}

/** Bit offset of the first field: right after the id byte. */
export const FIELD_START_BIT = 8;
/** Eight fields per packet: 4 channels × 2 samples [doc]. */
export const FIELDS_PER_PACKET = 8;

/** Reads the eight compressed fields of one packet into `out` (length ≥ 8), as raw unsigned fields. */
export function readFields(bytes: Uint8Array, width: number, out: Float64Array): void {
  for (let i = 0; i < FIELDS_PER_PACKET; i++) {
    out[i] = readBitsMsbFirst(bytes, FIELD_START_BIT + i * width, width);
  }
}

/**
 * Impedance packet body: ASCII digits followed by 'Z' [doc: "ASCII string representing the measured
 * value in ohms"; brainflow reads digits up to the 'Z']. Returns ohms, or null if malformed.
 */
export function parseImpedanceOhms(bytes: Uint8Array): number | null {
  let ohms = 0;
  let digits = 0;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    // More than 12 digits (≥ 1 TΩ) is not a contact impedance but garbage; it also keeps ohms exact.
    if (b === 0x5a /* 'Z' */) return digits > 0 && digits <= 12 ? ohms : null;
    if (b < 0x30 || b > 0x39) return null;
    ohms = ohms * 10 + (b - 0x30);
    digits++;
  }
  return null;
}

/**
 * Message packet body as text: printable ASCII plus tab/CR/LF; trailing NULs are padding.
 * Returns null when any other byte appears, so garbage never reaches a log or the screen.
 */
export function parseAsciiBody(bytes: Uint8Array): string | null {
  let end = bytes.length;
  while (end > 1 && bytes[end - 1] === 0) end--;
  let text = '';
  for (let i = 1; i < end; i++) {
    const b = bytes[i] ?? 0;
    const printable = (b >= 0x20 && b <= 0x7e) || b === 0x09 || b === 0x0a || b === 0x0d;
    if (!printable) return null;
    text += String.fromCharCode(b);
  }
  return text;
}
