// One exercise session: choose an exercise, calibrate MVC (or reuse the last calibration), run
// the rep engine in the worker, rate pain and effort, see the summary. The engines run in the
// worker; this model turns their events into what the screens show.
import { batch, signal } from '@preact/signals';
import type { CalibrationEvent, CalibrationResult, CalibrationPhase } from '../exercise/calibration';
import type { Exercise } from '../exercise/program';
import type { EngineEvent, EnginePhase } from '../exercise/rep-engine';
import type { ExerciseScore, RepScore } from '../exercise/scoring';
import { summariseSession, type RepMeasurement, type SessionSummary } from '../exercise/summary';
import type { VmoVlPair } from '../worker/activity-runner';
import type { ScenarioName } from '../../firmware-protocol/sim/scenarios';
import type { DemoTransport } from '../devices/demo-transport';
import type { FromWorker } from '../worker/messages';
import type { Muscle, Side } from './channel-assignment';
import { loadCalibration, saveCalibration, type StoredCalibration } from './calibration-store';
import type { SensorEntry } from './sensor-entry';
import { sensorsModel, type SensorsModel } from './sensors-model';
import { activeRecording, attachSummary, startRecording, stopRecording } from './recording-model';
import { recordingSide } from './recording-side';

/** The calibration protocol (clinical.md: 3 × 5 s maximal efforts with rest between). */
export const CALIBRATION = { trials: 3, effortS: 5, countdownS: 3, restS: 60 } as const;

/** What the simulated demo person does for each exercise. */
const demoScenarioFor: Record<string, ScenarioName> = {
  'quad-set': 'quadSets',
  'straight-leg-raise': 'straightLegRaise',
  'step-down': 'stepDown',
  'isometric-knee-extension': 'isometricKneeExtension',
};

export interface ActiveChannel {
  sensor: SensorEntry;
  channel: number;
  muscle: Muscle;
  side: Side;
}

export type Stage =
  | { kind: 'choose' }
  | { kind: 'no-sensor'; exercise: Exercise }
  | { kind: 'ready'; exercise: Exercise; target: ActiveChannel; stored: StoredCalibration | null }
  | { kind: 'calibrating'; exercise: Exercise; target: ActiveChannel; phase: CalibrationPhase; trial: number; secondsLeft: number | null; trials: (number | null)[] }
  | { kind: 'calibrated'; exercise: Exercise; target: ActiveChannel; result: CalibrationResult }
  | { kind: 'exercising'; exercise: Exercise; target: ActiveChannel; mvc: number | null; phase: EnginePhase; set: number; rep: number; inBand: boolean; holdSecondsLeft: number | null; reps: RepScore[] }
  | { kind: 'playing'; exercise: Exercise; target: ActiveChannel; mvc: number | null }
  | { kind: 'rating'; exercise: Exercise; score: ExerciseScore }
  | { kind: 'summary'; summary: SessionSummary; trace: SessionTrace };

/** The target quantity over the exercise in sample time (from the worker), for the summary chart. */
export interface SessionTrace {
  timeS: number[];
  level: (number | null)[];
  band: [number, number];
  unit: '%MVC' | 'N';
}

const muscleForSignal = { VMO: 'vmo', VL: 'vl', force: 'other' } as const;

