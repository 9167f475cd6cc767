// The signal-quality badge of one sensor: packets/s, samples/s against nominal, loss %, and the
// age of the last packet, over a sliding window of arrival time. Levels from the project issue:
// good (< 1 % loss), some loss (1–5 %), heavy loss (≥ 5 %), no data (no packet for 2 s).
// Pure: arrival stamps come in, "now" is passed to read(); no clock is read here.

export type QualityLevel = 'good' | 'some-loss' | 'heavy-loss' | 'no-data';

export interface LinkQuality {
  readonly level: QualityLevel;
  readonly packetsPerS: number;
  readonly samplesPerS: number;
  readonly nominalSamplesPerS: number;
  /** Samples lost / samples expected over the window, in %. */
  readonly lossPercent: number;
  /** ms since the last packet arrived, or null before the first one. */
  readonly lastPacketAgeMs: number | null;
}

/** Issue thresholds. */
export const SOME_LOSS_PERCENT = 1;
export const HEAVY_LOSS_PERCENT = 5;
export const NO_DATA_AFTER_MS = 2000;
/** A 5 s window: long enough that one lost 20-sample frame at 200 Hz reads 2 %, not 20 %. */
export const QUALITY_WINDOW_MS = 5000;
const BUCKET_MS = 250;
const BUCKETS = QUALITY_WINDOW_MS / BUCKET_MS;

export function qualityLevel(lossPercent: number, lastPacketAgeMs: number | null): QualityLevel {
  if (lastPacketAgeMs === null || lastPacketAgeMs >= NO_DATA_AFTER_MS) return 'no-data';
  if (lossPercent >= HEAVY_LOSS_PERCENT) return 'heavy-loss';
  if (lossPercent >= SOME_LOSS_PERCENT) return 'some-loss';
  return 'good';
}

export interface LinkQualityMeter {
  /** A packet arrived carrying `samples` sample sets, after `lostSamples` sample sets went missing. */
  recordPacket(arrivalMs: number, samples: number, lostSamples: number): void;
  read(nowMs: number): LinkQuality;
}

export function createLinkQualityMeter(nominalSamplesPerS: number): LinkQualityMeter {
  // Fixed ring of time buckets: no allocation per packet.
  const bucketIndex = new Float64Array(BUCKETS).fill(-1);
  const packets = new Float64Array(BUCKETS);
  const samples = new Float64Array(BUCKETS);
  const lost = new Float64Array(BUCKETS);
  let firstArrivalMs: number | null = null;
  let lastArrivalMs: number | null = null;

  function bucketFor(arrivalMs: number): number {
    const index = Math.floor(arrivalMs / BUCKET_MS);
    const slot = ((index % BUCKETS) + BUCKETS) % BUCKETS;
    if (bucketIndex[slot] !== index) {
      bucketIndex[slot] = index;
      packets[slot] = 0;
      samples[slot] = 0;
      lost[slot] = 0;
    }
    return slot;
  }

  return {
    recordPacket(arrivalMs, sampleCount, lostSamples) {
      const slot = bucketFor(arrivalMs);
      packets[slot]! += 1;
      samples[slot]! += sampleCount;
      lost[slot]! += lostSamples;
      firstArrivalMs ??= arrivalMs;
      lastArrivalMs = lastArrivalMs === null ? arrivalMs : Math.max(lastArrivalMs, arrivalMs);
    },
    read(nowMs) {
      const newest = Math.floor(nowMs / BUCKET_MS);
      let packetSum = 0;
      let sampleSum = 0;
      let lostSum = 0;
      for (let slot = 0; slot < BUCKETS; slot++) {
        const index = bucketIndex[slot]!;
        if (index > newest - BUCKETS && index <= newest) {
          packetSum += packets[slot]!;
          sampleSum += samples[slot]!;
          lostSum += lost[slot]!;
        }
      }
      // Rates over the part of the window the link has existed, so a fresh link is not under-read.
      const spanMs = firstArrivalMs === null ? QUALITY_WINDOW_MS : Math.min(QUALITY_WINDOW_MS, Math.max(BUCKET_MS, nowMs - firstArrivalMs));
      const expected = sampleSum + lostSum;
      const lossPercent = expected > 0 ? (100 * lostSum) / expected : 0;
      const lastPacketAgeMs = lastArrivalMs === null ? null : Math.max(0, nowMs - lastArrivalMs);
      return {
        level: qualityLevel(lossPercent, lastPacketAgeMs),
        packetsPerS: (1000 * packetSum) / spanMs,
        samplesPerS: (1000 * sampleSum) / spanMs,
        nominalSamplesPerS,
        lossPercent,
        lastPacketAgeMs,
      };
    },
  };
}
