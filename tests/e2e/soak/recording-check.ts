// Checks one recorded session against the ground truth (soak-ledger.ts): every distinct valid
// frame's samples exactly once and in order, and every hole in the timeline marked as a gap of
// the right length with the right reason. Pure: the recording arrives as plain data read from
// IndexedDB (page-probes.ts).
import type { ChunkRecord } from '../../../src/store/db/schema';
import type { TruthFrame } from './soak-ledger';

/** The parts of a stored chunk the check reads. */
export type StoredChunk = Pick<ChunkRecord, 'seq' | 'startIndex' | 'sampleCount' | 'gapBefore' | 'channels' | 'raw'>;

export interface StoredGapEvent {
  sampleIndex: number;
  lengthSamples: number;
  reason: string;
}

export interface StoredSession {
  id: string;
  status: string;
  stoppedBy: string | null;
  startedAt: string;
  firstIndex: number;
  chunks: StoredChunk[];
  gapEvents: StoredGapEvent[];
}

export interface CheckedGap {
  kind: 'loss' | 'outage';
  truthSamples: number;
  appSamples: number;
}

export interface RecordingCheck {
  framesExpected: number;
  samplesExpected: number;
  samplesRecorded: number;
  /** Samples whose stored value differs from what the sensor sent (or is missing / extra). */
  sampleMismatches: number;
  gaps: CheckedGap[];
  /** Everything that is wrong, in words; empty when the session is right. */
  problems: string[];
}

export interface CheckOptions {
  channels: number;
  /** Physical units per count, per channel (the device description's scale). */
  scales: readonly number[];
  samplePeriodUs: number;
  /**
   * Largest error allowed on an outage gap, in samples. The app sizes an outage from arrival
   * times when the sensor restarted its stream (PROTOCOL.md §5.2 forbids bridging device time
   * across a *stream start*), so its length carries the jitter of notification arrival stamps.
   */
  outageToleranceSamples: number;
}

const MAX_LISTED = 5;

export function checkRecording(session: StoredSession, truth: readonly TruthFrame[], options: CheckOptions): RecordingCheck {
  const { channels } = options;
  const problems: string[] = [];
  const chunks = [...session.chunks].sort((a, b) => a.seq - b.seq);

  // Chunk structure: seq 0, 1, 2 … with no hole; each starts where the last ended plus its gap.
  let expectedStart = session.firstIndex;
  chunks.forEach((chunk, i) => {
    if (chunk.seq !== i) problems.push(`chunk seq ${chunk.seq} at position ${i}`);
    if (chunk.channels !== channels) problems.push(`chunk ${chunk.seq} has ${chunk.channels} channels`);
    if (chunk.startIndex !== expectedStart + chunk.gapBefore) {
      problems.push(`chunk ${chunk.seq} starts at ${chunk.startIndex}, expected ${expectedStart} + gap ${chunk.gapBefore}`);
    }
    expectedStart = chunk.startIndex + chunk.sampleCount;
  });

  // Content: each distinct valid frame's samples, in order, exactly once. A frame whose samples are
  // not where the recording continues is counted missing (and the walk goes on with the next), so
  // one lost frame does not hide what follows.
  const samplesExpected = truth.reduce((n, f) => n + f.samplesPerChannel, 0);
  const samplesRecorded = chunks.reduce((n, c) => n + c.sampleCount, 0);
  const recorded = concatenate(chunks, channels, samplesRecorded);
  const found: TruthFrame[] = [];
  const missing: TruthFrame[] = [];
  let at = 0;
  for (const frame of truth) {
    if (frameMatches(frame, recorded, at, options)) {
      found.push(frame);
      at += frame.samplesPerChannel;
    } else missing.push(frame);
  }
  const extra = samplesRecorded - at;
  const mismatches = missing.reduce((n, f) => n + f.samplesPerChannel, 0) + Math.max(0, extra);
  if (missing.length > 0) {
    const first = missing.slice(0, MAX_LISTED).map((f) => `${f.deviceTimeUs} µs`);
    problems.push(`${missing.length} of ${truth.length} received frames are not in the recording (${first.join(', ')}${missing.length > MAX_LISTED ? ', …' : ''})`);
  }
  if (extra !== 0) problems.push(`${extra} recorded sample sets match no received frame (at set ${at} of ${samplesRecorded}: ${whatIsAt(truth, recorded, at, options)})`);

  const gaps: CheckedGap[] = [];
  if (extra === 0) checkGaps(chunks, session.gapEvents, found, options, gaps, problems);
  return { framesExpected: truth.length, samplesExpected, samplesRecorded, sampleMismatches: mismatches, gaps, problems };
}

