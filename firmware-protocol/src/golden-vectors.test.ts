// Every golden vector in vectors/*.json through the TypeScript codec: decode gives the expected values
// or error code; encoding a canonical vector's values gives its bytes back.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeControlRequest,
  decodeControlResponse,
  decodeDataFrame,
  decodeDeviceDescription,
  encodeControlRequest,
  encodeControlResponse,
  encodeDataFrame,
  encodeDeviceDescription,
  type DecodeResult,
} from './index';

interface Vector {
  name: string;
  hex: string;
  expect?: Record<string, unknown>;
  error?: string;
  canonical?: boolean;
}

const vectorsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors');

function load(file: string): Vector[] {
  return (JSON.parse(readFileSync(join(vectorsDir, file), 'utf8')) as { vectors: Vector[] }).vectors;
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Plain JSON shape of a decoded value: typed arrays become lists, float32 scales stay as decoded. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, v: unknown) => (v instanceof Int32Array ? Array.from(v) : v)));
}

/** Expected values with scales rounded to float32, the width they have on the wire. */
function expected(e: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(e, (k, v: unknown) => (k === 'scale' && typeof v === 'number' ? Math.fround(v) : v)));
}

interface Codec {
  file: string;
  decode: (bytes: Uint8Array) => DecodeResult<unknown>;
  encode: (value: never) => Uint8Array;
  minimum: number;
}

const codecs: Codec[] = [
  { file: 'data-frames.json', decode: decodeDataFrame, encode: encodeDataFrame, minimum: 25 },
  { file: 'device-descriptions.json', decode: decodeDeviceDescription, encode: encodeDeviceDescription, minimum: 40 },
  { file: 'control-requests.json', decode: decodeControlRequest, encode: encodeControlRequest, minimum: 15 },
  { file: 'control-responses.json', decode: decodeControlResponse, encode: encodeControlResponse, minimum: 18 },
];

for (const codec of codecs) {
  const vectors = load(codec.file);
  describe(`golden vectors: ${codec.file}`, () => {
    it(`holds at least ${codec.minimum} vectors, valid and invalid`, () => {
      expect(vectors.length).toBeGreaterThanOrEqual(codec.minimum);
      expect(vectors.some((v) => v.error !== undefined)).toBe(true);
      expect(vectors.some((v) => v.expect !== undefined)).toBe(true);
    });

    for (const v of vectors) {
      it(`${v.name}: ${v.error ? `rejects with ${v.error}` : 'decodes'}`, () => {
        const result = codec.decode(fromHex(v.hex));
        if (v.error !== undefined) {
          expect(result.ok ? 'ok' : result.error.code).toBe(v.error);
          if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
          return;
        }
        if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
        expect(plain(result.value)).toEqual(expected(v.expect ?? {}));
        if (v.canonical) {
          const input = plain(v.expect) as Record<string, unknown>;
          const value = Array.isArray(input.samples) ? { ...input, samples: Int32Array.from(input.samples as number[]) } : input;
          expect(toHex(codec.encode(value as never))).toBe(v.hex);
        }
      });
    }
  });
}
