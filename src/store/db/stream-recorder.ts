// One sensor's recording: chunks from the accumulator are written one after another, in order,
// each in its own transaction. The first failed write ends the stream: later chunks are dropped
// (a stream with a hole in its seq would lie about its timeline), earlier ones stay as they are.
import { ChunkAccumulator, type ChunkDraft, type GapReason } from './chunk-accumulator';
import type { ChunkWriter, WriteFailure } from './chunk-writer';

export interface StreamProgress {
  /** Chunks stored so far. */
  chunks: number;
  /** Stream index just after the last stored sample. */
  endIndex: number;
}

export interface StreamRecorderOptions {
  sessionId: string;
  sensorId: string;
  channels: number;
  chunkSets: number;
  firstIndex: number;
  writer: ChunkWriter;
  onSaved(progress: StreamProgress): void;
  onFailed(failure: WriteFailure): void;
}

export class StreamRecorder {
  private readonly accumulator: ChunkAccumulator;
  private readonly queue: ChunkDraft[] = [];
  private draining: Promise<void> | null = null;
  private failure: WriteFailure | null = null;
  private ended = false;
  private abandoned = false;
  private saved = 0;

  constructor(private readonly options: StreamRecorderOptions) {
    this.accumulator = new ChunkAccumulator(options.channels, options.chunkSets, options.firstIndex, (draft) => this.enqueue(draft));
  }

  /** Interleaved raw and level values of `sets` sample sets (only read during the call). */
  samples(raw: ArrayLike<number>, level: ArrayLike<number>, sets: number): void {
    if (!this.ended) this.accumulator.samples(raw, level, sets);
  }

  gap(lengthSamples: number, reason: GapReason): void {
    if (!this.ended) this.accumulator.gap(lengthSamples, reason);
  }

  /**
   * Queues the open chunk for writing now (the page is being hidden: it may never come back);
   * resolves once it and every chunk queued before it have settled.
   */
  async flush(): Promise<void> {
    if (!this.ended) this.accumulator.flush();
    while (this.draining) await this.draining;
  }

  /** Stops taking samples, writes the open chunk, and resolves once every write has settled. */
  async end(): Promise<WriteFailure | null> {
    const settled = this.flush();
    this.ended = true;
    await settled;
    return this.failure;
  }

  /** Stops at once without writing the open chunk (another stream of the session failed). */
  abandon(): void {
    this.ended = true;
    this.abandoned = true;
    this.queue.length = 0;
  }

  private enqueue(draft: ChunkDraft): void {
    if (this.failure) return;
    this.queue.push(draft);
    this.draining ??= this.drain();
  }

  private async drain(): Promise<void> {
    const { sessionId, sensorId, writer } = this.options;
    for (let draft = this.queue.shift(); draft && !this.failure; draft = this.queue.shift()) {
      const outcome = await writer.write(sessionId, sensorId, draft);
      if (outcome.ok) {
        this.saved++;
        this.options.onSaved({ chunks: this.saved, endIndex: draft.startIndex + draft.sampleCount });
      } else {
        this.failure = outcome;
        this.ended = true;
        this.queue.length = 0;
        // An abandoned stream's owner has already moved on; its late failure is nobody's news.
        if (!this.abandoned) this.options.onFailed(outcome);
      }
    }
    this.draining = null;
  }
}
