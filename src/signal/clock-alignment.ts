// Places one sensor's samples on the session timeline (ms since session start) from its device
// clock, anchored to arrival time at connection, and estimates how wrong that placement may be.
//
// Model: arrivalMs = deviceMs + offsetMs + latencyMs, latency ≥ 0. Every notification's
// y = arrival − device is therefore an upper bound on the offset, and the lower envelope of the
// (device, y) points is the best estimate of offset plus the minimum latency. Fitting that envelope
// with a line whose slope is the clock skew, chosen as the line under all points that is highest
// at the window's mean device time (a linear programme whose optimum is the lower-convex-hull
// edge spanning the mean), is the skew estimator of Moon, Skelly & Towsley, "Estimation and
// removal of clock skew from network delay measurements", IEEE INFOCOM 1999; the same
// minimum-delay idea underlies NTP's clock filter (RFC 5905, 10).
//
// What it cannot see: the constant minimum latency itself (it needs a round trip), so samples are
// placed at "arrival at minimum latency". Two sensors differ by the difference of their minimum
// latencies on top of the reported errors: under a connection interval for two BLE links to the
// same phone, and near zero once sampling and connection events drift through each other's
// phases (a sensor whose sample clock is phase-locked to its connection events never shows its
// floor, and that part of the error stays invisible here).
//
// Costs: one bucket per BUCKET_MS of device time, so the envelope fit touches at most
// WINDOW_MS / BUCKET_MS points per notification whatever the notification rate; typed arrays,
// allocated once. Pure: no clock, no timers; runs in the worker, the CLI and the tests.

/**
 * Points are the minimum y per BUCKET_MS of device time. 250 ms spans several BLE connection
 * events at the intervals streaming sensors use (7.5–50 ms; Core Spec Vol 6 Part B 4.5.1 allows
 * 7.5 ms–4 s), so each bucket's minimum sits near the latency floor.
 */
const BUCKET_MS = 250;
/**
 * Envelope window. Long enough that a typical crystal skew (±20–50 ppm) moves the offset by a few
 * ms and is measurable above sub-ms envelope noise; short enough to follow the slow,
 * temperature-driven skew changes of a crystal worn on a warming limb.
 */
const WINDOW_MS = 60_000;
const BUCKET_CAPACITY = Math.ceil(WINDOW_MS / BUCKET_MS) + 1;
/**
 * Skew estimates are clamped to ±1000 ppm: twice the ±500 ppm of a calibrated RC low-frequency
 * oscillator (nRF52832 Product Specification, LFRC accuracy), the worst clock a sensor might
 * timestamp with. A short window's fit can suggest more; believing it would fling extrapolations.
 */
const MAX_SKEW = 1000e-6;
/**
 * When the estimate drops below the applied offset, the applied offset follows at most 5 % of the
 * elapsed device time (slewing rather than stepping, as NTP disciplines a clock), so the timeline
 * of one sensor never runs backwards; a 20 ms first-packet latency is worked off in 0.4 s of data.
 * Upward corrections are applied at once: they can only open a small gap, never a fold.
 */
const SLEW_RATE = 0.05;
/**
 * Skew is fitted only once the window spans 20 s. Over shorter spans the envelope's sub-ms noise
 * swamps any real skew (1 ms over 2 s reads as 500 ppm), while assuming none costs at most
 * 20 s × 50 ppm = 1 ms for a crystal clock. Measured on the synthetic links described below:
 * fitting from the first seconds put early placements up to 1.5× beyond the stated error.
 */
const SKEW_MIN_SPAN_MS = 20_000;
/**
 * The error estimate needs this many envelope points (5 s of data) and uses their upper quartile.
 * Chosen on synthetic BLE links (7.5–50 ms connection intervals, 0–10 % retransmissions, 0–100
 * ppm drift, 20 seeds each): no placement exceeded the stated error; the median with 8 points
 * was exceeded by up to 3× during the first seconds.
 */
const MIN_POINTS_FOR_ERROR = 20;
const ERROR_PERCENTILE = 0.75;
/**
 * Continuity test for each notification against the envelope prediction. Earlier than predicted
 * by more than EARLY_TOLERANCE_MS is impossible for a continuing clock (latency ≥ 0) beyond the
 * envelope's own error; later by more than LATE_TOLERANCE_MS is beyond ordinary BLE retransmission
 * delays and main-thread stalls. Either means the device clock was reset or jumped (typically
 * across a reconnection), so a new segment starts, anchored at arrival. Both widen by the worst
 * possible skew error (2 × MAX_SKEW) over the device time since the previous notification.
 */
