// EMG onset/offset detection (Hodges & Bui 1996, Electroencephalogr Clin Neurophysiol 101:511):
// activity starts when the moving average of the rectified EMG exceeds the baseline mean + k·SD
// and stays above for a minimum time; it ends when it stays below for the same time.
//
// Input is the band-passed, notched EMG (emg-chain.ts `filteredUv`), never raw: mains hum rectifies
// into a level that looks like activity. Baseline mean and SD are those of the RECTIFIED filtered
// EMG sample by sample (Hodges & Bui's baseline statistics), not of its moving average: the moving
// average of rest EMG wanders slowly, and its own SD (a sixth of the sample SD at 50 ms: 0.53 vs
// 3.05 counts) put a threshold that ordinary rest in biosppy_emg_1.txt crossed 19 times in its 39 s
// of long rest stretches (measured with the same pooled windows). For Gaussian rest noise the rule
// reads threshold ≈ 3.3 × rest mean (3.27 and 3.30 on the two real recordings).
//
// Batch (`detectOnsets`) and streaming (`OnsetDetector`, for the worker) are the same code, so
// they agree by construction; onsets.test.ts checks block-size independence and checks the
// detections against an independent NumPy implementation (tests/fixtures/metrics/onsets.json).

/** k of mean + k·SD: "k around 3" (clinical.md, Hodges & Bui 1996). */
export const DEFAULT_ONSET_K = 3;
/** Must stay above (or below) for ≥ 25 ms (clinical.md; NeuroKit2 uses 50 ms). */
export const DEFAULT_MIN_DURATION_MS = 25;
/**
 * Moving-average window of the rectified EMG: 50 ms, BioSPPy's boxcar (clinical.md, offline
 * reference chains). On biosppy_emg_1.txt the highest 25 ms-sustained level of the rest stretches
 * falls from 10.6 (25 ms window) to 9.3 counts (50 ms), against a threshold of ~13.
 */
export const DEFAULT_SMOOTHING_MS = 50;
/** The automatic baseline pools the quietest quarter of 1 s windows (see automaticBaseline). */
export const BASELINE_WINDOW_S = 1;
export const BASELINE_QUIET_FRACTION = 0.25;
/** ...but never fewer than three windows: one window alone is the trap clinical.md warns about. */
const BASELINE_MIN_WINDOWS = 3;

export interface OnsetSettings {
  k?: number;
  minDurationMs?: number;
  smoothingMs?: number;
}

/** One burst of activity: [startIndex, endIndex) in samples; endIndex is the first sample of rest. */
export interface Onset {
  startIndex: number;
  endIndex: number;
  startS: number;
  endS: number;
}

/** Mean and SD of the rectified filtered EMG at rest (same unit as the input: µV or counts). */
export interface Baseline {
  mean: number;
  sd: number;
}

export interface OnsetEvent {
  kind: 'onset' | 'offset';
  /** Sample index (sample time) of the onset or offset, which lies in the past when reported. */
  index: number;
}

/** Mean and SD of |x| over [startIndex, endIndex): a rest period the user marks. */
export function baselineFrom(filteredUv: ArrayLike<number>, startIndex: number, endIndex: number): Baseline {
  if (!(startIndex >= 0 && endIndex > startIndex && endIndex <= filteredUv.length)) {
    throw new RangeError(`baseline range [${startIndex}, ${endIndex}) is empty or outside ${filteredUv.length} samples`);
  }
  let sum = 0;
  let sumSquares = 0;
  for (let i = startIndex; i < endIndex; i++) {
    const v = filteredUv[i]!;
    sum += Math.abs(v);
    sumSquares += v * v;
  }
  return pooled(sum, sumSquares, endIndex - startIndex);
}

function pooled(sum: number, sumSquares: number, count: number): Baseline {
  const mean = sum / count;
  return { mean, sd: Math.sqrt(Math.max(0, sumSquares / count - mean * mean)) };
}

/**
 * The baseline rule for files, where nobody marked a rest period. The recording is cut into 1 s
 * windows; windows are ranked by mean |x|; the quietest quarter (at least three windows, all of
 * them if there are fewer) is pooled, and mean and SD are those of all its samples.
 *
 * Why: clinical.md warns that rest levels drift and that one short, unusually quiet window makes
 * ordinary rest look like activity. Pooling a quarter of the recording takes in the spread between
 * rest windows; a quarter (not half) stays clear of activity even in exercise files that are half
 * holds (quad sets 10 s on / 10 s off, clinical.md). Windows whose mean |x| is exactly 0 (a
 * disconnected or clipped-to-zero channel) are left out: they are not rest. On the real
 * recordings the quietest quarter pools 16 of 63 windows (biosppy_emg_1) and 25 of 100
 * (biosppy_emg); the quietest single window's mean is 6 % lower than the pooled one in both, the
 * median window's 11 % higher.
 */
