// One sensor's connection manager: an explicit state machine over a SensorTransport, exposed as
// signals for the UI, with automatic reconnection on the injected clock.
//
//   from          event                                   to
//   idle, failed  connect()                               connecting
//   connecting    transport reports 'choosing'            choosing (no attempt timeout while open)
//   choosing      transport reports 'connecting'          connecting
//   connecting    open() + onStreamStart ok               streaming
//   connecting    chooser closed ('cancelled') / error    idle / failed
//   streaming     unexpected disconnect                   reconnecting (gap opens, attempts scheduled)
//   reconnecting  attempt ok                              streaming (gap closes)
//   reconnecting  attempt fails or times out              reconnecting (next attempt scheduled)
//   reconnecting  cancelReconnect()                       failed (gap stays open)
//   reconnecting  retry()                                 reconnecting (attempt now)
//   failed        retry()                                 reconnecting after a drop, else connecting
//   any           disconnect()                            idle (never reconnects; gap closes)
//
// `choosing`: the transport reports it through `onOpenPhase('choosing')` just before the browser's
// chooser opens (only it knows whether a chooser will appear: a remembered device reconnects
// without one), and 'connecting' once the user picked a device. The link enters `connecting`
// when connect() is called, so transports without a chooser (demo, replay) need not report.
//
// Gap times are on the Clock's time base (the transport's arrival stamps use the same one). They
// are the *link's* view of the outage; the sample-accurate gap on the session timeline comes from
// device time via src/signal/clock-alignment.ts.

import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { Clock, TimerHandle } from './clock';
import { reconnectDelayMs } from './reconnect-schedule';
import { TransportError, toTransportError } from './sensor-transport';
import type { LinkInfo, OpenPhase, SensorTransport, TransportErrorKind } from './sensor-transport';

export type LinkState = 'idle' | 'choosing' | 'connecting' | 'streaming' | 'reconnecting' | 'failed';

/** A stretch with no data from this sensor while the session ran. `endMs` null: still open. */
export interface LinkGap {
  readonly startMs: number;
  readonly endMs: number | null;
  readonly reason: 'disconnect';
}

/**
 * Longest an open attempt (connect + discovery + subscribe + start command) may take before it is
 * abandoned and the schedule moves on. A device in range is found within one advertising interval:
 * at most 1.285 s for accessories following Apple's Accessory Design Guidelines (Bluetooth LE
 * advertising intervals), and the Core Specification's maximum is 10.24 s (Vol 6, Part B, 4.4.2.2).
 * Connection and discovery of a handful of services then take well under a second at the usual
 * 7.5–50 ms connection intervals. 10 s is ~8× the guideline case and equals the slow-phase cadence
 * of the schedule, so a device that never answers connect() (web-bluetooth.md) still gets an
 * attempt every 10 s rather than one per stuck attempt.
 */
export const ATTEMPT_TIMEOUT_MS = 10_000;

export interface SensorLinkOptions {
  readonly transport: SensorTransport;
  readonly clock: Clock;
  /** Runs after every successful open(), first connect and reconnects (e.g. send `start`). */
  readonly onStreamStart?: (link: SensorLink) => Promise<void>;
  /** Overrides ATTEMPT_TIMEOUT_MS (benches, tests). */
  readonly attemptTimeoutMs?: number;
}

