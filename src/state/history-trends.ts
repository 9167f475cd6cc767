// Trends across sessions (issue 7): per session the figures a patient and therapist follow over
// weeks — peak %MVC, reps achieved, time in band, VMO:VL and its spread, fatigue slope, force peak
// and RFD, pain and effort, and each leg's force peak for limb symmetry — then laid out as uPlot columns, one x per
// session (its start, Unix seconds). Per-session figures are computed once from the recording and
// kept (trend-model.ts); the table is rebuilt from them on every change of side or filter.
import { deviceUtcOffsetMin, type UtcOffsetMin } from '../exercise/schedule';
import type { RecordedSamples } from '../store/db/read-session';
import type { LegSide, SessionEvent, SessionRecord } from '../store/db/schema';
import { twoLegMuscles } from './leg-side';
import { holdFatigueSlopeHzPerS } from './trend-fatigue';
import { strongestEffort } from './trend-force';
import { symmetryPoints, type LegPeak, type LsiPoint, type SymmetryInput } from './trend-symmetry';

/** The calibrated MVC (µV) of a muscle on a leg, or null when none is known. */
export type MvcLookup = (muscle: string, side: LegSide) => number | null;

export interface SessionTrend extends SymmetryInput {
  readonly sessionId: string;
  readonly simulated: boolean;
  /** Highest level in %MVC: the summary's reps, else an EMG channel's envelope over its calibration. */
  readonly peakPctMvc: number | null;
  /** Holds achieved (guided exercise), else reps counted in the events; null with neither. */
  readonly repsAchieved: number | null;
  /** Mean of the reps' time in band, %. */
  readonly timeInBandPct: number | null;
  /** Mean VMO:VL over the reps where both muscles were measured (clinical.md, VMO:VL). */
  readonly vmoToVl: number | null;
  /** Sample SD of VMO:VL across those reps; null under two (clinical.md: show its variability). */
  readonly vmoToVlSd: number | null;
  /** Median-frequency slope over the longest hold (trend-fatigue.ts), Hz/s. */
  readonly fatigueSlopeHzPerS: number | null;
  /** The strongest effort on a force channel (trend-force.ts). */
  readonly rfd200NPerS: number | null;
  /** Pain and effort, 0–10 (clinical.md): the summary's, else the last rating in the events. */
  readonly painScore: number | null;
  readonly effortScore: number | null;
}

/** Highest and mean of the received samples (NaN marks a gap); nulls when there are none. */
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

function meanOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1): the spread of one session's reps around their mean. */
function sdOrNull(values: readonly number[]): number | null {
  const mean = meanOrNull(values);
  if (mean === null || values.length < 2) return null;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1));
}

function maxOrNull(values: readonly (number | null)[]): number | null {
  const kept = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return kept.length === 0 ? null : Math.max(...kept);
}

interface RecordedChannel {
  kind: 'emg' | 'force';
  rateHz: number;
  raw: Float32Array;
  level: Float32Array;
  leg: { muscle: string; side: LegSide } | undefined;
}

function recordedChannels(session: SessionRecord, streams: readonly RecordedSamples[]): RecordedChannel[] {
  return streams.flatMap((s) =>
    s.stream.channels.map((spec, c) => ({
      kind: spec.kind,
      rateHz: s.stream.rateHz,
      raw: s.raw[c]!,
      level: s.level[c]!,
      leg: session.legs?.find((l) => l.sensorId === s.stream.sensorId && l.channel === c),
    })),
  );
}

/** Peak of an EMG channel in %MVC, when its muscle and leg have a calibration. */
function channelPctMvc(channel: RecordedChannel, mvcFor: MvcLookup): number | null {
  const mvc = channel.leg ? mvcFor(channel.leg.muscle, channel.leg.side) : null;
  const peak = levelStats(channel.level).peak;
  return mvc !== null && mvc > 0 && peak !== null ? (peak / mvc) * 100 : null;
}

/** Each leg's force peak in a two-leg session (limb symmetry compares force only: trend-symmetry.ts). */
function legPeaks(channels: readonly RecordedChannel[], session: SessionRecord): LegPeak[] {
  const both = twoLegMuscles(session.legs ?? []);
  return channels.flatMap((channel): LegPeak[] => {
    if (channel.kind !== 'force' || !channel.leg || !both.includes(channel.leg.muscle)) return [];
    const { muscle, side } = channel.leg;
    const peakN = levelStats(channel.level).peak;
    return peakN === null ? [] : [{ muscle, side, peakN }];
  });
}

