import { sensorsModel } from '../../state/sensors-model';

/**
 * The app's one requestAnimationFrame loop (architecture.md): each frame pulls what the screen
 * needs from the worker. Nothing happens per notification on the main thread.
 */
export function startFrameLoop(): void {
  const frame = (nowMs: number) => {
    sensorsModel.tick(nowMs);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
