// The reference peripheral: a simulated Quadcue sensor worn by a simulated person. Pull-driven in
// time — advance() returns what the sensor sent in that interval; write() answers a control request
// like the firmware. No timers and no wall clock, so it runs identically in Node, a worker, a page.

import {
  PROTOCOL_MAJOR,
  PROTOCOL_MINOR,
  decodeControlRequest,
  encodeControlResponse,
  encodeDeviceDescription,
  encodeRejectionReply,
  statusForRequestError,
  type ControlRequest,
  type ControlResponse,
  type ControlStatus,
} from '../src/index';
import { deviceKindOf, devicePreset, type DevicePreset, type DeviceSpec } from './device';
import { FaultInjector, type FaultPlan, type FaultRecord, type NotifyEvent, type PeripheralEvent } from './faults';
import { DEFAULT_MAX_FRAME_AGE_US, DEFAULT_PAYLOAD_BYTES, FramePacker, type PackedFrame } from './frame-packer';
import type { GroundTruth } from './ground-truth';
import { DEFAULT_FORCE_PARAMS } from './force-model';
import { deriveSeed } from './prng';
import { buildScenario, type Scenario, type ScenarioName } from './scenarios';
import { SensorModel } from './sensor-model';

export interface PeripheralConfig {
  seed: number;
  /** Default 'emg' (VMO + VL, int16). */
  device?: DeviceSpec | DevicePreset;
  /** Default 'quadSets' with its default options. */
  scenario?: Scenario | ScenarioName;
  /** Repeat the scenario for as long as the stream runs (demo sensor). Default false: rest after it. */
  loop?: boolean;
  /** Largest notification the firmware sends. Default 244 (ATT MTU 247 − 3). */
  payloadBytes?: number;
  /** A frame is sent once its first set is this old, full or not. Default 40 000 µs (PROTOCOL.md §5.4). */
  maxFrameAgeUs?: number;
  /** Reading of the free-running device clock at peripheral time 0 (µs); set near 2³² to test wrap. */
  deviceClockAtPowerOnUs?: number;
  /** Rate the description shows before the first start or setRate. Default 1000 Hz if supported, else the lowest. */
  rateHz?: number;
  faults?: FaultPlan;
  /** Charge at power-on, and hours of streaming a full charge lasts (modelling assumptions). */
  batteryPercent?: number;
  batteryLifeHours?: number;
}

const DEFAULT_BATTERY_LIFE_HOURS = 8;
const US_PER_HOUR = 3.6e9;
const UINT32_RANGE = 0x100000000;
/** Sets generated per model call at most: bounds the scratch buffer whatever the frame size. */
const MAX_CHUNK_SETS = 256;

export class ReferencePeripheral {
  readonly device: DeviceSpec;
  readonly scenario: Scenario;
  private readonly config: PeripheralConfig;
  private readonly injector: FaultInjector;
  private readonly disconnects: { atUs: number; downUs: number }[];
  private readonly counts: Int32Array;
  private readonly packed: PackedFrame[] = [];
  private pending: PeripheralEvent[] = [];
  private now = 0;
  private connected = true;
  private downUntilUs = 0;
  private rate: number;
  private sensor: SensorModel | undefined;
  private lastSensor: SensorModel | undefined;
  private packer: FramePacker | undefined;
  private streamStart = 0;
  private streamedUs = 0;
  /** Tare offsets per channel (N), kept across streams until power-off like a gauge's zero. */
  private readonly tareOffsetN: Float64Array;

  constructor(config: PeripheralConfig) {
    this.config = config;
    this.device = typeof config.device === 'object' ? config.device : devicePreset(config.device ?? 'emg');
    this.scenario = typeof config.scenario === 'object' ? config.scenario : buildScenario(config.scenario ?? 'quadSets');
    const rates = this.device.supportedRatesHz;
    this.rate = config.rateHz ?? (rates.includes(1000) ? 1000 : rates[0]!);
    if (!rates.includes(this.rate)) throw new RangeError(`rate ${this.rate} Hz is not among the supported ${rates.join(', ')} Hz`);
    this.injector = new FaultInjector(config.faults ?? {}, deriveSeed(config.seed, 1));
    this.disconnects = (config.faults?.disconnects ?? []).map((d) => ({ atUs: d.atUs, downUs: d.downUs ?? 0 })).sort((a, b) => a.atUs - b.atUs);
    this.counts = new Int32Array(MAX_CHUNK_SETS * this.device.channels.length);
    this.tareOffsetN = new Float64Array(this.device.channels.length);
    this.readDescription(); // validates the device against the protocol now, not at the first read
  }

