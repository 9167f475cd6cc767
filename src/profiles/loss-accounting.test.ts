import { describe, expect, it } from 'vitest';
import { Prng } from '../../firmware-protocol/sim/prng';
import { createLossAccountant, type AcceptOutcome } from './loss-accounting';
import { createGanglionDecoder } from './openbci-ganglion';
import type { SampleBlock } from './types';

/** A 2-channel block with a sample counter (n samples per channel). */
function counted(counter: number, modulo: number, n = 2): SampleBlock {
  return {
    channels: 2,
    samplesPerChannel: n,
    values: new Float64Array(2 * n),
    sampleCounter: counter,
    sampleCounterModulo: modulo,
    deviceTimeUs: null,
    deviceTimeModuloUs: null,
    samplePeriodUs: 5000,
  };
}

/** A 1-channel block stamped with device time only (Tindeq-like), 12.5 ms period. */
function timed(timeUs: number, n = 1, periodUs: number | null = 12500): SampleBlock {
  return {
    channels: 1,
    samplesPerChannel: n,
    values: new Float64Array(n),
    sampleCounter: null,
    sampleCounterModulo: null,
    deviceTimeUs: timeUs,
    deviceTimeModuloUs: 2 ** 32,
    samplePeriodUs: periodUs,
  };
}

function kinds(outcomes: AcceptOutcome[]): string[] {
  return outcomes.map((o) => (o.kind === 'accepted' && o.gap !== null ? `gap ${o.gap.lengthSamples}` : o.kind));
}

describe('loss accounting from sample counters', () => {
  it('wraps around the modulo without counting loss', () => {
    const acc = createLossAccountant(2);
    // modulo 8, 2 samples per frame: 4, 6, 0 (= 8 mod 8), 2
    expect(kinds([4, 6, 0, 2].map((c) => acc.accept(counted(c, 8))))).toEqual(Array(4).fill('accepted'));
    expect(acc.stats.framesLost).toBe(0);
    expect(Array.from(acc.stats.samplesReceived)).toEqual([8, 8]);
  });

  it('reports a gap of N frames with its start, length in samples and in µs', () => {
    const acc = createLossAccountant(2);
    acc.accept(counted(0, 100));
    acc.accept(counted(2, 100));
    const out = acc.accept(counted(8, 100)); // frames at 4 and 6 missing
    // expected 4, got 8 → 4 samples = 2 frames; 4 × 5000 µs = 20 000 µs; stream position 4
    expect(out).toEqual({
      kind: 'accepted',
      resync: false,
      gap: { startSample: 4, startDeviceTimeUs: null, lengthSamples: 4, lengthUs: 20000 },
    });
    expect(acc.stats.framesLost).toBe(2);
    expect(Array.from(acc.stats.samplesLost)).toEqual([4, 4]);
    expect(acc.stats.gaps).toBe(1);
  });

  it('counts a gap that straddles the wrap', () => {
    const acc = createLossAccountant(2);
    // modulo 10: 6, 8, then 2 — expected 0, so (2 − 0) mod 10 = 2 samples = 1 frame lost
    expect(kinds([6, 8, 2].map((c) => acc.accept(counted(c, 10))))).toEqual(['accepted', 'accepted', 'gap 2']);
    expect(acc.stats.framesLost).toBe(1);
  });

  it('drops duplicates of recent frames, not only of the last one', () => {
    const acc = createLossAccountant(2);
    expect(kinds([0, 2, 2, 4, 2, 6].map((c) => acc.accept(counted(c, 100))))).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'accepted',
      'duplicate',
      'accepted',
    ]);
    expect(acc.stats.duplicatesDropped).toBe(2);
    expect(acc.stats.framesReceived).toBe(4);
  });

  it('drops a frame that arrives after its gap was counted as late', () => {
    const acc = createLossAccountant(2);
    expect(kinds([0, 2, 6, 4].map((c) => acc.accept(counted(c, 100))))).toEqual([
      'accepted',
      'accepted',
      'gap 2',
      'late',
    ]);
    expect(acc.stats.lateDropped).toBe(1);
    expect(acc.stats.samplesLost[0]).toBe(2); // the late frame's samples stay lost
  });

  it('subtracts rejected frames from frames lost, but counts their samples as lost', () => {
    const acc = createLossAccountant(2);
    acc.accept(counted(0, 100));
    acc.reject();
    acc.reject();
    acc.accept(counted(6, 100)); // 4 samples missing = 2 frames, both were the rejected ones
    expect(acc.stats.framesRejected).toBe(2);
    expect(acc.stats.framesLost).toBe(0);
    expect(acc.stats.samplesLost[0]).toBe(4);
  });

  it('reads a counter far behind as a forward gap past the wrap, never as a stuck stream', () => {
    const acc = createLossAccountant(2);
    // modulo 200: 100, then 50 → 48 samples "behind" is beyond 8 frames × 2, so it is 148 ahead.
    acc.accept(counted(100, 200));
    expect(kinds([acc.accept(counted(50, 200)), acc.accept(counted(52, 200))])).toEqual(['gap 148', 'accepted']);
  });

  it('rejects a block whose shape does not fit the sensor', () => {
    const acc = createLossAccountant(2);
    const wrong: SampleBlock[] = [
      { ...counted(0, 100), channels: 3 },
      { ...counted(0, 100), samplesPerChannel: 0 },
      { ...counted(100, 100) }, // counter outside its cycle
      { ...counted(0, 100), sampleCounterModulo: null },
      { ...counted(0, 100), samplePeriodUs: 0 },
    ];
    expect(wrong.map((b) => acc.accept(b).kind)).toEqual(Array(5).fill('rejected'));
    expect(acc.stats.framesRejected).toBe(5);
  });
});

