import { describe, expect, it } from 'vitest';
import { ChunkAccumulator, type ChunkDraft } from './chunk-accumulator';

/** Two channels; raw value = 10 × index + channel, level = −raw: every sample is identifiable. */
function block(first: number, sets: number): { raw: Float64Array; level: Float32Array } {
  const raw = new Float64Array(sets * 2);
  const level = new Float32Array(sets * 2);
  for (let s = 0; s < sets; s++) {
    for (let c = 0; c < 2; c++) {
      raw[s * 2 + c] = 10 * (first + s) + c;
      level[s * 2 + c] = -(10 * (first + s) + c);
    }
  }
  return { raw, level };
}

describe('ChunkAccumulator', () => {
  it('cuts blocks into chunks of at most chunkSets, contiguous and in order', () => {
    const drafts: ChunkDraft[] = [];
    const acc = new ChunkAccumulator(2, 4, 100, (d) => drafts.push(d));
    let index = 100;
    for (const sets of [3, 3, 5, 1]) {
      const { raw, level } = block(index, sets);
      acc.samples(raw, level, sets);
      index += sets;
    }
    expect(drafts.map((d) => [d.seq, d.startIndex, d.sampleCount])).toEqual([
      [0, 100, 4],
      [1, 104, 4],
      [2, 108, 4],
    ]);
    expect(acc.openSets).toBe(0);
    expect(acc.nextIndex).toBe(112);
    expect(Array.from(drafts[1]!.raw)).toEqual([1040, 1041, 1050, 1051, 1060, 1061, 1070, 1071]);
    expect(Array.from(drafts[1]!.level)).toEqual([-1040, -1041, -1050, -1051, -1060, -1061, -1070, -1071]);
  });

  it('closes the open chunk at a gap and carries the gap (summed, outage winning) into the next chunk', () => {
    const drafts: ChunkDraft[] = [];
    const acc = new ChunkAccumulator(2, 10, 0, (d) => drafts.push(d));
    const a = block(0, 3);
    acc.samples(a.raw, a.level, 3);
    acc.gap(5, 'loss');
    acc.gap(2, 'outage');
    expect(acc.nextIndex).toBe(10);
    const b = block(10, 2);
    acc.samples(b.raw, b.level, 2);
    acc.flush();
    expect(drafts.map((d) => [d.seq, d.startIndex, d.sampleCount, d.gapBefore, d.gapReason])).toEqual([
      [0, 0, 3, 0, null],
      [1, 10, 2, 7, 'outage'],
    ]);
    expect(drafts[1]!.raw[0]).toBe(100);
  });

  it('flushes a short open chunk on request and nothing when empty', () => {
    const drafts: ChunkDraft[] = [];
    const acc = new ChunkAccumulator(2, 1000, 0, (d) => drafts.push(d));
    acc.flush();
    expect(drafts).toHaveLength(0);
    const a = block(0, 7);
    acc.samples(a.raw, a.level, 7);
    acc.flush();
    acc.flush();
    expect(drafts.map((d) => d.sampleCount)).toEqual([7]);
    // The copy is the chunk's own: later samples do not change it.
    const b = block(7, 7);
    acc.samples(b.raw, b.level, 7);
    expect(drafts[0]!.raw[0]).toBe(0);
    expect(drafts[0]!.raw).toHaveLength(14);
  });

  it('refuses a chunk size below one set', () => {
    expect(() => new ChunkAccumulator(2, 0, 0, () => undefined)).toThrow(RangeError);
  });
});
