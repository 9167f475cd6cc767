// A benchmark-only page (never part of the app's build): the app's pipeline worker, transport
// feed, live chart, frame loop and cue player, fed by the reference peripheral in real time, so
// tests/bench/live-browser.ts can time the live feedback path in a real browser.
import { h, render } from 'preact';
import { signal } from '@preact/signals';
import { buildScenario, DEFAULT_EMG_PARAMS } from '../../../firmware-protocol/sim/index';
import { DESCRIPTION_CHAR_UUID } from '../../../firmware-protocol/src/index';
import type { RecordingTransport } from '../../../src/devices/capture-recorder';
import { createPipelineFeed } from '../../../src/devices/pipeline-feed';
import type { SensorLink } from '../../../src/devices/sensor-link';
import { exerciseFromLibrary } from '../../../src/exercise/library';
import { DEFAULT_RMS_WINDOW_MS } from '../../../src/signal/emg-chain';
import { SampleRing } from '../../../src/signal/sample-ring';
import type { SensorEntry } from '../../../src/state/sensor-entry';
import { CUE_AUDIO_START_MARK, cuePlayer } from '../../../src/ui/cues/app-cue-player';
import { cueFromEngineEvent } from '../../../src/ui/cues/engine-cues';
import { LiveChart } from '../../../src/ui/live/LiveChart';
import { onFrame, startFrameLoop } from '../../../src/ui/shell/frame-loop';
import { pipelineBridge } from '../../../src/worker/bridge';
import type { FromWorker } from '../../../src/worker/messages';
import { createFrameProbe, type FrameSink } from './frame-probe';
import { observeLongEntries, type LongEntry } from './long-entries';
import type { CueTiming, LiveBenchResult } from './result';
import { BENCH_RATE_HZ, frameOfSample, makeSimStream, pushBurst, pushStartReply, startPump } from './sim-stream';

const SEED = 20261127;
const SENSOR_ID = 'bench';
/** The chart window. */
const WINDOW_S = 10;
/** The ring already holds a full window when timing starts, as after 10 s of streaming. */
const PREFILL_S = WINDOW_S;
/** As the app's sensors model asks the worker for snapshots (src/state/sensors-model.ts). */
const SNAPSHOT_INTERVAL_MS = 33;
/** Frames still being drawn when the pump stops get this long to finish (long-task entries too). */
const SETTLE_MS = 300;
/** Frames let pass after a chart mounts before timing resumes (uPlot's first layout). */
const MOUNT_FRAMES = 3;
/**
 * Quad sets shortened to 2 s holds and 2 s rests (ramps 1 s each), so 60 s hold about ten
 * contractions into the band; 60 % activation as the scenario's default (clinical.md bands).
 */
const scenario = buildScenario('quadSets', { reps: 50, holdS: 2, restS: 2 });
/** VMO's maximal RMS in the simulator (max effort × VMO:VL ratio): 60 % activation reads as ~60 %MVC. */
const MVC_UV = DEFAULT_EMG_PARAMS.maxEffortUv * scenario.vmoToVlRatio;
/** VMO is the device's first channel (firmware-protocol/sim/device.ts preset 'emg'). */
const VMO_CHANNEL = 0;

/** The members of a SensorEntry that LiveChart reads — all the chart needs from a sensor. */
type ChartEntry = Pick<SensorEntry, 'rings' | 'channels'> & { link: Pick<SensorLink, 'info'>; transport: Pick<RecordingTransport, 'name'> };

function next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve) => {
    const stop = pipelineBridge().listen((m) => {
      if (m.type === type) {
        stop();
        resolve(m as Extract<FromWorker, { type: T }>);
      }
    });
  });
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One chart mode's timings, gathered over its stretches of the run. */
interface ModeRun {
  decimate: boolean;
  sink: FrameSink;
  drawLatencyMs: number[];
  cues: CueTiming[];
  toneMarks: number;
  /** The stretches of real time this mode was timed, [start, end) ms. */
  spans: [number, number][];
  mainThread: { cpuS: number; busyS: number } | null;
}

/** Main-thread counters from the runner (DevTools Performance.getMetrics), when it provides them. */
type MetricsBinding = () => Promise<{ ThreadTime?: number; TaskDuration?: number }>;
const metricsBinding = (window as unknown as { __benchMetrics?: MetricsBinding }).__benchMetrics;
async function mainThreadCounters(): Promise<{ cpuS: number; busyS: number } | null> {
  const metrics = await metricsBinding?.();
  return metrics?.ThreadTime !== undefined && metrics.TaskDuration !== undefined ? { cpuS: metrics.ThreadTime, busyS: metrics.TaskDuration } : null;
}

