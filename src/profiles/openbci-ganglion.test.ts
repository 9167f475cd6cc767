import { describe, expect, it } from 'vitest';
import { Prng } from '../../firmware-protocol/sim/prng';
import {
  GANGLION_SCALE_UV_PER_COUNT as S,
  SOFTWARE_REVISION_UUID,
  createGanglionDecoder,
  fw2NextPosition,
  fw2Position,
  ganglionFirmwareFromSoftwareRevision,
  openbciGanglionProfile as profile,
} from './openbci-ganglion';
import type { DecodeResult, Decoder, SampleBlock } from './types';

function samples(r: DecodeResult): SampleBlock {
  if (r.kind !== 'samples') throw new Error(`expected samples, got ${JSON.stringify(r)}`);
  return r.block;
}

function reason(r: DecodeResult): string {
  return r.kind === 'rejected' ? r.reason : `not rejected: ${r.kind}`;
}

/** A 20-byte packet: id then the given bytes, zero-padded. */
function packet(id: number, body: number[] = []): Uint8Array {
  const p = new Uint8Array(20);
  p[0] = id;
  p.set(body, 1);
  return p;
}

function expectValues(block: SampleBlock, expected: number[]): void {
  expect(block.values.length).toBe(expected.length);
  expected.forEach((v, i) => expect(block.values[i]).toBeCloseTo(v, 9));
}

// Doc vectors: OpenBCI "Ganglion Data Format", "Example Interpreting Ganglion Data" (the NodeJS
// driver's test buffers). Decoded deltas listed there; our decoder emits previous − delta.
// Bodies only (bytes 1–19); the id byte is added by packet().
const DOC_18BIT = [
  0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x28, 0x00, 0x04, 0x80, 0x00, 0xbc, 0x00, 0x07, 0x00, 0x28, 0xc0, 0x0a, 0x0e,
];
// The doc lists only bytes 0–18 for this one; byte 19 (accelerometer) is zero-padded.
const DOC_18BIT_NEG = [
  0xff, 0xff, 0x7f, 0xff, 0xbf, 0xff, 0xe7, 0xff, 0xf5, 0x00, 0x01, 0x4f, 0x8e, 0x30, 0x00, 0x1f, 0xf0, 0x01,
];
const DOC_19BIT = [
  0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x05, 0x00, 0x00, 0x48, 0x00, 0x09, 0xf0, 0x01, 0xb0, 0x00, 0x30, 0x00, 0x08,
];

/** Seeded fw2 decoder: raw packet of zeros, so sample A = −deltaA and B = A − deltaB. */
function fw2Seeded(): Decoder {
  const d = createGanglionDecoder(2);
  samples(d.decode(packet(0)));
  return d;
}

describe('Ganglion firmware generation', () => {
  it("reads '3…' as firmware 3 and anything else (or nothing) as firmware 2", () => {
    expect(ganglionFirmwareFromSoftwareRevision('3.1.2')).toBe(3);
    expect(ganglionFirmwareFromSoftwareRevision(' 3.0')).toBe(3);
    expect(ganglionFirmwareFromSoftwareRevision('2.0.1')).toBe(2);
    expect(ganglionFirmwareFromSoftwareRevision('')).toBe(2);
    expect(ganglionFirmwareFromSoftwareRevision(null)).toBe(2);
  });

  it('creates the decoder from the Software Revision read at connect time', () => {
    const fw3 = profile.createDecoder({ reads: new Map([[SOFTWARE_REVISION_UUID, Uint8Array.of(0x33, 0x2e, 0x30)]]) });
    if ('kind' in fw3) throw new Error(fw3.detail);
    // id 150 is 19-bit data in fw3, but 19-bit delta (needs a seed) in fw2.
    expect(fw3.decode(packet(150)).kind).toBe('samples');
    const fw2 = profile.createDecoder({ reads: new Map() });
    if ('kind' in fw2) throw new Error(fw2.detail);
    expect(reason(fw2.decode(packet(150)))).toBe('unseeded-delta');
  });
});

