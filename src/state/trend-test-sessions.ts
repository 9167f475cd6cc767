// Sessions for the trend tests (imported by tests only, unit and browser): a guided exercise's
// summary from a few reps, and recordings whose signals have known answers.
import type { RepSummary, SessionSummary } from '../exercise/summary';
import type { ChannelLeg, SessionRecord, StreamRecord } from '../store/db/schema';

export function rep(rep: number, peakPct: number, timeInBandPct: number, vmoToVl: number | null): RepSummary {
  return {
    set: 1,
    rep,
    unit: '%MVC',
    holdAchieved: timeInBandPct >= 50,
    heldS: 5,
    timeInBandPct,
    peak: peakPct,
    mean: peakPct * 0.8,
    contractionStartIndex: rep * 10_000,
    holdStartIndex: rep * 10_000 + 1000,
    holdEndIndex: rep * 10_000 + 6000,
    vmoToVl,
    vmoMinusVlOnsetMs: null,
  };
}

/** A quad-set summary of the given reps (one set), with pain and effort ratings. */
export function summaryOf(reps: RepSummary[], pain: number, effort: number): SessionSummary {
  const achieved = reps.filter((r) => r.holdAchieved).length;
  const set = { set: 1, reps, repsAchieved: achieved, timeInBandPct: 0, peak: 0, mean: 0, meanTrendPerRep: null, peakTrendPerRep: null };
  return {
    exercises: [
      {
        libraryId: 'quad-set',
        target: { unit: '%MVC', low: 30, high: 50 },
        sets: [set],
        repsAchieved: achieved,
        repsTotal: reps.length,
        meanTrendPerRep: null,
        peakTrendPerRep: null,
        vmoToVlMean: null,
        vmoMinusVlOnsetMeanMs: null,
      },
    ],
    pain,
    effort,
    wentWell: { id: 'started' },
  };
}

export const forceStream = (sensorId: string, rateHz: number): StreamRecord => ({
  sensorId,
  profileId: 'tindeq-progressor',
  channels: [{ label: 'Force', kind: 'force', unit: 'N', nominalRateHz: rateHz }],
  rateHz,
  firstIndex: 0,
});

export const emgStream = (sensorId: string, labels: readonly string[]): StreamRecord => ({
  sensorId,
  profileId: 'quadcue',
  channels: labels.map((label) => ({ label, kind: 'emg', unit: 'uV', nominalRateHz: 1000 })),
  rateHz: 1000,
  firstIndex: 0,
});

export function trendSession(id: string, startedAt: string, fields: Partial<SessionRecord> & { streams: StreamRecord[] }): SessionRecord {
  return { id, patientId: null, side: null, simulated: false, exerciseId: 'quad-set', startedAt, status: 'complete', stoppedBy: 'user', ...fields };
}

export const leg = (sensorId: string, channel: number, muscle: string, side: 'left' | 'right'): ChannelLeg => ({ sensorId, channel, muscle, side });

/**
 * Force, N, at rateHz: 300 ms at 0 N, a ramp of rampNPerS up to peakN, held 1 s, then back to 0
 * for 300 ms. RFD 0–200 ms is the ramp's slope whenever the ramp lasts longer than 200 ms.
 */
export function forceRamp(rateHz: number, rampNPerS: number, peakN: number): Float32Array {
  const quiet = Math.round(0.3 * rateHz);
  const ramp = Math.round((peakN / rampNPerS) * rateHz);
  const hold = rateHz;
  return Float32Array.from({ length: quiet * 2 + ramp + hold }, (_, i) => {
    if (i < quiet) return 0;
    if (i < quiet + ramp) return ((i - quiet) / rateHz) * rampNPerS;
    return i < quiet + ramp + hold ? peakN : 0;
  });
}

/**
 * Raw EMG at 1 kHz whose median frequency falls at slopeHzPerS during a hold: restS of small
 * fixed-frequency noise, holdS of a tone from startHz falling linearly, restS of noise again; and
 * its envelope (restUv at rest, holdUv in the hold).
 */
export function fadingHold(startHz: number, slopeHzPerS: number, holdS: number, restS: number): { raw: Float32Array; level: Float32Array } {
  const rateHz = 1000;
  const n = (holdS + 2 * restS) * rateHz;
  const raw = new Float32Array(n);
  const level = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const tS = i / rateHz - restS;
    const holding = tS >= 0 && tS < holdS;
    // Phase of a linear chirp: 2π (f0 t + k t² / 2), so the instantaneous frequency is f0 + k t.
    raw[i] = holding ? 100 * Math.sin(2 * Math.PI * (startHz * tS + (slopeHzPerS * tS * tS) / 2)) : 3 * Math.sin(2 * Math.PI * 200 * tS);
    level[i] = holding ? 70 : 3;
  }
  return { raw, level };
}
