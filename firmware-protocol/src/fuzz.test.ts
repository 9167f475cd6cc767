// Property test: hostile bytes never make a decoder throw, every result is ok or a known error code,
// and no result depends on bytes outside the view it was given (no read past the end, or before the start).
// Seeded, so a failure reproduces; the failing input is printed as hex.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_ERROR_CODES,
  decodeControlRequest,
  decodeControlResponse,
  decodeDataFrame,
  decodeDeviceDescription,
  encodeDataFrame,
  type DecodeResult,
} from './index';

/** mulberry32 (Tommy Ettinger, public domain): tiny, fast, good enough to drive mutations. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vectorsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors');
function seedsFrom(file: string): Uint8Array[] {
  const { vectors } = JSON.parse(readFileSync(join(vectorsDir, file), 'utf8')) as { vectors: { hex: string }[] };
  return vectors.map((v) => Uint8Array.from(v.hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
}

const decoders: { name: string; decode: (b: Uint8Array) => DecodeResult<unknown>; seeds: Uint8Array[] }[] = [
  { name: 'data frame', decode: decodeDataFrame, seeds: seedsFrom('data-frames.json') },
  { name: 'device description', decode: decodeDeviceDescription, seeds: seedsFrom('device-descriptions.json') },
  { name: 'control request', decode: decodeControlRequest, seeds: seedsFrom('control-requests.json') },
  { name: 'control response', decode: decodeControlResponse, seeds: seedsFrom('control-responses.json') },
];
const allSeeds = decoders.flatMap((d) => d.seeds).filter((s) => s.length > 0);
const INPUTS_PER_DECODER = 30_000;
const KNOWN_CODES = new Set<string>(PROTOCOL_ERROR_CODES);

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function randomBytes(rand: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(rand() * 256));
}

/** One hostile input: pure noise, or a valid message with bit flips, byte pokes, truncation, extension or a splice. */
function hostileInput(rand: () => number, seeds: readonly Uint8Array[]): Uint8Array {
  if (rand() < 0.15) return randomBytes(rand, Math.floor(rand() * 600));
  let b = Uint8Array.from(pick(rand, seeds.length > 0 ? seeds : allSeeds));
  const mutations = 1 + Math.floor(rand() * 3);
  for (let m = 0; m < mutations; m++) {
    const op = Math.floor(rand() * 5);
    if (op === 0 && b.length > 0) {
      const i = Math.floor(rand() * b.length);
      b[i] = (b[i] as number) ^ (1 << Math.floor(rand() * 8));
    } else if (op === 1 && b.length > 0) {
      b[Math.floor(rand() * Math.min(b.length, 16))] = Math.floor(rand() * 256); // header bytes matter most
    } else if (op === 2) {
      b = b.slice(0, Math.floor(rand() * (b.length + 1)));
    } else if (op === 3) {
      const tail = randomBytes(rand, 1 + Math.floor(rand() * 40));
      const grown = new Uint8Array(b.length + tail.length);
      grown.set(b);
      grown.set(tail, b.length);
      b = grown;
    } else {
      const other = pick(rand, allSeeds);
      const cut = Math.floor(rand() * (b.length + 1));
      const from = Math.floor(rand() * other.length);
      const spliced = new Uint8Array(cut + other.length - from);
      spliced.set(b.subarray(0, cut));
      spliced.set(other.subarray(from), cut);
      b = spliced;
    }
  }
  return b;
}

/** The input as a view at a non-zero offset inside a larger buffer whose guard bytes are all `guard`. */
function embedded(input: Uint8Array, prefix: number, guard: number): Uint8Array {
  const buffer = new Uint8Array(prefix + input.length + 16).fill(guard);
  buffer.set(input, prefix);
  return buffer.subarray(prefix, prefix + input.length);
}

function signature(result: DecodeResult<unknown>): string {
  if (!result.ok) return `error:${result.error.code}:${result.error.message}`;
  return JSON.stringify(result.value, (_, v: unknown) => (v instanceof Int32Array ? Array.from(v) : v));
}

describe('decoders under hostile bytes', () => {
  for (const [index, { name, decode, seeds }] of decoders.entries()) {
    it(`${name}: ${INPUTS_PER_DECODER} random and mutated inputs — no throw, known codes, no reads outside the view`, () => {
      const rand = mulberry32(0x51ab + index);
      const outcomes = new Map<string, number>();
      for (let n = 0; n < INPUTS_PER_DECODER; n++) {
        const input = hostileInput(rand, seeds);
        let first: DecodeResult<unknown>;
        let second: DecodeResult<unknown>;
        try {
          first = decode(embedded(input, 1 + (n % 7), 0x00));
          second = decode(embedded(input, 8 + (n % 5), 0xff));
        } catch (error) {
          throw new Error(`${name} threw on ${Buffer.from(input).toString('hex')}: ${String(error)}`);
        }
        const key = first.ok ? 'ok' : first.error.code;
        if (key !== 'ok' && !KNOWN_CODES.has(key)) throw new Error(`unknown error code ${key}`);
        if (signature(first) !== signature(second)) {
          throw new Error(`${name} result depends on bytes outside the view: ${Buffer.from(input).toString('hex')}`);
        }
        if (first.ok && decode === decodeDataFrame) {
          // A valid frame is fully determined by its fields: re-encoding gives the input back (version minor aside).
          const again = encodeDataFrame(first.value as Parameters<typeof encodeDataFrame>[0]);
          again[0] = input[0] as number;
          expect(Buffer.from(again).equals(input)).toBe(true);
        }
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
      // The mutations must reach both sides: some inputs still decode, and several distinct errors occur.
      expect(outcomes.get('ok') ?? 0).toBeGreaterThan(INPUTS_PER_DECODER / 50);
      expect(outcomes.size).toBeGreaterThanOrEqual(5);
    });
  }
});