describe('Ganglion commands and GATT facts', () => {
  it("encodes 'b', 's', 'z', 'Z'", () => {
    expect(Array.from(profile.commands.start?.() ?? [])).toEqual([0x62]);
    expect(Array.from(profile.commands.stop?.() ?? [])).toEqual([0x73]);
    expect(Array.from(profile.commands['impedance-start']?.() ?? [])).toEqual([0x7a]);
    expect(Array.from(profile.commands['impedance-stop']?.() ?? [])).toEqual([0x5a]);
    expect(profile.commands.tare).toBeUndefined();
  });

  it('lists Device Information as an optional service, since the connect read needs it', () => {
    expect(profile.gatt.optionalServices).toContain('0000180a-0000-1000-8000-00805f9b34fb');
    expect(profile.gatt.connectReads.map((r) => r.characteristic)).toEqual([SOFTWARE_REVISION_UUID]);
    expect(profile.staticChannels?.map((c) => [c.unit, c.nominalRateHz])).toEqual(Array(4).fill(['uV', 200]));
  });
});

describe('Ganglion firmware 2 packets', () => {
  it('decodes a raw packet: 4 × int24 big-endian, one sample', () => {
    // 0x000001 = 1; 0xFFFFFF = −1; 0x7FFFFF = 8388607; 0x800000 = −8388608 (counts)
    const raw = packet(0, [0x00, 0x00, 0x01, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0x80, 0x00, 0x00]);
    const block = samples(createGanglionDecoder(2).decode(raw));
    expect(block.samplesPerChannel).toBe(1);
    // 8388607 × 0.001869917 = 15685.99... µV: the documented full scale
    expectValues(block, [1 * S, -1 * S, 8388607 * S, -8388608 * S]);
    expect(block.values[2]).toBeCloseTo(15686, 0);
    expect([block.sampleCounter, block.sampleCounterModulo]).toEqual([0, 201]);
  });

  it('decodes 18-bit deltas (doc vector, positive fields)', () => {
    // Deltas [[0,2,10,4],[131074,245760,114698,49162]]; e.g. ch1 B: 0b100000000000000010 = 131074,
    // LSB 0 → positive. A = 0 − delta; B = A − delta.
    const block = samples(fw2Seeded().decode(packet(1, DOC_18BIT)));
    expectValues(block, [0, -2, -10, -4, -131074, -245762, -114708, -49166].map((c) => c * S));
    expect(block.sampleCounter).toBe(1); // 2 × position 1 − 1
  });

  it('decodes 18-bit deltas with the sign in the LSB (doc vector, negative fields)', () => {
    // ch1 A: 0b111111111111111101 = 262141, LSB 1 → 262141 − 2^18 = −3.
    // ch2 B: 0b001111100011100011 = 63715, LSB 1 → 63715 − 262144 = −198429 (MSB 0, still negative).
    // Deltas [[−3,−5,−7,−11],[−262139,−198429,−262137,−4095]] → A = 3,5,7,11; B = A + |delta|.
    const block = samples(fw2Seeded().decode(packet(1, DOC_18BIT_NEG)));
    expectValues(block, [3, 5, 7, 11, 262142, 198434, 262144, 4106].map((c) => c * S));
  });

  it('decodes 19-bit deltas (doc vector) and applies them to the seed', () => {
    // Deltas [[0,2,10,4],[262148,507910,393222,8]]; seed ch1..4 = 100, 0, 0, 0 counts.
    const d = createGanglionDecoder(2);
    samples(d.decode(packet(0, [0x00, 0x00, 0x64])));
    const block = samples(d.decode(packet(101, DOC_19BIT)));
    expectValues(block, [100, -2, -10, -4, 100 - 262148, -2 - 507910, -10 - 393222, -4 - 8].map((c) => c * S));
    expect(block.sampleCounter).toBe(1);
  });

  it('chains deltas across packets and maps ids to sample counters', () => {
    const d = fw2Seeded();
    // id 101 carries deltas 2 and 2 on ch1 (fields 0b...10 → +2): A = −2, B = −4; id 102 again → −6, −8.
    // 19-bit field 0 = bits 8..26: value 2 → bit 25 set → packet byte 3 (bits 24..31) = 0x40.
    // Field 4 (ch1, sample B) = bits 84..102: value 2 → bit 101 set → byte 12 (bits 96..103) = 0x04.
    const twoTwo = [0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0x04];
    const first = samples(d.decode(packet(101, twoTwo)));
    expect([first.values[0], first.values[4]].map((v) => Math.round((v ?? 0) / S))).toEqual([-2, -4]);
    const second = samples(d.decode(packet(102, twoTwo)));
    expect([second.values[0], second.values[4]].map((v) => Math.round((v ?? 0) / S))).toEqual([-6, -8]);
    expect(second.sampleCounter).toBe(3);
  });

  it('defines the expected next id: 0 → 1|101 … 100|200 → 0', () => {
    expect([0, 1, 100, 101, 150, 200].map(fw2Position)).toEqual([0, 1, 100, 1, 50, 100]);
    expect([0, 1, 99, 100].map(fw2NextPosition)).toEqual([1, 2, 100, 0]);
  });

  it('rejects a delta packet before any raw seed', () => {
    expect(reason(createGanglionDecoder(2).decode(packet(5)))).toBe('unseeded-delta');
  });

  it('after a missing packet drops deltas until the next raw packet re-seeds', () => {
    const d = fw2Seeded();
    samples(d.decode(packet(101)));
    expect(reason(d.decode(packet(103)))).toBe('unseeded-delta'); // 102 lost
    expect(reason(d.decode(packet(104)))).toBe('unseeded-delta');
    samples(d.decode(packet(0)));
    expect(samples(d.decode(packet(101))).sampleCounter).toBe(1);
  });

  it('decodes a duplicated delta packet to the same values instead of applying it twice', () => {
    const d = fw2Seeded();
    const first = samples(d.decode(packet(1, DOC_18BIT)));
    const again = samples(d.decode(packet(1, DOC_18BIT)));
    expect(Array.from(again.values)).toEqual(Array.from(first.values));
    expect(again.sampleCounter).toBe(first.sampleCounter);
    expect(d.decode(packet(2)).kind).toBe('samples'); // the chain continues
  });

  it("a 'start' command forgets the old chain", () => {
    const d = fw2Seeded();
    d.commandSent('start');
    expect(reason(d.decode(packet(1)))).toBe('unseeded-delta');
  });
});