export function sessionTrend(session: SessionRecord, streams: readonly RecordedSamples[], events: readonly SessionEvent[], mvcFor: MvcLookup = () => null): SessionTrend {
  const channels = recordedChannels(session, streams);
  const exercises = session.summary?.exercises ?? [];
  const reps = exercises.flatMap((e) => e.sets.flatMap((s) => s.reps));
  const vmoToVlOfReps = reps.flatMap((r) => (r.vmoToVl === null ? [] : [r.vmoToVl]));
  const summaryPct = maxOrNull(reps.filter((r) => r.unit === '%MVC').map((r) => r.peak));
  const emg = channels.filter((c) => c.kind === 'emg');
  // VMO first: the muscle the exercises train (clinical.md, VMO:VL); else the first EMG channel.
  const fatigueChannel = emg.find((c) => c.leg?.muscle === 'vmo') ?? emg[0];
  const efforts = channels.filter((c) => c.kind === 'force').flatMap((c) => strongestEffort(c.level, c.rateHz) ?? []);
  const strongest = efforts.reduce<(typeof efforts)[number] | null>((a, b) => (a === null || b.peakN > a.peakN ? b : a), null);

  let repEvents = 0;
  let painScore: number | null = null;
  let effortScore: number | null = null;
  for (const event of events) {
    if (event.kind === 'rep') repEvents++;
    else if (event.kind === 'pain') painScore = event.score;
    else if (event.kind === 'effort') effortScore = event.score;
  }
  return {
    sessionId: session.id,
    startedAt: session.startedAt,
    patientId: session.patientId,
    simulated: session.simulated,
    side: session.side,
    peakPctMvc: summaryPct ?? maxOrNull(emg.map((c) => channelPctMvc(c, mvcFor))),
    repsAchieved: session.summary ? exercises.reduce((n, e) => n + e.repsAchieved, 0) : repEvents > 0 ? repEvents : null,
    timeInBandPct: meanOrNull(reps.map((r) => r.timeInBandPct)),
    vmoToVl: meanOrNull(vmoToVlOfReps),
    vmoToVlSd: sdOrNull(vmoToVlOfReps),
    fatigueSlopeHzPerS: fatigueChannel ? holdFatigueSlopeHzPerS(fatigueChannel.raw, fatigueChannel.level, fatigueChannel.rateHz) : null,
    forcePeakN: strongest?.peakN ?? null,
    rfd200NPerS: strongest?.rfd200NPerS ?? null,
    painScore: session.summary?.pain ?? painScore,
    effortScore: session.summary?.effort ?? effortScore,
    legPeaks: legPeaks(channels, session),
  };
}

/** The per-session figures the charts draw or list, each one column in the table. */
export const trendMetrics = ['peakPctMvc', 'repsAchieved', 'timeInBandPct', 'vmoToVl', 'vmoToVlSd', 'fatigueSlopeHzPerS', 'forcePeakN', 'rfd200NPerS', 'painScore', 'effortScore'] as const;
export type TrendMetric = (typeof trendMetrics)[number];

export interface TrendTable {
  /** Session starts, Unix seconds, oldest first (uPlot's x column). */
  readonly xs: number[];
  /** One value per x; null where a session lacks the figure (uPlot draws a break). */
  readonly columns: Readonly<Record<TrendMetric, (number | null)[]>>;
  readonly symmetry: readonly LsiPoint[];
}

/**
 * The sessions as chart columns, oldest first, plus limb symmetry. Simulated sessions are left out
 * unless asked for, so demo data never mixes into a person's progress. `affectedSide` tells which
 * leg is the injured one for a session, for two-leg sessions; `offsetMin` the local time zone,
 * for pairing sessions of one day.
 */
export function trendTable(
  trends: readonly SessionTrend[],
  includeSimulated: boolean,
  affectedSide: (trend: SessionTrend) => LegSide | null = () => null,
  offsetMin: UtcOffsetMin = deviceUtcOffsetMin,
): TrendTable {
  const kept = trends.filter((t) => includeSimulated || !t.simulated).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const columns = Object.fromEntries(trendMetrics.map((metric) => [metric, kept.map((t) => t[metric])])) as Record<TrendMetric, (number | null)[]>;
  return { xs: kept.map((t) => Date.parse(t.startedAt) / 1000), columns, symmetry: symmetryPoints(kept, affectedSide, offsetMin) };
}
