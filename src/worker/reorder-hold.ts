// Holds frames that arrive ahead of a missing one for a short while, so a frame merely overtaken
// in transit can still slot in; after that the missing slot becomes a gap, and a frame that comes
// later still is counted as late and dropped (the loss definition of the sensors issue). Only for
// devices with a sample counter: without one, "ahead" cannot be told from "after a gap".
//
// How long: the pipeline issue asks for one frame period, the soak issue for surviving
// reordering within three frames; three frame periods satisfies both in practice (a frame one
// place late arrives within one period, three places late within three), so the hold is three.
import type { SampleBlock } from '../profiles/types';

/** Reordering within three frames must survive (soak issue): wait up to three frame periods. */
const HOLD_FRAME_PERIODS = 3;
/** More than a few frames ahead is a gap, not a reordering: hold at most this many. */
const MAX_HELD = 6;

interface Held {
  block: SampleBlock;
  arrivalMs: number;
}

type Release = (block: SampleBlock, arrivalMs: number) => void;

export class ReorderHold {
  private readonly held: Held[] = [];
  private expected: number | null = null;
  private deadlineMs = Infinity;
  /** A new connection starts a stream too: the first frames may have overtaken its stream-start frame. */
  private awaitingStreamStart = true;

  /**
   * After an outage: forget the expected position, and expect the sensor to restart its stream
   * (it does on every `start`, PROTOCOL.md §6), so a frame from just after a stream start waits
   * for the stream-start frame it may have overtaken instead of starting the stream without it.
   */
  restartAfterOutage(): void {
    this.expected = null;
    this.awaitingStreamStart = true;
  }

  /** Offers a block; `release` receives, in order, every block that may now go on. */
  offer(block: SampleBlock, arrivalMs: number, release: Release): void {
    this.expire(arrivalMs, release);
    const counter = block.sampleCounter;
    const modulo = block.sampleCounterModulo;
    if (this.awaitingStreamStart && this.expected === null && counter !== null && counter < MAX_HELD * block.samplesPerChannel) {
      this.expected = 0;
    }
    if (counter === null || modulo === null || this.expected === null || block.streamStart) {
      this.pass(block, arrivalMs, release);
      this.drain(release);
      return;
    }
    const ahead = this.distance(block);
    if (ahead === 0 || ahead >= modulo / 2) {
      // In order, or behind (a duplicate or a late frame: the accountant says which).
      this.pass(block, arrivalMs, release);
      this.drain(release);
      return;
    }
    if (this.held.length === 0) this.deadlineMs = arrivalMs + this.holdMs(block);
    this.held.push({ block, arrivalMs });
    this.held.sort((a, b) => this.distance(a.block) - this.distance(b.block));
    // Too many waiting: give up on the oldest missing slot only, keep the rest waiting.
    if (this.held.length > MAX_HELD) this.giveUpOldestGap(release);
  }

  /** Gives up on missing slots whose wait has passed by `nowMs` (called as time moves on). */
  expire(nowMs: number, release: Release): void {
    while (this.held.length > 0 && nowMs > this.deadlineMs) this.giveUpOldestGap(release);
  }

  /** Distance ahead of the expected position, modulo the counter's wrap. */
  private distance(block: SampleBlock): number {
    const modulo = block.sampleCounterModulo ?? 1;
    return ((((block.sampleCounter ?? 0) - (this.expected ?? 0)) % modulo) + modulo) % modulo;
  }

  private pass(block: SampleBlock, arrivalMs: number, release: Release): void {
    this.awaitingStreamStart = false;
    release(block, arrivalMs);
    const modulo = block.sampleCounterModulo;
    if (block.sampleCounter === null || modulo === null) return;
    // Only move forward: a late or duplicate frame must not rewind the expectation.
    if (this.expected === null || block.streamStart || this.distance(block) < modulo / 2) {
      this.expected = (block.sampleCounter + block.samplesPerChannel) % modulo;
    }
  }

  /**
   * Releases held blocks that are now next in line, and those now behind (a duplicate of a frame
   * that has since passed, or one overtaken by the give-up): the accountant counts them.
   */
  private drain(release: Release): void {
    for (;;) {
      const index = this.held.findIndex(({ block }) => {
        const d = this.distance(block);
        return d === 0 || d >= (block.sampleCounterModulo ?? 1) / 2;
      });
      if (index < 0) break;
      const [{ block, arrivalMs }] = this.held.splice(index, 1) as [Held];
      this.pass(block, arrivalMs, release);
    }
    this.held.sort((a, b) => this.distance(a.block) - this.distance(b.block));
    if (this.held.length === 0) this.deadlineMs = Infinity;
    else this.deadlineMs = Math.min(this.deadlineMs, this.held[0]!.arrivalMs + this.holdMs(this.held[0]!.block));
  }

  private holdMs(block: SampleBlock): number {
    return (HOLD_FRAME_PERIODS * block.samplesPerChannel * (block.samplePeriodUs ?? 0)) / 1000;
  }

  /** The first missing slot is lost: the nearest held block goes on (the accountant records the gap). */
  private giveUpOldestGap(release: Release): void {
    const first = this.held.shift();
    if (!first) return;
    this.pass(first.block, first.arrivalMs, release);
    // The remaining holds get a fresh wait from now on, measured from their own arrival.
    this.deadlineMs = Infinity;
    this.drain(release);
    if (this.held.length > 0) this.deadlineMs = this.held[0]!.arrivalMs + this.holdMs(this.held[0]!.block);
  }
}
