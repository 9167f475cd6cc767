// The soak's sensor: the reference peripheral behind the faulty link (link-faults.ts), fed into
// the page through the emulated Bluetooth peripheral, with the ground truth kept per page life
// (soak-ledger.ts).
//
// Time: frames are pushed as fast as the app takes them (accelerated sample time), but outages
// happen in real time, because the app's reconnect schedule and its outage sizing use the system
// clock. To keep both views of an outage consistent, the peripheral's clock is moved on by the
// real time that passed from the last frame the page accepted to the moment the app sends
// `start` again, and the first frame of the new stream is handed over no earlier than it would
// have left a real sensor (when its last sample set was taken).
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, decodeDeviceDescription, type DeviceDescription } from '../../../firmware-protocol/src/index';
import type { ReferencePeripheral } from '../../../firmware-protocol/sim/index';
import type { EmulatedPeripheral } from '../harness/bluetooth-emulation';
import type { Delivery, LinkFaults } from './link-faults';
import { EpochLedger } from './soak-ledger';

/** Control op `start` (PROTOCOL.md §6). */
const OP_START = 0x01;
/** Sample time pushed per DevTools round trip batch step. */
const STEP_US = 1_000_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class SoakSensor {
  readonly description: DeviceDescription;
  readonly samplePeriodUs: number;
  ledger: EpochLedger;
  /** The real-time anchor of an outage: last accepted frame's end in sample time ↔ when it was handed over. */
  private anchor: { wallMs: number; simUs: number } | null = null;
  /** Whether the page that saw the outage begin is still there to size it. */
  private pageSurvives = false;
  /** The first frame after a reconnect, handed over when a real sensor would send it. */
  private firstFrame: Promise<void> | null = null;
  private peripheral: EmulatedPeripheral | null = null;
  /** Date.now() when the page last took a batch of notifications (their arrival, near enough). */
  private lastHandoverMs = 0;
  /**
   * Notifications the app took but shows on no counter (dropped as late) in this page's life:
   * drains wait for the rest, so one such frame does not make every later drain wait to settle.
   */
  unaccounted = 0;

  get emulated(): EmulatedPeripheral {
    if (!this.peripheral) throw new Error('attach() the emulated peripheral first');
    return this.peripheral;
  }

  constructor(
    readonly sim: ReferencePeripheral,
    readonly faults: LinkFaults,
  ) {
    const decoded = decodeDeviceDescription(sim.readDescription());
    if (!decoded.ok) throw new Error(decoded.error.message);
    this.description = decoded.value;
    this.samplePeriodUs = 1e6 / sim.rateHz;
    this.ledger = new EpochLedger(this.description);
    // Frame boundaries below assume full frames; a frame also leaves once its first set is 40 ms
    // old (PROTOCOL.md §5.4), which at low rates comes first.
    if (this.frameUs() >= 40_000) throw new RangeError(`at ${sim.rateHz} Hz frames leave by age, not full: the soak expects 2 kHz`);
  }

  /** Answers the app's control writes like the firmware; a `start` after an outage first moves the clock on. */
  attach(peripheral: EmulatedPeripheral): void {
    this.peripheral = peripheral;
    peripheral.onWrite(CONTROL_CHAR_UUID, (bytes) => {
      if (this.anchor) {
        const targetUs = this.anchor.simUs + (Date.now() - this.anchor.wallMs) * 1000;
        this.sim.advanceTo(Math.max(this.sim.nowUs, Math.round(targetUs)));
        if (!this.sim.connect()) throw new Error('the reference peripheral refused to reconnect');
      }
      const reply = this.sim.write(bytes);
      if (bytes[0] === OP_START) {
        const sized = this.anchor !== null && this.pageSurvives;
        this.anchor = null;
        // The app sizes the outage from arrival times: the first frame must arrive when it would
        // from a real sensor — once its last sample set was taken — whatever the test is doing.
        if (sized) {
          const frameEndUs = this.frameBoundaryAtOrAfter(this.sim.streamStartUs);
          this.firstFrame = sleep((frameEndUs - this.sim.streamStartUs) / 1000).then(() => this.push(this.sim.advanceTo(frameEndUs)));
        }
      }
      return [reply];
    });
  }

  /** Streams until the end of the first frame that reaches `untilUs`, then on until no frame is held back. */
  async streamUntil(untilUs: number): Promise<void> {
    if (!this.sim.isStreaming) throw new Error(`the sensor is not streaming at ${this.sim.nowUs} µs (no start since the last drop)`);
    const endUs = this.frameBoundaryAtOrAfter(untilUs);
    const first = this.firstFrame;
    this.firstFrame = null;
    await first;
    while (this.sim.nowUs < endUs) await this.push(this.sim.advanceTo(Math.min(endUs, this.sim.nowUs + STEP_US)));
  }

  /**
   * The sensor's side of a link loss (the page's side follows: a simulated disconnection, or a
   * reload). `pageSurvives`: the same page will size the outage, so timing matters.
   */
  beginOutage(pageSurvives: boolean): void {
    this.pageSurvives = pageSurvives;
    const last = this.ledger.lastFrame();
    this.anchor = {
      // When the last frame was handed over, not now: the drain that follows may take a while.
      wallMs: this.lastHandoverMs,
      simUs: last ? last.deviceTimeUs + last.samplesPerChannel * this.samplePeriodUs : this.sim.nowUs,
    };
    this.sim.disconnect();
    this.faults.linkLost();
    this.ledger.nextSegment();
  }

  /** A new page: a new ledger (counters start again), the same sensor and link. */
  newEpoch(): EpochLedger {
    const previous = this.ledger;
    this.ledger = new EpochLedger(this.description);
    this.unaccounted = 0;
    return previous;
  }

  /**
   * Hands `events`' frames over, through the faulty link, in one go — and goes on streaming frame by
   * frame until the link holds no frame back: the wall-clock pause before the next hand-over (the
   * harness computing it on a loaded machine) may outlast the app's reorder hold and turn an
   * overtaken frame into a late one, which a real-time link would not.
   */
  private async push(events: ReturnType<ReferencePeripheral['advance']>): Promise<void> {
    const out: Delivery[] = [];
    for (const event of events) if (event.kind === 'notify') this.faults.push(event.bytes, out);
    while (!this.faults.idle && this.sim.isStreaming) {
      for (const event of this.sim.advanceTo(this.sim.nowUs + this.frameUs())) if (event.kind === 'notify') this.faults.push(event.bytes, out);
    }
    if (out.length === 0) return;
    for (const delivery of out) this.ledger.record(delivery);
    await this.emulated.notify(DATA_CHAR_UUID, out.map((d) => d.bytes), { framesPerCall: 500 });
    this.lastHandoverMs = Date.now();
  }

  /** Sets per frame: the reference peripheral fills each frame (244-byte payload, PROTOCOL.md §5.4). */
  private setsPerFrame(): number {
    const channels = this.description.channels.length;
    return Math.floor((244 - 11) / (2 * channels));
  }

  private frameUs(): number {
    return this.setsPerFrame() * this.samplePeriodUs;
  }

  /** Peripheral time just after the last sample set of the frame holding the first set taken at or after `atUs`. */
  private frameBoundaryAtOrAfter(atUs: number): number {
    const start = this.sim.streamStartUs;
    const perFrame = this.setsPerFrame();
    const sets = Math.max(0, Math.ceil((atUs - start) / this.samplePeriodUs)) + 1;
    const frames = Math.ceil(sets / perFrame);
    return start + (frames * perFrame - 1) * this.samplePeriodUs + 1;
  }
}
