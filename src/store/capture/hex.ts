// Lower-case hex without separators: the byte spelling of capture files (capture-line.schema.json).

const hexDigits = '0123456789abcdef';

export function bytesToHex(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    text += hexDigits[byte >> 4]! + hexDigits[byte & 15]!;
  }
  return text;
}

/** Value of each lower-case hex digit by character code; -1 for every other character. */
const nibbleByCode = Int8Array.from({ length: 128 }, (_, code) => (code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1));

function nibble(code: number): number {
  return code < 128 ? nibbleByCode[code]! : -1;
}

/** Parses lower-case hex; null for odd length or any other character. */
export function hexToBytes(text: string): Uint8Array | null {
  if (text.length % 2 !== 0) return null;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const high = nibble(text.charCodeAt(2 * i));
    const low = nibble(text.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return null;
    bytes[i] = (high << 4) | low;
  }
  return bytes;
}
