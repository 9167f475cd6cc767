// The calibration and the exercise engine run inside the worker's processing on the reference
// peripheral's simulated person: decode → EMG chain → envelope → engine, all in sample time.
import { describe, expect, it } from 'vitest';
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID } from '../../firmware-protocol/src/index';
import { ReferencePeripheral, buildScenario } from '../../firmware-protocol/sim/index';
import { exerciseFromLibrary } from '../exercise/library';
import { quadcueProfile } from '../profiles/quadcue';
import { startActivity, type ActivityRequest } from './activity-runner';
import type { FromWorker } from './messages';
import { createSensorPipeline, type SensorPipeline } from './sensor-pipeline';
import { SensorProcessing } from './sensor-processing';

/** Each posted message with the stream range of the block being processed when it was posted. */
interface Posted {
  message: FromWorker;
  blockStart: number;
  blockEnd: number;
}

function runSimulated(scenario: ReturnType<typeof buildScenario>, request: ActivityRequest, seconds: number) {
  const sim = new ReferencePeripheral({ seed: 12, scenario });
  const info = { reads: new Map([[DESCRIPTION_CHAR_UUID, sim.readDescription()]]) };
  const messages: FromWorker[] = [];
  const posted: Posted[] = [];
  let processing: SensorProcessing | null = null;
  let blockStart = 0;
  let blockEnd = 0;
  const pipeline = createSensorPipeline('s', quadcueProfile, info, (m) => messages.push(m), {
    samples: (block) => {
      blockStart = processing!.nextIndex;
      blockEnd = blockStart + block.samplesPerChannel;
      processing!.samples(block);
    },
    gap: (n) => processing!.gap(n),
  }) as SensorPipeline;
  processing = new SensorProcessing(pipeline.decoder.channels, { mainsHz: 50 }, false);
  startActivity('s', processing, 1000, request, (m) => {
    messages.push(m);
    posted.push({ message: m, blockStart, blockEnd });
  });
  pipeline.ingest(CONTROL_CHAR_UUID, sim.write(quadcueProfile.commands.start!(info)), 0);
  for (const event of sim.advance(seconds * 1e6)) {
    if (event.kind === 'notify') pipeline.ingest(DATA_CHAR_UUID, event.bytes, event.atUs / 1000);
  }
  return { messages, posted, groundTruth: sim.groundTruth! };
}

/** The calibration protocol of the app, which the demo person follows (leadIn = countdown). */
const countdownS = 3;
const effortS = 5;
const restS = 8;

describe('activities in the worker', () => {
  it('calibrates MVC on three simulated maximal efforts', () => {
    const scenario = buildScenario('mvc', { restS: restS + countdownS - 1 }); // hold 5 + ramps 1 → period 16 s
    const { messages } = runSimulated(scenario, { kind: 'calibration', channel: 0, options: { countdownS, effortS, restS } }, 52);
    const done = messages.find((m) => m.type === 'calibration-event' && m.event.type === 'calibration-complete');
    expect(done).toBeDefined();
    if (done?.type !== 'calibration-event' || done.event.type !== 'calibration-complete') return;
    const { result } = done.event;
    expect(result.trials.map((t) => t.mvc !== null)).toEqual([true, true, true]);
    expect(result.suggestRepeat).toBe(false);
    expect(result.mvc).toBeGreaterThan(200); // maximal effort is 200–500 µV in the model
  });

  it('counts three achieved quad-set holds at about 60 %MVC', () => {
    // Calibrate on the same simulated person first.
    const calibration = runSimulated(buildScenario('mvc', { restS: restS + countdownS - 1 }), { kind: 'calibration', channel: 0, options: { countdownS, effortS, restS } }, 52);
    const complete = calibration.messages.find((m) => m.type === 'calibration-event' && m.event.type === 'calibration-complete');
    const mvc = complete?.type === 'calibration-event' && complete.event.type === 'calibration-complete' ? complete.event.result.mvc : null;
    expect(mvc).not.toBeNull();

    const exercise = exerciseFromLibrary('quad-set', { holdS: 5, relaxS: 5, reps: 3, sets: 1 });
    if (!exercise.ok) throw new Error('invalid test exercise');
    const { messages } = runSimulated(buildScenario('quadSets'), { kind: 'exercise', channel: 0, exercise: exercise.value, mvc }, 70);
    const events = messages.flatMap((m) => (m.type === 'exercise-event' ? [m.event] : []));
    const reps = events.flatMap((e) => (e.type === 'rep-complete' ? [e.score] : []));
    expect(reps).toHaveLength(3);
    expect(reps.every((r) => r.holdAchieved)).toBe(true);
    for (const rep of reps) expect(Math.abs(rep.mean - 60)).toBeLessThan(10);
    expect(events.some((e) => e.type === 'session-complete')).toBe(true);
  });

  it('posts every cue event while processing the block that holds its sample', () => {
    const calibration = runSimulated(buildScenario('mvc', { restS: restS + countdownS - 1 }), { kind: 'calibration', channel: 0, options: { countdownS, effortS, restS } }, 52);
    const complete = calibration.messages.find((m) => m.type === 'calibration-event' && m.event.type === 'calibration-complete');
    const mvc = complete?.type === 'calibration-event' && complete.event.type === 'calibration-complete' ? complete.event.result.mvc : null;
    const exercise = exerciseFromLibrary('quad-set', { holdS: 5, relaxS: 5, reps: 3, sets: 1 });
    if (!exercise.ok) throw new Error('invalid test exercise');
    const { posted } = runSimulated(buildScenario('quadSets'), { kind: 'exercise', channel: 0, exercise: exercise.value, mvc }, 70);
    const cues = posted.filter((p) => p.message.type === 'exercise-event');
    expect(cues.length).toBeGreaterThan(10);
    for (const { message, blockStart, blockEnd } of cues) {
      if (message.type !== 'exercise-event') continue;
      expect(message.event.index).toBeGreaterThanOrEqual(blockStart);
      expect(message.event.index).toBeLessThan(blockEnd);
    }
  });

  it('measures VMO:VL and the VMO − VL onset difference per rep when both muscles are present', () => {
    // Step-downs: sharp 150 ms ramps, the simulated VL switching on 20 ms before VMO (scenarios.ts),
    // here at equal amplitude so only the timing differs. Band as a therapist would set it for
    // a 40 % effort.
    const exercise = exerciseFromLibrary('step-down', { holdS: 0.6, relaxS: 1, reps: 3, sets: 1, target: { unit: '%MVC', low: 25, high: 100 } });
    if (!exercise.ok) throw new Error('invalid test exercise');
    const scenario = buildScenario('stepDown', { vmoToVlRatio: 1 });
    const pair = { vmoChannel: 0, vlChannel: 1, vmoMvc: 300, vlMvc: 300 };
    const { messages } = runSimulated(scenario, { kind: 'exercise', channel: 0, exercise: exercise.value, mvc: 300, pair }, 15);
    const measurements = messages.flatMap((m) => (m.type === 'exercise-event' && m.measurement ? [m.measurement] : []));
    expect(measurements).toHaveLength(3);
    for (const m of measurements) {
      expect(m.vmoToVl).toBeDefined();
      expect(m.vmoMinusVlOnsetMs!).toBeGreaterThan(20 - 15);
      expect(m.vmoMinusVlOnsetMs!).toBeLessThan(20 + 15);
    }
  });
});
