import { describe, expect, it } from 'vitest';
import { Prng } from '../../firmware-protocol/sim/prng';
import { ClockAligner, combinedAlignmentErrorMs } from './clock-alignment';

/** The project's seeded mulberry32 (no Math.random in tests). */
function prng(seed: number): () => number {
  const random = new Prng(seed);
  return () => random.nextFloat();
}

const WRAP_US = 2 ** 32;

/** A synthetic sensor: device clock with offset and drift, BLE-like arrival latency. */
interface SimSensor {
  /** Device clock reading at true session time 0, µs (may be past a wrap). */
  readonly deviceAtZeroUs: number;
  readonly driftPpm: number;
  /** One notification per period of true time. */
  readonly periodMs: number;
  /** Latency: wait for a connection event (uniform over one interval), plus retransmissions. */
  readonly connectionIntervalMs: number;
  readonly retransmitProbability: number;
}

interface Note {
  readonly trueMs: number;
  readonly deviceTimeUs: number;
  readonly arrivalMs: number;
}

function deviceTimeAt(sensor: SimSensor, trueMs: number): number {
  const us = Math.round(sensor.deviceAtZeroUs + trueMs * 1000 * (1 + sensor.driftPpm * 1e-6));
  return ((us % WRAP_US) + WRAP_US) % WRAP_US;
}

/** Notifications for true times [fromMs, toMs); arrivals stay in order, as BLE delivers them. */
function simulate(sensor: SimSensor, fromMs: number, toMs: number, random: () => number): Note[] {
  const notes: Note[] = [];
  let previousArrivalMs = Number.NEGATIVE_INFINITY;
  for (let trueMs = fromMs; trueMs < toMs; trueMs += sensor.periodMs) {
    let latencyMs = random() * sensor.connectionIntervalMs;
    while (random() < sensor.retransmitProbability) latencyMs += sensor.connectionIntervalMs;
    latencyMs += -Math.log(1 - random()) * 0.3; // main-thread delivery, mean 0.3 ms
    const arrivalMs = Math.max(trueMs + latencyMs, previousArrivalMs);
    previousArrivalMs = arrivalMs;
    notes.push({ trueMs, deviceTimeUs: deviceTimeAt(sensor, trueMs), arrivalMs });
  }
  return notes;
}

/** Feeds notes, checking every placement against truth once the error estimate exists. */
function feed(aligner: ClockAligner, notes: readonly Note[]) {
  let worstMs = 0;
  let worstExcessMs = Number.NEGATIVE_INFINITY; // |placement error| − stated error; ≤ 0 is good
  let worstArrivalMs = 0;
  let maxStatedMs = 0;
  let backwards = 0;
  let previousMs = Number.NEGATIVE_INFINITY;
  for (const n of notes) {
    const sessionMs = aligner.observe(n.deviceTimeUs, n.arrivalMs);
    if (sessionMs < previousMs) backwards++;
    previousMs = sessionMs;
    const statedMs = aligner.alignmentErrorMs;
    if (statedMs === null) continue;
    const errorMs = Math.abs(sessionMs - n.trueMs);
    worstMs = Math.max(worstMs, errorMs);
    worstExcessMs = Math.max(worstExcessMs, errorMs - statedMs);
    worstArrivalMs = Math.max(worstArrivalMs, n.arrivalMs - n.trueMs);
    maxStatedMs = Math.max(maxStatedMs, statedMs);
  }
  return { worstMs, worstExcessMs, worstArrivalMs, maxStatedMs, backwards };
}