describe('loss accounting from device timestamps', () => {
  it('finds a gap when the step exceeds 1.5 periods', () => {
    const acc = createLossAccountant(1);
    // 0, 12.5, 25 ms, then 62.5 ms: expected 37.5 ms, 25 ms late = 2 samples; step 50 ms = 4 periods
    const out = [0, 12500, 25000, 62500].map((t) => acc.accept(timed(t)));
    expect(kinds(out)).toEqual(['accepted', 'accepted', 'accepted', 'gap 2']);
    expect(out[3]).toMatchObject({
      gap: { startSample: 3, startDeviceTimeUs: 37500, lengthSamples: 2, lengthUs: 25000 },
    });
  });

  it('tolerates jitter up to 1.5 periods', () => {
    const acc = createLossAccountant(1);
    // steps of 18 500 µs = 1.48 periods and 6 500 µs: both within ±0.5 period of 12 500
    expect(kinds([0, 18500, 25000].map((t) => acc.accept(timed(t))))).toEqual(Array(3).fill('accepted'));
  });

  it('uses the block length: a 4-sample block ends 4 periods later', () => {
    const acc = createLossAccountant(1);
    expect(kinds([0, 50000, 100000].map((t) => acc.accept(timed(t, 4))))).toEqual(Array(3).fill('accepted'));
  });

  it('handles the 2^32 µs wrap', () => {
    const acc = createLossAccountant(1);
    // 2^32 − 12 500, then 0 (in order), then 25 000 (expected 12 500 → 1 sample lost)
    const out = [2 ** 32 - 12500, 0, 25000].map((t) => acc.accept(timed(t)));
    expect(kinds(out)).toEqual(['accepted', 'accepted', 'gap 1']);
  });

  it('drops a repeated timestamp as a duplicate', () => {
    const acc = createLossAccountant(1);
    expect(kinds([0, 12500, 12500, 25000].map((t) => acc.accept(timed(t))))).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'accepted',
    ]);
  });

  it('treats a clock far in the past as a resync, not as loss', () => {
    const acc = createLossAccountant(1);
    acc.accept(timed(1_000_000_000));
    expect(acc.accept(timed(0))).toEqual({ kind: 'accepted', gap: null, resync: true });
    expect(acc.stats.resyncs).toBe(1);
    expect(acc.stats.samplesLost[0]).toBe(0);
  });

  it('detects nothing until a period is known, and restart() forgets the last position', () => {
    const acc = createLossAccountant(1);
    expect(kinds([0, 900000].map((t) => acc.accept(timed(t, 1, null))))).toEqual(['accepted', 'accepted']);
    acc.accept(timed(912500));
    acc.restart(); // stream stopped and started again: the pause is not loss
    expect(acc.accept(timed(60_000_000)).kind).toBe('accepted');
    expect(acc.stats.gaps).toBe(0);
    expect(acc.stats.framesReceived).toBe(4);
  });
});

describe('loss accounting over a real decoder (Ganglion firmware 2)', () => {
  it('keeps frames sent = received + lost + rejected across a lost packet', () => {
    const decoder = createGanglionDecoder(2);
    const acc = createLossAccountant(4);
    const ids = [0, ...Array.from({ length: 100 }, (_, i) => 101 + i), 0, 101];
    const dropped = 150; // lost in the air; 151–200 are then rejected until raw 0 re-seeds
    for (const id of ids) {
      if (id === dropped) continue;
      const r = decoder.decode(Uint8Array.of(id, ...new Uint8Array(19)));
      if (r.kind === 'samples') acc.accept(r.block);
      else acc.reject();
    }
    // Last accepted id 149 → counter 2 × 49 − 1 = 97, 2 samples → expected 99; raw has 0:
    // (0 − 99) mod 201 = 102 samples missing = 51 frames, of which 50 were rejected → 1 lost.
    // Received: raw + 101–149 (50), then raw + 101 (2).
    expect(acc.stats.framesReceived).toBe(52);
    expect(acc.stats.framesRejected).toBe(50);
    expect(acc.stats.framesLost).toBe(1);
    expect(acc.stats.samplesLost[3]).toBe(102);
    expect(acc.stats.framesReceived + acc.stats.framesLost + acc.stats.framesRejected).toBe(ids.length);
  });
});

describe('loss accounting fuzz', () => {
  it('stays consistent over 10 000 seeded random counters and timestamps', () => {
    const rng = new Prng(0x1055);
    const acc = createLossAccountant(1);
    let counter = 0;
    let timeUs = 0;
    for (let i = 0; i < 10_000; i++) {
      const step = rng.nextInt(20) === 0 ? rng.nextInt(50) : 1;
      counter = (counter + step) % 201;
      timeUs = (timeUs + step * 12500) % 2 ** 32;
      const withCounter = rng.nextInt(2) === 0;
      const b = withCounter ? { ...timed(timeUs), sampleCounter: counter, sampleCounterModulo: 201 } : timed(timeUs);
      if (rng.nextInt(30) === 0) acc.reject();
      else acc.accept(b);
    }
    const s = acc.stats;
    expect(Number.isFinite(s.samplesLost[0])).toBe(true);
    expect(s.framesReceived + s.duplicatesDropped + s.lateDropped + s.framesRejected).toBe(10_000);
    expect(s.gaps).toBeGreaterThan(0);
  });
});
