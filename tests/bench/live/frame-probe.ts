// Times the app's frame loop from inside it. One callback registered before the chart's opens
// each frame, one registered after it closes the frame: the loop runs callbacks in the order
// they were registered (a Set), so the chart's ring reads, decimation and setData fall between.
// uPlot draws in a microtask queued by setData; the closing callback queues its own microtask
// behind it, so "script" ends after uPlot's redraw. A message posted from the frame arrives
// after the browser's rendering step (style, layout, paint, canvas flush) that follows the
// callbacks: "total" ends there.
import { onFrame } from '../../../src/ui/shell/frame-loop';

/** Where one mode's frame timings go. */
export interface FrameSink {
  /** rAF start → after uPlot's redraw, ms. */
  readonly scriptMs: number[];
  /** rAF start → first task after the frame's rendering step, ms. */
  readonly totalMs: number[];
  /** Between consecutive rAF timestamps, ms. */
  readonly intervalMs: number[];
}

export interface FrameProbe {
  /** Registers the closing callback; call each time a chart has mounted (after its callback). Returns its removal. */
  closeAfterChart(): () => void;
  /** Frames from now on are timed into `sink`; null stops timing. */
  measureInto(sink: FrameSink | null): void;
}

/**
 * `ringWritten` is read as the frame opens: the chart reads the ring after that, so it draws at
 * least those samples (a frame written in between is credited to the next frame — the
 * conservative side). `drawn(writtenAtOpen, doneMs)` is called once the frame's redraw is done.
 */
export function createFrameProbe(ringWritten: () => number, drawn: (writtenAtOpen: number, doneMs: number) => void): FrameProbe {
  let sink: FrameSink | null = null;
  let openedAtMs = 0;
  let writtenAtOpen = 0;
  let lastFrameMs = NaN;
  // Messages arrive in the order posted: each takes the sink of the frame that posted it.
  const posted: (FrameSink | null)[] = [];
  const afterRendering = new MessageChannel();
  afterRendering.port1.onmessage = (event: MessageEvent<number>) => {
    posted.shift()?.totalMs.push(performance.now() - event.data);
  };

  onFrame((frameMs) => {
    openedAtMs = performance.now();
    writtenAtOpen = ringWritten();
    if (sink && !Number.isNaN(lastFrameMs)) sink.intervalMs.push(frameMs - lastFrameMs);
    lastFrameMs = frameMs;
  });

  return {
    closeAfterChart() {
      return onFrame(() => {
        const opened = openedAtMs;
        const written = writtenAtOpen;
        const target = sink;
        queueMicrotask(() => {
          const doneMs = performance.now();
          target?.scriptMs.push(doneMs - opened);
          drawn(written, doneMs);
        });
        posted.push(target);
        afterRendering.port2.postMessage(opened);
      });
    },
    measureInto(next) {
      sink = next;
      lastFrameMs = NaN;
    },
  };
}
