// A benchmark-only page (never part of the app's build) for tests/bench/recording-bench.ts: the
// app's worker and recorder writing ~1 s chunks, against the peer design — the main thread writing
// one IndexedDB transaction per notification. Frames are made before timing starts.
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID, decodeDataFrame } from '../../../firmware-protocol/src/index';
import { EMG_SCALE_UV, ReferencePeripheral, vlChannel, vmoChannel, type DeviceSpec } from '../../../firmware-protocol/sim/index';
import { createPipelineFeed } from '../../../src/devices/pipeline-feed';
import { quadcueProfile } from '../../../src/profiles/quadcue';
import { openQuadcueDb } from '../../../src/store/db/open-db';
import { pipelineBridge } from '../../../src/worker/bridge';
import type { FromWorker } from '../../../src/worker/messages';

const SEED = 20261127;
const RATE_HZ = 2000;
/** The issue's load: 4 channels × 2 kHz (two legs' VMO and VL, as tests/bench/run.ts). */
const device: DeviceSpec = {
  channels: [vmoChannel(), vlChannel(), { ...vmoChannel(), label: 'VMO-R' }, { ...vlChannel(), label: 'VL-R' }],
  supportedRatesHz: [RATE_HZ],
};
const CHANNELS = device.channels.length;

interface Stream {
  sim: ReferencePeripheral;
  description: Uint8Array;
  startReply: Uint8Array;
}

function newStream(): Stream {
  const sim = new ReferencePeripheral({ seed: SEED, device, rateHz: RATE_HZ, scenario: 'quadSets', loop: true });
  const description = sim.readDescription();
  const startReply = sim.write(quadcueProfile.commands.start!({ reads: new Map([[DESCRIPTION_CHAR_UUID, description]]) }));
  return { sim, description, startReply };
}

function framesOf(stream: Stream, seconds: number): Uint8Array[] {
  return stream.sim.advance(seconds * 1e6).flatMap((e) => (e.kind === 'notify' ? [e.bytes.slice()] : []));
}

const bridge = pipelineBridge();
let sensorCount = 0;
let prepared: { stream: Stream; frames: Uint8Array[]; sets: number } | null = null;

function next(match: (m: FromWorker) => boolean): Promise<FromWorker> {
  return new Promise((resolve) => {
    const stop = bridge.listen((m) => {
      if (match(m)) {
        stop();
        resolve(m);
      }
    });
  });
}
const yieldTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function attach(stream: Stream): Promise<{ sensorId: string; feed: ReturnType<typeof createPipelineFeed> }> {
  const sensorId = `bench-${sensorCount++}`;
  const attached = next((m) => m.type === 'attached' && m.sensorId === sensorId);
  bridge.post({ type: 'attach', sensorId, profileId: 'quadcue', connectReads: [[DESCRIPTION_CHAR_UUID, stream.description.slice().buffer]], mainsHz: 50 });
  await attached;
  const feed = createPipelineFeed(bridge, sensorId);
  feed.push(CONTROL_CHAR_UUID, stream.startReply.slice(), 0);
  return { sensorId, feed };
}

/** Makes `seconds` of frames now, so generating them is not timed. */
function prepare(seconds: number): number {
  const stream = newStream();
  const frames = framesOf(stream, seconds);
  prepared = { stream, frames, sets: setsOf(frames) };
  return frames.length;
}

function session(id: string) {
  return { id, patientId: null, side: null, simulated: true, exerciseId: null, startedAt: new Date().toISOString() };
}

