import { describe, expect, it } from 'vitest';
import { Prng } from '../../firmware-protocol/sim/prng';
import {
  STANDARD_GRAVITY_M_PER_S2,
  kgToNewtons,
  newtonsToKg,
  tindeqProgressorProfile as profile,
} from './tindeq-progressor';
import type { DecodeResult, Decoder, SampleBlock } from './types';

function decoder(): Decoder {
  const d = profile.createDecoder({ reads: new Map() });
  if ('kind' in d) throw new Error(d.detail);
  return d;
}

function samples(r: DecodeResult): SampleBlock {
  if (r.kind !== 'samples') throw new Error(`expected samples, got ${JSON.stringify(r)}`);
  return r.block;
}

function reason(r: DecodeResult): string {
  return r.kind === 'rejected' ? r.reason : `not rejected: ${r.kind}`;
}

describe('Tindeq Progressor command encoders', () => {
  it('encodes each command as its single tag byte', () => {
    expect(Array.from(profile.commands.tare?.() ?? [])).toEqual([0x64]);
    expect(Array.from(profile.commands.start?.() ?? [])).toEqual([0x65]);
    expect(Array.from(profile.commands.stop?.() ?? [])).toEqual([0x66]);
    expect(Array.from(profile.commands['read-firmware']?.() ?? [])).toEqual([0x6b]);
    expect(Array.from(profile.commands['read-battery']?.() ?? [])).toEqual([0x6f]);
    expect(profile.commands['impedance-start']).toBeUndefined();
  });

  it('returns fresh bytes on every call, so a transport may transfer them', () => {
    const encode = profile.commands.tare;
    expect(encode?.()).not.toBe(encode?.());
  });
});

describe('Tindeq Progressor weight records', () => {
  it('decodes float32 kg + uint32 µs records to newtons', () => {
    // 10.0 kg = 0x41200000, 12.5 kg = 0x41480000 (IEEE 754); LE byte order.
    // 1000 µs = 0x000003E8, 13500 µs = 0x000034BC.
    const bytes = Uint8Array.of(
      0x01, 0x10,
      0x00, 0x00, 0x20, 0x41, 0xe8, 0x03, 0x00, 0x00,
      0x00, 0x00, 0x48, 0x41, 0xbc, 0x34, 0x00, 0x00,
    );
    const block = samples(decoder().decode(bytes));
    expect(block.channels).toBe(1);
    expect(block.samplesPerChannel).toBe(2);
    // 10 × 9.80665 = 98.0665 N; 12.5 × 9.80665 = 122.583125 N
    expect(block.values[0]).toBeCloseTo(98.0665, 9);
    expect(block.values[1]).toBeCloseTo(122.583125, 9);
    expect(block.deviceTimeUs).toBe(1000);
    expect(block.deviceTimeModuloUs).toBe(2 ** 32);
    expect(block.sampleCounter).toBeNull(); // no sequence number: loss from device time
    expect(block.samplePeriodUs).toBe(12500); // 13500 − 1000
  });

  it('decodes negative readings (a tared gauge unloads below zero)', () => {
    // −1.5 kg = 0xBFC00000 → −1.5 × 9.80665 = −14.709975 N
    const bytes = Uint8Array.of(0x01, 0x08, 0x00, 0x00, 0xc0, 0xbf, 0x00, 0x00, 0x00, 0x00);
    expect(samples(decoder().decode(bytes)).values[0]).toBeCloseTo(-14.709975, 9);
  });

  it('measures the period across notifications and across the 2^32 µs wrap', () => {
    const d = decoder();
    // 0xFFFFF000 = 4294963200 µs, then 0x00000A00 = 2560 µs: forward step 4096 + 2560 = 6656 µs.
    samples(d.decode(Uint8Array.of(0x01, 0x08, 0, 0, 0, 0, 0x00, 0xf0, 0xff, 0xff)));
    const block = samples(d.decode(Uint8Array.of(0x01, 0x08, 0, 0, 0, 0, 0x00, 0x0a, 0x00, 0x00)));
    expect(block.samplePeriodUs).toBe(6656);
    expect(block.deviceTimeUs).toBe(2560);
  });

  it('takes the median interval, so one lost notification does not move the rate', () => {
    const d = decoder();
    const times = [0, 12500, 25000, 37500, 87500, 100000]; // one 50 ms hole
    let last: SampleBlock | undefined;
    for (const t of times) {
      const b = Uint8Array.of(0x01, 0x08, 0, 0, 0, 0, t & 0xff, (t >> 8) & 0xff, (t >> 16) & 0xff, 0);
      last = samples(d.decode(b));
    }
    // intervals 12500 ×4 and 50000 ×1 → median 12500 µs = 80 Hz
    expect(last?.samplePeriodUs).toBe(12500);
  });

  it('converts kg and N both ways with standard gravity', () => {
    expect(STANDARD_GRAVITY_M_PER_S2).toBe(9.80665);
    expect(kgToNewtons(1)).toBe(9.80665);
    expect(newtonsToKg(98.0665)).toBeCloseTo(10, 12);
  });
});

