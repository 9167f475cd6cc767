// Ground truth of one page's life in the soak test: every notification the page was given, and
// the distinct valid frames among them, decoded with the protocol's reference codec (not the
// app's decoder) so the recording is checked against the specification.
import { decodeDataFrame, frameFitsDescription, type DeviceDescription } from '../../../firmware-protocol/src/index';
import type { Delivery } from './link-faults';

export interface TruthFrame {
  /** Device time of the frame's first sample set, µs (the soak's clock starts at 0 and stays far below the 2³² wrap). */
  deviceTimeUs: number;
  samplesPerChannel: number;
  /** Raw counts, interleaved by set. */
  counts: Int32Array;
  /** Stream segment: it changes at every outage (disconnect or reload), where the sensor restarts its stream. */
  segment: number;
}

export class EpochLedger {
  deliveries = 0;
  corruptDeliveries = 0;
  /** Second copies of valid frames: the app must ignore them. */
  duplicateDeliveries = 0;
  segment = 0;
  private readonly frames = new Map<number, TruthFrame>();

  constructor(private readonly description: DeviceDescription) {}

  /** Records one notification handed to the page. Throws if the link layer's labels disagree with the codec. */
  record(delivery: Delivery): void {
    this.deliveries++;
    const decoded = decodeDataFrame(delivery.bytes);
    const valid = decoded.ok && frameFitsDescription(decoded.value, this.description) === null;
    if (delivery.corrupt) {
      if (valid) throw new Error('a damaged frame decodes as valid: the soak would count it wrongly');
      this.corruptDeliveries++;
      return;
    }
    if (!decoded.ok || !valid) throw new Error('an undamaged frame from the reference peripheral does not decode');
    const frame = decoded.value;
    if (this.frames.has(frame.deviceTimeUs)) {
      if (!delivery.duplicate) throw new Error(`frame at ${frame.deviceTimeUs} µs delivered twice but not as a duplicate`);
      this.duplicateDeliveries++;
      return;
    }
    this.frames.set(frame.deviceTimeUs, {
      deviceTimeUs: frame.deviceTimeUs,
      samplesPerChannel: frame.samplesPerChannel,
      counts: frame.samples,
      segment: this.segment,
    });
  }

  /** The sensor's stream restarts (after a disconnect or a reload). */
  nextSegment(): void {
    this.segment++;
  }

  get distinctFrames(): number {
    return this.frames.size;
  }

  /** Distinct valid frames in the order the sensor sampled them. */
  framesInOrder(): TruthFrame[] {
    return [...this.frames.values()].sort((a, b) => a.deviceTimeUs - b.deviceTimeUs);
  }

  /** The last distinct valid frame handed over (largest device time), or undefined. */
  lastFrame(): TruthFrame | undefined {
    let last: TruthFrame | undefined;
    for (const frame of this.frames.values()) if (!last || frame.deviceTimeUs > last.deviceTimeUs) last = frame;
    return last;
  }
}
