// Runs a calibration or an exercise on one channel of one sensor inside the worker, block by
// block as samples arrive, so every cue event leaves the worker within the processing block of
// the sample where it happened. The engines are pure (src/exercise/); this is their shell.
import { createCalibration, type CalibrationOptions } from '../exercise/calibration';
import type { Exercise } from '../exercise/program';
import { createRepEngine } from '../exercise/rep-engine';
import type { RepScore } from '../exercise/scoring';
import { baselineFrom, detectOnsets } from '../signal/onsets';
import { vmoVlRatio } from '../signal/ratios';
import type { FromWorker, SensorId } from './messages';
import type { SensorProcessing } from './sensor-processing';

/** The summary chart's resolution: 10 points a second is smooth at any screen width. */
const TRACE_STEP_S = 0.1;

export type ActivityRequest =
  | { kind: 'calibration'; channel: number; options: Omit<CalibrationOptions, 'sampleRateHz'> }
  /**
   * `mvc`: the channel's calibrated maximum (µV or N) for %MVC targets; null for targets in N.
   * `pair`: when the sensor has both VMO and VL (each calibrated), VMO:VL is measured per rep.
   */
  | { kind: 'exercise'; channel: number; exercise: Exercise; mvc: number | null; pair?: VmoVlPair };

export interface VmoVlPair {
  vmoChannel: number;
  vlChannel: number;
  vmoMvc: number;
  vlMvc: number;
}

/** Rest looked at before a rep's contraction for the onset baseline, and how far past it to look. */
const ONSET_BASELINE_MS = 500;
const ONSET_SEARCH_BEFORE_MS = 1000;

/**
 * VMO − VL onset difference of one rep, ms (positive: VMO later), from the filtered signals
 * around the contraction's start: baseline = the 500 ms of rest before the search window's
 * contraction (Hodges & Bui 1996 style, as src/signal/onsets.ts), first onset per channel.
 */
function repOnsetDifferenceMs(processing: SensorProcessing, pair: VmoVlPair, score: RepScore, endIndex: number, rateHz: number): number | null {
  const from = score.contractionStartIndex - Math.round((ONSET_SEARCH_BEFORE_MS * rateHz) / 1000);
  const back = endIndex - from;
  const baselineSets = Math.round((ONSET_BASELINE_MS * rateHz) / 1000);
  if (from < 0 || back > processing.rings.filtered.capacity) return null;
  const firstOnset = (channel: number): number | null => {
    const filtered = new Float32Array(back);
    processing.rings.filtered.readLatest(channel, back, filtered);
    if (filtered.subarray(0, baselineSets).some(Number.isNaN)) return null;
    const onsets = detectOnsets(filtered, rateHz, baselineFrom(filtered, 0, baselineSets));
    return onsets.find((o) => o.startIndex >= baselineSets)?.startIndex ?? null;
  };
  const vmo = firstOnset(pair.vmoChannel);
  const vl = firstOnset(pair.vlChannel);
  return vmo === null || vl === null ? null : ((vmo - vl) * 1000) / rateHz;
}

/** VMO:VL over a rep's hold window, read back from the level ring (null if it has left the ring). */
function repRatio(processing: SensorProcessing, pair: VmoVlPair, score: RepScore, endIndex: number): number | null {
  const length = score.holdEndIndex - score.holdStartIndex;
  const back = endIndex - score.holdStartIndex;
  if (length <= 0 || back > processing.rings.level.capacity) return null;
  const vmo = new Float32Array(back);
  const vl = new Float32Array(back);
  processing.rings.level.readLatest(pair.vmoChannel, back, vmo);
  processing.rings.level.readLatest(pair.vlChannel, back, vl);
  return vmoVlRatio(vmo, vl, 0, length, pair.vmoMvc, pair.vlMvc);
}

export function startActivity(
  sensorId: SensorId,
  processing: SensorProcessing,
  sampleRateHz: number,
  request: ActivityRequest,
  post: (message: FromWorker) => void,
): void {
  const { channel } = request;
  if (request.kind === 'calibration') {
    const calibration = createCalibration({ ...request.options, sampleRateHz });
    processing.setLevelConsumer(channel, (levels, n, startIndex) => {
      for (const event of calibration.process(levels, n, startIndex)) {
        post({ type: 'calibration-event', sensorId, channel, event });
        if (event.type === 'calibration-complete') processing.setLevelConsumer(channel, null);
      }
    });
    return;
  }
  const engine = createRepEngine(request.exercise, { sampleRateHz });
  // The summary's chart: the target quantity averaged over each TRACE_STEP_S of sample time.
  const traceStep = Math.max(1, Math.round(TRACE_STEP_S * sampleRateHz));
  const trace: number[] = [];
  let traceSum = 0;
  let traceCount = 0;
  let traceSeen = 0;
  const scale = request.exercise.target.unit === '%MVC' && request.mvc ? 100 / request.mvc : 1;
  let scaled = new Float64Array(0);
  processing.setLevelConsumer(channel, (levels, n, startIndex) => {
    if (scaled.length < n) scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const value = levels[i]! * scale;
      scaled[i] = value;
      if (!Number.isNaN(value)) {
        traceSum += value;
        traceCount++;
      }
      if (++traceSeen === traceStep) {
        trace.push(traceCount > 0 ? traceSum / traceCount : Number.NaN);
        traceSum = 0;
        traceCount = 0;
        traceSeen = 0;
      }
    }
    for (const event of engine.process(scaled, n, startIndex)) {
      if (event.type === 'rep-complete' && request.pair) {
        // The ring holds this block already: the hold ended within it.
        const vmoToVl = repRatio(processing, request.pair, event.score, startIndex + n);
        const onsetMs = repOnsetDifferenceMs(processing, request.pair, event.score, startIndex + n, sampleRateHz);
        const measurement = {
          set: event.score.set,
          rep: event.score.rep,
          ...(vmoToVl === null ? {} : { vmoToVl }),
          ...(onsetMs === null ? {} : { vmoMinusVlOnsetMs: onsetMs }),
        };
        post({ type: 'exercise-event', sensorId, channel, event, measurement });
        continue;
      }
      if (event.type === 'session-complete') {
        post({ type: 'exercise-event', sensorId, channel, event, trace: { stepS: traceStep / sampleRateHz, values: trace } });
        processing.setLevelConsumer(channel, null);
        continue;
      }
      post({ type: 'exercise-event', sensorId, channel, event });
    }
  });
}