  /** Peripheral time: µs since construction (never wraps; device time on the wire does). */
  get nowUs(): number {
    return this.now;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  get isStreaming(): boolean {
    return this.sensor !== undefined;
  }

  get rateHz(): number {
    return this.rate;
  }

  /** Peripheral time of sample 0 of the current (or last) stream. */
  get streamStartUs(): number {
    return this.streamStart;
  }

  /** Ground truth of the current (or last) stream, sample indexes counted from its start. */
  get groundTruth(): GroundTruth | undefined {
    return this.lastSensor?.groundTruth;
  }

  /** Signal models of the current (or last) stream, e.g. for their artefact logs. */
  get sensorModel(): SensorModel | undefined {
    return this.lastSensor;
  }

  /** Every fault the injector applied so far. */
  get faultLog(): readonly FaultRecord[] {
    return this.injector.log;
  }

  /** The description characteristic's value (channel rates show the current rate). */
  readDescription(): Uint8Array {
    return encodeDeviceDescription({
      protocolMajor: PROTOCOL_MAJOR,
      protocolMinor: PROTOCOL_MINOR,
      deviceKind: deviceKindOf(this.device),
      supportedRatesHz: this.device.supportedRatesHz,
      channels: this.device.channels.map((c) => ({
        label: c.label,
        kind: c.kind,
        unit: c.kind === 'emg' ? 'uV' : 'N',
        scale: c.scale,
        sampleRateHz: this.rate,
        format: c.format,
        resolutionBits: c.resolutionBits,
      })),
    });
  }

  /** Reconnects after a link loss; false while the sensor is still out of reach (the plan's downUs). */
  connect(): boolean {
    if (this.now < this.downUntilUs) return false;
    this.connected = true;
    return true;
  }

  /** The central closes the link: the firmware stops streaming, as it does on any link loss. */
  disconnect(): void {
    this.dropLink();
  }

  /**
   * A write to the control characteristic; returns the reply the sensor notifies back on it.
   * Hostile bytes get a rejection reply, never an exception; writing while disconnected throws,
   * as a GATT write on a closed link rejects.
   */
  write(bytes: Uint8Array): Uint8Array {
    if (!this.connected) throw new Error('the sensor is not connected');
    const decoded = decodeControlRequest(bytes);
    if (!decoded.ok) return encodeRejectionReply(bytes, statusForRequestError(decoded.error.code));
    return encodeControlResponse(this.handle(decoded.value));
  }

  /** Runs the sensor for `durationUs` and returns what it sent, in time order. */
  advance(durationUs: number): PeripheralEvent[] {
    return this.advanceTo(this.now + durationUs);
  }

  /** Runs the sensor until peripheral time `endUs`. */
  advanceTo(endUs: number): PeripheralEvent[] {
    const out = this.pending;
    this.pending = [];
    while (this.now < endUs) {
      const next = this.disconnects[0];
      const stopUs = next !== undefined && next.atUs < endUs ? next.atUs : endUs;
      this.stream(stopUs, out);
      this.now = Math.max(this.now, stopUs);
      if (next !== undefined && next.atUs < endUs) {
        this.disconnects.shift();
        if (this.connected) {
          this.dropLink();
          this.injector.disconnect(this.now);
          out.push({ atUs: this.now, kind: 'disconnect' });
        }
        this.downUntilUs = Math.max(this.downUntilUs, next.atUs + next.downUs);
      }
    }
    this.injector.release(this.now, out);
    return out;
  }

  private handle(r: ControlRequest): ControlResponse {
    const reply = (status: ControlStatus): ControlResponse => ({ requestId: r.requestId, op: r.op, status });
    switch (r.op) {
      case 'start':
        if (!this.device.supportedRatesHz.includes(r.rateHz)) return reply('unsupportedRate');
        // Allowed while streaming: the stream restarts (PROTOCOL.md §6.1).
        this.endStream();
        this.startStream(r.rateHz);
        return reply('ok');
      case 'setRate':
        if (!this.device.supportedRatesHz.includes(r.rateHz)) return reply('unsupportedRate');
        // A running stream restarts at the new rate: its first frame carries STREAM_START (§5).
        if (this.sensor) {
          this.endStream();
          this.startStream(r.rateHz);
        } else this.rate = r.rateHz;
        return reply('ok');
      case 'stop':
        if (!this.sensor) return reply('notStreaming');
        this.endStream();
        return reply('ok');
      case 'tare':
        if (!this.device.channels.some((c) => c.kind === 'force')) return reply('notSupported');
        this.tare();
        return reply('ok');
      case 'identify':
        return reply('ok');
      case 'readStatus':
        return {
          ...reply('ok'),
          deviceStatus: { batteryPercent: this.batteryPercent(), droppedSamples: 0, errorCounters: { adcFaults: 0, notifyFailures: 0 } },
        };
    }
  }

  private batteryPercent(): number {
    const lifeUs = (this.config.batteryLifeHours ?? DEFAULT_BATTERY_LIFE_HOURS) * US_PER_HOUR;
    const streamedUs = this.streamedUs + (this.sensor ? this.now - this.streamStart : 0);
    return Math.max(0, Math.min(100, Math.round((this.config.batteryPercent ?? 100) - (100 * streamedUs) / lifeUs)));
  }

  /**
   * Streaming: the gauge averages its latest 100 ms. Stopped: nobody pushes on it, so it reads its
   * preload — the 100 ms average of the noise floor (≈ 0.03 N RMS) is below a count and left out.
   */
  private tare(): void {
    if (this.sensor) {
      this.sensor.tare();
      this.tareOffsetN.set(this.sensor.tareOffsetN);
      return;
    }
    this.device.channels.forEach((c, i) => {
      if (c.kind === 'force') this.tareOffsetN[i] = c.params?.offsetN ?? DEFAULT_FORCE_PARAMS.offsetN;
    });
  }

  private startStream(rateHz: number): void {
    this.rate = rateHz;
    this.sensor = new SensorModel(this.device, this.scenario, rateHz, this.config.seed, this.config.loop ?? false, this.tareOffsetN);
    this.lastSensor = this.sensor;
    const payload = this.config.payloadBytes ?? DEFAULT_PAYLOAD_BYTES;
    const maxAgeUs = this.config.maxFrameAgeUs ?? DEFAULT_MAX_FRAME_AGE_US;
    const clockUs = Math.floor((this.config.deviceClockAtPowerOnUs ?? 0) + this.now) % UINT32_RANGE;
    this.packer = new FramePacker(this.device, rateHz, payload, maxAgeUs, clockUs);
    this.streamStart = this.now;
  }

  /** Stops sampling and sends the partly filled frames at once (they are due at the next advance). */
  private endStream(): void {
    if (!this.sensor || !this.packer) return;
    this.packer.flush(this.packed);
    this.deliverPacked(this.pending, this.now);
    this.injector.endOfStream(this.now, this.pending);
    this.streamedUs += this.now - this.streamStart;
    this.sensor = undefined;
    this.packer = undefined;
  }

  /** Link lost: streaming stops; partial frames and anything not yet delivered go with the link. */
  private dropLink(): void {
    if (this.sensor) this.streamedUs += this.now - this.streamStart;
    this.sensor = undefined;
    this.packer = undefined;
    this.connected = false;
    this.pending = [];
    this.injector.clear();
  }

  /** Sample time of set k in peripheral µs. */
  private sampleUs(k: number): number {
    return this.streamStart + Math.floor((k * 1e6) / this.rate);
  }

  /** Generates every sample set taken before `endUs` and sends the frames completed meanwhile. */
  private stream(endUs: number, out: PeripheralEvent[]): void {
    const sensor = this.sensor;
    const packer = this.packer;
    if (!sensor || !packer) return;
    // Sets taken strictly before endUs: k < (endUs − start)·rate / 1e6.
    const endSet = Math.ceil(((endUs - this.streamStart) * this.rate) / 1e6);
    while (sensor.nextSample < endSet) {
      const first = sensor.nextSample;
      const sets = Math.min(endSet - first, packer.setsUntilNextFrame(), MAX_CHUNK_SETS);
      sensor.generate(sets, this.counts);
      packer.add(this.counts, sets, first, sensor.clippedMask, this.packed);
      this.deliverPacked(out);
    }
  }

  private deliverPacked(out: PeripheralEvent[], atUs?: number): void {
    for (const frame of this.packed) {
      const event: NotifyEvent = { atUs: atUs ?? this.sampleUs(frame.lastSample), kind: 'notify', bytes: frame.bytes };
      this.injector.push(event, out);
    }
    this.packed.length = 0;
  }
}
