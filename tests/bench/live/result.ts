// What the live-feedback bench page returns to its Node runner (plain data), one per chart mode.
import type { LongEntry } from './long-entries';

export interface CueTiming {
  /** Stream sample index where the envelope crossed into the band (the engine's event index). */
  sampleIndex: number;
  /** That sample's notification reaching the transport → the cue tone's oscillator.start() mark, ms; null: no tone played. */
  toAudioStartMs: number | null;
  /** The same notification → the engine's event arriving on the main thread, ms. */
  toMainThreadMs: number;
}

export interface LiveBenchResult {
  decimate: boolean;
  crossOriginIsolated: boolean;
  sharedRings: boolean;
  /** Real time this mode was timed, s, over `segments` alternating stretches. */
  seconds: number;
  segments: number;
  /** The chart's plot area, CSS px (the decimated mode draws two points per column). */
  plotWidthPx: number;
  /** Points per series in each setData. */
  pointsPerSeries: number;
  /** Per timed frame: rAF start → after uPlot's redraw microtask, ms. */
  frameScriptMs: number[];
  /** Per timed frame: rAF start → first task after the rendering step, ms. */
  frameTotalMs: number[];
  rafIntervalMs: number[];
  /** 'longtask' entries (> 50 ms) while this mode was timed (null: entry type unsupported). */
  longTasks: LongEntry[] | null;
  /** 'long-animation-frame' entries (> 50 ms) while this mode was timed (null: unsupported). */
  longAnimationFrames: LongEntry[] | null;
  /** Per frame pushed while this mode was timed: notification at the transport → end of the first frame that drew its last sample, ms. */
  drawLatencyMs: number[];
  cues: CueTiming[];
  /** Tone marks seen in total while this mode was timed (every toned cue, not only enter-band). */
  toneMarks: number;
  /**
   * The renderer main thread while this mode was timed, from DevTools' Performance.getMetrics:
   * CPU time it got (ThreadTime) and wall time it was busy with tasks (TaskDuration), s. Busy
   * far above CPU means the thread was descheduled mid-task: the machine, not the page. Null
   * when the runner gave no metrics.
   */
  mainThread: { cpuS: number; busyS: number } | null;
  /** The envelope's moving-RMS window, ms. */
  envelopeWindowMs: number;
  /** The worker's counts at the end of the whole run (both modes share one stream). */
  worker: { framesReceived: number; framesLost: number; lateDropped: number };
}