describe('Ganglion firmware 3 packets', () => {
  it('decodes 19-bit values: sign-extend, shift left 5', () => {
    // Field 0 = 0b0000000000000000001 = 1 → 1 << 5 = 32 counts.
    // Field 1 = all nineteen ones = −1 → −32 counts.
    // Bits: byte 3 = bits 16..23 = 0,0,1 (end of field 0),1,1,1,1,1 = 0x3F; byte 4 = 0xFF;
    // byte 5 = bits 32..39 = six ones then 0,0 = 0xFC.
    const block = samples(createGanglionDecoder(3).decode(packet(100, [0x00, 0x00, 0x3f, 0xff, 0xfc])));
    expectValues(block, [32 * S, -32 * S, 0, 0, 0, 0, 0, 0]);
    expect([block.sampleCounter, block.sampleCounterModulo]).toEqual([0, 200]);
  });

  it('decodes 18-bit values: sign-extend, shift left 6', () => {
    // Field 0 = 0b100000000000000000 = −131072 → −131072 × 64 = −8388608 counts (negative full scale).
    const block = samples(createGanglionDecoder(3).decode(packet(5, [0x80])));
    expect(block.values[0]).toBeCloseTo(-8388608 * S, 9);
    expect(block.sampleCounter).toBe(10); // 2 × (5 mod 100)
  });

  it('maps ids to sample counters 2 × (id mod 100), modulo 200, with no seed needed', () => {
    const d = createGanglionDecoder(3);
    expect([0, 99, 100, 199].map((id) => samples(d.decode(packet(id))).sampleCounter)).toEqual([0, 198, 0, 198]);
  });

  it('rejects id 200, which firmware 3 never sends', () => {
    expect(reason(createGanglionDecoder(3).decode(packet(200)))).toBe('impossible-id');
  });
});