describe('ClockAligner, one sensor', () => {
  it.each([
    // connection interval, retransmissions, drift
    { connectionIntervalMs: 7.5, retransmitProbability: 0, driftPpm: 0 },
    { connectionIntervalMs: 15, retransmitProbability: 0.01, driftPpm: 40 },
    { connectionIntervalMs: 30, retransmitProbability: 0.05, driftPpm: -60 },
  ])('places every notification within the stated error ($connectionIntervalMs ms, $driftPpm ppm)', (link) => {
    const sensor: SimSensor = { deviceAtZeroUs: 1e9, periodMs: 12.5, ...link };
    const aligner = new ClockAligner();
    const r = feed(aligner, simulate(sensor, 0, 180_000, prng(7)));
    expect(r.worstExcessMs).toBeLessThanOrEqual(0);
    // Useful, not merely safe: under half a connection interval, ≥ 5× better than arrival time.
    expect(r.maxStatedMs).toBeLessThan(link.connectionIntervalMs / 2);
    expect(r.worstArrivalMs).toBeGreaterThan(5 * r.maxStatedMs);
    expect(r.backwards).toBe(0);
    expect(aligner.segmentCount).toBe(1);
    expect(aligner.skewPpm).toBeCloseTo(link.driftPpm, -1); // within ±5 ppm
  });

  it('unwraps device time across 2^32 µs without a new segment', () => {
    const sensor: SimSensor = {
      deviceAtZeroUs: WRAP_US - 20_000_000, // wraps 20 s in
      driftPpm: 25,
      periodMs: 10,
      connectionIntervalMs: 15,
      retransmitProbability: 0.01,
    };
    const aligner = new ClockAligner();
    const r = feed(aligner, simulate(sensor, 0, 60_000, prng(3)));
    expect(aligner.segmentCount).toBe(1);
    expect(aligner.lastStepSource).toBe('device-time');
    expect(aligner.lastStepMs).toBeCloseTo(10, 1);
    expect(r.worstExcessMs).toBeLessThanOrEqual(0);
  });

  it('bridges a silence longer than one wrap (80 min) from device time', () => {
    const sensor: SimSensor = {
      deviceAtZeroUs: 5e8,
      driftPpm: 0,
      periodMs: 10,
      connectionIntervalMs: 15,
      retransmitProbability: 0,
    };
    const aligner = new ClockAligner();
    const random = prng(11);
    feed(aligner, simulate(sensor, 0, 30_000, random));
    const afterMs = 30_000 + 80 * 60_000;
    const [resumed] = simulate(sensor, afterMs, afterMs + 10, random);
    const sessionMs = aligner.observe(resumed!.deviceTimeUs, resumed!.arrivalMs);
    expect(aligner.segmentCount).toBe(1);
    expect(aligner.lastStepSource).toBe('device-time');
    // Placed by device time: off only by the skew error carried across the silence (1 ppm over
    // 80 min is 4.8 ms), not by the resumed notification's own latency.
    expect(Math.abs(sessionMs - resumed!.trueMs)).toBeLessThan(5);
    expect(Math.abs(aligner.lastStepMs - 80 * 60_000)).toBeLessThan(5 + sensor.periodMs);
  });

  it('starts a new segment when the device clock restarts after a reconnect, sizing the gap by arrival', () => {
    const before: SimSensor = { deviceAtZeroUs: 4e8, driftPpm: 30, periodMs: 12.5, connectionIntervalMs: 15, retransmitProbability: 0.01 };
    const random = prng(5);
    const aligner = new ClockAligner();
    feed(aligner, simulate(before, 0, 60_000, random));
    // Power-cycled: 10 s later it streams again with 1.5 s of uptime on its clock.
    const after: SimSensor = { ...before, deviceAtZeroUs: 1.5e6 - 70_000 * 1000 };
    const notes = simulate(after, 70_000, 130_000, random);
    const first = notes[0]!;
    aligner.observe(first.deviceTimeUs, first.arrivalMs);
    expect(aligner.segmentCount).toBe(2);
    expect(aligner.lastStepSource).toBe('arrival-time');
    expect(Math.abs(aligner.lastStepMs - 10_000)).toBeLessThan(2 * before.connectionIntervalMs);
    const r = feed(aligner, notes.slice(1));
    expect(r.worstExcessMs).toBeLessThanOrEqual(0);
    expect(aligner.segmentCount).toBe(2);
  });

  it('detects a restart even when the new clock reads ahead of the old one', () => {
    // The first session lasted 3 s from boot; after a 10 s gap the rebooted sensor reads 5 s.
    const before: SimSensor = { deviceAtZeroUs: 0, driftPpm: 0, periodMs: 10, connectionIntervalMs: 15, retransmitProbability: 0 };
    const random = prng(9);
    const aligner = new ClockAligner();
    feed(aligner, simulate(before, 0, 3_000, random));
    const after: SimSensor = { ...before, deviceAtZeroUs: 5e6 - 13_000 * 1000 };
    const [first] = simulate(after, 13_000, 13_010, random);
    const sessionMs = aligner.observe(first!.deviceTimeUs, first!.arrivalMs);
    expect(aligner.segmentCount).toBe(2);
    expect(sessionMs).toBe(first!.arrivalMs);
  });

  it('a 1.5 s main-thread stall is absorbed: held notifications keep their device-time places', () => {
    const sensor: SimSensor = { deviceAtZeroUs: 7e8, driftPpm: 10, periodMs: 12.5, connectionIntervalMs: 15, retransmitProbability: 0 };
    const notes = simulate(sensor, 0, 60_000, prng(13)).map((n) =>
      // Everything that would arrive between 40 and 41.5 s is delivered in a burst at 41.5 s.
      n.arrivalMs >= 40_000 && n.arrivalMs < 41_500 ? { ...n, arrivalMs: 41_500 } : n,
    );
    const aligner = new ClockAligner();
    const r = feed(aligner, notes);
    expect(aligner.segmentCount).toBe(1);
    expect(r.worstExcessMs).toBeLessThanOrEqual(0);
    expect(r.worstArrivalMs).toBeGreaterThan(1400);
  });
});

