// Fault injection on the stream of encoded data frames, as a radio link and a phone's Bluetooth
// stack produce them: lost, repeated, swapped and damaged notifications, and stalls after which the
// queued notifications arrive in a burst. Disconnects are scheduled here too but carried out by the
// peripheral, because they change its state. Seeded: the same plan and seed mangle the same frames.

import { Prng } from './prng';

export interface FaultPlan {
  /** Per-frame probabilities, each 0…1, drawn independently in this order. */
  dropProbability?: number;
  duplicateProbability?: number;
  /** The frame is held back and delivered after the next one. */
  reorderProbability?: number;
  /** 1–3 bytes of the frame are XOR-ed with a non-zero random byte. */
  corruptProbability?: number;
  /** Link losses, in peripheral time (µs since construction). connect() fails for downUs after each. */
  disconnects?: { atUs: number; downUs?: number }[];
  /** Intervals in which nothing is delivered; what was sent meanwhile arrives at the end, in order. */
  stalls?: { atUs: number; durationUs: number }[];
}

export type FaultKind = 'drop' | 'duplicate' | 'reorder' | 'corrupt' | 'stall' | 'disconnect';

/** What the injector did, for the tests' ground truth. `sequence` is read before any corruption. */
export interface FaultRecord {
  atUs: number;
  kind: FaultKind;
  sequence?: number;
}

export interface NotifyEvent {
  atUs: number;
  kind: 'notify';
  bytes: Uint8Array;
}

export interface DisconnectEvent {
  atUs: number;
  kind: 'disconnect';
}

export type PeripheralEvent = NotifyEvent | DisconnectEvent;

const MAX_CORRUPTED_BYTES = 3;

/** Sequence number of an encoded data frame (bytes 2–3, little-endian; PROTOCOL.md §5). */
function sequenceOf(bytes: Uint8Array): number | undefined {
  return bytes.length >= 4 ? bytes[2]! | (bytes[3]! << 8) : undefined;
}

export class FaultInjector {
  readonly log: FaultRecord[] = [];
  private readonly plan: FaultPlan;
  private readonly prng: Prng;
  private heldForReorder: NotifyEvent | undefined;
  private readonly stalled: NotifyEvent[] = [];

  constructor(plan: FaultPlan, seed: number) {
    for (const key of ['dropProbability', 'duplicateProbability', 'reorderProbability', 'corruptProbability'] as const) {
      const p = plan[key] ?? 0;
      if (!(p >= 0 && p <= 1)) throw new RangeError(`${key} must be within 0…1, got ${p}`);
    }
    this.plan = plan;
    this.prng = new Prng(seed);
  }

  private record(atUs: number, kind: FaultKind, bytes?: Uint8Array): void {
    const sequence = bytes === undefined ? undefined : sequenceOf(bytes);
    this.log.push(sequence === undefined ? { atUs, kind } : { atUs, kind, sequence });
  }

  /** End of the stall covering atUs, or undefined if none does. */
  private stallEndAt(atUs: number): number | undefined {
    for (const s of this.plan.stalls ?? []) if (atUs >= s.atUs && atUs < s.atUs + s.durationUs) return s.atUs + s.durationUs;
    return undefined;
  }

  /** Passes one frame through the faults; what is delivered now goes to `out`. */
  push(event: NotifyEvent, out: PeripheralEvent[]): void {
    this.release(event.atUs, out);
    const p = this.plan;
    const rng = this.prng;
    // Draw every decision for every frame so that one fault's outcome never shifts the others'.
    const drop = rng.nextFloat() < (p.dropProbability ?? 0);
    const duplicate = rng.nextFloat() < (p.duplicateProbability ?? 0);
    const reorder = rng.nextFloat() < (p.reorderProbability ?? 0);
    const corrupt = rng.nextFloat() < (p.corruptProbability ?? 0);
    if (drop) {
      this.record(event.atUs, 'drop', event.bytes);
      return;
    }
    let delivered = event;
    if (corrupt) {
      this.record(event.atUs, 'corrupt', event.bytes);
      const bytes = event.bytes.slice();
      const damaged = 1 + rng.nextInt(MAX_CORRUPTED_BYTES);
      for (let i = 0; i < damaged; i++) bytes[rng.nextInt(bytes.length)]! ^= 1 + rng.nextInt(255);
      delivered = { atUs: event.atUs, kind: 'notify', bytes };
    }
    if (reorder && this.heldForReorder === undefined) {
      this.record(event.atUs, 'reorder', event.bytes);
      this.heldForReorder = delivered;
      return;
    }
    this.deliver(delivered, out);
    if (duplicate) {
      this.record(event.atUs, 'duplicate', event.bytes);
      this.deliver({ atUs: delivered.atUs, kind: 'notify', bytes: delivered.bytes.slice() }, out);
    }
    const held = this.heldForReorder;
    if (held !== undefined) {
      this.heldForReorder = undefined;
      this.deliver({ atUs: delivered.atUs, kind: 'notify', bytes: held.bytes }, out);
    }
  }

  private deliver(event: NotifyEvent, out: PeripheralEvent[]): void {
    const stallEnd = this.stallEndAt(event.atUs);
    if (stallEnd === undefined && this.stalled.length === 0) {
      out.push(event);
      return;
    }
    if (stallEnd !== undefined && this.stalled.length === 0) this.record(event.atUs, 'stall', event.bytes);
    this.stalled.push(stallEnd === undefined ? event : { atUs: stallEnd, kind: 'notify', bytes: event.bytes });
  }

  /** The stream ended: a frame held back for reordering has no successor to wait for and goes out now. */
  endOfStream(atUs: number, out: PeripheralEvent[]): void {
    const held = this.heldForReorder;
    if (held === undefined) return;
    this.heldForReorder = undefined;
    this.deliver({ atUs, kind: 'notify', bytes: held.bytes }, out);
  }

  /** Delivers what stalls were holding once their end has passed (call with the current time). */
  release(nowUs: number, out: PeripheralEvent[]): void {
    while (this.stalled.length > 0 && this.stalled[0]!.atUs <= nowUs) {
      const first = this.stalled.shift()!;
      out.push(first);
    }
  }

  /** The link closed: whatever was queued or held is lost with it. */
  clear(): void {
    this.stalled.length = 0;
    this.heldForReorder = undefined;
  }

  /** A planned link loss: as clear(), and logged. */
  disconnect(atUs: number): void {
    this.clear();
    this.record(atUs, 'disconnect');
  }
}
