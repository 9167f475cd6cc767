// A test-only page (never part of the app's build): the app's real pipeline worker, bridge and
// transport feed, driven with frames from the reference peripheral, so a browser test can check
// that samples flow from the transport into the ring buffers with correct gap accounting.
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID, decodeDataFrame } from '../../../firmware-protocol/src/index';
import { ReferencePeripheral } from '../../../firmware-protocol/sim/index';
import { createPipelineFeed } from '../../../src/devices/pipeline-feed';
import { quadcueProfile } from '../../../src/profiles/quadcue';
import { SampleRing } from '../../../src/signal/sample-ring';
import { pipelineBridge } from '../../../src/worker/bridge';
import type { FromWorker, SensorSnapshot } from '../../../src/worker/messages';

export interface ProbeResult {
  crossOriginIsolated: boolean;
  sharedRings: boolean;
  framesSent: number;
  stats: SensorSnapshot['stats'];
  ringWritten: number;
  expectedSets: number;
  mismatches: number;
  nanSets: number;
  expectedNanSets: number;
  envelopeFinite: boolean;
}

async function run(withheld: number[], seconds: number): Promise<ProbeResult> {
  const bridge = pipelineBridge();
  const sim = new ReferencePeripheral({ seed: 5, scenario: 'quadSets', loop: true });
  const description = sim.readDescription();
  const info = { reads: new Map([[DESCRIPTION_CHAR_UUID, description]]) };
  const messages: FromWorker[] = [];
  bridge.listen((m) => messages.push(m));
  const next = <T extends FromWorker['type']>(type: T) =>
    new Promise<Extract<FromWorker, { type: T }>>((resolve) => {
      const stop = bridge.listen((m) => {
        if (m.type === type) {
          stop();
          resolve(m as Extract<FromWorker, { type: T }>);
        }
      });
    });

  const attached = next('attached');
  bridge.post({ type: 'attach', sensorId: 'probe', profileId: 'quadcue', connectReads: [[DESCRIPTION_CHAR_UUID, description.slice().buffer]], mainsHz: 50 });
  const { rings, channels, ringCapacity } = await attached;
  const raw = rings ? new SampleRing(rings.raw) : SampleRing.create(channels.length, ringCapacity, false);
  const level = rings ? new SampleRing(rings.level) : SampleRing.create(channels.length, ringCapacity, false);

  const feed = createPipelineFeed(bridge, 'probe');
  feed.push(CONTROL_CHAR_UUID, sim.write(quadcueProfile.commands.start!(info)), 0);
  const frames = sim.advance(seconds * 1e6).flatMap((e) => (e.kind === 'notify' ? [e] : []));
  const expected: number[] = []; // channel 0, NaN where withheld
  const skip = new Set(withheld);
  frames.forEach((event, index) => {
    const frame = decodeDataFrame(event.bytes);
    if (!frame.ok) throw new Error(frame.error.message);
    const { samples, samplesPerChannel } = frame.value;
    for (let s = 0; s < samplesPerChannel; s++) expected.push(skip.has(index) ? NaN : samples[s * channels.length]! * 0.25);
    if (!skip.has(index)) feed.push(DATA_CHAR_UUID, event.bytes.slice(), event.atUs / 1000);
  });

  // Ask for snapshots until the worker has taken every frame (as fast as it drains them).
  let snapshot: SensorSnapshot | undefined;
  for (let tries = 0; tries < 500; tries++) {
    const reply = next('snapshot');
    bridge.post({ type: 'snapshot-request', nowMs: seconds * 1000 });
    snapshot = (await reply).sensors.find((s) => s.sensorId === 'probe');
    if (snapshot?.chunks) {
      raw.write(snapshot.chunks.raw, snapshot.chunks.sets);
      level.write(snapshot.chunks.level, snapshot.chunks.sets);
    }
    if (snapshot && snapshot.stats.framesReceived === frames.length - skip.size) break;
  }
  // Leading withheld frames cannot be seen as a gap; the test withholds only inner ones.
  const sets = Math.min(expected.length, raw.capacity);
  const column = new Float32Array(sets);
  const got = raw.readLatest(0, sets, column);
  let mismatches = 0;
  let nanSets = 0;
  for (let i = 0; i < got; i++) {
    const want = expected[expected.length - got + i]!;
    const have = column[i]!;
    if (Number.isNaN(have)) nanSets++;
    if (Number.isNaN(want) ? !Number.isNaN(have) : Math.fround(want) !== have) mismatches++;
  }
  const levels = new Float32Array(1000);
  const levelCount = level.readLatest(0, 1000, levels);
  return {
    crossOriginIsolated: self.crossOriginIsolated,
    sharedRings: rings !== null,
    framesSent: frames.length,
    stats: snapshot!.stats,
    ringWritten: raw.written,
    expectedSets: expected.length,
    mismatches,
    nanSets,
    expectedNanSets: expected.slice(expected.length - got).filter(Number.isNaN).length,
    envelopeFinite: levelCount === 1000 && levels.every(Number.isFinite),
  };
}

(window as unknown as { runProbe: typeof run }).runProbe = run;
document.getElementById('state')!.textContent = 'ready';