/** Which received frame the recording holds at set `at`, to tell a misplaced frame from a foreign one. */
function whatIsAt(truth: readonly TruthFrame[], recorded: Float32Array, at: number, options: CheckOptions): string {
  const frames = truth.filter((f) => frameMatches(f, recorded, at, options)).map((f) => `${f.deviceTimeUs} µs (segment ${f.segment})`);
  return frames.length > 0 ? `samples of the frame sent at ${frames.join(' or ')}` : 'no frame the sensor sent';
}

/** Recorded samples, interleaved, in chunk order. */
function concatenate(chunks: StoredChunk[], channels: number, sets: number): Float32Array {
  const all = new Float32Array(sets * channels);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk.raw.subarray(0, chunk.sampleCount * channels), offset);
    offset += chunk.sampleCount * channels;
  }
  return all;
}

/** Whether `frame`'s samples (as Float32 of count × scale) are the recording's from set `at` on. */
function frameMatches(frame: TruthFrame, recorded: Float32Array, at: number, options: CheckOptions): boolean {
  const { channels, scales } = options;
  if ((at + frame.samplesPerChannel) * channels > recorded.length) return false;
  for (let i = 0; i < frame.samplesPerChannel * channels; i++) {
    const want = Math.fround(frame.counts[i]! * scales[i % channels]!);
    if (!Object.is(want, recorded[at * channels + i])) return false;
  }
  return true;
}

/** Timeline: each pair of consecutive frames is as far apart in the recording as in device time. */
function checkGaps(
  chunks: StoredChunk[],
  events: StoredGapEvent[],
  truth: readonly TruthFrame[],
  options: CheckOptions,
  gaps: CheckedGap[],
  problems: string[],
): void {
  // Stream index of the n-th recorded sample set, walking the chunks.
  const runs = chunks.map((c) => ({ startIndex: c.startIndex, count: c.sampleCount }));
  let run = 0;
  let consumed = 0;
  const indexOf = (n: number): number => {
    while (n >= consumed + runs[run]!.count) consumed += runs[run++]!.count;
    return runs[run]!.startIndex + (n - consumed);
  };
  const kindAt = new Map<number, 'loss' | 'outage'>();
  let offset = 0;
  const wrong: string[] = [];
  for (let i = 1; i < truth.length; i++) {
    const previous = truth[i - 1]!;
    const frame = truth[i]!;
    const lastIndex = indexOf(offset + previous.samplesPerChannel - 1);
    offset += previous.samplesPerChannel;
    const firstIndex = indexOf(offset);
    const appSamples = firstIndex - lastIndex - 1;
    const truthSamples = Math.round((frame.deviceTimeUs - previous.deviceTimeUs) / options.samplePeriodUs) - previous.samplesPerChannel;
    const kind = frame.segment !== previous.segment ? 'outage' : 'loss';
    if (truthSamples === 0 && appSamples === 0) continue;
    gaps.push({ kind, truthSamples, appSamples });
    if (appSamples > 0) kindAt.set(firstIndex, kind);
    const allowed = kind === 'outage' ? options.outageToleranceSamples : 0;
    if (Math.abs(appSamples - truthSamples) > allowed) wrong.push(`${kind} before the frame at ${frame.deviceTimeUs} µs: ${appSamples} samples marked, ${truthSamples} missing`);
  }
  if (wrong.length > 0) problems.push(`${wrong.length} gap(s) of the wrong length: ${wrong.slice(0, MAX_LISTED).join('; ')}`);

  // Each chunk after a gap has its gap event: same place, same length, the right reason.
  const gapChunks = chunks.filter((c) => c.gapBefore > 0);
  if (events.length !== gapChunks.length) problems.push(`${events.length} gap events for ${gapChunks.length} chunks after a gap`);
  const badEvents: string[] = [];
  for (const chunk of gapChunks) {
    const event = events.find((e) => e.sampleIndex === chunk.startIndex - chunk.gapBefore);
    const want = kindAt.get(chunk.startIndex);
    if (!event || event.lengthSamples !== chunk.gapBefore || (want !== undefined && event.reason !== want)) {
      badEvents.push(`at ${chunk.startIndex - chunk.gapBefore}: ${event ? `${event.reason} ${event.lengthSamples}` : 'none'}, want ${want ?? '?'} ${chunk.gapBefore}`);
    }
  }
  if (badEvents.length > 0) problems.push(`${badEvents.length} gap event(s) wrong: ${badEvents.slice(0, MAX_LISTED).join('; ')}`);
}
