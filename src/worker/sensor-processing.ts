// Per-channel signal processing of one sensor inside the worker: EMG channels through the EMG
// chain (filtered + envelope), force channels through the force chain, everything written to
// three sample rings (raw, filtered, envelope-or-force) the frame loop reads. A SampleSink of
// the SensorPipeline, so it sees accepted samples and gaps in stream order.
import { EmgChain } from '../signal/emg-chain';
import { ForceChain } from '../signal/force-chain';
import { SampleRing } from '../signal/sample-ring';
import { baselineFrom, OnsetDetector } from '../signal/onsets';
import type { ChannelSpec, SampleBlock } from '../profiles/types';
import type { SampleSink } from './sensor-pipeline';

/** The rings hold the last 60 s: twice the longest chart window (30 s, the live issue). */
export const RING_SECONDS = 60;

export interface ProcessingSettings {
  mainsHz: 50 | 60 | null;
}

export interface ChannelScalars {
  /** Latest envelope (EMG, µV) or low-passed force (N). */
  level: number;
  /** Highest level since the stream began. */
  peak: number;
  /** Mean level over the stream (gaps excluded). */
  mean: number;
}

export interface SensorRings {
  raw: SampleRing;
  filtered: SampleRing;
  /** EMG: envelope µV; force: low-passed N. */
  level: SampleRing;
}

 /** Something the UI or the exercise engine reacts to, at a sample index of this sensor's stream (gaps counted). */
/** Receives a channel's level (envelope µV or force N) per block, at its stream index (gaps as NaN). */
export type LevelConsumer = (levels: Float64Array, n: number, startIndex: number) => void;

export type ProcessingEvent =
  | { kind: 'onset' | 'offset'; channel: number; sampleIndex: number }
  | { kind: 'threshold-up' | 'threshold-down'; channel: number; sampleIndex: number };

type Chain = { kind: 'emg'; chain: EmgChain } | { kind: 'force'; chain: ForceChain };

export class SensorProcessing implements SampleSink {
  readonly rings: SensorRings;
  private readonly chains: Chain[];
  private readonly channels: number;
  private input = new Float64Array(0);
  private filtered = new Float64Array(0);
  private level = new Float64Array(0);
  private interleavedFiltered = new Float32Array(0);
  private interleavedLevel = new Float32Array(0);
  private readonly latest: Float64Array;
  private readonly peaks: Float64Array;
  private readonly sums: Float64Array;
  private count = 0;
  /** Stream position of the next sample, gaps included: the time base of every event. */
  private streamIndex = 0;
  private readonly onsetDetectors: (OnsetDetector | null)[];
  /** Stream index minus the detector's own count (it never sees gap samples). */
  private readonly detectorBase: Float64Array;
  private readonly thresholds: (number | null)[];
  private readonly above: boolean[];
  /** The time base of the rings and the recording: the fastest channel's rate, Hz. */
  readonly rateHz: number;
  private readonly consumers = new Map<number, LevelConsumer>();

  constructor(
    channels: readonly ChannelSpec[],
    settings: ProcessingSettings,
    shared: boolean,
    private readonly emit: (event: ProcessingEvent) => void = () => undefined,
  ) {
    this.channels = channels.length;
    const rateHz = Math.max(1, ...channels.map((c) => c.nominalRateHz));
    this.rateHz = rateHz;
    this.onsetDetectors = channels.map(() => null);
    this.detectorBase = new Float64Array(channels.length);
    this.thresholds = channels.map(() => null);
    this.above = channels.map(() => false);
    const capacity = Math.ceil(rateHz * RING_SECONDS);
    this.rings = {
      raw: SampleRing.create(this.channels, capacity, shared),
      filtered: SampleRing.create(this.channels, capacity, shared),
      level: SampleRing.create(this.channels, capacity, shared),
    };
    this.chains = channels.map((c) =>
      c.kind === 'emg'
        ? { kind: 'emg', chain: new EmgChain({ sampleRateHz: c.nominalRateHz, mainsHz: settings.mainsHz }) }
        : { kind: 'force', chain: new ForceChain({ sampleRateHz: c.nominalRateHz }) },
    );
    this.latest = new Float64Array(this.channels);
    this.peaks = new Float64Array(this.channels).fill(-Infinity);
    this.sums = new Float64Array(this.channels);
  }

  /** Scratch grows to the largest block seen, then stays: no allocation per block after that. */
  private ensureScratch(sets: number): void {
    if (this.input.length >= sets) return;
    this.input = new Float64Array(sets);
    this.filtered = new Float64Array(sets);
    this.level = new Float64Array(sets);
    this.interleavedFiltered = new Float32Array(sets * this.channels);
    this.interleavedLevel = new Float32Array(sets * this.channels);
  }

