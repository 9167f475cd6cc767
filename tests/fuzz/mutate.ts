// Seeded hostile inputs: random bytes, and valid inputs mutated the ways radios, storage and
// attackers damage them (bit flips, truncation, extension, splices, byte overwrites).
import { Prng } from '../../firmware-protocol/sim/prng';

export function randomBytes(random: Prng, maxLength: number): Uint8Array {
  const bytes = new Uint8Array(random.nextInt(maxLength + 1));
  for (let i = 0; i < bytes.length; i++) bytes[i] = random.nextInt(256);
  return bytes;
}

export function mutateBytes(random: Prng, valid: Uint8Array, other: Uint8Array): Uint8Array {
  const bytes = valid.slice();
  switch (random.nextInt(5)) {
    case 0: {
      const flips = 1 + random.nextInt(4);
      for (let f = 0; f < flips && bytes.length > 0; f++) bytes[random.nextInt(bytes.length)]! ^= 1 << random.nextInt(8);
      return bytes;
    }
    case 1:
      return bytes.slice(0, random.nextInt(bytes.length + 1));
    case 2: {
      const extended = new Uint8Array(bytes.length + 1 + random.nextInt(16));
      extended.set(bytes);
      for (let i = bytes.length; i < extended.length; i++) extended[i] = random.nextInt(256);
      return extended;
    }
    case 3: {
      const cut = random.nextInt(bytes.length + 1);
      const from = random.nextInt(other.length + 1);
      const spliced = new Uint8Array(cut + other.length - from);
      spliced.set(bytes.subarray(0, cut));
      spliced.set(other.subarray(from), cut);
      return spliced;
    }
    default: {
      for (let i = 0; i < 1 + random.nextInt(3) && bytes.length > 0; i++) bytes[random.nextInt(bytes.length)] = random.nextInt(256);
      return bytes;
    }
  }
}

const textAlphabet = '0123456789abcdefABCDEF,.-+e\n\r\t "{}[]:tnopchrxu_[]µ\u0000\uffff';

export function mutateText(random: Prng, valid: string): string {
  const chars = [...valid];
  switch (random.nextInt(5)) {
    case 0:
      return chars.slice(0, random.nextInt(chars.length + 1)).join('');
    case 1: {
      for (let i = 0; i < 1 + random.nextInt(6) && chars.length > 0; i++) chars[random.nextInt(chars.length)] = textAlphabet[random.nextInt(textAlphabet.length)]!;
      return chars.join('');
    }
    case 2: {
      const at = random.nextInt(chars.length + 1);
      const insert = Array.from({ length: 1 + random.nextInt(20) }, () => textAlphabet[random.nextInt(textAlphabet.length)]!);
      chars.splice(at, 0, ...insert);
      return chars.join('');
    }
    case 3: {
      const lines = valid.split('\n');
      const a = random.nextInt(lines.length);
      const b = random.nextInt(lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    default:
      return Array.from({ length: random.nextInt(400) }, () => textAlphabet[random.nextInt(textAlphabet.length)]!).join('');
  }
}