describe('two sensors on one session timeline', () => {
  it('an EMG sensor and a dynamometer agree within the combined stated error', () => {
    // Different clocks (one wraps mid-session), drifts, rates and links.
    const emg: SimSensor = { deviceAtZeroUs: 4.25e9, driftPpm: 35, periodMs: 20, connectionIntervalMs: 15, retransmitProbability: 0.02 };
    const dyno: SimSensor = { deviceAtZeroUs: 1.23e8, driftPpm: -50, periodMs: 12.5, connectionIntervalMs: 30, retransmitProbability: 0.02 };
    const random = prng(2024);
    const tagged = [
      ...simulate(emg, 0, 180_000, random).map((n) => ({ ...n, sensor: 0 as const })),
      ...simulate(dyno, 0, 180_000, random).map((n) => ({ ...n, sensor: 1 as const })),
    ].sort((a, b) => a.arrivalMs - b.arrivalMs);
    const aligners = [new ClockAligner(), new ClockAligner()] as const;
    const latestErrorMs: [number, number] = [Number.NaN, Number.NaN];
    let worstExcessMs = Number.NEGATIVE_INFINITY;
    let worstMisalignmentMs = 0;
    let maxCombinedMs = 0;
    for (const n of tagged) {
      const aligner = aligners[n.sensor];
      latestErrorMs[n.sensor] = aligner.observe(n.deviceTimeUs, n.arrivalMs) - n.trueMs;
      const combinedMs = combinedAlignmentErrorMs([aligners[0].alignmentErrorMs, aligners[1].alignmentErrorMs]);
      if (combinedMs === null || Number.isNaN(latestErrorMs[0] + latestErrorMs[1])) continue;
      // Placement error of one sensor relative to the other at this moment.
      const misalignmentMs = Math.abs(latestErrorMs[0] - latestErrorMs[1]);
      worstMisalignmentMs = Math.max(worstMisalignmentMs, misalignmentMs);
      worstExcessMs = Math.max(worstExcessMs, misalignmentMs - combinedMs);
      maxCombinedMs = Math.max(maxCombinedMs, combinedMs);
    }
    expect(worstExcessMs).toBeLessThanOrEqual(0);
    expect(maxCombinedMs).toBeLessThan((emg.connectionIntervalMs + dyno.connectionIntervalMs) / 4);
    expect(aligners[0].segmentCount + aligners[1].segmentCount).toBe(2);
    // A 60 s window with 15–30 ms latency spread pins skew to about ±10 ppm.
    expect(Math.abs(aligners[0].skewPpm - 35)).toBeLessThan(15);
    expect(Math.abs(aligners[1].skewPpm + 50)).toBeLessThan(15);
    expect(worstMisalignmentMs).toBeGreaterThan(0);
  });

  it('combinedAlignmentErrorMs sums, and is unknown while any sensor is', () => {
    expect(combinedAlignmentErrorMs([1.5, 2])).toBe(3.5);
    expect(combinedAlignmentErrorMs([1.5, null])).toBeNull();
    expect(combinedAlignmentErrorMs([])).toBe(0);
  });
});

describe('sensors without a device clock', () => {
  it('places samples at arrival; error is the spread of inter-arrival intervals', () => {
    const random = prng(17);
    const aligner = new ClockAligner();
    const placed: number[] = [];
    for (let i = 0; i < 200; i++) {
      const arrivalMs = i * 10 + random() * 2; // 10 ms frames, 0–2 ms jitter
      placed.push(aligner.observe(null, arrivalMs) - arrivalMs);
      if (i === 19) expect(aligner.alignmentErrorMs).toBeNull(); // 19 intervals: too few
    }
    expect(placed.every((d) => d === 0)).toBe(true);
    // Intervals are 10 ms ± a triangular 2 ms: P90 − P10 = 2 × (2 − 2√0.2) ≈ 2.2 ms.
    expect(aligner.alignmentErrorMs).toBeGreaterThan(1.8);
    expect(aligner.alignmentErrorMs).toBeLessThan(2.6);
    expect(aligner.lastStepSource).toBe('arrival-time');
  });

  it('switching between clocked and clockless data starts a new segment', () => {
    const aligner = new ClockAligner();
    aligner.observe(1000, 5);
    expect(aligner.lastStepSource).toBe('first');
    aligner.observe(11_000, 15.2);
    expect(aligner.lastStepSource).toBe('device-time');
    aligner.observe(null, 25.1);
    expect([aligner.segmentCount, aligner.lastStepSource]).toEqual([2, 'arrival-time']);
    expect(aligner.lastStepMs).toBeCloseTo(25.1 - 15, 6);
  });
});
