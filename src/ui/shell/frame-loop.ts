import { sensorsModel } from '../../state/sensors-model';

type FrameCallback = (nowMs: number) => void;
const callbacks = new Set<FrameCallback>();

/**
 * The app's one requestAnimationFrame loop (architecture.md): each frame pulls what the screen
 * needs — worker snapshots, ring windows for the charts. Nothing happens per notification on the
 * main thread.
 */
export function startFrameLoop(): void {
  const frame = (nowMs: number) => {
    sensorsModel.tick(nowMs);
    for (const callback of callbacks) callback(nowMs);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Runs `callback` on every animation frame until the returned function is called. */
export function onFrame(callback: FrameCallback): () => void {
  callbacks.add(callback);
  return () => callbacks.delete(callback);
}
