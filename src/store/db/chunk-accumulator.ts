// Gathers one sensor's samples into chunks of at most `chunkSets` sample sets (about one second,
// the recording issue's "one chunk per ≤ 1 s"): raw and level, interleaved Float32 (architecture.md:
// store Float32 only after the arithmetic). Pure and synchronous — the recorder decides when
// and how a finished chunk is written. A chunk never straddles a gap, so its samples are
// contiguous from `startIndex` and the session's timeline can be rebuilt exactly.

export type GapReason = 'loss' | 'outage';

export interface ChunkDraft {
  seq: number;
  /** Stream sample index of the first set (gaps counted). */
  startIndex: number;
  sampleCount: number;
  /** Sets per channel lost just before this chunk (0: contiguous with the previous one). */
  gapBefore: number;
  /** Why those sets were lost ('outage' wins when a loss and an outage meet); null when gapBefore is 0. */
  gapReason: GapReason | null;
  channels: number;
  raw: Float32Array;
  level: Float32Array;
}

export class ChunkAccumulator {
  private readonly raw: Float32Array;
  private readonly level: Float32Array;
  private sets = 0;
  private seq = 0;
  /** Stream index of the open chunk's first set. */
  private streamIndex: number;
  private pendingGap = 0;
  private pendingReason: GapReason | null = null;

  constructor(
    readonly channels: number,
    readonly chunkSets: number,
    firstIndex: number,
    private readonly emit: (draft: ChunkDraft) => void,
  ) {
    if (!(chunkSets >= 1) || !(channels >= 1)) throw new RangeError(`a chunk needs ≥ 1 channel and ≥ 1 set (got ${channels}, ${chunkSets})`);
    // Preallocated once: appending a block copies into these, never allocates.
    this.raw = new Float32Array(chunkSets * channels);
    this.level = new Float32Array(chunkSets * channels);
    this.streamIndex = firstIndex;
  }

  /** Stream index of the next sample (gaps counted). */
  get nextIndex(): number {
    return this.streamIndex + this.sets;
  }

  /** Sets waiting in the open chunk. */
  get openSets(): number {
    return this.sets;
  }

  /** Appends `sets` interleaved sample sets; `raw` and `level` hold at least sets × channels values. */
  samples(raw: ArrayLike<number>, level: ArrayLike<number>, sets: number): void {
    const channels = this.channels;
    let done = 0;
    while (done < sets) {
      const take = Math.min(sets - done, this.chunkSets - this.sets);
      const from = done * channels;
      const to = this.sets * channels;
      const n = take * channels;
      for (let i = 0; i < n; i++) {
        this.raw[to + i] = raw[from + i]!;
        this.level[to + i] = level[from + i]!;
      }
      this.sets += take;
      done += take;
      if (this.sets === this.chunkSets) this.flush();
    }
  }

  /** `lengthSamples` per channel were lost before the next block: closes the open chunk. */
  gap(lengthSamples: number, reason: GapReason): void {
    if (lengthSamples <= 0) return;
    this.flush();
    this.pendingGap += lengthSamples;
    this.pendingReason = this.pendingReason === 'outage' || reason === 'outage' ? 'outage' : 'loss';
    this.streamIndex += lengthSamples;
  }

  /** Emits the open chunk now, however short (the page is hiding, or recording stops). */
  flush(): void {
    if (this.sets === 0) return;
    const n = this.sets * this.channels;
    const draft: ChunkDraft = {
      seq: this.seq++,
      startIndex: this.streamIndex,
      sampleCount: this.sets,
      gapBefore: this.pendingGap,
      gapReason: this.pendingReason,
      channels: this.channels,
      // One copy per chunk (about a second), not per sample: the scratch is reused for the next.
      raw: this.raw.slice(0, n),
      level: this.level.slice(0, n),
    };
    this.streamIndex += this.sets;
    this.sets = 0;
    this.pendingGap = 0;
    this.pendingReason = null;
    this.emit(draft);
  }
}
