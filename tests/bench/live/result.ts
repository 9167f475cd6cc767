// What one run of the live-feedback bench page returns to its Node runner (plain data).

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
  seconds: number;
  /** The chart's plot area, CSS px (the decimated mode draws two points per column). */
  plotWidthPx: number;
  /** Points per series in the last setData. */
  pointsPerSeries: number;
  /** Per measured frame: rAF start → after uPlot's redraw microtask, ms. */
  frameScriptMs: number[];
  /** Per measured frame: rAF start → first task after the rendering step, ms. */
  frameTotalMs: number[];
  rafIntervalMs: number[];
  /** Durations of 'longtask' entries during the run, ms (null: entry type unsupported). */
  longTasksMs: number[] | null;
  /** Durations of 'long-animation-frame' entries (≥ 50 ms frames), ms (null: unsupported). */
  longAnimationFramesMs: number[] | null;
  /** Per long animation frame: the longest script's invoker and the rendering time. */
  longAnimationFrameCauses: string[];
  framesPushed: number;
  /** Per pushed frame: notification at the transport → end of the first frame that drew its last sample, ms. */
  drawLatencyMs: number[];
  /** Frames pushed but not yet drawn when the run ended (excluded above). */
  undrawnFrames: number;
  cues: CueTiming[];
  /** Tone marks seen in total (every toned cue, not only enter-band). */
  toneMarks: number;
  /** The envelope's moving-RMS window, ms. */
  envelopeWindowMs: number;
  worker: { framesReceived: number; framesLost: number; lateDropped: number };
}
