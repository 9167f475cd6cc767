// A multi-channel ring of Float32 samples shared between the pipeline worker (one writer) and
// the main thread (readers, once per animation frame). Backed by a SharedArrayBuffer when the
// page is cross-origin isolated, by a plain ArrayBuffer otherwise (then the worker transfers
// chunks and the main thread writes them into its own ring with the same class).
//
// Layout: Int32 header [written sets (wraps at 2^31), capacity, channels, reserved], then
// `capacity × channels` Float32 values, set-interleaved. The writer stores the data first and
// the count last with Atomics.store; a reader loads the count with Atomics.load, so every set it
// counts is complete (the ECMAScript memory model orders the two for shared memory).

const HEADER_INTS = 4;
const HEADER_BYTES = HEADER_INTS * 4;
/** The write counter wraps here; readers take differences modulo it (int32 Atomics). */
const COUNTER_MODULO = 2 ** 31;

export class SampleRing {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  readonly capacity: number;
  readonly channels: number;
  private readonly header: Int32Array;
  private readonly data: Float32Array;

  static create(channels: number, capacitySets: number, shared: boolean): SampleRing {
    const bytes = HEADER_BYTES + channels * capacitySets * 4;
    const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    const header = new Int32Array(buffer, 0, HEADER_INTS);
    header[1] = capacitySets;
    header[2] = channels;
    return new SampleRing(buffer);
  }

  /** Opens a ring made elsewhere (e.g. the worker's SharedArrayBuffer). */
  constructor(buffer: ArrayBuffer | SharedArrayBuffer) {
    this.buffer = buffer;
    this.header = new Int32Array(buffer, 0, HEADER_INTS);
    this.capacity = this.header[1]!;
    this.channels = this.header[2]!;
    this.data = new Float32Array(buffer, HEADER_BYTES, this.capacity * this.channels);
  }

  /** Sample sets written so far, modulo 2^31. */
  get written(): number {
    return Atomics.load(this.header, 0);
  }

  /** Appends `sets` interleaved sample sets from `values` (length ≥ sets × channels). */
  write(values: ArrayLike<number>, sets: number): void {
    const { capacity, channels, data } = this;
    const start = this.header[0]!;
    // Only the newest `capacity` sets can be kept.
    const skip = Math.max(0, sets - capacity);
    for (let s = skip; s < sets; s++) {
      const slot = ((start + s) % capacity) * channels;
      const from = s * channels;
      for (let c = 0; c < channels; c++) data[slot + c] = values[from + c]!;
    }
    Atomics.store(this.header, 0, (start + sets) % COUNTER_MODULO);
  }

  /** Appends `sets` sample sets of NaN: a gap, drawn as a break and never averaged. */
  writeGap(sets: number): void {
    const { capacity, channels, data } = this;
    const start = this.header[0]!;
    const kept = Math.min(sets, capacity);
    for (let s = sets - kept; s < sets; s++) data.fill(NaN, ((start + s) % capacity) * channels, ((start + s) % capacity) * channels + channels);
    Atomics.store(this.header, 0, (start + sets) % COUNTER_MODULO);
  }

  /**
   * Copies the newest `sets` sets of `channel` into `out` (oldest first) and returns how many
   * were available (at most the capacity and what was written). Linear copy: what uPlot needs.
   */
  readLatest(channel: number, sets: number, out: Float32Array | Float64Array): number {
    const written = this.written;
    const available = Math.min(sets, this.capacity, written, out.length);
    const { capacity, channels, data } = this;
    const first = (written - available + COUNTER_MODULO) % COUNTER_MODULO;
    for (let i = 0; i < available; i++) out[i] = data[((first + i) % capacity) * channels + channel]!;
    return available;
  }
}
