// Long tasks (> 50 ms on the main thread) and long animation frames (> 50 ms from a frame's
// first task to its paint), observed while the bench runs. Both entry types are Chromium's;
// where one is missing its list is null rather than an empty (and falsely reassuring) one.

/** The fields of a 'long-animation-frame' entry the bench reads (not yet in TypeScript's DOM lib). */
interface LongAnimationFrameEntry extends PerformanceEntry {
  renderStart: number;
  scripts: readonly { invoker: string; duration: number }[];
}

export interface LongEntriesSeen {
  longTasksMs: number[] | null;
  longAnimationFramesMs: number[] | null;
  /** Per long animation frame: where its time went (the longest script's invoker, and rendering). */
  longAnimationFrameCauses: string[];
}

export interface LongEntries {
  stop(): LongEntriesSeen;
}

function observe(type: string, seen: (entry: PerformanceEntry) => void): PerformanceObserver | null {
  if (!PerformanceObserver.supportedEntryTypes.includes(type)) return null;
  const observer = new PerformanceObserver((list) => list.getEntries().forEach(seen));
  observer.observe({ type });
  return observer;
}

function cause(entry: LongAnimationFrameEntry): string {
  const longest = [...entry.scripts].sort((a, b) => b.duration - a.duration)[0];
  const renderMs = entry.renderStart > 0 ? entry.startTime + entry.duration - entry.renderStart : 0;
  const script = longest ? `${longest.invoker} ${longest.duration.toFixed(0)} ms` : 'no script';
  return `${entry.duration.toFixed(0)} ms: ${script}, rendering ${renderMs.toFixed(0)} ms`;
}

export function observeLongEntries(): LongEntries {
  const longTasksMs: number[] = [];
  const longAnimationFramesMs: number[] = [];
  const longAnimationFrameCauses: string[] = [];
  const tasks = observe('longtask', (entry) => longTasksMs.push(entry.duration));
  const frames = observe('long-animation-frame', (entry) => {
    longAnimationFramesMs.push(entry.duration);
    longAnimationFrameCauses.push(cause(entry as LongAnimationFrameEntry));
  });
  return {
    stop() {
      tasks?.takeRecords().forEach((entry) => longTasksMs.push(entry.duration));
      frames?.takeRecords().forEach((entry) => {
        longAnimationFramesMs.push(entry.duration);
        longAnimationFrameCauses.push(cause(entry as LongAnimationFrameEntry));
      });
      tasks?.disconnect();
      frames?.disconnect();
      return {
        longTasksMs: tasks ? longTasksMs : null,
        longAnimationFramesMs: frames ? longAnimationFramesMs : null,
        longAnimationFrameCauses,
      };
    },
  };
}