const EARLY_TOLERANCE_MS = 500;
const LATE_TOLERANCE_MS = 2000;
/** Device time is a uint32 µs counter that wraps every 71.6 min (firmware-protocol/PROTOCOL.md). */
const DEVICE_TIME_MODULO_US = 2 ** 32;
/** Inter-arrival intervals kept for a clockless sensor's error estimate (≥ 2 s at ≥ 64 Hz). */
const INTERVAL_CAPACITY = 128;

/** How the last observation's session time relates to the one before it. */
export type AlignmentStep =
  /** The first observation: anchored at its arrival. */
  | 'first'
  /** Same clock segment: the step is device time (sample-accurate gap length). */
  | 'device-time'
  /** A new segment (device reset, or a sensor without a clock): the step is arrival time. */
  | 'arrival-time';

export class ClockAligner {
  private mode: 'none' | 'clocked' | 'clockless' = 'none';
  private segments = 0;
  // Clocked segment: device time unwrapped into float64 ms since the segment's first observation.
  private lastRawUs = 0;
  private lastDeviceMs = 0;
  private lastArrivalMs = 0;
  private lastSession = Number.NaN;
  private step = Number.NaN;
  private stepKind: AlignmentStep = 'first';
  // Envelope points: per-bucket minimum of y = arrival − device, ring buffer in device-time order.
  private readonly bucketIds = new Float64Array(BUCKET_CAPACITY);
  private readonly pointXMs = new Float64Array(BUCKET_CAPACITY);
  private readonly pointYMs = new Float64Array(BUCKET_CAPACITY);
  private head = 0;
  private count = 0;
  private readonly hull = new Int32Array(BUCKET_CAPACITY);
  private readonly scratch = new Float64Array(Math.max(BUCKET_CAPACITY, INTERVAL_CAPACITY));
  // Envelope line y = interceptMs + slope · deviceMs, and the offset actually applied.
  private interceptMs = 0;
  private slope = 0;
  private appliedOffsetMs = 0;
  // Clockless segment: recent inter-arrival intervals.
  private readonly intervalsMs = new Float64Array(INTERVAL_CAPACITY);
  private intervalCount = 0;

  /**
   * One notification: a device time in it (raw uint32 µs, or null for a sensor without a clock)
   * and its arrival in ms since session start (transport stamp − session start stamp). Returns
   * the session time, ms, of that device time; other samples of the block follow at the period.
   *
   * Pass the device time of the block's LAST sample (first + (n − 1) × period when the device
   * stamps the first): the notification cannot leave before its last sample exists, so the frame's
   * own buffering stays out of the latency floor. Passing first-sample times would place each
   * sensor late by its frame duration, misaligning two sensors with different frame lengths.
   */
  observe(deviceTimeUs: number | null, arrivalMs: number): number {
    if (deviceTimeUs === null) return this.observeClockless(arrivalMs);
    if (this.mode !== 'clocked') return this.startClockedSegment(deviceTimeUs, arrivalMs);

    const wrappedDeltaUs = (((deviceTimeUs - this.lastRawUs) % DEVICE_TIME_MODULO_US) + DEVICE_TIME_MODULO_US) % DEVICE_TIME_MODULO_US;
    const signedDeltaUs = wrappedDeltaUs > DEVICE_TIME_MODULO_US / 2 ? wrappedDeltaUs - DEVICE_TIME_MODULO_US : wrappedDeltaUs;
    // A silence longer than half a wrap (35.8 min) hides whole wraps: take the count that best
    // matches the elapsed arrival time (never negative, since arrival time only moves forward).
    const arrivalDeltaUs = (arrivalMs - this.lastArrivalMs) * 1000;
    const wraps = Math.max(0, Math.round((arrivalDeltaUs - signedDeltaUs) / DEVICE_TIME_MODULO_US));
    const deltaMs = (signedDeltaUs + wraps * DEVICE_TIME_MODULO_US) / 1000;
    const deviceMs = this.lastDeviceMs + deltaMs;

    const predictedOffsetMs = this.envelopeAt(deviceMs);
    const residualMs = arrivalMs - (deviceMs + predictedOffsetMs);
    const skewMarginMs = 2 * MAX_SKEW * Math.abs(deltaMs);
    if (deltaMs < 0 || residualMs < -(EARLY_TOLERANCE_MS + skewMarginMs) || residualMs > LATE_TOLERANCE_MS + skewMarginMs) {
      return this.startClockedSegment(deviceTimeUs, arrivalMs);
    }

    // Most notifications are not a new lowest point of their bucket: the line stands, no refit.
    if (this.addPoint(deviceMs, arrivalMs - deviceMs)) this.fitEnvelope();
    // The prediction from the points before this one still holds unless this notification came
    // in under it. That matters after a long silence: one fresh point would otherwise bend the
    // fitted line through itself and hide its own latency as skew.
    const targetMs = Math.min(predictedOffsetMs, this.envelopeAt(deviceMs));
    this.appliedOffsetMs = targetMs >= this.appliedOffsetMs ? targetMs : Math.max(targetMs, this.appliedOffsetMs - SLEW_RATE * deltaMs);
    this.lastRawUs = deviceTimeUs;
    this.lastDeviceMs = deviceMs;
    this.lastArrivalMs = arrivalMs;
    return this.place(deviceMs + this.appliedOffsetMs, 'device-time');
  }

