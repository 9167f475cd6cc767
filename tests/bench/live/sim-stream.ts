// The bench's sensor: the reference peripheral streaming VMO + VL at 2 kHz. Its frames are made
// up front, so generating the simulated signal costs the measured main thread nothing, and are
// then pushed into the app's transport feed at the times the sensor sends them.
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID, decodeDataFrame } from '../../../firmware-protocol/src/index';
import { ReferencePeripheral, type Scenario } from '../../../firmware-protocol/sim/index';
import type { PipelineFeed } from '../../../src/devices/pipeline-feed';
import { quadcueProfile } from '../../../src/profiles/quadcue';

/** The load: two EMG channels at 2 kHz (the top of the usual sEMG rates, clinical.md). */
export const BENCH_RATE_HZ = 2000;

export interface SimStream {
  /** The description characteristic, read at connect. */
  readonly description: Uint8Array;
  /** The sensor's reply to the start command (a notification on the control characteristic). */
  readonly startReply: Uint8Array;
  /** Each data notification's bytes, in send order (each its own buffer: the feed transfers it). */
  readonly frames: Uint8Array[];
  /** When the sensor sent each frame, ms of peripheral time. */
  readonly sentMs: Float64Array;
  /** Stream sample index just after each frame's last sample (the worker's ring count after it). */
  readonly endIndex: Float64Array;
}

/** Starts a fresh peripheral with the app's start command and makes `seconds` of its data notifications. */
export function makeSimStream(seed: number, scenario: Scenario, seconds: number): SimStream {
  const sim = new ReferencePeripheral({ seed, device: 'emg', rateHz: BENCH_RATE_HZ, scenario, loop: true });
  const description = sim.readDescription();
  const info = { reads: new Map([[DESCRIPTION_CHAR_UUID, description]]) };
  const startReply = sim.write(quadcueProfile.commands.start!(info));
  const notifications = sim.advance(seconds * 1e6).flatMap((e) => (e.kind === 'notify' ? [e] : []));
  const frames: Uint8Array[] = [];
  const sentMs = new Float64Array(notifications.length);
  const endIndex = new Float64Array(notifications.length);
  let index = 0;
  notifications.forEach((event, i) => {
    const frame = decodeDataFrame(event.bytes);
    if (!frame.ok) throw new Error(`reference peripheral sent an undecodable frame: ${frame.error.message}`);
    index += frame.value.samplesPerChannel;
    frames.push(event.bytes.slice());
    sentMs[i] = event.atUs / 1000;
    endIndex[i] = index;
  });
  return { description, startReply, frames, sentMs, endIndex };
}

/** Hands the start reply to the feed, as the transport does with a control notification. */
export function pushStartReply(stream: SimStream, feed: PipelineFeed): void {
  feed.push(CONTROL_CHAR_UUID, stream.startReply, performance.now());
}

/** First frame holding stream sample `index` (binary search over the frames' end indexes). */
export function frameOfSample(stream: SimStream, index: number): number {
  let low = 0;
  let high = stream.endIndex.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (stream.endIndex[mid]! > index) high = mid;
    else low = mid + 1;
  }
  return low;
}

export interface Pump {
  /** performance.now() at which each frame reached the feed (NaN: not yet). */
  readonly pushedAtMs: Float64Array;
  /** Frames pushed so far. */
  pushed(): number;
  stop(): void;
}

/** Pushes frames [0, until) at once: the stream as it stood when the chart opened. */
export function pushBurst(stream: SimStream, until: number, feed: PipelineFeed, pushedAtMs: Float64Array): void {
  for (let i = 0; i < until; i++) {
    pushedAtMs[i] = performance.now();
    feed.push(DATA_CHAR_UUID, stream.frames[i]!, pushedAtMs[i]!);
  }
}

/**
 * From frame `from` on, pushes each frame when its send time comes, stamped like the transport
 * stamps a notification: arrival = performance.now() at the push. A late timer makes a frame late
 * for everyone, not for the measurement, which starts at the push.
 */
export function startPump(stream: SimStream, from: number, feed: PipelineFeed, pushedAtMs: Float64Array): Pump {
  const originMs = performance.now() - stream.sentMs[from]!;
  let next = from;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pump = () => {
    const nowMs = performance.now();
    while (next < stream.frames.length && originMs + stream.sentMs[next]! <= nowMs) {
      const arrivalMs = performance.now();
      pushedAtMs[next] = arrivalMs;
      feed.push(DATA_CHAR_UUID, stream.frames[next]!, arrivalMs);
      next++;
    }
    if (next < stream.frames.length) timer = setTimeout(pump, Math.max(0, originMs + stream.sentMs[next]! - performance.now()));
  };
  pump();
  return {
    pushedAtMs,
    pushed: () => next,
    stop: () => clearTimeout(timer),
  };
}
