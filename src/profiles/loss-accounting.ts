// Loss accounting: ONE definition for every profile (project issue, "Loss accounting").
//
//   per sensor:  frames received (accepted into the stream), frames lost (never arrived),
//                frames rejected as corrupt, duplicates dropped — plus late frames dropped and
//                clock resyncs, which the list has no slot for but which must not hide
//                inside the others;
//   per channel: samples received, samples lost (missing from the output for any reason, so
//                samples of rejected frames count as lost);
//   per gap:     where it starts (stream sample position, and device time when known), its length
//                in samples and in µs.
//
// Loss comes from the block's sample counter when it has one (exact, modulo its wrap), else from
// device time (a gap when the step from the last sample exceeds 1.5 sample periods, modulo the
// clock's wrap). Identity the tests rely on: frames the device sent = framesReceived + framesLost
// + framesRejected (for rejections that fall inside gaps).
//
// Not here, by design: holding a late frame for up to one frame period so it can be reordered —
// that is the worker's job, in front of this module. Anything still behind when it reaches us is
// dropped as late and its samples stay counted as lost. Counters cannot see a gap as long as their
// own cycle (Ganglion: ~1 s); the worker sizes those from wall-clock arrival (architecture.md), and
// must call restart() when a stream (re)starts so a pause is not counted as loss.

import type { SampleBlock } from './types';

/** A frame at most this many frames behind the expected position is a duplicate or late; farther
 * behind, a counter must have wrapped past us (forward gap) or a clock restarted (resync). */
export const BEHIND_WINDOW_FRAMES = 8;
/** A device-time step within ±0.5 period of the expected one is in order: > 1.5 periods is a gap. */
export const GAP_TOLERANCE_PERIODS = 0.5;

export interface Gap {
  /** Per-channel stream position (samples received + lost before it) where the gap begins. */
  readonly startSample: number;
  /** Device time the first missing sample would have had (wrapped), or null without device time. */
  readonly startDeviceTimeUs: number | null;
  readonly lengthSamples: number;
  /** Length in µs, or null when neither device time nor a sample period is known. */
  readonly lengthUs: number | null;
}

export type AcceptOutcome =
  | { readonly kind: 'accepted'; readonly gap: Gap | null; readonly resync: boolean }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'late' }
  /** The block's shape does not fit this sensor (counted as rejected). */
  | { readonly kind: 'rejected' };

export interface LossStats {
  framesReceived: number;
  framesLost: number;
  framesRejected: number;
  duplicatesDropped: number;
  lateDropped: number;
  resyncs: number;
  gaps: number;
  readonly samplesReceived: Float64Array;
  readonly samplesLost: Float64Array;
}

export interface LossAccountant {
  /** Live counters (read, never write). */
  readonly stats: LossStats;
  /** Account for one decoded block; only `accepted` blocks belong in the output stream. */
  accept(block: SampleBlock): AcceptOutcome;
  /** Count a notification the decoder rejected. */
  reject(): void;
  /** A frame the caller knows to be a copy, or too late for its place (a stream start its stream went on without), is dropped. */
  drop(kind: 'duplicate' | 'late'): void;
  /** A new stream starts: the next block is taken as is, without a gap. Totals are kept. */
  restart(): void;
}

// The common outcomes are shared constants: no allocation per frame unless a gap occurred.
const ACCEPTED: AcceptOutcome = Object.freeze({ kind: 'accepted', gap: null, resync: false });
const ACCEPTED_RESYNC: AcceptOutcome = Object.freeze({ kind: 'accepted', gap: null, resync: true });
const DUPLICATE: AcceptOutcome = Object.freeze({ kind: 'duplicate' });
const LATE: AcceptOutcome = Object.freeze({ kind: 'late' });
const REJECTED: AcceptOutcome = Object.freeze({ kind: 'rejected' });

/** a mod m in [0, m). */
function mod(a: number, m: number): number {
  const r = a % m;
  return r < 0 ? r + m : r;
}

/** A cyclic position is usable when its modulus is positive and it lies inside it (or both are null). */
function cyclicOk(position: number | null, modulo: number | null): boolean {
  if (position === null || modulo === null) return position === modulo;
  return modulo > 0 && Number.isFinite(modulo) && position >= 0 && position < modulo;
}

function wellFormed(block: SampleBlock): boolean {
  const n = block.samplesPerChannel;
  const period = block.samplePeriodUs;
  return (
    Number.isInteger(n) &&
    n >= 1 &&
    block.values.length === block.channels * n &&
    cyclicOk(block.sampleCounter, block.sampleCounterModulo) &&
    cyclicOk(block.deviceTimeUs, block.deviceTimeModuloUs) &&
    (period === null || (period > 0 && Number.isFinite(period)))
  );
}

