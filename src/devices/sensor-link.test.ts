import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { createSensorLink, type SensorLink } from './sensor-link';
import { TransportError } from './sensor-transport';
import type { LinkInfo, OpenPhase, SensorTransport, TransportErrorKind } from './sensor-transport';

// ---- A scriptable fake transport: a collaborator, not the thing under test. ----

type OpenScript =
  | { readonly kind: 'ok'; readonly afterMs: number; readonly ignoresClose?: boolean }
  | { readonly kind: 'fail'; readonly error: TransportErrorKind; readonly afterMs: number }
  | { readonly kind: 'hang' }
  | { readonly kind: 'chooser'; readonly pickAfterMs: number | null; readonly connectMs: number };

const INFO: LinkInfo = {
  deviceName: 'Fake',
  deviceId: null,
  serviceUuids: [],
  subscribedCharacteristicUuids: [],
  deviceInformation: {
    manufacturerName: null,
    modelNumber: null,
    hardwareRevision: null,
    firmwareRevision: null,
    softwareRevision: null,
  },
  batteryPercent: null,
};

interface PendingOpen {
  resolve: (info: LinkInfo) => void;
  reject: (e: unknown) => void;
  ignoresClose: boolean;
}

class FakeTransport implements SensorTransport {
  readonly kind = 'demo' as const;
  readonly name = 'fake';
  onNotify: SensorTransport['onNotify'] = null;
  onUnexpectedDisconnect: SensorTransport['onUnexpectedDisconnect'] = null;
  onOpenPhase: ((phase: OpenPhase) => void) | null = null;

  readonly openTimesMs: number[] = [];
  readonly closeTimesMs: number[] = [];
  private pending = new Set<PendingOpen>();
  maxConcurrentOpens = 0;

  constructor(
    private readonly clock: ManualClock,
    private readonly script: (callIndex: number) => OpenScript,
  ) {}

  open(): Promise<LinkInfo> {
    const step = this.script(this.openTimesMs.length);
    this.openTimesMs.push(this.clock.nowMs());
    return new Promise<LinkInfo>((resolve, reject) => {
      const p: PendingOpen = { resolve, reject, ignoresClose: step.kind === 'ok' && step.ignoresClose === true };
      this.pending.add(p);
      this.maxConcurrentOpens = Math.max(this.maxConcurrentOpens, this.pending.size);
      const settle = (ok: boolean, error?: TransportErrorKind) => {
        if (!this.pending.delete(p)) return;
        if (ok) resolve(INFO);
        else reject(new TransportError(error ?? 'gatt-failed'));
      };
      if (step.kind === 'ok') this.clock.setTimer(() => settle(true), step.afterMs);
      else if (step.kind === 'fail') this.clock.setTimer(() => settle(false, step.error), step.afterMs);
      else if (step.kind === 'chooser') {
        this.onOpenPhase?.('choosing');
        if (step.pickAfterMs === null) return;
        this.clock.setTimer(() => {
          this.onOpenPhase?.('connecting');
          this.clock.setTimer(() => settle(true), step.connectMs);
        }, step.pickAfterMs);
      }
    });
  }

  write(): Promise<void> {
    return Promise.resolve();
  }

  read(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(0));
  }

  close(): void {
    this.closeTimesMs.push(this.clock.nowMs());
    // A real transport aborts a pending connect on close (gatt.disconnect()); some don't in time.
    for (const p of [...this.pending]) {
      if (p.ignoresClose) continue;
      this.pending.delete(p);
      p.reject(new TransportError('gatt-failed'));
    }
  }

  /** The radio drops the link (as Web Bluetooth's gattserverdisconnected would). */
  drop(): void {
    this.onUnexpectedDisconnect?.(this.clock.nowMs());
  }

  /** Settle a pending open now, as a slow transport would. */
  resolveAllPending(): void {
    for (const p of [...this.pending]) {
      this.pending.delete(p);
      p.resolve(INFO);
    }
  }
}

