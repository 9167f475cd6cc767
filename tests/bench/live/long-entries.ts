// Long tasks (> 50 ms on the main thread) and long animation frames (> 50 ms from a frame's
// first task to its paint), observed while the bench runs. Both entry types are Chromium's;
// where one is missing the bench reports it unsupported rather than an empty (and falsely
// reassuring) list.

/** The fields of a 'long-animation-frame' entry the bench reads (not yet in TypeScript's DOM lib). */
interface LongAnimationFrameEntry extends PerformanceEntry {
  /** Start of the frame's rendering update: rAF callbacks, then style, layout and paint. */
  renderStart: number;
  /** Start of style and layout, after the rAF callbacks. */
  styleAndLayoutStart: number;
  scripts: readonly { invoker: string; duration: number }[];
}

export interface LongEntry {
  startMs: number;
  durationMs: number;
  /** Long animation frames: the longest script's invoker and the rendering time. */
  cause?: string;
}

export interface LongEntries {
  /** Entries so far (the observers stay on: entries arrive a little after their task). */
  take(): { longTasks: LongEntry[] | null; longAnimationFrames: LongEntry[] | null };
}

function cause(entry: LongAnimationFrameEntry): string {
  const longest = [...entry.scripts].sort((a, b) => b.duration - a.duration)[0];
  const endMs = entry.startTime + entry.duration;
  const since = (startMs: number) => (startMs > 0 ? endMs - startMs : 0).toFixed(0);
  const script = longest ? `longest script ${longest.invoker} ${longest.duration.toFixed(0)} ms` : 'no script over 5 ms';
  return `${script}; rAF callbacks + rendering ${since(entry.renderStart)} ms, of which style/layout/paint ${since(entry.styleAndLayoutStart)} ms`;
}

function observe(type: string, describe?: (entry: PerformanceEntry) => string): { entries: LongEntry[]; flush(): void } | null {
  if (!PerformanceObserver.supportedEntryTypes.includes(type)) return null;
  const entries: LongEntry[] = [];
  const add = (entry: PerformanceEntry) => {
    const seen: LongEntry = { startMs: entry.startTime, durationMs: entry.duration };
    if (describe) seen.cause = describe(entry);
    entries.push(seen);
  };
  const observer = new PerformanceObserver((list) => list.getEntries().forEach(add));
  observer.observe({ type });
  return { entries, flush: () => observer.takeRecords().forEach(add) };
}

export function observeLongEntries(): LongEntries {
  const tasks = observe('longtask');
  const frames = observe('long-animation-frame', (entry) => cause(entry as LongAnimationFrameEntry));
  return {
    take() {
      tasks?.flush();
      frames?.flush();
      return { longTasks: tasks?.entries ?? null, longAnimationFrames: frames?.entries ?? null };
    },
  };
}