export function createSessionModel(sensors: SensorsModel) {
  const stage = signal<Stage>({ kind: 'choose' });
  /** The latest engine or calibration event, for cues and the live announcer. */
  const lastEvent = signal<EngineEvent | CalibrationEvent | null>(null);
  let stopListening: (() => void) | null = null;
  let measurements: RepMeasurement[] = [];
  /** The recording this exercise started (a recording already running is left to its owner). */
  let recordedSessionId: string | null = null;
  let trace: SessionTrace = { timeS: [], level: [], band: [0, 0], unit: '%MVC' };

  /** VMO:VL per rep needs both muscles on this sensor, each with a calibration. */
  function vmoVlPair(target: ActiveChannel): VmoVlPair | undefined {
    const assignment = target.sensor.assignment.peek();
    const vmoChannel = assignment.findIndex((a) => a.muscle === 'vmo');
    const vlChannel = assignment.findIndex((a) => a.muscle === 'vl');
    if (vmoChannel < 0 || vlChannel < 0) return undefined;
    const vmo = loadCalibration('vmo', assignment[vmoChannel]!.side);
    const vl = loadCalibration('vl', assignment[vlChannel]!.side);
    return vmo && vl ? { vmoChannel, vlChannel, vmoMvc: vmo.mvc, vlMvc: vl.mvc } : undefined;
  }

  function findTarget(exercise: Exercise): ActiveChannel | null {
    const wanted = muscleForSignal[exercise.signal];
    for (const sensor of sensors.sensors.peek()) {
      if (sensor.link.state.peek() !== 'streaming') continue;
      const channels = sensor.channels.peek();
      const index = channels.findIndex((c, i) =>
        exercise.signal === 'force' ? c.kind === 'force' : c.kind === 'emg' && sensor.assignment.peek()[i]?.muscle === wanted,
      );
      if (index >= 0) return { sensor, channel: index, muscle: wanted, side: sensor.assignment.peek()[index]?.side ?? 'right' };
    }
    return null;
  }

  function listen(target: ActiveChannel, onMessage: (message: FromWorker) => void): void {
    stopListening?.();
    stopListening = sensors.bridge().listen((message) => {
      if ('sensorId' in message && message.sensorId === target.sensor.id) onMessage(message);
    });
  }

  /** The demo person does what the app asks; a real person just hears the countdown. */
  async function restartDemo(target: ActiveChannel, scenario: ScenarioName, restS?: number): Promise<void> {
    if (target.sensor.source !== 'demo') return;
    (target.sensor.transport.inner as DemoTransport).perform(scenario, restS === undefined ? undefined : { restS });
    await target.sensor.restartStream();
  }

  function onCalibration(event: CalibrationEvent): void {
    const current = stage.peek();
    if (current.kind !== 'calibrating') return;
    lastEvent.value = event;
    if (event.type === 'phase') stage.value = { ...current, phase: event.to, trial: event.trial, secondsLeft: null };
    else if (event.type === 'countdown') stage.value = { ...current, secondsLeft: event.secondsLeft };
    else if (event.type === 'trial-complete') stage.value = { ...current, trials: [...current.trials, event.result.mvc] };
    else if (event.type === 'calibration-complete') {
      const { result } = event;
      if (result.mvc !== null) {
        saveCalibration(current.target.muscle, current.target.side, {
          mvc: result.mvc,
          unit: result.unit,
          madeAt: new Date().toISOString(),
          trialMvcs: result.trials.map((t) => t.mvc),
        });
      }
      stage.value = { kind: 'calibrated', exercise: current.exercise, target: current.target, result };
    }
  }

  function onExercise(event: EngineEvent): void {
    const current = stage.peek();
    if (current.kind !== 'exercising') return;
    batch(() => {
      lastEvent.value = event;
      switch (event.type) {
        case 'phase':
          stage.value = { ...current, phase: event.to, set: event.set, rep: event.rep, holdSecondsLeft: null };
          return;
        case 'enter-band':
        case 'back-in-band':
          stage.value = { ...current, inBand: true };
          return;
        case 'leave-band':
        case 'over-band':
          stage.value = { ...current, inBand: false };
          return;
        case 'hold-countdown':
          stage.value = { ...current, holdSecondsLeft: event.secondsLeft };
          return;
        case 'rep-complete':
          stage.value = { ...current, reps: [...current.reps, event.score], holdSecondsLeft: null };
          return;
        case 'session-complete':
          stage.value = { kind: 'rating', exercise: current.exercise, score: event.score };
          return;
        default:
          return;
      }
    });
  }

  return {
    stage,
    lastEvent,
    choose(exercise: Exercise) {
      const target = findTarget(exercise);
      stage.value = target
        ? { kind: 'ready', exercise, target, stored: exercise.target.unit === '%MVC' ? loadCalibration(target.muscle, target.side) : null }
        : { kind: 'no-sensor', exercise };
    },
    async calibrate() {
      const current = stage.peek();
      if (current.kind !== 'ready' && current.kind !== 'calibrated') return;
      const { target, exercise } = current;
      listen(target, (m) => m.type === 'calibration-event' && m.channel === target.channel && onCalibration(m.event));
      stage.value = { kind: 'calibrating', exercise, target, phase: 'countdown', trial: 1, secondsLeft: CALIBRATION.countdownS, trials: [] };
      // The demo person's efforts line up with the countdown: ramps and release take 1 s of the rest.
      await restartDemo(target, 'mvc', CALIBRATION.restS + CALIBRATION.countdownS - 1);
      sensors.bridge().post({ type: 'start-activity', sensorId: target.sensor.id, request: { kind: 'calibration', channel: target.channel, options: { ...CALIBRATION } } });
    },
    async startExercise(mvc: number | null) {
      const current = stage.peek();
      if (current.kind !== 'ready' && current.kind !== 'calibrated') return;
      const { target, exercise } = current;
      measurements = [];
      listen(target, (m) => {
        if (m.type !== 'exercise-event' || m.channel !== target.channel) return;
        if (m.measurement) measurements.push(m.measurement);
        if (m.trace) {
          trace = {
            timeS: m.trace.values.map((_, i) => i * m.trace!.stepS),
            level: m.trace.values.map((v) => (Number.isNaN(v) ? null : v)), // null: a gap, drawn as a break
            band: [exercise.target.low, exercise.target.high],
            unit: exercise.target.unit,
          };
        }
        onExercise(m.event);
      });
      stage.value = { kind: 'exercising', exercise, target, mvc, phase: 'idle', set: 1, rep: 1, inBand: false, holdSecondsLeft: null, reps: [] };
      await restartDemo(target, demoScenarioFor[exercise.libraryId] ?? 'quadSets');
      // Every guided exercise is recorded to this device, for History.
      recordedSessionId = activeRecording.peek() ? null : startRecording({ exerciseId: exercise.libraryId, side: recordingSide.peek() });
      const pair = vmoVlPair(target);
      sensors.bridge().post({
        type: 'start-activity',
        sensorId: target.sensor.id,
        request: { kind: 'exercise', channel: target.channel, exercise, mvc, ...(pair ? { pair } : {}) },
      });
    },
    /** The kite game instead of counted reps, on the same band and timing. */
    async playGame(mvc: number | null) {
      const current = stage.peek();
      if (current.kind !== 'ready' && current.kind !== 'calibrated') return;
      stage.value = { kind: 'playing', exercise: current.exercise, target: current.target, mvc };
      await restartDemo(current.target, demoScenarioFor[current.exercise.libraryId] ?? 'quadSets');
    },
    /** Ends early: the engine stops; what was done so far is scored from the reps received. */
    stop() {
      if (recordedSessionId) {
        stopRecording();
        recordedSessionId = null;
      }
      const current = stage.peek();
      if (current.kind === 'calibrating' || current.kind === 'exercising') {
        sensors.bridge().post({ type: 'stop-activity', sensorId: current.target.sensor.id, channel: current.target.channel });
      }
      stopListening?.();
      stage.value = { kind: 'choose' };
    },
    rate(pain: number, effort: number) {
      const current = stage.peek();
      if (current.kind !== 'rating') return false;
      const summary = summariseSession({ exercises: [{ exercise: current.exercise, score: current.score, measurements }], pain, effort });
      if (!summary.ok) return false;
      stopListening?.();
      if (recordedSessionId) {
        stopRecording();
        void attachSummary(recordedSessionId, summary.value);
        recordedSessionId = null;
      }
      stage.value = { kind: 'summary', summary: summary.value, trace };
      return true;
    },
    reset() {
      stopListening?.();
      stage.value = { kind: 'choose' };
    },
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;

/** The app's one session model. */
export const sessionModel: SessionModel = createSessionModel(sensorsModel);