export function automaticBaseline(filteredUv: ArrayLike<number>, sampleRateHz: number): Baseline {
  const windowSamples = Math.max(1, Math.round(BASELINE_WINDOW_S * sampleRateHz));
  const windows = Math.floor(filteredUv.length / windowSamples);
  if (windows < 1) return baselineFrom(filteredUv, 0, filteredUv.length);
  const sums = new Float64Array(windows);
  const squares = new Float64Array(windows);
  for (let w = 0; w < windows; w++) {
    let sum = 0;
    let sumSquares = 0;
    for (let i = w * windowSamples; i < (w + 1) * windowSamples; i++) {
      const v = filteredUv[i]!;
      sum += Math.abs(v);
      sumSquares += v * v;
    }
    sums[w] = sum;
    squares[w] = sumSquares;
  }
  const ranked = Array.from({ length: windows }, (_, w) => w)
    .filter((w) => sums[w]! > 0)
    .sort((a, b) => sums[a]! - sums[b]!);
  if (ranked.length === 0) return { mean: 0, sd: 0 };
  const take = Math.min(ranked.length, Math.max(BASELINE_MIN_WINDOWS, Math.ceil(BASELINE_QUIET_FRACTION * ranked.length)));
  let sum = 0;
  let sumSquares = 0;
  for (let j = 0; j < take; j++) {
    sum += sums[ranked[j]!]!;
    sumSquares += squares[ranked[j]!]!;
  }
  return pooled(sum, sumSquares, take * windowSamples);
}

/** mean + k·SD. */
export function onsetThreshold(baseline: Baseline, k = DEFAULT_ONSET_K): number {
  return baseline.mean + k * baseline.sd;
}

/**
 * Streaming detector for the worker. push() takes blocks of filtered EMG of any size and reports
 * onsets and offsets in sample time; nothing is allocated per sample.
 *
 * Timing: the moving average at sample n covers n − W + 1 .. n, so it is reported at the window's
 * centre, n − ⌊(W − 1)/2⌋ (the batch equivalent of a centred average). An onset is the first
 * sample of a run above threshold that lasts the minimum duration, and is reported when the run
 * completes: up to minDuration + W/2 (50 ms at the defaults) after the fact. No decision is taken
 * before the first full window. Offsets work the same way below the threshold.
 */
export class OnsetDetector {
  readonly sampleRateHz: number;
  readonly threshold: number;
  readonly windowSamples: number;
  readonly minSamples: number;
  private readonly ring: Float64Array;
  private readonly events: OnsetEvent[] = [];
  private ringPos = 0;
  private sum = 0;
  private seen = 0;
  private run = 0;
  private runStart = 0;
  private isActive = false;

  constructor(sampleRateHz: number, baseline: Baseline, settings: OnsetSettings = {}) {
    if (!(sampleRateHz > 0)) throw new RangeError(`sample rate must be positive, got ${sampleRateHz}`);
    this.sampleRateHz = sampleRateHz;
    this.threshold = onsetThreshold(baseline, settings.k ?? DEFAULT_ONSET_K);
    this.windowSamples = Math.max(1, Math.round(((settings.smoothingMs ?? DEFAULT_SMOOTHING_MS) * sampleRateHz) / 1000));
    this.minSamples = Math.max(1, Math.round(((settings.minDurationMs ?? DEFAULT_MIN_DURATION_MS) * sampleRateHz) / 1000));
    this.ring = new Float64Array(this.windowSamples);
  }

  /** True between a reported onset and the next reported offset. */
  get active(): boolean {
    return this.isActive;
  }

  /** Samples pushed so far: the sample index the next push starts at. */
  get samplesSeen(): number {
    return this.seen;
  }

  /** Events found in this block; the array is reused, valid until the next push. */
  push(filteredUv: ArrayLike<number>, n = filteredUv.length): readonly OnsetEvent[] {
    this.events.length = 0;
    const w = this.windowSamples;
    const lag = (w - 1) >> 1;
    for (let j = 0; j < n; j++) {
      const r = Math.abs(filteredUv[j]!);
      this.sum += r - this.ring[this.ringPos]!;
      this.ring[this.ringPos] = r;
      this.ringPos++;
      if (this.ringPos === w) {
        // Re-add the window once per pass so rounding in the running sum cannot build up.
        this.ringPos = 0;
        let exact = 0;
        for (let i = 0; i < w; i++) exact += this.ring[i]!;
        this.sum = exact;
      }
      const index = this.seen++;
      if (index < w - 1) continue;
      const above = this.sum / w > this.threshold;
      if (above === this.isActive) {
        this.run = 0;
        continue;
      }
      if (this.run === 0) this.runStart = index;
      if (++this.run >= this.minSamples) {
        this.isActive = above;
        this.run = 0;
        this.events.push({ kind: above ? 'onset' : 'offset', index: Math.max(0, this.runStart - lag) });
      }
    }
    return this.events;
  }

  reset(): void {
    this.ring.fill(0);
    this.events.length = 0;
    this.ringPos = 0;
    this.sum = 0;
    this.seen = 0;
    this.run = 0;
    this.isActive = false;
  }
}

/**
 * All bursts in a recording. A burst still active at the end closes at filteredUv.length.
 * Give the baseline of a marked rest period (baselineFrom) or the file rule (automaticBaseline).
 */
export function detectOnsets(filteredUv: ArrayLike<number>, sampleRateHz: number, baseline: Baseline, settings: OnsetSettings = {}): Onset[] {
  const detector = new OnsetDetector(sampleRateHz, baseline, settings);
  const bursts: Onset[] = [];
  let start = -1;
  for (const event of detector.push(filteredUv)) {
    if (event.kind === 'onset') start = event.index;
    else bursts.push(burst(start, event.index, sampleRateHz));
  }
  if (detector.active) bursts.push(burst(start, filteredUv.length, sampleRateHz));
  return bursts;
}

function burst(startIndex: number, endIndex: number, sampleRateHz: number): Onset {
  return { startIndex, endIndex, startS: startIndex / sampleRateHz, endS: endIndex / sampleRateHz };
}
