// The injected clock: every timeout in the connection manager (reconnect backoff, attempt
// timeouts) goes through a `Clock`, so tests and benches run in accelerated, deterministic time
// (architecture.md, "Time is sample time … Anything with timeouts takes an injected clock").
//
// `systemClock` is the ONE place in the app that touches `performance.now()` and `setTimeout`
// for connection management. `ManualClock` is the test double, shared by tests in other folders.

declare const timerHandleBrand: unique symbol;
/** Opaque: only the clock that made it can interpret it. */
export type TimerHandle = { readonly [timerHandleBrand]: true };

export interface Clock {
  /** Monotonic milliseconds, in the same time base as the transport's arrival stamps. */
  nowMs(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Real time: performance.now (monotonic, unlike Date.now) and setTimeout. */
export const systemClock: Clock = {
  nowMs: () => performance.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs) as unknown as TimerHandle,
  clearTimer: (handle) => clearTimeout(handle as unknown as ReturnType<typeof setTimeout>),
};

interface PendingTimer {
  readonly id: number;
  readonly dueMs: number;
  readonly callback: () => void;
}

/**
 * Microtask turns to drain after each timer in `advanceByAsync`. Each `await` in the code under
 * test costs one to three turns (a resolved promise, an async function's return, a `then`); 50
 * covers chains an order of magnitude longer than any in src/devices, and costs nothing.
 */
const MICROTASK_TURNS_PER_STEP = 50;

/**
 * Virtual time for tests. Time moves only when the test says so; due timers fire in order of due
 * time, ties in the order they were set, each with `nowMs()` equal to its due time.
 */
export class ManualClock implements Clock {
  private currentMs: number;
  private nextId = 1;
  private pending: PendingTimer[] = [];

  constructor(startMs = 0) {
    this.currentMs = startMs;
  }

  nowMs(): number {
    return this.currentMs;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    // Like setTimeout: negative or NaN delays mean "as soon as possible".
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const id = this.nextId++;
    this.pending.push({ id, dueMs: this.currentMs + delay, callback });
    return id as unknown as TimerHandle;
  }

  clearTimer(handle: TimerHandle): void {
    const id = handle as unknown as number;
    this.pending = this.pending.filter((t) => t.id !== id);
  }

  /** Timers set and not yet fired or cleared. */
  get pendingTimerCount(): number {
    return this.pending.length;
  }

  /** Advance time by `ms`, firing every timer that falls due (including ones set while firing). */
  advanceBy(ms: number): void {
    const endMs = this.currentMs + ms;
    for (let t = this.takeDue(endMs); t !== null; t = this.takeDue(endMs)) {
      this.currentMs = t.dueMs;
      t.callback();
    }
    this.currentMs = endMs;
  }

  /**
   * Like `advanceBy`, but lets promise continuations run after each timer (and before the first),
   * so async code under test observes the virtual time at which its awaited work settled.
   */
  async advanceByAsync(ms: number): Promise<void> {
    const endMs = this.currentMs + ms;
    await drainMicrotasks();
    for (let t = this.takeDue(endMs); t !== null; t = this.takeDue(endMs)) {
      this.currentMs = t.dueMs;
      t.callback();
      await drainMicrotasks();
    }
    this.currentMs = endMs;
  }

  /** Removes and returns the earliest timer due at or before `limitMs` (ties: first set). */
  private takeDue(limitMs: number): PendingTimer | null {
    let best: PendingTimer | null = null;
    for (const t of this.pending) {
      if (t.dueMs <= limitMs && (best === null || t.dueMs < best.dueMs || (t.dueMs === best.dueMs && t.id < best.id))) {
        best = t;
      }
    }
    if (best !== null) {
      const chosen = best;
      this.pending = this.pending.filter((t) => t !== chosen);
    }
    return best;
  }
}

async function drainMicrotasks(): Promise<void> {
  for (let i = 0; i < MICROTASK_TURNS_PER_STEP; i++) await Promise.resolve();
}