describe('Tindeq Progressor replies, routed by the last command sent', () => {
  it('reads battery voltage as uint32 LE mV after read-battery', () => {
    const d = decoder();
    d.commandSent('read-battery');
    // 0x00000E74 = 3700 mV
    const r = d.decode(Uint8Array.of(0x00, 0x04, 0x74, 0x0e, 0x00, 0x00));
    expect(r).toEqual({ kind: 'reply', command: 'read-battery', reply: { kind: 'battery-voltage', batteryMv: 3700 } });
  });

  it('reads the firmware version as ASCII after read-firmware', () => {
    const d = decoder();
    d.commandSent('read-firmware');
    const r = d.decode(Uint8Array.of(0x00, 0x06, 0x31, 0x2e, 0x32, 0x2e, 0x33, 0x00)); // "1.2.3\0"
    expect(r).toEqual({ kind: 'reply', command: 'read-firmware', reply: { kind: 'firmware-version', text: '1.2.3' } });
  });

  it('rejects a reply nobody asked for, and a second reply to one command', () => {
    const d = decoder();
    expect(reason(d.decode(Uint8Array.of(0x00, 0x04, 1, 2, 3, 4)))).toBe('unexpected-reply');
    d.commandSent('read-battery');
    d.decode(Uint8Array.of(0x00, 0x04, 0x74, 0x0e, 0x00, 0x00));
    expect(reason(d.decode(Uint8Array.of(0x00, 0x04, 0x74, 0x0e, 0x00, 0x00)))).toBe('unexpected-reply');
    d.commandSent('tare');
    expect(reason(d.decode(Uint8Array.of(0x00, 0x00)))).toBe('unexpected-reply');
  });

  it('weight data between command and reply does not disturb routing', () => {
    const d = decoder();
    d.commandSent('read-battery');
    samples(d.decode(Uint8Array.of(0x01, 0x08, 0, 0, 0, 0, 0, 0, 0, 0)));
    expect(d.decode(Uint8Array.of(0x00, 0x04, 0xd0, 0x0f, 0, 0))).toMatchObject({ reply: { batteryMv: 4048 } });
  });

  it('rejects a malformed battery or firmware reply', () => {
    const d = decoder();
    d.commandSent('read-battery');
    expect(reason(d.decode(Uint8Array.of(0x00, 0x02, 0x74, 0x0e)))).toBe('length-mismatch');
    d.commandSent('read-firmware');
    expect(reason(d.decode(Uint8Array.of(0x00, 0x02, 0x31, 0x07)))).toBe('bad-ascii');
  });
});

describe('Tindeq Progressor status and unsupported tags', () => {
  it('reports the low-power warning (tag 4)', () => {
    expect(decoder().decode(Uint8Array.of(0x04, 0x00))).toEqual({ kind: 'status', status: { kind: 'low-power' } });
  });

  it('rejects RFD peak/series (tags 2/3) with a reason instead of guessing', () => {
    expect(reason(decoder().decode(Uint8Array.of(0x02, 0x00)))).toBe('unsupported');
    expect(reason(decoder().decode(Uint8Array.of(0x03, 0x04, 1, 2, 3, 4)))).toBe('unsupported');
  });
});