/** The app: frames to the worker, which records them; done when the worker says the session is stopped. */
async function runRecorder(): Promise<{ wallMs: number; sets: number; chunks: number }> {
  const { stream, frames, sets } = prepared!;
  const { sensorId, feed } = await attach(stream);
  let chunks = 0;
  const stopListening = bridge.listen((m) => {
    if (m.type === 'recording-saved' && m.sensorId === sensorId) chunks = m.chunks;
  });
  const t0 = performance.now();
  bridge.post({ type: 'start-recording', sensorId, session: session(`rec-${sensorId}`) });
  for (let i = 0; i < frames.length; i++) {
    feed.push(DATA_CHAR_UUID, frames[i]!.slice(), 0);
    if (i % 70 === 69) await yieldTask(); // ~1 s of frames per task
  }
  await yieldTask();
  const stopped = next((m) => m.type === 'recording-stopped' && m.sensorId === sensorId);
  bridge.post({ type: 'stop-recording', sensorId });
  await stopped;
  const wallMs = performance.now() - t0;
  stopListening();
  bridge.post({ type: 'detach', sensorId });
  return { wallMs, sets, chunks };
}

function setsOf(frames: Uint8Array[]): number {
  let sets = 0;
  for (const bytes of frames) {
    const frame = decodeDataFrame(bytes);
    if (frame.ok) sets += frame.value.samplesPerChannel;
  }
  return sets;
}

/** The peer: frames to the worker for DSP, and the main thread writes each notification in its own transaction. */
async function runPeer(): Promise<{ wallMs: number; sets: number; transactions: number }> {
  const { stream, frames } = prepared!;
  const { sensorId, feed } = await attach(stream);
  const db = await openQuadcueDb();
  const t0 = performance.now();
  const writes: Promise<void>[] = [];
  let startIndex = 0;
  for (let i = 0; i < frames.length; i++) {
    const bytes = frames[i]!;
    const frame = decodeDataFrame(bytes);
    feed.push(DATA_CHAR_UUID, bytes.slice(), 0);
    if (!frame.ok) continue;
    const { samples, samplesPerChannel } = frame.value;
    const raw = new Float32Array(samples.length);
    for (let k = 0; k < samples.length; k++) raw[k] = samples[k]! * EMG_SCALE_UV;
    const tx = db.transaction('chunks', 'readwrite');
    void tx.store.put({ sessionId: `peer-${sensorId}`, sensorId, seq: i, startIndex, sampleCount: samplesPerChannel, gapBefore: 0, channels: CHANNELS, raw, level: new Float32Array(0) });
    writes.push(tx.done);
    startIndex += samplesPerChannel;
    if (i % 70 === 69) await yieldTask();
  }
  await Promise.all(writes);
  const wallMs = performance.now() - t0;
  db.close();
  bridge.post({ type: 'detach', sensorId });
  return { wallMs, sets: startIndex, transactions: writes.length };
}

/** An hour (or `seconds`) recorded through the worker, generated slice by slice with backpressure. */
async function runLong(seconds: number): Promise<{ wallMs: number; chunks: number; usageBytes: number | null }> {
  const stream = newStream();
  const { sensorId, feed } = await attach(stream);
  let chunks = 0;
  const stopListening = bridge.listen((m) => {
    if (m.type === 'recording-saved' && m.sensorId === sensorId) chunks = m.chunks;
  });
  const t0 = performance.now();
  bridge.post({ type: 'start-recording', sensorId, session: session('hour') });
  const SLICE_S = 10;
  for (let done = 0; done < seconds; done += SLICE_S) {
    for (const bytes of framesOf(stream, SLICE_S)) feed.push(DATA_CHAR_UUID, bytes, 0);
    // Keep at most ~30 s of chunks waiting in the worker.
    while (chunks < done - 30) await new Promise((resolve) => setTimeout(resolve, 20));
    await yieldTask();
  }
  const stopped = next((m) => m.type === 'recording-stopped' && m.sensorId === sensorId);
  bridge.post({ type: 'stop-recording', sensorId });
  await stopped;
  const wallMs = performance.now() - t0;
  stopListening();
  const estimate = await navigator.storage.estimate();
  return { wallMs, chunks, usageBytes: estimate.usage ?? null };
}

Object.assign(window, { prepare, runRecorder, runPeer, runLong });
document.getElementById('state')!.textContent = 'ready';
