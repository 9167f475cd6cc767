// The CLI's sample sink: keeps what the sensor pipeline accepts, per channel, with its holes, and
// measures the sample rate from device time. The worker's sink writes rings; this one grows arrays
// (a file is analysed whole: onset baselines and spectra need all of it).
import type { SampleBlock } from '../profiles/types';
import type { SampleSink } from '../worker/sensor-pipeline';
import type { SeriesGap } from './recording';

/** Smallest first capacity per channel: 64 Ki samples (a minute of a 1 kHz sensor). */
const MIN_CAPACITY = 1 << 16;

export interface CollectedSamples {
  /** Received samples per channel, physical units. */
  readonly values: Float64Array[];
  readonly gaps: SeriesGap[];
  /** Samples per second of device time, or null when the device keeps no time (or too little came). */
  readonly measuredRateHz: number | null;
}

export class SampleCollector implements SampleSink {
  private channelValues: Float64Array[] = [];
  private readonly expectedBlocks: number;
  private readonly gapList: SeriesGap[] = [];
  private received = 0;
  private lost = 0;
  // Rate from device time: sums over consecutive blocks that no outage separates, so a clock
  // that restarted across a disconnect never enters the figure.
  private previous: { deviceTimeUs: number; streamIndex: number } | null = null;
  private spanUs = 0;
  private spanSamples = 0;

  /**
   * `expectedBlocks`: how many blocks may come (a capture's notification count). With the first
   * block's size it sizes the arrays once — an hour of 4 × 2 kHz is 230 MB, which a doubling
   * array would copy about twice and briefly hold twice. Too small a hint only costs growth.
   */
  constructor(expectedBlocks = 0) {
    this.expectedBlocks = expectedBlocks;
  }

  samples(block: SampleBlock): void {
    this.measure(block);
    const count = block.samplesPerChannel;
    const stride = block.channels;
    const start = this.received;
    // Sized by the first block: the loss accountant lets only blocks of one shape through.
    if (this.channelValues.length === 0) {
      const capacity = Math.max(MIN_CAPACITY, this.expectedBlocks * count);
      this.channelValues = Array.from({ length: stride }, () => new Float64Array(capacity));
    }
    const values = block.values;
    for (let c = 0; c < stride; c++) {
      let target = this.channelValues[c]!;
      if (start + count > target.length) {
        const grown = new Float64Array(Math.max(2 * target.length, start + count));
        grown.set(target.subarray(0, start));
        this.channelValues[c] = target = grown;
      }
      for (let s = 0, at = c; s < count; s++, at += stride) target[start + s] = values[at]!;
    }
    this.received += count;
  }

  gap(lengthSamples: number, reason: 'loss' | 'outage'): void {
    this.gapList.push({ atIndex: this.received, lengthSamples });
    this.lost += lengthSamples;
    if (reason === 'outage') this.previous = null;
  }

  /** The samples so far, for a sensor of `channels` channels (empty arrays when none came). */
  finish(channels: number): CollectedSamples {
    return {
      values: Array.from({ length: channels }, (_, c) => this.channelValues[c]?.subarray(0, this.received) ?? new Float64Array(0)),
      gaps: this.gapList,
      measuredRateHz: this.spanUs > 0 && this.spanSamples > 0 ? this.spanSamples / (this.spanUs / 1e6) : null,
    };
  }

  private measure(block: SampleBlock): void {
    const timeUs = block.deviceTimeUs;
    const moduloUs = block.deviceTimeModuloUs;
    const streamIndex = this.received + this.lost;
    if (timeUs === null || moduloUs === null) return;
    const previous = this.previous;
    if (previous && !block.streamStart) {
      const stepUs = (((timeUs - previous.deviceTimeUs) % moduloUs) + moduloUs) % moduloUs;
      // Half the clock's cycle or more forward is a step backwards: nothing to learn from it.
      if (stepUs < moduloUs / 2) {
        this.spanUs += stepUs;
        this.spanSamples += streamIndex - previous.streamIndex;
      }
    }
    this.previous = { deviceTimeUs: timeUs, streamIndex };
  }
}
