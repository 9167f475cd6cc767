// Capture files made from seeded simulations, for the CLI's golden inputs and the benchmark.
// Same seed and options → the same lines. Lines are yielded one at a time so a one-hour capture
// can be written to disk without holding it whole.
import {
  CONTROL_CHAR_UUID,
  DATA_CHAR_UUID,
  DESCRIPTION_CHAR_UUID,
  QUADCUE_SERVICE_UUID,
  encodeControlRequest,
} from '../../firmware-protocol/src/index';
import { Prng, deriveSeed } from '../../firmware-protocol/sim/prng';
import {
  ReferencePeripheral,
  SensorModel,
  buildScenario,
  forceChannel,
  type DeviceSpec,
  type FaultPlan,
  type Scenario,
} from '../../firmware-protocol/sim/index';
import { formatCaptureEvent, formatCaptureHeader } from '../../src/store/capture/capture-format';
import { TINDEQ_CONTROL_UUID, TINDEQ_DATA_UUID, TINDEQ_SERVICE_UUID, newtonsToKg } from '../../src/profiles/tindeq-progressor';

/** A fixed start stamp: captures carry one for people, and generated files must not depend on the clock. */
const STARTED_AT = '2026-01-01T09:00:00.000Z';
/** The simulation is pulled in 1 s steps: enough frames per call, little memory per step. */
const STEP_US = 1_000_000;

export interface QuadcueCaptureOptions {
  seed: number;
  device: DeviceSpec;
  rateHz: number;
  scenario: Scenario;
  durationS: number;
  faults?: FaultPlan;
}

/** A Quadcue reference-peripheral session: connect, read the description, start, stream. */
export function* quadcueCaptureLines(options: QuadcueCaptureOptions): Generator<string> {
  const peripheral = new ReferencePeripheral({
    seed: options.seed,
    device: options.device,
    scenario: options.scenario,
    rateHz: options.rateHz,
    loop: true,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  yield formatCaptureHeader({ device: { name: 'Quadcue sim', services: [QUADCUE_SERVICE_UUID], info: {} }, startedAt: STARTED_AT });
  yield formatCaptureEvent({ tMs: 0, op: 'connect' });
  yield formatCaptureEvent({ tMs: 0, op: 'read', characteristic: DESCRIPTION_CHAR_UUID, bytes: peripheral.readDescription() });
  const start = encodeControlRequest({ op: 'start', requestId: 1, rateHz: options.rateHz });
  yield formatCaptureEvent({ tMs: 0, op: 'write', characteristic: CONTROL_CHAR_UUID, bytes: start });
  yield formatCaptureEvent({ tMs: 0, op: 'notify', characteristic: CONTROL_CHAR_UUID, bytes: peripheral.write(start) });
  const endUs = options.durationS * 1e6;
  while (peripheral.nowUs < endUs) {
    for (const event of peripheral.advance(Math.min(STEP_US, endUs - peripheral.nowUs))) {
      const tMs = event.atUs / 1000;
      yield event.kind === 'notify'
        ? formatCaptureEvent({ tMs, op: 'notify', characteristic: DATA_CHAR_UUID, bytes: event.bytes })
        : formatCaptureEvent({ tMs, op: 'disconnect' });
    }
  }
}

export interface TindeqCaptureOptions {
  seed: number;
  scenario: Scenario;
  durationS: number;
  /** Samples per second; the vendor does not publish it, ~80 Hz is observed (tindeq-progressor.ts). */
  rateHz: number;
  /** Device clock at the first record, µs; near 2^32 it exercises the wrap. */
  firstDeviceTimeUs: number;
  /** Indexes of notifications the radio loses. */
  droppedNotifications?: readonly number[];
}

/** Weight records carried per notification, cycling: the vendor gives no fixed number ([?] in the profile). */
const TINDEQ_RECORDS_CYCLE = [2, 3, 2, 1];
/** Arrival after the last record's device time: one connection interval-ish plus jitter, ms. */
const TINDEQ_LATENCY_MS = 15;

function tindeqWeightNotification(kg: Float64Array, timesUs: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(2 + 8 * timesUs.length);
  const view = new DataView(bytes.buffer);
  bytes[0] = 1; // weight response tag [doc]
  bytes[1] = 8 * timesUs.length;
  timesUs.forEach((timeUs, i) => {
    view.setFloat32(2 + 8 * i, kg[i]!, true);
    view.setUint32(6 + 8 * i, timeUs % 2 ** 32, true);
  });
  return bytes;
}

/** A Tindeq Progressor session whose force comes from the simulator's force model (one int24 channel). */
export function* tindeqCaptureLines(options: TindeqCaptureOptions): Generator<string> {
  const device: DeviceSpec = { channels: [forceChannel('int24')], supportedRatesHz: [options.rateHz] };
  const model = new SensorModel(device, options.scenario, options.rateHz, options.seed);
  const jitter = new Prng(deriveSeed(options.seed, 7));
  const dropped = new Set(options.droppedNotifications ?? []);
  const periodUs = 1e6 / options.rateHz;
  yield formatCaptureHeader({ device: { name: 'Progressor_2B41', services: [TINDEQ_SERVICE_UUID], info: {} }, startedAt: STARTED_AT });
  yield formatCaptureEvent({ tMs: 0, op: 'connect' });
  yield formatCaptureEvent({ tMs: 1, op: 'write', characteristic: TINDEQ_CONTROL_UUID, bytes: Uint8Array.of(0x65) });
  const total = Math.round(options.durationS * options.rateHz);
  const counts = new Int32Array(4);
  const forceN = new Float64Array(4);
  const kg = new Float64Array(4);
  let lastTMs = 1;
  for (let sample = 0, notification = 0; sample < total; notification++) {
    const records = Math.min(TINDEQ_RECORDS_CYCLE[notification % TINDEQ_RECORDS_CYCLE.length]!, total - sample);
    model.generate(records, counts, 0, { physical: [forceN] });
    const timesUs: number[] = [];
    for (let i = 0; i < records; i++) {
      kg[i] = newtonsToKg(forceN[i]!);
      timesUs.push(options.firstDeviceTimeUs + Math.round((sample + i) * periodUs));
    }
    const lastRecordMs = 2 + ((sample + records - 1) * periodUs) / 1000;
    lastTMs = Math.max(lastTMs, lastRecordMs + TINDEQ_LATENCY_MS * (0.5 + jitter.nextFloat()));
    sample += records;
    if (dropped.has(notification)) continue;
    yield formatCaptureEvent({ tMs: lastTMs, op: 'notify', characteristic: TINDEQ_DATA_UUID, bytes: tindeqWeightNotification(kg, timesUs) });
  }
}

/** The scenario of the small golden captures: two short maximal efforts, ~12 s. */
export function shortKneeExtension(): Scenario {
  return buildScenario('isometricKneeExtension', { reps: 2, holdS: 2, restS: 1.5 });
}
