// Holds a frame that arrives ahead of a missing one for at most one frame period, so a frame
// merely overtaken in transit can still slot in; after that the missing slot becomes a gap and a
// late arrival is counted as late and dropped (the loss definition of the sensors issue). Only
// for devices with a sample counter: without one, "ahead" cannot be told from "after a gap".
import type { SampleBlock } from '../profiles/types';

/** More than a few frames ahead is a gap, not a reordering: hold at most this many. */
const MAX_HELD = 4;

interface Held {
  block: SampleBlock;
  arrivalMs: number;
}

export class ReorderHold {
  private readonly held: Held[] = [];
  private expected: number | null = null;
  private deadlineMs = Infinity;

  /** Forget the expected position (a stream restart or outage): the next block is taken as is. */
  restart(): void {
    this.expected = null;
  }

  /**
   * Offers a block; `release` receives, in order, every block that may now go on (this one,
   * possibly held ones, or expired holds when `arrivalMs` passed their deadline).
   */
  offer(block: SampleBlock, arrivalMs: number, release: (block: SampleBlock, arrivalMs: number) => void): void {
    this.expire(arrivalMs, release);
    const counter = block.sampleCounter;
    const modulo = block.sampleCounterModulo;
    if (counter === null || modulo === null || this.expected === null || block.streamStart) {
      this.pass(block, arrivalMs, release);
      return;
    }
    const ahead = (((counter - this.expected) % modulo) + modulo) % modulo;
    if (ahead === 0 || ahead >= modulo / 2) {
      // In order, or behind (a duplicate or a late frame: the accountant says which).
      this.pass(block, arrivalMs, release);
      this.drain(release);
      return;
    }
    if (this.held.length >= MAX_HELD) {
      this.flush(release);
      this.pass(block, arrivalMs, release);
      return;
    }
    if (this.held.length === 0) {
      const periodMs = (block.samplePeriodUs ?? 0) / 1000;
      this.deadlineMs = arrivalMs + block.samplesPerChannel * periodMs;
    }
    this.held.push({ block, arrivalMs });
    this.held.sort((a, b) => this.distance(a.block, modulo) - this.distance(b.block, modulo));
  }

  /** Releases holds whose one frame period has passed by `nowMs` (called as time moves on). */
  expire(nowMs: number, release: (block: SampleBlock, arrivalMs: number) => void): void {
    if (this.held.length > 0 && nowMs > this.deadlineMs) this.flush(release);
  }

  private distance(block: SampleBlock, modulo: number): number {
    return ((((block.sampleCounter ?? 0) - (this.expected ?? 0)) % modulo) + modulo) % modulo;
  }

  private pass(block: SampleBlock, arrivalMs: number, release: (block: SampleBlock, arrivalMs: number) => void): void {
    release(block, arrivalMs);
    if (block.sampleCounter !== null && block.sampleCounterModulo !== null) {
      const next = (block.sampleCounter + block.samplesPerChannel) % block.sampleCounterModulo;
      // Only move forward: a late or duplicate frame must not rewind the expectation.
      if (this.expected === null || block.streamStart || this.distance(block, block.sampleCounterModulo) < block.sampleCounterModulo / 2) {
        this.expected = next;
      }
    }
  }

  /** Releases held blocks that are now next in line. */
  private drain(release: (block: SampleBlock, arrivalMs: number) => void): void {
    while (this.held.length > 0) {
      const first = this.held[0]!;
      if (this.distance(first.block, first.block.sampleCounterModulo!) !== 0) return;
      this.held.shift();
      this.pass(first.block, first.arrivalMs, release);
    }
    this.deadlineMs = Infinity;
  }

  /** Gives up waiting: every held block goes on in counter order; the accountant records the gaps. */
  private flush(release: (block: SampleBlock, arrivalMs: number) => void): void {
    const pending = this.held.splice(0);
    this.deadlineMs = Infinity;
    for (const { block, arrivalMs } of pending) this.pass(block, arrivalMs, release);
  }
}