const OK: OpenScript = { kind: 'ok', afterMs: 40 };
const FAIL: OpenScript = { kind: 'fail', error: 'gatt-failed', afterMs: 0 };

/** A streaming link whose later open() calls follow `then`, dropped at clock time 1000 ms. */
async function droppedLink(then: (reconnectIndex: number) => OpenScript, onStreamStart?: (link: SensorLink) => Promise<void>) {
  const clock = new ManualClock(0);
  const transport = new FakeTransport(clock, (i) => (i === 0 ? OK : then(i - 1)));
  const link = createSensorLink({ transport, clock, ...(onStreamStart ? { onStreamStart } : {}) });
  link.connect();
  await clock.advanceByAsync(1000 - clock.nowMs());
  expect(link.state.value).toBe('streaming');
  transport.drop();
  const dropMs = clock.nowMs();
  const reconnectTimes = () => transport.openTimesMs.slice(1).map((t) => t - dropMs);
  return { clock, transport, link, dropMs, reconnectTimes };
}

describe('first connect', () => {
  it('connecting → streaming, start command sent once', async () => {
    const clock = new ManualClock(0);
    const transport = new FakeTransport(clock, () => OK);
    let starts = 0;
    const link = createSensorLink({ transport, clock, onStreamStart: async () => void starts++ });
    expect(link.state.value).toBe('idle');
    link.connect();
    expect(link.state.value).toBe('connecting');
    await clock.advanceByAsync(100);
    expect(link.state.value).toBe('streaming');
    expect(link.info.value).toBe(INFO);
    expect(starts).toBe(1);
    expect(link.gaps.value).toEqual([]);
  });

  it('the chooser shows as choosing, without a timeout however long the user takes', async () => {
    const clock = new ManualClock(0);
    const transport = new FakeTransport(clock, () => ({ kind: 'chooser', pickAfterMs: 60_000, connectMs: 500 }));
    const link = createSensorLink({ transport, clock });
    link.connect();
    expect(link.state.value).toBe('choosing');
    await clock.advanceByAsync(59_999);
    expect(link.state.value).toBe('choosing');
    await clock.advanceByAsync(1);
    expect(link.state.value).toBe('connecting');
    await clock.advanceByAsync(500);
    expect(link.state.value).toBe('streaming');
  });

  it('closing the chooser returns to idle with lastError cancelled; other errors fail', async () => {
    const clock = new ManualClock(0);
    const cancelled = createSensorLink({
      transport: new FakeTransport(clock, () => ({ kind: 'fail', error: 'cancelled', afterMs: 10 })),
      clock,
    });
    const notFound = createSensorLink({
      transport: new FakeTransport(clock, () => ({ kind: 'fail', error: 'not-found', afterMs: 10 })),
      clock,
    });
    cancelled.connect();
    notFound.connect();
    await clock.advanceByAsync(20);
    expect([cancelled.state.value, cancelled.lastError.value]).toEqual(['idle', 'cancelled']);
    expect([notFound.state.value, notFound.lastError.value]).toEqual(['failed', 'not-found']);
  });

  it('a first connect that hangs after the pick times out into failed', async () => {
    const clock = new ManualClock(0);
    const transport = new FakeTransport(clock, () => ({ kind: 'chooser', pickAfterMs: 5_000, connectMs: 1e9 }));
    const link = createSensorLink({ transport, clock });
    link.connect();
    await clock.advanceByAsync(5_000 + 9_999);
    expect(link.state.value).toBe('connecting');
    await clock.advanceByAsync(1);
    expect([link.state.value, link.lastError.value]).toEqual(['failed', 'timeout']);
  });

  it('a thrown non-transport error from the start command becomes gatt-failed', async () => {
    const clock = new ManualClock(0);
    const transport = new FakeTransport(clock, () => OK);
    const link = createSensorLink({ transport, clock, onStreamStart: () => Promise.reject(new Error('boom')) });
    link.connect();
    await clock.advanceByAsync(100);
    expect([link.state.value, link.lastError.value]).toEqual(['failed', 'gatt-failed']);
    expect(transport.closeTimesMs).toEqual([40]);
  });
});