export function createLossAccountant(channels: number): LossAccountant {
  const stats: LossStats = {
    framesReceived: 0,
    framesLost: 0,
    framesRejected: 0,
    duplicatesDropped: 0,
    lateDropped: 0,
    resyncs: 0,
    gaps: 0,
    samplesReceived: new Float64Array(channels),
    samplesLost: new Float64Array(channels),
  };
  // Start keys of recently accepted blocks, to tell a duplicate from a late frame.
  const recentCounters = new Float64Array(BEHIND_WINDOW_FRAMES).fill(NaN);
  const recentTimes = new Float64Array(BEHIND_WINDOW_FRAMES).fill(NaN);
  let recentNext = 0;
  let hasLast = false;
  let lastCounter: number | null = null;
  let lastTimeUs: number | null = null;
  let lastSamples = 0;
  let lastPeriodUs: number | null = null;
  let streamPosition = 0;
  let maxFrameSamples = 1;
  let rejectedSinceAccept = 0;

  function isRecent(ring: Float64Array, key: number): boolean {
    for (let i = 0; i < ring.length; i++) if (ring[i] === key) return true;
    return false;
  }

  function behindOutcome(ring: Float64Array, key: number): AcceptOutcome {
    if (isRecent(ring, key)) {
      stats.duplicatesDropped++;
      return DUPLICATE;
    }
    stats.lateDropped++;
    return LATE;
  }

  function commit(block: SampleBlock, gap: Gap | null, resync: boolean): AcceptOutcome {
    const n = block.samplesPerChannel;
    stats.framesReceived++;
    for (let c = 0; c < channels; c++) stats.samplesReceived[c] = (stats.samplesReceived[c] ?? 0) + n;
    if (gap !== null) {
      stats.gaps++;
      const missingFrames = Math.ceil(gap.lengthSamples / maxFrameSamples);
      stats.framesLost += Math.max(0, missingFrames - rejectedSinceAccept);
      for (let c = 0; c < channels; c++) stats.samplesLost[c] = (stats.samplesLost[c] ?? 0) + gap.lengthSamples;
      streamPosition += gap.lengthSamples;
    }
    if (resync) stats.resyncs++;
    streamPosition += n;
    rejectedSinceAccept = 0;
    hasLast = true;
    lastCounter = block.sampleCounterModulo !== null ? block.sampleCounter : null;
    lastTimeUs = block.deviceTimeModuloUs !== null ? block.deviceTimeUs : null;
    lastSamples = n;
    if (block.samplePeriodUs !== null) lastPeriodUs = block.samplePeriodUs;
    recentCounters[recentNext] = lastCounter ?? NaN;
    recentTimes[recentNext] = lastTimeUs ?? NaN;
    recentNext = (recentNext + 1) % BEHIND_WINDOW_FRAMES;
    if (gap !== null) return { kind: 'accepted', gap, resync };
    return resync ? ACCEPTED_RESYNC : ACCEPTED;
  }

  function byCounter(block: SampleBlock, counter: number, modulo: number, previous: number): AcceptOutcome {
    const expected = mod(previous + lastSamples, modulo);
    const ahead = mod(counter - expected, modulo);
    if (ahead === 0) return commit(block, null, false);
    // Behind by a little: duplicate or late. The window never exceeds half the cycle, where
    // "behind" and "ahead" become indistinguishable.
    const behind = modulo - ahead;
    if (behind <= BEHIND_WINDOW_FRAMES * maxFrameSamples && behind < modulo / 2) {
      return behindOutcome(recentCounters, counter);
    }
    const periodUs = block.samplePeriodUs ?? lastPeriodUs;
    const startDeviceTimeUs =
      lastTimeUs !== null && periodUs !== null && block.deviceTimeModuloUs !== null
        ? mod(lastTimeUs + lastSamples * periodUs, block.deviceTimeModuloUs)
        : null;
    const lengthUs = periodUs === null ? null : ahead * periodUs;
    return commit(block, { startSample: streamPosition, startDeviceTimeUs, lengthSamples: ahead, lengthUs }, false);
  }

  function byTime(
    block: SampleBlock,
    timeUs: number,
    moduloUs: number,
    previousUs: number,
    periodUs: number,
  ): AcceptOutcome {
    const expectedUs = mod(previousUs + lastSamples * periodUs, moduloUs);
    let offsetUs = mod(timeUs - expectedUs, moduloUs);
    if (offsetUs >= moduloUs / 2) offsetUs -= moduloUs; // signed: negative = behind
    const toleranceUs = GAP_TOLERANCE_PERIODS * periodUs;
    if (Math.abs(offsetUs) <= toleranceUs) return commit(block, null, false);
    if (offsetUs > 0) {
      const lengthSamples = Math.max(1, Math.round(offsetUs / periodUs));
      return commit(
        block,
        { startSample: streamPosition, startDeviceTimeUs: expectedUs, lengthSamples, lengthUs: offsetUs },
        false,
      );
    }
    if (-offsetUs <= BEHIND_WINDOW_FRAMES * maxFrameSamples * periodUs) return behindOutcome(recentTimes, timeUs);
    // Far behind: the device clock restarted (reset, reconnect). The length of any loss is unknown here.
    return commit(block, null, true);
  }

  return {
    stats,
    accept(block) {
      const n = block.samplesPerChannel;
      if (block.channels !== channels || !wellFormed(block)) {
        stats.framesRejected++;
        rejectedSinceAccept++;
        return REJECTED;
      }
      if (n > maxFrameSamples) maxFrameSamples = n;
      if (!hasLast) return commit(block, null, false);
      if (block.sampleCounter !== null && block.sampleCounterModulo !== null && lastCounter !== null) {
        return byCounter(block, block.sampleCounter, block.sampleCounterModulo, lastCounter);
      }
      const periodUs = block.samplePeriodUs ?? lastPeriodUs;
      const { deviceTimeUs, deviceTimeModuloUs } = block;
      const previousUs = lastTimeUs;
      if (deviceTimeUs !== null && deviceTimeModuloUs !== null && previousUs !== null && periodUs !== null) {
        return byTime(block, deviceTimeUs, deviceTimeModuloUs, previousUs, periodUs);
      }
      return commit(block, null, false); // nothing to detect loss from
    },
    reject() {
      stats.framesRejected++;
      rejectedSinceAccept++;
    },
    drop(kind) {
      if (kind === 'duplicate') stats.duplicatesDropped++;
      else stats.lateDropped++;
    },
    restart() {
      hasLast = false;
      lastCounter = null;
      lastTimeUs = null;
      rejectedSinceAccept = 0;
      recentCounters.fill(NaN);
      recentTimes.fill(NaN);
    },
  };
}
