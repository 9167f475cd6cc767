// Channel labels are short UTF-8 strings (PROTOCOL.md §4.3). Checked by hand rather than with
// TextDecoder so the rules are exactly the ones the C reference implements: well-formed UTF-8 per
// RFC 3629 §4 (no overlongs, no surrogates, nothing above U+10FFFF) and no C0 control characters
// or DEL, which a label has no use for and which would cut a C string short (NUL).

/** Returns the decoded label, or undefined when the bytes break the rules above. */
export function decodeLabel(bytes: Uint8Array): string | undefined {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    let length: number;
    let codePoint: number;
    let min: number;
    if (lead < 0x80) {
      if (lead < 0x20 || lead === 0x7f) return undefined;
      length = 1;
      codePoint = lead;
      min = 0;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      codePoint = lead & 0x1f;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      codePoint = lead & 0x0f;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      codePoint = lead & 0x07;
      min = 0x10000;
    } else {
      return undefined;
    }
    if (i + length > bytes.length) return undefined;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return undefined;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
    text += String.fromCodePoint(codePoint);
    i += length;
  }
  return text;
}