  samples(block: SampleBlock): void {
    const sets = block.samplesPerChannel;
    const channels = this.channels;
    this.ensureScratch(sets);
    const { input, filtered, level, interleavedFiltered, interleavedLevel } = this;
    for (let c = 0; c < channels; c++) {
      for (let s = 0; s < sets; s++) input[s] = block.values[s * channels + c]!;
      const stage = this.chains[c]!;
      if (stage.kind === 'emg') stage.chain.process(input, filtered, level, sets);
      else {
        stage.chain.process(input, filtered, sets);
        level.set(filtered.subarray(0, sets));
      }
      this.detectEvents(c, sets);
      this.consumers.get(c)?.(level, sets, this.streamIndex);
      let peak = this.peaks[c]!;
      let sum = this.sums[c]!;
      for (let s = 0; s < sets; s++) {
        interleavedFiltered[s * channels + c] = filtered[s]!;
        interleavedLevel[s * channels + c] = level[s]!;
        if (level[s]! > peak) peak = level[s]!;
        sum += level[s]!;
      }
      this.peaks[c] = peak;
      this.sums[c] = sum;
      this.latest[c] = level[sets - 1]!;
    }
    this.count += sets;
    this.streamIndex += sets;
    this.rings.raw.write(block.values, sets);
    this.rings.filtered.write(interleavedFiltered, sets);
    this.rings.level.write(interleavedLevel, sets);
  }

  private detectEvents(channel: number, sets: number): void {
    const detector = this.onsetDetectors[channel];
    if (detector) {
      for (const event of detector.push(this.filtered, sets)) {
        this.emit({ kind: event.kind, channel, sampleIndex: this.detectorBase[channel]! + event.index });
      }
    }
    const threshold = this.thresholds[channel];
    if (threshold === null || threshold === undefined) return;
    let above = this.above[channel]!;
    for (let s = 0; s < sets; s++) {
      const nowAbove = this.level[s]! >= threshold;
      if (nowAbove !== above) {
        above = nowAbove;
        this.emit({ kind: above ? 'threshold-up' : 'threshold-down', channel, sampleIndex: this.streamIndex + s });
      }
    }
    this.above[channel] = above;
  }

  /**
   * The user marks the last `seconds` as rest: that stretch of each EMG channel's filtered
   * signal becomes the onset baseline (clinical.md: a marked rest period is the reliable one).
   * Returns false when there is not enough signal yet.
   */
  markRest(seconds: number): boolean {
    const sets = Math.round(seconds * this.rateHz);
    const scratch = new Float32Array(sets);
    let marked = false;
    this.chains.forEach((stage, c) => {
      if (stage.kind !== 'emg') return;
      const got = this.rings.filtered.readLatest(c, sets, scratch);
      if (got < sets / 2) return;
      const window = scratch.subarray(0, got).filter((x) => !Number.isNaN(x));
      if (window.length < 2) return;
      const detector = new OnsetDetector(stage.chain.settings.sampleRateHz, baselineFrom(window, 0, window.length));
      this.onsetDetectors[c] = detector;
      this.detectorBase[c] = this.streamIndex;
      marked = true;
    });
    return marked;
  }

  /** Emits threshold crossings of a channel's level (envelope µV or force N); null turns it off. */
  setThreshold(channel: number, level: number | null): void {
    this.thresholds[channel] = level;
    this.above[channel] = false;
  }

  /**
   * Recording (issue 7): the interleaved levels of the last block, as the rings got them. Valid
   * until the next samples() call; only its first `sets × channels` values belong to that block.
   */
  get lastLevels(): Float32Array {
    return this.interleavedLevel;
  }

  /** Stream position of the next sample (gaps included). */
  get nextIndex(): number {
    return this.streamIndex;
  }

  /** Feeds channel `channel`'s level to `consumer` from the next block on (one consumer per channel); null detaches. */
  setLevelConsumer(channel: number, consumer: LevelConsumer | null): void {
    if (consumer) this.consumers.set(channel, consumer);
    else this.consumers.delete(channel);
  }

  gap(lengthSamples: number): void {
    if (this.consumers.size > 0) {
      // Consumers see the hole as NaN samples (a gap ends a hold or an MVC window).
      const holes = new Float64Array(Math.min(lengthSamples, 4096)).fill(NaN);
      for (let done = 0; done < lengthSamples; done += holes.length) {
        const n = Math.min(holes.length, lengthSamples - done);
        for (const [, consumer] of this.consumers) consumer(holes, n, this.streamIndex + done);
      }
    }
    this.streamIndex += lengthSamples;
    for (let c = 0; c < this.channels; c++) this.detectorBase[c]! += lengthSamples;
    this.rings.raw.writeGap(lengthSamples);
    this.rings.filtered.writeGap(lengthSamples);
    this.rings.level.writeGap(lengthSamples);
    // Filters restart after a hole: carrying state across it would ring on the step.
    for (const stage of this.chains) stage.chain.reset();
  }

  setMains(mainsHz: 50 | 60 | null): void {
    for (const stage of this.chains) if (stage.kind === 'emg') stage.chain.setMains(mainsHz);
  }

  scalars(): ChannelScalars[] {
    return Array.from({ length: this.channels }, (_, c) => ({
      level: this.latest[c]!,
      peak: this.count > 0 ? this.peaks[c]! : 0,
      mean: this.count > 0 ? this.sums[c]! / this.count : 0,
    }));
  }
}
