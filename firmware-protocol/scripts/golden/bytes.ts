// Byte assembly for the golden vectors, written apart from the codec in src/ on purpose: the vectors
// state the wire layout of PROTOCOL.md a second time, so a mistake in the codec cannot hide in them.

export type Part = number | readonly number[] | Uint8Array;

/** Concatenates single bytes (0–255) and byte lists; throws on anything that is not a byte. */
export function bytes(...parts: Part[]): Uint8Array {
  const flat: number[] = [];
  for (const part of parts) {
    for (const b of typeof part === 'number' ? [part] : Array.from(part)) {
      if (!Number.isInteger(b) || b < 0 || b > 255) throw new RangeError(`not a byte: ${b}`);
      flat.push(b);
    }
  }
  return Uint8Array.from(flat);
}

export const u16 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff];
export const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
/** Two's complement, little-endian. */
export const i16 = (v: number): number[] => u16(v < 0 ? v + 0x10000 : v);
export const i24 = (v: number): number[] => {
  const u = v < 0 ? v + 0x1000000 : v;
  return [u & 0xff, (u >>> 8) & 0xff, (u >>> 16) & 0xff];
};
/** IEEE 754 binary32, little-endian (Node's DataView, not the codec). */
export const f32 = (v: number): number[] => {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, v, true);
  return [view.getUint8(0), view.getUint8(1), view.getUint8(2), view.getUint8(3)];
};
export const utf8 = (s: string): number[] => Array.from(new TextEncoder().encode(s));

export function toHex(data: Uint8Array): string {
  return Array.from(data, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One golden vector as stored in vectors/*.json. `canonical`: encoding `expect` must give back `hex`. */
export interface Vector<T> {
  name: string;
  note: string;
  hex: string;
  expect?: T;
  error?: string;
  canonical?: boolean;
}

export function valid<T>(name: string, note: string, data: Uint8Array, expect: T, canonical = true): Vector<T> {
  return { name, note, hex: toHex(data), expect, canonical };
}

export function invalid<T>(name: string, note: string, data: Uint8Array, error: string): Vector<T> {
  return { name, note, hex: toHex(data), error };
}
