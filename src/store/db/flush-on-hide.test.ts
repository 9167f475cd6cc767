import { describe, expect, it } from 'vitest';
import { FLUSH_WAIT_MS, installFlushOnHide, type FlushAck, type PageEvents } from './flush-on-hide';

function fakePage() {
  const listeners = new Map<string, () => void>();
  const page: PageEvents = {
    addEventListener: (type, listener) => listeners.set(type, listener),
    removeEventListener: (type) => listeners.delete(type),
  };
  return { page, listeners };
}

describe('installFlushOnHide', () => {
  it('posts flush-recording on pagehide and when the page turns hidden, until removed', () => {
    const { page, listeners } = fakePage();
    let hidden = false;
    const posted: string[] = [];
    const remove = installFlushOnHide({ post: (m) => posted.push(m.type) }, { page, isHidden: () => hidden, ackFlag: null });
    listeners.get('visibilitychange')!(); // visible again: nothing to do
    hidden = true;
    listeners.get('visibilitychange')!();
    listeners.get('pagehide')!();
    expect(posted).toEqual(['flush-recording', 'flush-recording']);
    remove();
    expect(listeners.size).toBe(0);
  });

  it('on pagehide waits for the worker to acknowledge, and returns as soon as it has', () => {
    const { page, listeners } = fakePage();
    const flag = new Int32Array(1);
    let clockMs = 0;
    const acks: (FlushAck | null)[] = [];
    // A stand-in for the worker: its writes settle 5 ms (of the injected clock) after the post.
    let ackDueMs = Infinity;
    const now = () => {
      clockMs += 1;
      if (clockMs >= ackDueMs) Atomics.store(flag, 0, acks.at(-1)!.token);
      return clockMs;
    };
    const post = (m: { ack: FlushAck | null }) => {
      acks.push(m.ack);
      ackDueMs = clockMs + 5;
    };
    installFlushOnHide({ post }, { page, isHidden: () => true, ackFlag: flag, now });
    listeners.get('pagehide')!();
    expect(acks.map((a) => a?.token)).toEqual([1]);
    expect(clockMs).toBe(5); // polled until the flag turned, 5 ms after the post
    listeners.get('pagehide')!();
    expect(acks.map((a) => a?.token)).toEqual([1, 2]);
    expect(clockMs).toBe(10);
    // A hidden (not left) page is not held up: no acknowledgement is asked for.
    listeners.get('visibilitychange')!();
    expect(acks.at(-1)).toBeNull();
  });

  it('gives up after FLUSH_WAIT_MS when the worker never answers', () => {
    const { page, listeners } = fakePage();
    let clockMs = 0;
    installFlushOnHide({ post: () => undefined }, { page, ackFlag: new Int32Array(1), now: () => (clockMs += 1) });
    listeners.get('pagehide')!();
    expect(clockMs).toBeGreaterThanOrEqual(FLUSH_WAIT_MS);
    expect(clockMs).toBeLessThan(FLUSH_WAIT_MS + 3);
  });
});
