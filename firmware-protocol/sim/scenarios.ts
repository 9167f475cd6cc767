// The scripted scenarios (what the simulated person does) as data, and their ground truth in
// sample time and in seconds. A scenario is a list of efforts; each compiles to an EMG profile per
// channel (smooth ramps, VMO shifted by the VL-before-VMO delay) and a force profile (linear rise
// at the configured RFD).

import type { ProfileSegment } from './activation';

export type ScenarioName = 'mvc' | 'quadSets' | 'straightLegRaise' | 'stepDown' | 'isometricKneeExtension';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['mvc', 'quadSets', 'straightLegRaise', 'stepDown', 'isometricKneeExtension'];

/** One effort: the EMG rises over rampS from onsetS, holds for holdS and falls over releaseS. */
export interface Effort {
  onsetS: number;
  rampS: number;
  holdS: number;
  releaseS: number;
  /** Activation during the hold, fraction of maximal effort (0…1]. */
  level: number;
}

export interface Scenario {
  name: ScenarioName;
  description: string;
  durationS: number;
  efforts: Effort[];
  /** VMO onset lags VL onset by this much (ms); 0 = together. */
  vlBeforeVmoMs: number;
  /** VMO amplitude relative to VL at the same activation (scales the VMO maximal-effort RMS). */
  vmoToVlRatio: number;
}

/** Per-scenario overrides; anything omitted takes the scenario's default. */
export interface ScenarioOptions {
  reps?: number;
  holdS?: number;
  restS?: number;
  level?: number;
  vlBeforeVmoMs?: number;
  vmoToVlRatio?: number;
}

interface Template {
  description: string;
  leadInS: number;
  reps: number;
  rampS: number;
  holdS: number;
  releaseS: number;
  restS: number;
  level: number;
  vlBeforeVmoMs: number;
}

/**
 * Scenario defaults and where they come from (shared/reference/clinical.md):
 * - mvc: "3 × 5 s maximal efforts with rest between" ("Normalisation and targets"); 10 s rest
 *   keeps the demo short (clinics rest longer; override restS).
 * - quadSets: "quad set 10 s on / 10 s off" ("Exercise timing"); 60 % sits in the 55–65 % MVC
 *   target band ("Normalisation and targets").
 * - straightLegRaise: "15 reps with 5 s hold and 5 s rest" ("Exercise timing"); 30 % activation is
 *   a modelling assumption for a lift of the straight leg.
 * - stepDown: VL onset before VMO in stair stepping in patellofemoral pain (Cowan et al. 2001,
 *   "VMO:VL and onset timing"); the 20 ms default is illustrative, not a study value.
 * - isometricKneeExtension: maximal "as fast and hard as possible" efforts on a dynamometer, where
 *   force, RFD and time to peak are read ("Force / dynamometry").
 * The other scenarios default to no VL lead: only the step-down shows the timing difference.
 */
const TEMPLATES: Record<ScenarioName, Template> = {
  mvc: { description: 'MVC calibration: 3 × 5 s maximal efforts', leadInS: 3, reps: 3, rampS: 0.5, holdS: 5, releaseS: 0.5, restS: 10, level: 1, vlBeforeVmoMs: 0 },
  quadSets: { description: 'Quad sets: 10 s on (60 % hold) / 10 s off', leadInS: 3, reps: 5, rampS: 1, holdS: 8, releaseS: 1, restS: 10, level: 0.6, vlBeforeVmoMs: 0 },
  straightLegRaise: { description: 'Straight-leg raises: 5 s hold, 5 s rest', leadInS: 3, reps: 15, rampS: 0.5, holdS: 5, releaseS: 0.5, restS: 5, level: 0.3, vlBeforeVmoMs: 0 },
  stepDown: { description: 'Step-down: VL fires before VMO', leadInS: 2, reps: 10, rampS: 0.15, holdS: 1, releaseS: 0.3, restS: 1.5, level: 0.4, vlBeforeVmoMs: 20 },
  isometricKneeExtension: { description: 'Isometric knee extension on a dynamometer: 3 × 3 s maximal', leadInS: 3, reps: 3, rampS: 0.3, holdS: 3, releaseS: 0.5, restS: 10, level: 1, vlBeforeVmoMs: 0 },
};

