import { describe, expect, it } from 'vitest';
import { SampleRing } from './sample-ring';

describe('sample ring', () => {
  it('keeps the newest sets of each channel in order across wrap-around', () => {
    const ring = SampleRing.create(2, 5, true);
    const block = Float32Array.from({ length: 2 * 7 }, (_, i) => i); // sets 0..6: (0,1) (2,3) …
    ring.write(block.subarray(0, 6), 3);
    ring.write(block.subarray(6), 4);
    expect(ring.written).toBe(7);
    const out = new Float64Array(5);
    expect(ring.readLatest(0, 5, out)).toBe(5);
    expect(Array.from(out)).toEqual([4, 6, 8, 10, 12]);
    expect(ring.readLatest(1, 3, out)).toBe(3);
    expect(Array.from(out.subarray(0, 3))).toEqual([9, 11, 13]);
  });

  it('marks gaps with NaN and reports only what exists', () => {
    const ring = SampleRing.create(1, 8, false);
    ring.write([1, 2], 2);
    ring.writeGap(2);
    ring.write([5], 1);
    const out = new Float32Array(10);
    expect(ring.readLatest(0, 10, out)).toBe(5);
    expect(Array.from(out.subarray(0, 5))).toEqual([1, 2, NaN, NaN, 5]);
  });

  it('is readable through a second view of the same shared memory', () => {
    const writer = SampleRing.create(3, 16, true);
    const reader = new SampleRing(writer.buffer);
    writer.write([1, 2, 3, 4, 5, 6], 2);
    const out = new Float32Array(2);
    expect(reader.readLatest(2, 2, out)).toBe(2);
    expect(Array.from(out)).toEqual([3, 6]);
    expect(reader.channels).toBe(3);
    expect(reader.capacity).toBe(16);
  });

  it('keeps only the newest capacity when one block is larger than the ring', () => {
    const ring = SampleRing.create(1, 4, true);
    ring.write(Float32Array.from({ length: 10 }, (_, i) => i), 10);
    const out = new Float32Array(4);
    ring.readLatest(0, 4, out);
    expect(Array.from(out)).toEqual([6, 7, 8, 9]);
  });
});