const within = (run: ModeRun, entries: LongEntry[] | null) =>
  entries?.filter((e) => run.spans.some(([start, end]) => e.startMs >= start && e.startMs < end)) ?? null;

/**
 * Streams for 2 × `seconds` of real time, switching the chart between the app's decimated mode
 * and the undecimated peer every `segmentS`: both modes share whatever else the machine is doing.
 */
async function run(options: { seconds: number; segmentS: number }): Promise<LiveBenchResult[]> {
  const bridge = pipelineBridge();
  const feed = createPipelineFeed(bridge, SENSOR_ID);
  const stream = makeSimStream(SEED, scenario, PREFILL_S + 2 * options.seconds + 5);
  const prefillFrames = frameOfSample(stream, PREFILL_S * BENCH_RATE_HZ);
  const pushedAtMs = new Float64Array(stream.frames.length).fill(NaN);

  const attached = next('attached');
  bridge.post({ type: 'attach', sensorId: SENSOR_ID, profileId: 'quadcue', connectReads: [[DESCRIPTION_CHAR_UUID, stream.description.slice().buffer]], mainsHz: 50 });
  const { rings, channels } = await attached;
  if (!rings) throw new Error('the bench needs cross-origin isolation: the worker did not share its rings');
  const entry: ChartEntry = {
    rings: { raw: new SampleRing(rings.raw), filtered: new SampleRing(rings.filtered), level: new SampleRing(rings.level) },
    channels: signal(channels),
    link: { info: signal(null) },
    transport: { name: 'Reference peripheral' },
  };
  const level = entry.rings!.level;
  bridge.post({ type: 'command-sent', sensorId: SENSOR_ID, command: 'start' });
  pushStartReply(stream, feed);

  const modes: ModeRun[] = [true, false].map((decimate) => ({
    decimate,
    sink: { scriptMs: [], totalMs: [], intervalMs: [] },
    drawLatencyMs: [],
    cues: [],
    toneMarks: 0,
    spans: [],
    mainThread: null,
  }));
  /** The mode being timed now and since when; null while the chart is switching. */
  let current: { mode: ModeRun; sinceMs: number } | null = null;

  // Drawn latency: frames in push order, each credited to the first frame whose ring read covers it.
  let nextUndrawn = 0;
  const probe = createFrameProbe(
    () => level.written,
    (writtenAtOpen, doneMs) => {
      while (nextUndrawn < stream.frames.length && stream.endIndex[nextUndrawn]! <= writtenAtOpen) {
        const pushedMs = pushedAtMs[nextUndrawn]!;
        if (current && pushedMs >= current.sinceMs) current.mode.drawLatencyMs.push(doneMs - pushedMs);
        nextUndrawn++;
      }
    },
  );
  // The app's loop asks for snapshots from inside the frame (sensorsModel.tick); so does the bench.
  let lastSnapshotMs = -Infinity;
  onFrame((nowMs) => {
    if (nowMs - lastSnapshotMs < SNAPSHOT_INTERVAL_MS) return;
    lastSnapshotMs = nowMs;
    bridge.post({ type: 'snapshot-request', nowMs });
  });

  const host = document.getElementById('chart')!;
  let removeCloser = () => {};
  const mount = async (decimate: boolean) => {
    removeCloser();
    render(null, host);
    render(
      h(LiveChart, {
        // ChartEntry is every member LiveChart touches (rings, channels, link.info, transport.name).
        entry: entry as unknown as SensorEntry,
        windowS: WINDOW_S,
        paused: false,
        bandRaw: [0.4 * MVC_UV, MVC_UV],
        decimate,
      }),
      host,
    );
    while (!host.querySelector('canvas')) await frame(); // Preact runs the chart's effect after paint
    removeCloser = probe.closeAfterChart();
    for (let i = 0; i < MOUNT_FRAMES; i++) await frame();
  };
  await mount(true);
  startFrameLoop();

  // The window fills at once, as if the sensor had streamed for 10 s; timing starts after that.
  pushBurst(stream, prefillFrames, feed, pushedAtMs);
  while (level.written < stream.endIndex[prefillFrames - 1]!) await frame();
  const exercise = exerciseFromLibrary('quad-set', { target: { unit: '%MVC', low: 40, high: 100 }, holdS: 1.5, relaxS: 1, reps: 100, sets: 1 });
  if (!exercise.ok) throw new Error(exercise.errors.map((e) => e.message).join('; '));
  bridge.post({ type: 'start-activity', sensorId: SENSOR_ID, request: { kind: 'exercise', channel: VMO_CHANNEL, exercise: exercise.value, mvc: MVC_UV } });

  // Like the app, every engine event with a cue is played the moment it arrives.
  bridge.listen((m) => {
    if (m.type !== 'exercise-event') return;
    const cue = cueFromEngineEvent(m.event, exercise.value.reps, exercise.value.sets);
    if (!cue) return;
    const arrivedMs = performance.now();
    cuePlayer.play(cue);
    const mark = performance.getEntriesByName(CUE_AUDIO_START_MARK, 'mark')[0];
    performance.clearMarks(CUE_AUDIO_START_MARK);
    if (!current) return;
    if (mark) current.mode.toneMarks++;
    if (m.event.type !== 'enter-band') return;
    const sampleArrivalMs = pushedAtMs[frameOfSample(stream, m.event.index)]!;
    if (sampleArrivalMs < current.sinceMs) return;
    current.mode.cues.push({ sampleIndex: m.event.index, toAudioStartMs: mark ? mark.startTime - sampleArrivalMs : null, toMainThreadMs: arrivedMs - sampleArrivalMs });
  });

  const longEntries = observeLongEntries();
  const pump = startPump(stream, prefillFrames, feed, pushedAtMs);
  const segments = Math.max(1, Math.round(options.seconds / options.segmentS));
  let plotWidthPx = 0;
  for (let s = 0; s < 2 * segments; s++) {
    const mode = modes[s % 2]!;
    if (s > 0) await mount(mode.decimate);
    plotWidthPx = host.querySelector<HTMLElement>('.u-over')?.clientWidth ?? 0;
    const countersBefore = await mainThreadCounters();
    const sinceMs = performance.now();
    current = { mode, sinceMs };
    probe.measureInto(mode.sink);
    await sleep((options.seconds / segments) * 1000);
    probe.measureInto(null);
    current = null;
    mode.spans.push([sinceMs, performance.now()]);
    const countersAfter = await mainThreadCounters();
    if (countersBefore && countersAfter) {
      const sum = mode.mainThread ?? { cpuS: 0, busyS: 0 };
      mode.mainThread = { cpuS: sum.cpuS + countersAfter.cpuS - countersBefore.cpuS, busyS: sum.busyS + countersAfter.busyS - countersBefore.busyS };
    }
  }
  pump.stop();
  await sleep(SETTLE_MS);
  const long = longEntries.take();
  const finalSnapshot = next('snapshot');
  bridge.post({ type: 'snapshot-request', nowMs: performance.now() });
  const stats = (await finalSnapshot).sensors.find((s) => s.sensorId === SENSOR_ID)?.stats;
  render(null, host);

  return modes.map((mode) => ({
    decimate: mode.decimate,
    crossOriginIsolated: self.crossOriginIsolated,
    sharedRings: true,
    seconds: mode.spans.reduce((sum, [start, end]) => sum + (end - start), 0) / 1000,
    segments,
    plotWidthPx,
    pointsPerSeries: mode.decimate ? Math.min(2 * Math.max(50, plotWidthPx), WINDOW_S * BENCH_RATE_HZ) : WINDOW_S * BENCH_RATE_HZ,
    frameScriptMs: mode.sink.scriptMs,
    frameTotalMs: mode.sink.totalMs,
    rafIntervalMs: mode.sink.intervalMs,
    longTasks: within(mode, long.longTasks),
    longAnimationFrames: within(mode, long.longAnimationFrames),
    drawLatencyMs: mode.drawLatencyMs,
    cues: mode.cues,
    toneMarks: mode.toneMarks,
    mainThread: mode.mainThread,
    envelopeWindowMs: DEFAULT_RMS_WINDOW_MS,
    worker: { framesReceived: stats?.framesReceived ?? 0, framesLost: stats?.framesLost ?? 0, lateDropped: stats?.lateDropped ?? 0 },
  }));
}

document.getElementById('unlock')!.addEventListener('click', () => cuePlayer.unlock());
(window as unknown as { runLiveBench: typeof run }).runLiveBench = run;
document.getElementById('state')!.textContent = 'ready';