/** Illustrative default: VMO a little smaller than VL, so the two traces differ visibly. */
const DEFAULT_VMO_TO_VL_RATIO = 0.8;

export function buildScenario(name: ScenarioName, options: ScenarioOptions = {}): Scenario {
  const t = TEMPLATES[name];
  const reps = options.reps ?? t.reps;
  const holdS = options.holdS ?? t.holdS;
  const restS = options.restS ?? t.restS;
  const level = options.level ?? t.level;
  if (!(Number.isInteger(reps) && reps >= 1)) throw new RangeError(`reps must be a whole number ≥ 1, got ${reps}`);
  if (!(level > 0 && level <= 1)) throw new RangeError(`level must be within (0, 1], got ${level}`);
  if (!(holdS >= 0 && restS >= 0)) throw new RangeError('holdS and restS must be ≥ 0 s');
  const efforts: Effort[] = [];
  let tS = t.leadInS;
  for (let i = 0; i < reps; i++) {
    efforts.push({ onsetS: tS, rampS: t.rampS, holdS, releaseS: t.releaseS, level });
    tS += t.rampS + holdS + t.releaseS + restS;
  }
  return {
    name,
    description: t.description,
    durationS: tS,
    efforts,
    vlBeforeVmoMs: options.vlBeforeVmoMs ?? t.vlBeforeVmoMs,
    vmoToVlRatio: options.vmoToVlRatio ?? DEFAULT_VMO_TO_VL_RATIO,
  };
}

/** EMG profile segments (cosine ramps); the caller delays the whole profile for VMO. */
export function emgSegments(s: Scenario): ProfileSegment[] {
  const segs: ProfileSegment[] = [];
  let tS = 0;
  for (const e of s.efforts) {
    segs.push({ kind: 'rest', durationS: e.onsetS - tS, level: 0 });
    segs.push({ kind: 'ramp', durationS: e.rampS, level: e.level });
    segs.push({ kind: 'hold', durationS: e.holdS, level: e.level });
    segs.push({ kind: 'ramp', durationS: e.releaseS, level: 0 });
    tS = e.onsetS + e.rampS + e.holdS + e.releaseS;
  }
  segs.push({ kind: 'rest', durationS: Math.max(0, s.durationS - tS), level: 0 });
  return segs;
}

/** How one effort looks on the force channel: rise at the RFD, plateau until the EMG hold ends. */
export interface ForceEffortShape {
  riseS: number;
  plateauS: number;
  /** Fraction of peakForceN reached (below the effort's level only if the hold is too short to get there). */
  level: number;
}

export function forceEffortShape(e: Effort, peakForceN: number, rfdNPerS: number): ForceEffortShape {
  const availableS = e.rampS + e.holdS;
  const riseS = Math.min((e.level * peakForceN) / rfdNPerS, availableS);
  return { riseS, plateauS: availableS - riseS, level: (riseS * rfdNPerS) / peakForceN };
}

/**
 * Force profile segments (linear ramps). Force starts rising at the EMG onset: the
 * electromechanical delay (tens of ms) is left out so both share one onset in the ground truth.
 */
export function forceSegments(s: Scenario, peakForceN: number, rfdNPerS: number): ProfileSegment[] {
  const segs: ProfileSegment[] = [];
  let tS = 0;
  for (const e of s.efforts) {
    const shape = forceEffortShape(e, peakForceN, rfdNPerS);
    segs.push({ kind: 'rest', durationS: e.onsetS - tS, level: 0 });
    segs.push({ kind: 'ramp', durationS: shape.riseS, level: shape.level });
    segs.push({ kind: 'hold', durationS: shape.plateauS, level: shape.level });
    segs.push({ kind: 'ramp', durationS: e.releaseS, level: 0 });
    tS = e.onsetS + e.rampS + e.holdS + e.releaseS;
  }
  segs.push({ kind: 'rest', durationS: Math.max(0, s.durationS - tS), level: 0 });
  return segs;
}