describe('Ganglion impedance and messages', () => {
  it("decodes impedance as ASCII ohms ending in 'Z' (ids 201–205)", () => {
    const d = createGanglionDecoder(2);
    // '1','2','3','4','5','Z' = 0x31..0x35, 0x5A
    expect(d.decode(packet(201, [0x31, 0x32, 0x33, 0x34, 0x35, 0x5a]))).toEqual({
      kind: 'status',
      status: { kind: 'impedance', electrode: 1, ohms: 12345 },
    });
    expect(d.decode(packet(205, [0x39, 0x5a]))).toMatchObject({ status: { electrode: 'ref', ohms: 9 } });
  });

  it('rejects malformed impedance text', () => {
    const d = createGanglionDecoder(3);
    expect(reason(d.decode(packet(202, [0x78, 0x5a])))).toBe('bad-ascii'); // 'x'
    expect(reason(d.decode(packet(203, [0x5a])))).toBe('bad-ascii'); // no digits
    expect(reason(d.decode(packet(204, [0x31, 0x32])))).toBe('bad-ascii'); // no 'Z'
  });

  it('assembles message parts (206) until the end part (207)', () => {
    const d = createGanglionDecoder(2);
    const hello = Array.from('Hello ', (ch) => ch.charCodeAt(0));
    const world = Array.from('world', (ch) => ch.charCodeAt(0));
    expect(d.decode(packet(206, hello))).toEqual({
      kind: 'status',
      status: { kind: 'message', text: 'Hello ', complete: false },
    });
    expect(d.decode(packet(207, world))).toEqual({
      kind: 'status',
      status: { kind: 'message', text: 'Hello world', complete: true },
    });
    expect(d.decode(packet(207, world))).toMatchObject({ status: { text: 'world' } });
    expect(reason(d.decode(packet(206, [0x41, 0x01])))).toBe('bad-ascii');
  });
});

describe('Ganglion hostile bytes', () => {
  const cases: [string, Uint8Array, string][] = [
    ['empty', new Uint8Array(0), 'empty'],
    ['19 bytes', new Uint8Array(19), 'too-short'],
    ['21 bytes', new Uint8Array(21), 'too-long'],
    ['id 208', packet(208), 'impossible-id'],
    ['id 255', packet(255), 'impossible-id'],
  ];
  for (const fw of [2, 3] as const) {
    for (const [name, bytes, expected] of cases) {
      it(`fw${fw}: ${name} → ${expected}`, () => {
        expect(reason(createGanglionDecoder(fw).decode(bytes))).toBe(expected);
      });
    }
  }

  for (const fw of [2, 3] as const) {
    it(`fw${fw}: never throws on 10 000 seeded random buffers`, () => {
      const rng = new Prng(0x6a41 + fw);
      const d = createGanglionDecoder(fw);
      const kinds = new Set<string>();
      let nonFinite = 0;
      for (let i = 0; i < 10_000; i++) {
        // Mostly 20-byte packets with ids biased into the table, so every branch is reached.
        const length = rng.nextInt(4) === 0 ? rng.nextInt(30) : 20;
        const bytes = new Uint8Array(length);
        for (let j = 0; j < length; j++) bytes[j] = rng.nextInt(256);
        if (length > 0 && rng.nextInt(2) === 0) bytes[0] = rng.nextInt(8) === 0 ? 0 : rng.nextInt(210);
        if (length === 20 && rng.nextInt(10) === 0) {
          // Impedance/message ids with an ASCII body: digits, maybe a 'Z', maybe junk.
          bytes[0] = 201 + rng.nextInt(7);
          for (let j = 1; j < 20; j++) bytes[j] = 0x30 + rng.nextInt(10);
          bytes[1 + rng.nextInt(19)] = rng.nextInt(3) === 0 ? rng.nextInt(256) : 0x5a;
        }
        const r = d.decode(bytes);
        kinds.add(r.kind);
        if (r.kind === 'samples' && !r.block.values.every(Number.isFinite)) nonFinite++;
      }
      expect(nonFinite).toBe(0);
      expect([...kinds].sort()).toEqual(['rejected', 'samples', 'status']);
    });
  }
});