  /** Offset applied to the latest observation: session ms − device ms since the segment began. */
  get offsetMs(): number {
    return this.appliedOffsetMs;
  }

  /** How fast the device clock runs against arrival time, ppm (positive: device clock fast). */
  get skewPpm(): number {
    return (-this.slope / (1 + this.slope)) * 1e6;
  }

  /** Clock segments so far: 1 + the number of device-clock resets (or clock/no-clock switches). */
  get segmentCount(): number {
    return this.segments;
  }

  /** Session-time step from the previous observation to the latest, ms; NaN after the first. */
  get lastStepMs(): number {
    return this.step;
  }

  /** What `lastStepMs` was measured with: a gap's length comes from device time where it can. */
  get lastStepSource(): AlignmentStep {
    return this.stepKind;
  }

  /**
   * Estimated error of the latest placement, ms, or null until MIN_POINTS_FOR_ERROR points exist.
   *
   * Clocked: the upper quartile of the distances of the window's per-bucket minima above the
   * envelope line, plus any offset still being slewed in. The envelope sits on the lowest points
   * seen; how far typical bucket minima sit above it measures how sharply the latency floor is
   * defined (a floor reached by few notifications, or a clock the line does not fit, both raise
   * it), and bounds the envelope's own excess over the true floor, which is the least of all
   * bucket minima. Tests check it against synthetic truth (clock-alignment.test.ts).
   *
   * Clockless: samples sit at their arrival, so the error is the arrival jitter, estimated as the
   * spread (90th − 10th percentile) of recent inter-arrival intervals.
   */
  get alignmentErrorMs(): number | null {
    if (this.mode === 'clockless') {
      const n = Math.min(this.intervalCount, INTERVAL_CAPACITY);
      if (n < MIN_POINTS_FOR_ERROR) return null;
      const sorted = this.scratch.subarray(0, n);
      sorted.set(this.intervalsMs.subarray(0, n));
      sorted.sort();
      return percentile(sorted, 0.9) - percentile(sorted, 0.1);
    }
    if (this.mode !== 'clocked' || this.count < MIN_POINTS_FOR_ERROR) return null;
    const residuals = this.scratch.subarray(0, this.count);
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % BUCKET_CAPACITY;
      residuals[k] = this.pointYMs[i]! - this.envelopeAt(this.pointXMs[i]!);
    }
    residuals.sort();
    const slewingMs = this.appliedOffsetMs - this.envelopeAt(this.lastDeviceMs);
    return percentile(residuals, ERROR_PERCENTILE) + Math.abs(slewingMs);
  }

  private startClockedSegment(deviceTimeUs: number, arrivalMs: number): number {
    const firstEver = this.mode === 'none';
    this.mode = 'clocked';
    this.segments += 1;
    this.head = 0;
    this.count = 0;
    this.lastRawUs = deviceTimeUs;
    this.lastDeviceMs = 0;
    this.lastArrivalMs = arrivalMs;
    this.addPoint(0, arrivalMs);
    this.fitEnvelope();
    this.appliedOffsetMs = arrivalMs;
    return this.place(arrivalMs, firstEver ? 'first' : 'arrival-time');
  }

  private observeClockless(arrivalMs: number): number {
    if (this.mode !== 'clockless') {
      const firstEver = this.mode === 'none';
      this.mode = 'clockless';
      this.segments += 1;
      this.intervalCount = 0;
      this.lastArrivalMs = arrivalMs;
      return this.place(arrivalMs, firstEver ? 'first' : 'arrival-time');
    }
    this.intervalsMs[this.intervalCount % INTERVAL_CAPACITY] = arrivalMs - this.lastArrivalMs;
    this.intervalCount += 1;
    this.lastArrivalMs = arrivalMs;
    return this.place(arrivalMs, 'arrival-time');
  }

  private place(sessionMs: number, kind: AlignmentStep): number {
    this.step = kind === 'first' ? Number.NaN : sessionMs - this.lastSession;
    this.stepKind = kind;
    this.lastSession = sessionMs;
    return sessionMs;
  }

  private envelopeAt(deviceMs: number): number {
    return this.interceptMs + this.slope * deviceMs;
  }

  /** Keeps the minimum y per bucket and drops points older than the window. */
  /** Adds an observation; returns whether the point set changed (else the fitted line stands). */
  private addPoint(deviceMs: number, yMs: number): boolean {
    const bucket = Math.floor(deviceMs / BUCKET_MS);
    const last = (this.head + this.count - 1) % BUCKET_CAPACITY;
    if (this.count > 0 && this.bucketIds[last] === bucket) {
      if (!(yMs < this.pointYMs[last]!)) return false;
      this.pointXMs[last] = deviceMs;
      this.pointYMs[last] = yMs;
    } else {
      if (this.count === BUCKET_CAPACITY) this.dropOldest();
      const slot = (this.head + this.count) % BUCKET_CAPACITY;
      this.bucketIds[slot] = bucket;
      this.pointXMs[slot] = deviceMs;
      this.pointYMs[slot] = yMs;
      this.count += 1;
    }
    // Points older than the window go, but never below the minimum for an estimate: across a
    // long silence the points before it still pin the clock and carry the skew over the gap.
    while (this.count > MIN_POINTS_FOR_ERROR && this.pointXMs[this.head]! < deviceMs - WINDOW_MS) this.dropOldest();
    return true;
  }

  private dropOldest(): void {
    this.head = (this.head + 1) % BUCKET_CAPACITY;
    this.count -= 1;
  }

  /**
   * The Moon–Skelly–Towsley line: lower convex hull of the points (monotone chain; they arrive
   * sorted by device time), slope of the hull edge spanning the mean device time, clamped to
   * ±MAX_SKEW, then the highest intercept that keeps the line under every point.
   */
  private fitEnvelope(): void {
    const xs = this.pointXMs;
    const ys = this.pointYMs;
    let hullSize = 0;
    let sumXMs = 0;
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % BUCKET_CAPACITY;
      sumXMs += xs[i]!;
      while (hullSize >= 2) {
        const a = this.hull[hullSize - 2]!;
        const b = this.hull[hullSize - 1]!;
        // Drop b unless a → b → i turns counter-clockwise (b strictly below the chord a–i).
        const cross = (xs[b]! - xs[a]!) * (ys[i]! - ys[a]!) - (ys[b]! - ys[a]!) * (xs[i]! - xs[a]!);
        if (cross > 0) break;
        hullSize -= 1;
      }
      this.hull[hullSize++] = i;
    }
    const meanXMs = sumXMs / this.count;
    const spanMs = xs[(this.head + this.count - 1) % BUCKET_CAPACITY]! - xs[this.head]!;
    let slope = 0;
    for (let h = 0; spanMs >= SKEW_MIN_SPAN_MS && h + 1 < hullSize; h++) {
      const a = this.hull[h]!;
      const b = this.hull[h + 1]!;
      if (xs[b]! >= meanXMs) {
        slope = (ys[b]! - ys[a]!) / (xs[b]! - xs[a]!);
        break;
      }
    }
    this.slope = Math.min(MAX_SKEW, Math.max(-MAX_SKEW, slope));
    let interceptMs = Number.POSITIVE_INFINITY;
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % BUCKET_CAPACITY;
      interceptMs = Math.min(interceptMs, ys[i]! - this.slope * xs[i]!);
    }
    this.interceptMs = interceptMs;
  }
}

/**
 * The error of placing several sensors on one timeline: the sum of their errors (the worst case
 * of any two disagreeing in opposite directions). Null while any is still unknown.
 */
export function combinedAlignmentErrorMs(errorsMs: readonly (number | null)[]): number | null {
  let sumMs = 0;
  for (const e of errorsMs) {
    if (e === null) return null;
    sumMs += e;
  }
  return sumMs;
}

/** Linear-interpolated percentile of an ascending array (q in 0..1). */
function percentile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
