import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('fires due timers in due order, ties in the order set, each at its due time', () => {
    const clock = new ManualClock(100);
    const log: string[] = [];
    const note = (name: string) => () => log.push(`${name}@${clock.nowMs()}`);
    clock.setTimer(note('c'), 30);
    clock.setTimer(note('a'), 10);
    clock.setTimer(note('b1'), 20);
    clock.setTimer(note('b2'), 20);
    clock.setTimer(note('late'), 31);
    clock.advanceBy(30);
    expect(log).toEqual(['a@110', 'b1@120', 'b2@120', 'c@130']);
    expect(clock.nowMs()).toBe(130);
    expect(clock.pendingTimerCount).toBe(1);
  });

  it('fires timers set by callbacks when they fall inside the advance', () => {
    const clock = new ManualClock();
    const firedAtMs: number[] = [];
    const tick = () => {
      firedAtMs.push(clock.nowMs());
      clock.setTimer(tick, 250);
    };
    clock.setTimer(tick, 250);
    clock.advanceBy(1000);
    expect(firedAtMs).toEqual([250, 500, 750, 1000]);
  });

  it('cleared timers never fire; negative delays fire at once', () => {
    const clock = new ManualClock();
    let fired = 0;
    const h = clock.setTimer(() => fired++, 5);
    clock.clearTimer(h);
    clock.setTimer(() => (fired += 10), -3);
    clock.advanceBy(0);
    expect(fired).toBe(10);
    expect(clock.pendingTimerCount).toBe(0);
  });

  it('advanceByAsync lets awaited work observe the virtual time it settled at', async () => {
    const clock = new ManualClock();
    const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimer(resolve, ms));
    const seenMs: number[] = [];
    void (async () => {
      await wait(100);
      seenMs.push(clock.nowMs());
      await wait(50);
      seenMs.push(clock.nowMs());
    })();
    await clock.advanceByAsync(1000);
    expect(seenMs).toEqual([100, 150]);
  });
});