describe('Tindeq Progressor hostile bytes', () => {
  const cases: [string, number[], string][] = [
    ['empty', [], 'empty'],
    ['tag only', [0x01], 'too-short'],
    ['length byte promises more', [0x01, 0x08, 0, 0, 0x20, 0x41], 'too-short'],
    ['trailing byte', [0x01, 0x08, 0, 0, 0x20, 0x41, 0, 0, 0, 0, 0xff], 'too-long'],
    ['weight with no records', [0x01, 0x00], 'length-mismatch'],
    ['half a record', [0x01, 0x04, 0, 0, 0x20, 0x41], 'length-mismatch'],
    ['unknown tag', [0x09, 0x00], 'unknown-tag'],
    ['NaN kg (0x7FC00000)', [0x01, 0x08, 0x00, 0x00, 0xc0, 0x7f, 0, 0, 0, 0], 'non-finite-value'],
    ['+Inf kg (0x7F800000)', [0x01, 0x08, 0x00, 0x00, 0x80, 0x7f, 0, 0, 0, 0], 'non-finite-value'],
    ['−Inf kg (0xFF800000)', [0x01, 0x08, 0x00, 0x00, 0x80, 0xff, 0, 0, 0, 0], 'non-finite-value'],
    ['1000 kg (0x447A0000)', [0x01, 0x08, 0x00, 0x00, 0x7a, 0x44, 0, 0, 0, 0], 'out-of-range'],
    ['repeated timestamp', [0x01, 0x10, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0], 'time-not-increasing'],
    ['time runs backwards', [0x01, 0x10, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0], 'time-not-increasing'],
  ];
  for (const [name, bytes, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      const r = decoder().decode(Uint8Array.from(bytes));
      expect(reason(r)).toBe(expected);
      if (r.kind === 'rejected') expect(r.detail.length).toBeGreaterThan(10);
    });
  }

  it('a rejected notification leaves the rate estimate untouched', () => {
    const d = decoder();
    d.decode(Uint8Array.of(0x01, 0x08, 0, 0, 0, 0, 0x00, 0x00, 0, 0)); // t = 0
    d.decode(Uint8Array.of(0x01, 0x08, 0x00, 0x00, 0xc0, 0x7f, 0x10, 0x27, 0, 0)); // NaN at 10000 µs
    const b = samples(d.decode(Uint8Array.of(0x01, 0x08, 0, 0, 0, 0, 0xd4, 0x30, 0, 0))); // t = 12500
    expect(b.samplePeriodUs).toBe(12500);
  });

  it('decodes a view into a larger buffer at an offset', () => {
    const backing = new Uint8Array(32).fill(0xee);
    backing.set([0x01, 0x08, 0x00, 0x00, 0x20, 0x41, 0xe8, 0x03, 0x00, 0x00], 5);
    const block = samples(decoder().decode(backing.subarray(5, 15)));
    expect(block.values[0]).toBeCloseTo(98.0665, 9);
  });

  it('never throws on 10 000 seeded random buffers', () => {
    const rng = new Prng(0x7153);
    const d = decoder();
    const commands = ['read-battery', 'read-firmware', 'tare', 'start'] as const;
    const counts: Record<string, number> = {};
    let nonFinite = 0;
    for (let i = 0; i < 10_000; i++) {
      if (rng.nextInt(8) === 0) d.commandSent(commands[rng.nextInt(commands.length)] ?? 'start');
      let bytes: Uint8Array;
      if (rng.nextInt(3) === 0) {
        // A valid weight notification with one byte possibly flipped: reaches the deep paths.
        const records = 1 + rng.nextInt(4);
        bytes = new Uint8Array(2 + 8 * records);
        const view = new DataView(bytes.buffer);
        bytes[0] = 0x01;
        bytes[1] = 8 * records;
        for (let k = 0; k < records; k++) {
          view.setFloat32(2 + 8 * k, rng.uniform(-200, 200), true);
          view.setUint32(6 + 8 * k, (i * 100_000 + k * 12_500) >>> 0, true);
        }
        if (rng.nextInt(2) === 0) bytes[rng.nextInt(bytes.length)] = rng.nextInt(256);
      } else {
        const length = rng.nextInt(40);
        bytes = new Uint8Array(length);
        for (let j = 0; j < length; j++) bytes[j] = rng.nextInt(256);
        // Mostly self-consistent tag and length byte, so parsing gets past the header.
        if (length >= 2 && rng.nextInt(4) !== 0) {
          bytes[0] = rng.nextInt(6);
          bytes[1] = length - 2;
        }
      }
      const r = d.decode(bytes);
      counts[r.kind] = (counts[r.kind] ?? 0) + 1;
      if (r.kind === 'samples' && !r.block.values.every(Number.isFinite)) nonFinite++;
    }
    expect(nonFinite).toBe(0);
    expect(counts['rejected']).toBeGreaterThan(1000);
    expect(counts['samples']).toBeGreaterThan(100);
  });
});