export interface SensorLink {
  readonly transport: SensorTransport;
  readonly state: ReadonlySignal<LinkState>;
  /** 1-based number of the current or latest reconnect attempt; 0 when none since the last stream. */
  readonly attempt: ReadonlySignal<number>;
  /** Clock time of the next scheduled reconnect attempt; null when none is waiting. */
  readonly nextAttemptAtMs: ReadonlySignal<number | null>;
  /** Kind of the most recent failure; null after success. 'cancelled' means the chooser was closed. */
  readonly lastError: ReadonlySignal<TransportErrorKind | null>;
  readonly gaps: ReadonlySignal<readonly LinkGap[]>;
  /** What the latest successful open() found; kept through an outage (last known). */
  readonly info: ReadonlySignal<LinkInfo | null>;
  /** From idle or failed: open the link (the transport may show the chooser). */
  connect(): void;
  /** The user's Disconnect: closes the link from any state; never followed by reconnection. */
  disconnect(): void;
  /**
   * The user's Cancel while reconnecting: stops the attempts and goes to `failed`, not `idle`. The
   * sensor dropped rather than being disconnected on purpose, its gap stays open and the session
   * still expects it; `failed` keeps that visible and offers Retry (which needs no chooser), while
   * `idle` would look like a clean, deliberate disconnect.
   */
  cancelReconnect(): void;
  /**
   * While reconnecting: try now instead of waiting. From failed after a drop: resume reconnection,
   * trying at once and then following the schedule from its fast end. From failed after a first
   * connect that never streamed: connect() again.
   */
  retry(): void;
}

type AttemptMode = 'first' | 'reconnect';