describe('reconnection after an unexpected drop', () => {
  it('attempts follow the schedule exactly over a 3-minute outage', async () => {
    const { clock, link, reconnectTimes, dropMs } = await droppedLink(() => FAIL);
    expect(link.state.value).toBe('reconnecting');
    expect(link.nextAttemptAtMs.value).toBe(dropMs + 250);
    await clock.advanceByAsync(180_000);
    const expected = [250, 750, 1750];
    for (let t = 3750; t <= 119_750; t += 2000) expected.push(t);
    for (let t = 121_750; t <= 180_000; t += 10_000) expected.push(t);
    expect(reconnectTimes()).toEqual(expected);
    expect(link.state.value).toBe('reconnecting');
    expect(link.attempt.value).toBe(expected.length);
    expect(link.nextAttemptAtMs.value).toBe(dropMs + 181_750);
    expect(link.lastError.value).toBe('gatt-failed');
    expect(link.gaps.value).toEqual([{ startMs: dropMs, endMs: null, reason: 'disconnect' }]);
  });

  it('success on the 5th attempt streams again, re-sends start, closes the gap with its length', async () => {
    let starts = 0;
    const { clock, link, transport, dropMs } = await droppedLink(
      (i) => (i < 4 ? FAIL : { kind: 'ok', afterMs: 40 }),
      async () => void starts++,
    );
    await clock.advanceByAsync(60_000);
    expect(link.state.value).toBe('streaming');
    expect(transport.openTimesMs.length).toBe(6);
    expect(starts).toBe(2);
    // 5th attempt starts 5.75 s after the drop and takes 40 ms.
    expect(link.gaps.value).toEqual([{ startMs: dropMs, endMs: dropMs + 5790, reason: 'disconnect' }]);
    expect([link.attempt.value, link.nextAttemptAtMs.value, link.lastError.value]).toEqual([0, null, null]);
  });

  it('Cancel stops further attempts and leaves the gap open; Retry resumes at once', async () => {
    const { clock, link, transport, reconnectTimes } = await droppedLink((i) => (i < 10 ? FAIL : OK));
    await clock.advanceByAsync(2000); // attempts at 0.25, 0.75, 1.75 s
    link.cancelReconnect();
    expect(link.state.value).toBe('failed');
    expect(link.nextAttemptAtMs.value).toBeNull();
    expect(clock.pendingTimerCount).toBe(0);
    await clock.advanceByAsync(600_000);
    expect(reconnectTimes()).toEqual([250, 750, 1750]);
    expect(link.gaps.value[0]?.endMs).toBeNull();

    link.retry();
    expect(link.state.value).toBe('reconnecting');
    expect(reconnectTimes()).toEqual([250, 750, 1750, 602_000]);
    expect(transport.openTimesMs.length).toBe(5);
  });

  it('a late success after Cancel does not resurrect the link and is closed', async () => {
    const { clock, link, transport } = await droppedLink(() => ({ kind: 'ok', afterMs: 5_000, ignoresClose: true }));
    await clock.advanceByAsync(1_000); // attempt 1 in flight since 0.25 s
    link.cancelReconnect();
    const closesBefore = transport.closeTimesMs.length;
    transport.resolveAllPending();
    await clock.advanceByAsync(10_000);
    expect(link.state.value).toBe('failed');
    expect(transport.closeTimesMs.length).toBe(closesBefore + 1);
    expect(transport.openTimesMs.length).toBe(2);
  });

  it('a user disconnect never reconnects, even if the transport reports a drop afterwards', async () => {
    const clock = new ManualClock(0);
    const transport = new FakeTransport(clock, () => OK);
    const link = createSensorLink({ transport, clock });
    link.connect();
    await clock.advanceByAsync(100);
    link.disconnect();
    expect(link.state.value).toBe('idle');
    transport.drop();
    await clock.advanceByAsync(300_000);
    expect(link.state.value).toBe('idle');
    expect(transport.openTimesMs.length).toBe(1);
    expect(link.gaps.value).toEqual([]);
  });

  it('disconnect while reconnecting stops attempts and closes the gap', async () => {
    const { clock, link, transport, dropMs } = await droppedLink(() => FAIL);
    await clock.advanceByAsync(1_000);
    link.disconnect();
    await clock.advanceByAsync(300_000);
    expect(link.state.value).toBe('idle');
    expect(transport.openTimesMs.length).toBe(1 + 2);
    expect(link.gaps.value).toEqual([{ startMs: dropMs, endMs: dropMs + 1_000, reason: 'disconnect' }]);
  });

  it('a hanging attempt times out after 10 s and the schedule carries on', async () => {
    // Attempt 4 (3.75 s) hangs; it is abandoned at 13.75 s, its successor (due 5.75 s) runs at
    // once, then the 2 s cadence resumes from that start.
    const { clock, link, transport, reconnectTimes } = await droppedLink((i) => (i === 3 ? { kind: 'hang' } : FAIL));
    await clock.advanceByAsync(13_749);
    expect(reconnectTimes()).toEqual([250, 750, 1750, 3750]);
    expect(link.nextAttemptAtMs.value).toBeNull();
    await clock.advanceByAsync(1);
    expect(link.lastError.value).toBe('gatt-failed'); // the successor at 13.75 s already failed
    expect(transport.closeTimesMs).toContain(transport.openTimesMs[4]! + 10_000);
    await clock.advanceByAsync(4_000);
    expect(reconnectTimes()).toEqual([250, 750, 1750, 3750, 13_750, 15_750, 17_750]);
    expect(transport.maxConcurrentOpens).toBe(1);
  });

  it('the timeout is what is reported when the next attempt has not yet run', async () => {
    const { clock, link, reconnectTimes } = await droppedLink((i) =>
      i === 0 ? { kind: 'hang' } : { kind: 'fail', error: 'gatt-failed', afterMs: 100 },
    );
    await clock.advanceByAsync(10_250);
    expect(reconnectTimes()).toEqual([250, 10_250]);
    expect([link.lastError.value, link.attempt.value]).toEqual(['timeout', 2]);
  });

  it('never overlaps attempts: slow failures delay the next start, Retry during an attempt is ignored', async () => {
    const { clock, link, transport, reconnectTimes } = await droppedLink(() => ({
      kind: 'fail',
      error: 'gatt-failed',
      afterMs: 3_000,
    }));
    await clock.advanceByAsync(500);
    link.retry(); // attempt 1 (0.25 s) still in flight
    await clock.advanceByAsync(12_000);
    // Each attempt lasts 3 s, longer than every delay, so each starts when the previous fails.
    expect(reconnectTimes()).toEqual([250, 3250, 6250, 9250, 12_250]);
    expect(transport.maxConcurrentOpens).toBe(1);
  });

  it('Retry while waiting tries now', async () => {
    const { clock, link, reconnectTimes } = await droppedLink(() => FAIL);
    await clock.advanceByAsync(2_000); // attempts at 0.25, 0.75, 1.75; next due at 3.75 s
    link.retry();
    await clock.advanceByAsync(0);
    expect(reconnectTimes()).toEqual([250, 750, 1750, 2000]);
    expect(link.nextAttemptAtMs.value).toBe(link.gaps.value[0]!.startMs + 4000);
  });

  it('a drop during the start command fails that attempt', async () => {
    let transportRef: FakeTransport | null = null;
    let starts = 0;
    const { clock, link, transport } = await droppedLink(
      () => OK,
      async () => {
        starts++;
        if (starts === 2) transportRef?.drop();
      },
    );
    transportRef = transport;
    await clock.advanceByAsync(300);
    expect(link.state.value).toBe('reconnecting');
    expect(link.lastError.value).toBe('gatt-failed');
    await clock.advanceByAsync(1_000);
    expect(link.state.value).toBe('streaming');
    expect(starts).toBe(3);
  });
});
