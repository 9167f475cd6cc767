// When the page is not cross-origin isolated there is no SharedArrayBuffer: the worker sends the
// samples written since the last snapshot as transferred chunks, and the main thread writes them
// into rings of its own (the same SampleRing class), so readers cannot tell the difference.
import type { SampleRing } from '../signal/sample-ring';
import type { RingChunks } from './messages';
import type { SensorRings } from './sensor-processing';

export class RingChunker {
  private sent: number;

  constructor(private readonly rings: SensorRings) {
    this.sent = rings.raw.written;
  }

  /** The sets written since the last call (at most a ring's capacity), or null when none. */
  take(): RingChunks | null {
    const written = this.rings.raw.written;
    const sets = Math.min(this.rings.raw.capacity, (written - this.sent + 2 ** 31) % 2 ** 31);
    this.sent = written;
    if (sets === 0) return null;
    return { sets, raw: copy(this.rings.raw, sets), filtered: copy(this.rings.filtered, sets), level: copy(this.rings.level, sets) };
  }
}

function copy(ring: SampleRing, sets: number): Float32Array {
  const out = new Float32Array(sets * ring.channels);
  const column = new Float32Array(sets);
  for (let c = 0; c < ring.channels; c++) {
    ring.readLatest(c, sets, column);
    for (let s = 0; s < sets; s++) out[s * ring.channels + c] = column[s]!;
  }
  return out;
}

/** The main thread's side: append a chunk to local rings. */
export function writeChunks(rings: SensorRings, chunks: RingChunks): void {
  rings.raw.write(chunks.raw, chunks.sets);
  rings.filtered.write(chunks.filtered, chunks.sets);
  rings.level.write(chunks.level, chunks.sets);
}
