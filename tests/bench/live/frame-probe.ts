// Times the app's frame loop from inside it. One callback registered before the chart's opens
// each frame, one registered after it closes the frame: the loop runs callbacks in the order
// they were registered (a Set), so the chart's ring reads, decimation and setData fall between.
// uPlot draws in a microtask queued by setData; the closing callback queues its own microtask
// behind it, so "script" ends after uPlot's redraw. A message posted from the frame arrives
// after the browser's rendering step (style, layout, paint, canvas flush) that follows the
// callbacks: "total" ends there.
import { onFrame } from '../../../src/ui/shell/frame-loop';

export interface FrameProbe {
  /** rAF start → after uPlot's redraw, ms, one per measured frame. */
  readonly scriptMs: number[];
  /** rAF start → first task after the frame's rendering step, ms. */
  readonly totalMs: number[];
  /** Between consecutive rAF timestamps, ms. */
  readonly intervalMs: number[];
  /** Registers the callback that runs after the chart's; call once the chart has mounted. */
  closeAfterChart(): void;
  setMeasuring(on: boolean): void;
}

/**
 * `ringWritten` is read as the frame opens: the chart reads the ring after that, so it draws at
 * least those samples (a frame written in between is credited to the next frame — the
 * conservative side). `drawn(writtenAtOpen, doneMs)` is called once the frame's redraw is done.
 */
export function createFrameProbe(ringWritten: () => number, drawn: (writtenAtOpen: number, doneMs: number) => void): FrameProbe {
  const scriptMs: number[] = [];
  const totalMs: number[] = [];
  const intervalMs: number[] = [];
  let measuring = false;
  let openedAtMs = 0;
  let writtenAtOpen = 0;
  let lastFrameMs = NaN;
  const afterRendering = new MessageChannel();
  afterRendering.port1.onmessage = (event: MessageEvent<number>) => {
    if (measuring) totalMs.push(performance.now() - event.data);
  };

  onFrame((frameMs) => {
    openedAtMs = performance.now();
    writtenAtOpen = ringWritten();
    if (measuring && !Number.isNaN(lastFrameMs)) intervalMs.push(frameMs - lastFrameMs);
    lastFrameMs = frameMs;
  });

  return {
    scriptMs,
    totalMs,
    intervalMs,
    closeAfterChart() {
      onFrame(() => {
        const opened = openedAtMs;
        const written = writtenAtOpen;
        queueMicrotask(() => {
          const doneMs = performance.now();
          if (measuring) scriptMs.push(doneMs - opened);
          drawn(written, doneMs);
        });
        afterRendering.port2.postMessage(opened);
      });
    },
    setMeasuring(on) {
      measuring = on;
      lastFrameMs = NaN;
    },
  };
}
