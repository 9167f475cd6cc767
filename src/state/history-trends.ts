// Trends across sessions, first version (issue 7): per session and channel the peak and mean of
// the recorded level (EMG envelope uV, force N), plus reps and pain/effort ratings when the session
// holds them, laid out as uPlot columns with one x per session (its start, Unix seconds).
import type { RecordedSamples } from '../store/db/read-session';
import type { SessionEvent, SessionRecord } from '../store/db/schema';
import type { ChannelUnit } from '../profiles/types';

export interface ChannelTrend {
  readonly label: string;
  readonly unit: ChannelUnit;
  /** Over the received samples; null when the channel holds none. */
  readonly peak: number | null;
  readonly mean: number | null;
}

export interface SessionTrend {
  readonly sessionId: string;
  readonly startedAt: string;
  readonly simulated: boolean;
  readonly channels: readonly ChannelTrend[];
  /** Reps counted in the session's events; null when it recorded none (no exercise). */
  readonly reps: number | null;
  /** The last pain and effort ratings (0–10, clinical.md) given in the session, when any. */
  readonly painScore: number | null;
  readonly effortScore: number | null;
}

export function levelStats(level: Float32Array): { peak: number | null; mean: number | null } {
  let peak = -Infinity;
  // Float64 sum: a float32 running sum over an hour of samples would lose the mean's last digits.
  let sum = 0;
  let count = 0;
  for (let i = 0; i < level.length; i++) {
    const value = level[i]!;
    if (Number.isNaN(value)) continue;
    if (value > peak) peak = value;
    sum += value;
    count++;
  }
  return count === 0 ? { peak: null, mean: null } : { peak, mean: sum / count };
}

export function sessionTrend(session: SessionRecord, streams: readonly RecordedSamples[], events: readonly SessionEvent[]): SessionTrend {
  const channels = streams.flatMap((s) => s.stream.channels.map((spec, c) => ({ label: spec.label, unit: spec.unit, ...levelStats(s.level[c]!) })));
  let reps = 0;
  let painScore: number | null = null;
  let effortScore: number | null = null;
  for (const event of events) {
    if (event.kind === 'rep') reps++;
    else if (event.kind === 'pain') painScore = event.score;
    else if (event.kind === 'effort') effortScore = event.score;
  }
  return { sessionId: session.id, startedAt: session.startedAt, simulated: session.simulated, channels, reps: reps > 0 ? reps : null, painScore, effortScore };
}

export interface TrendSeries {
  readonly label: string;
  readonly unit: ChannelUnit;
  readonly statistic: 'peak' | 'mean';
  readonly values: (number | null)[];
}

export interface TrendTable {
  /** Session starts, Unix seconds, oldest first (uPlot's x column). */
  readonly xs: number[];
  readonly series: readonly TrendSeries[];
}

/**
 * The sessions as chart columns: one peak and one mean series per channel label and unit, oldest
 * session first; a session without that channel has null there (uPlot draws a break). Simulated
 * sessions are left out unless asked for, so demo data never mixes into a patient's progress.
 */
export function trendTable(trends: readonly SessionTrend[], includeSimulated: boolean): TrendTable {
  const kept = trends.filter((t) => includeSimulated || !t.simulated).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const keys: { label: string; unit: ChannelUnit }[] = [];
  for (const t of kept) for (const c of t.channels) if (!keys.some((k) => k.label === c.label && k.unit === c.unit)) keys.push({ label: c.label, unit: c.unit });
  const series: TrendSeries[] = keys.flatMap((key) =>
    (['peak', 'mean'] as const).map((statistic) => ({
      ...key,
      statistic,
      values: kept.map((t) => t.channels.find((c) => c.label === key.label && c.unit === key.unit)?.[statistic] ?? null),
    })),
  );
  return { xs: kept.map((t) => Date.parse(t.startedAt) / 1000), series };
}