export function createSensorLink(options: SensorLinkOptions): SensorLink {
  const { transport, clock, onStreamStart } = options;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;

  const state = signal<LinkState>('idle');
  const attempt = signal(0);
  const nextAttemptAtMs = signal<number | null>(null);
  const lastError = signal<TransportErrorKind | null>(null);
  const gaps = signal<readonly LinkGap[]>([]);
  const info = signal<LinkInfo | null>(null);

  // The in-flight attempt, if any. Every await re-checks its token: an attempt that timed out, was
  // cancelled or was superseded must not change state when it settles late.
  let attemptSeq = 0;
  let inFlight: { readonly token: number; readonly mode: AttemptMode; dropped: boolean } | null = null;
  let attemptTimer: TimerHandle | null = null;
  let scheduleTimer: TimerHandle | null = null;
  // Reconnect schedule bookkeeping, on the clock's time base.
  let dropAtMs = 0;
  let lastAttemptStartMs = 0;
  let nextAttemptIndex = 0;

  const link: SensorLink = {
    transport,
    state,
    attempt,
    nextAttemptAtMs,
    lastError,
    gaps,
    info,
    connect,
    disconnect,
    cancelReconnect,
    retry,
  };

  transport.onOpenPhase = (phase: OpenPhase) => {
    if (inFlight === null || inFlight.mode !== 'first') return;
    // The user may take as long as they like in the chooser: the attempt timeout runs only while
    // the link itself is working.
    if (phase === 'choosing') {
      clearAttemptTimer();
      state.value = 'choosing';
    } else {
      armAttemptTimer(inFlight.token);
      state.value = 'connecting';
    }
  };

  transport.onUnexpectedDisconnect = (arrivalMs: number) => {
    if (inFlight !== null) {
      // Dropped mid-attempt (e.g. while the start command was in flight): that attempt failed.
      inFlight.dropped = true;
      return;
    }
    if (state.value !== 'streaming') return;
    dropAtMs = clock.nowMs();
    nextAttemptIndex = 0;
    batch(() => {
      state.value = 'reconnecting';
      attempt.value = 0;
      gaps.value = [...gaps.value, { startMs: arrivalMs, endMs: null, reason: 'disconnect' }];
    });
    scheduleNextAttempt();
  };

  function connect(): void {
    if (state.value !== 'idle' && state.value !== 'failed') return;
    batch(() => {
      state.value = 'connecting';
      lastError.value = null;
      attempt.value = 0;
    });
    void runAttempt('first');
  }

  function disconnect(): void {
    if (state.value === 'idle') return;
    abandonWork();
    transport.close();
    batch(() => {
      state.value = 'idle';
      attempt.value = 0;
      nextAttemptAtMs.value = null;
      closeOpenGap();
    });
  }

  function cancelReconnect(): void {
    if (state.value !== 'reconnecting') return;
    abandonWork();
    transport.close();
    batch(() => {
      state.value = 'failed';
      nextAttemptAtMs.value = null;
    });
  }

  function retry(): void {
    if (state.value === 'reconnecting') {
      if (inFlight !== null) return;
      clearScheduleTimer();
      startReconnectAttempt();
    } else if (state.value === 'failed') {
      if (!hasOpenGap()) {
        connect();
        return;
      }
      dropAtMs = clock.nowMs();
      nextAttemptIndex = 0;
      batch(() => {
        state.value = 'reconnecting';
        attempt.value = 0;
      });
      startReconnectAttempt();
    }
  }

  function scheduleNextAttempt(): void {
    const fromMs = nextAttemptIndex === 0 ? dropAtMs : lastAttemptStartMs;
    const dueMs = fromMs + reconnectDelayMs(nextAttemptIndex, fromMs - dropAtMs);
    nextAttemptAtMs.value = dueMs;
    // An attempt that outlasted its delay is followed at once (delay clamps to 0), never overlapped.
    scheduleTimer = clock.setTimer(() => {
      scheduleTimer = null;
      startReconnectAttempt();
    }, dueMs - clock.nowMs());
  }

  function startReconnectAttempt(): void {
    if (inFlight !== null) return;
    lastAttemptStartMs = clock.nowMs();
    nextAttemptIndex += 1;
    batch(() => {
      attempt.value = nextAttemptIndex;
      nextAttemptAtMs.value = null;
    });
    void runAttempt('reconnect');
  }

  async function runAttempt(mode: AttemptMode): Promise<void> {
    const token = ++attemptSeq;
    inFlight = { token, mode, dropped: false };
    // Armed before open(): a transport that reports 'choosing' synchronously disarms it.
    armAttemptTimer(token);
    try {
      const found = await transport.open();
      if (!isCurrent(token)) return settleStale();
      info.value = found;
      if (onStreamStart) await onStreamStart(link);
      if (!isCurrent(token)) return settleStale();
      if (inFlight?.dropped === true) throw new TransportError('gatt-failed');
      succeed();
    } catch (error) {
      if (!isCurrent(token)) return settleStale();
      fail(mode, toTransportError(error));
    }
  }

  function isCurrent(token: number): boolean {
    return inFlight !== null && inFlight.token === token;
  }

  /**
   * A superseded attempt settled. If nothing else holds the transport (no attempt in flight, not
   * streaming) a late success must not leave a live, unmanaged connection behind: close it. This
   * is the "late success after Cancel" guard.
   */
  function settleStale(): void {
    if (inFlight === null && state.value !== 'streaming') transport.close();
  }

  function succeed(): void {
    clearAttemptTimer();
    inFlight = null;
    batch(() => {
      state.value = 'streaming';
      lastError.value = null;
      attempt.value = 0;
      nextAttemptAtMs.value = null;
      closeOpenGap();
    });
  }

  function fail(mode: AttemptMode, error: TransportError): void {
    clearAttemptTimer();
    inFlight = null;
    // Release whatever the attempt left half-open (connected but not started, say); idempotent.
    transport.close();
    lastError.value = error.kind;
    if (mode === 'first') {
      state.value = error.kind === 'cancelled' ? 'idle' : 'failed';
    } else {
      scheduleNextAttempt();
    }
  }

  function armAttemptTimer(token: number): void {
    clearAttemptTimer();
    attemptTimer = clock.setTimer(() => {
      attemptTimer = null;
      if (!isCurrent(token)) return;
      const mode = inFlight?.mode ?? 'reconnect';
      fail(mode, new TransportError('timeout'));
    }, attemptTimeoutMs);
  }

  function abandonWork(): void {
    inFlight = null;
    clearAttemptTimer();
    clearScheduleTimer();
  }

  function clearAttemptTimer(): void {
    if (attemptTimer !== null) clock.clearTimer(attemptTimer);
    attemptTimer = null;
  }

  function clearScheduleTimer(): void {
    if (scheduleTimer !== null) clock.clearTimer(scheduleTimer);
    scheduleTimer = null;
  }

  function hasOpenGap(): boolean {
    return gaps.value.some((g) => g.endMs === null);
  }

  function closeOpenGap(): void {
    if (!hasOpenGap()) return;
    const endMs = clock.nowMs();
    gaps.value = gaps.value.map((g) => (g.endMs === null ? { ...g, endMs } : g));
  }

  return link;
}
