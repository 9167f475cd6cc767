import { describe, expect, it } from 'vitest';
import { FaultInjector, type NotifyEvent, type PeripheralEvent } from './faults';

/** A minimal frame-like message: 4 bytes with the sequence number at bytes 2–3 like a data frame. */
function frame(sequence: number, atUs: number): NotifyEvent {
  return { atUs, kind: 'notify', bytes: Uint8Array.of(0x10, 0, sequence & 0xff, sequence >> 8, 1, 2, 3, 4) };
}

function run(injector: FaultInjector, count: number): PeripheralEvent[] {
  const out: PeripheralEvent[] = [];
  for (let i = 0; i < count; i++) injector.push(frame(i, i * 1000), out);
  injector.endOfStream(count * 1000, out);
  injector.release(Infinity, out);
  return out;
}

const sequences = (events: PeripheralEvent[]): number[] =>
  events.flatMap((e) => (e.kind === 'notify' ? [e.bytes[2]! | (e.bytes[3]! << 8)] : []));

describe('FaultInjector', () => {
  it('passes every frame unchanged with an empty plan', () => {
    expect(sequences(run(new FaultInjector({}, 1), 50))).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('drops, duplicates and reorders frames as logged, at about the requested rates', () => {
    const injector = new FaultInjector({ dropProbability: 0.1, duplicateProbability: 0.05, reorderProbability: 0.05 }, 7);
    const seen = sequences(run(injector, 2000));
    const log = injector.log;
    const dropped = new Set(log.filter((f) => f.kind === 'drop').map((f) => f.sequence));
    const duplicated = log.filter((f) => f.kind === 'duplicate').map((f) => f.sequence);
    expect(dropped.size).toBeGreaterThan(150);
    expect(dropped.size).toBeLessThan(250);
    expect(duplicated.length).toBeGreaterThan(60);
    for (let s = 0; s < 2000; s++) {
      const copies = seen.filter((x) => x === s).length;
      expect(copies).toBe(dropped.has(s) ? 0 : duplicated.includes(s) ? 2 : 1);
    }
    // Every logged reorder shows up as a frame arriving after a later one.
    const reordered = log.filter((f) => f.kind === 'reorder').map((f) => f.sequence!);
    expect(reordered.length).toBeGreaterThan(60);
    for (const s of reordered) expect(seen.indexOf(s)).toBeGreaterThan(seen.findIndex((x) => x > s));
  });

  it('corrupts 1–3 bytes of the chosen frames and leaves the originals untouched', () => {
    const injector = new FaultInjector({ corruptProbability: 0.2 }, 3);
    const originals = Array.from({ length: 200 }, (_, i) => frame(i, i));
    const out: PeripheralEvent[] = [];
    for (const f of originals) injector.push(f, out);
    const corrupted = new Set(injector.log.filter((f) => f.kind === 'corrupt').map((f) => f.sequence));
    expect(corrupted.size).toBeGreaterThan(20);
    out.forEach((e, i) => {
      if (e.kind !== 'notify') throw new Error('only notifications expected');
      const differing = e.bytes.filter((b, j) => b !== originals[i]!.bytes[j]).length;
      if (corrupted.has(i)) {
        expect(differing).toBeGreaterThanOrEqual(1);
        expect(differing).toBeLessThanOrEqual(3);
      } else expect(differing).toBe(0);
    });
    expect(originals.every((f, i) => f.bytes[2] === (i & 0xff))).toBe(true);
  });

  it('holds frames sent during a stall and delivers them in order when it ends', () => {
    const injector = new FaultInjector({ stalls: [{ atUs: 10_000, durationUs: 5_500 }] }, 1);
    const events = run(injector, 30);
    expect(sequences(events)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const times = events.map((e) => e.atUs);
    expect(times.slice(10, 16)).toEqual([15_500, 15_500, 15_500, 15_500, 15_500, 15_500]);
    expect(times[16]).toBe(16_000);
    expect(injector.log.filter((f) => f.kind === 'stall')).toEqual([{ atUs: 10_000, kind: 'stall', sequence: 10 }]);
  });

  it('is deterministic for a seed and rejects probabilities outside 0…1', () => {
    const plan = { dropProbability: 0.2, corruptProbability: 0.2, reorderProbability: 0.1 };
    const a = run(new FaultInjector(plan, 5), 300);
    const b = run(new FaultInjector(plan, 5), 300);
    expect(a).toEqual(b);
    expect(() => new FaultInjector({ dropProbability: 1.5 }, 1)).toThrow(RangeError);
  });
});
