import { describe, expect, it } from 'vitest';
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID, decodeDataFrame } from '../../firmware-protocol/src/index';
import { ReferencePeripheral } from '../../firmware-protocol/sim/index';
import { quadcueProfile } from '../profiles/quadcue';
import { createSensorPipeline, type SensorPipeline } from './sensor-pipeline';
import type { FromWorker } from './messages';

function connectDemo(seed: number) {
  const peripheral = new ReferencePeripheral({ seed, scenario: 'quadSets', loop: true });
  const info = { reads: new Map([[DESCRIPTION_CHAR_UUID, peripheral.readDescription()]]) };
  const messages: FromWorker[] = [];
  const pipeline = createSensorPipeline('s1', quadcueProfile, info, (m) => messages.push(m)) as SensorPipeline;
  const start = quadcueProfile.commands.start!(info);
  pipeline.ingest(CONTROL_CHAR_UUID, peripheral.write(start), 0);
  return { peripheral, pipeline, messages, info };
}

describe('sensor pipeline', () => {
  it('decodes a reference-peripheral stream and counts exactly the frames withheld', () => {
    const { peripheral, pipeline, messages } = connectDemo(7);
    expect(messages[0]).toMatchObject({ type: 'reply', command: 'start', reply: { status: 'ok' } });
    const frames = peripheral.advance(30_000_000).filter((e) => e.kind === 'notify');
    const withheld = new Set([100, 101, 102, 400]);
    let samplesSent = 0;
    frames.forEach((event, index) => {
      if (event.kind !== 'notify') return;
      const decoded = decodeDataFrame(event.bytes);
      if (decoded.ok) samplesSent += decoded.value.samplesPerChannel;
      if (!withheld.has(index)) pipeline.ingest(DATA_CHAR_UUID, event.bytes, event.atUs / 1000);
    });
    const { stats, quality } = pipeline.snapshot(30_000);
    expect(stats.framesReceived).toBe(frames.length - withheld.size);
    expect(stats.framesLost).toBe(withheld.size);
    expect(stats.framesRejected).toBe(0);
    expect(stats.samplesReceived[0]! + stats.samplesLost[0]!).toBe(samplesSent);
    expect(messages.filter((m) => m.type === 'gap')).toHaveLength(2);
    expect(quality.samplesPerS).toBeGreaterThan(900);
  });

  it('counts corrupt and duplicated frames without letting them into the stream', () => {
    const { peripheral, pipeline } = connectDemo(8);
    const frames = peripheral.advance(2_000_000).flatMap((e) => (e.kind === 'notify' ? [e] : []));
    for (const [index, event] of frames.entries()) {
      const arrivalMs = event.atUs / 1000;
      if (index === 10) {
        pipeline.ingest(DATA_CHAR_UUID, event.bytes.subarray(0, 7), arrivalMs); // cut short in the air
        continue;
      }
      pipeline.ingest(DATA_CHAR_UUID, event.bytes, arrivalMs);
      if (index === 20) pipeline.ingest(DATA_CHAR_UUID, event.bytes, arrivalMs);
    }
    const { stats, lastRejection } = pipeline.snapshot(2000);
    expect(stats).toMatchObject({ framesRejected: 1, duplicatesDropped: 1, framesLost: 0, framesReceived: frames.length - 1 });
    expect(lastRejection?.reason).toBe('too-short');
  });

  /** 5 s of stream, an outage of 1.5 s, the start command again, 2 s more; `lateMs` delays every arrival after the outage. */
  function disconnectAndRestart(lateMs: number) {
    const { peripheral, pipeline, info } = connectDemo(9);
    const frames: { deviceTimeUs: number; samples: number; periodUs: number }[] = [];
    const feed = (durationUs: number, delayMs: number) => {
      for (const event of peripheral.advance(durationUs)) {
        if (event.kind !== 'notify') continue;
        const decoded = decodeDataFrame(event.bytes);
        if (decoded.ok) frames.push({ deviceTimeUs: decoded.value.deviceTimeUs, samples: decoded.value.samplesPerChannel, periodUs: 1e6 / peripheral.rateHz });
        pipeline.ingest(DATA_CHAR_UUID, event.bytes, event.atUs / 1000 + delayMs);
      }
    };
    feed(5_000_000, 0);
    const lastBefore = frames.at(-1)!;
    pipeline.linkDown(peripheral.nowUs / 1000);
    peripheral.disconnect();
    peripheral.advance(1_500_000); // 1.5 s of outage: the sensor is off the air
    expect(peripheral.connect()).toBe(true);
    pipeline.ingest(CONTROL_CHAR_UUID, peripheral.write(quadcueProfile.commands.start!(info)), peripheral.nowUs / 1000 + lateMs);
    const countBefore = frames.length;
    feed(2_000_000, lateMs);
    const firstAfter = frames[countBefore]!;
    const deviceGapSamples = Math.round((firstAfter.deviceTimeUs - lastBefore.deviceTimeUs) / lastBefore.periodUs) - lastBefore.samples;
    return { ...pipeline.snapshot(peripheral.nowUs / 1000 + lateMs), deviceGapSamples };
  }

  it('sizes a disconnect from the device clock when the sensor restarts its stream, whatever the arrival jitter', () => {
    for (const lateMs of [0, 140, -140]) {
      const { outages, stats, deviceGapSamples } = disconnectAndRestart(lateMs);
      expect(outages).toHaveLength(1);
      // The stream restarts after the start command; its first frame is sent within 40 ms (PROTOCOL.md §5.4).
      expect(outages[0]!.lengthMs).toBeGreaterThan(1450);
      expect(outages[0]!.lengthMs).toBeLessThan(1560);
      expect(outages[0]!.lengthSamples).toBe(deviceGapSamples);
      expect(stats.framesLost).toBe(0);
    }
  });
});

describe('sensor pipeline reordering', () => {
  function framesOf(seed: number, us: number) {
    const { peripheral, pipeline } = connectDemo(seed);
    const frames = peripheral.advance(us).flatMap((e) => (e.kind === 'notify' ? [e] : []));
    return { pipeline, frames };
  }

  it('slots a frame overtaken within one frame period back in: no loss, no late frame', () => {
    const { pipeline, frames } = framesOf(10, 2_000_000);
    const order = frames.map((_, i) => i);
    [order[10], order[11]] = [order[11]!, order[10]!]; // frame 11 arrives just before frame 10
    for (const i of order) pipeline.ingest(DATA_CHAR_UUID, frames[i]!.bytes, frames[i]!.atUs / 1000);
    const { stats } = pipeline.snapshot(10_000);
    expect(stats).toMatchObject({ framesReceived: frames.length, framesLost: 0, lateDropped: 0, gaps: 0 });
  });

  /** Deliver `frames` in `order`; a frame listed in `arrivesWith` arrives at the time of another frame. */
  function deliver(pipeline: SensorPipeline, frames: { bytes: Uint8Array; atUs: number }[], order: number[], arrivesWith = new Map<number, number>()) {
    for (const i of order) pipeline.ingest(DATA_CHAR_UUID, frames[i]!.bytes, frames[arrivesWith.get(i) ?? i]!.atUs / 1000);
  }

  it('turns a slot into a gap after the hold, and drops the frame that comes later still', () => {
    const { pipeline, frames } = framesOf(11, 2_000_000);
    // Frame 10 arrives after frame 16: six frame periods late, past the three-period hold.
    const order = frames.map((_, i) => i).filter((i) => i !== 10);
    order.splice(order.indexOf(16) + 1, 0, 10);
    deliver(pipeline, frames, order, new Map([[10, 16]]));
    const { stats } = pipeline.snapshot(10_000);
    expect(stats).toMatchObject({ framesReceived: frames.length - 1, framesLost: 1, lateDropped: 1, gaps: 1 });
  });

  it('keeps frames reordered within three places, even right after a lost frame', () => {
    const { pipeline, frames } = framesOf(12, 4_000_000);
    // Frame 43 never arrives; frame 46 arrives after frame 49.
    const order = frames.map((_, i) => i).filter((i) => i !== 43 && i !== 46);
    order.splice(order.indexOf(49) + 1, 0, 46);
    deliver(pipeline, frames, order, new Map([[46, 49]]));
    const { stats } = pipeline.snapshot(10_000);
    expect(stats).toMatchObject({ framesReceived: frames.length - 1, framesLost: 1, lateDropped: 0, gaps: 1 });
  });

  it('counts a duplicate that arrives before an overtaken frame as a duplicate', () => {
    const { pipeline, frames } = framesOf(13, 2_000_000);
    // Frame 20 arrives twice, then the frame 19 it overtook.
    const order = frames.map((_, i) => i).filter((i) => i !== 19);
    order.splice(order.indexOf(20) + 1, 0, 20, 19);
    deliver(pipeline, frames, order, new Map([[19, 20]]));
    const { stats } = pipeline.snapshot(10_000);
    expect(stats).toMatchObject({ framesReceived: frames.length, framesLost: 0, duplicatesDropped: 1, lateDropped: 0, gaps: 0 });
  });

  /** The link drops, and after reconnecting the stream-start frame arrives `overtakenBy` frames late. */
  function outageWithLateStart(overtakenBy: number) {
    const { peripheral, pipeline, info } = connectDemo(15);
    const deliver = (events: { bytes: Uint8Array; atUs: number }[]) => {
      for (const e of events) pipeline.ingest(DATA_CHAR_UUID, e.bytes, e.atUs / 1000);
    };
    const notified = (us: number) => peripheral.advance(us).flatMap((e) => (e.kind === 'notify' ? [e] : []));
    const before = notified(1_000_000);
    deliver(before);
    // The old stream's last queued frame is lost with the link; reconnected, the sensor restarts its stream.
    const reply = peripheral.write(quadcueProfile.commands.start!(info));
    const [, start, ...rest] = notified(1_000_000);
    pipeline.linkDown(1_000);
    pipeline.ingest(CONTROL_CHAR_UUID, reply, 1_500);
    const lateStart = { bytes: start!.bytes, atUs: rest[overtakenBy - 1]!.atUs };
    deliver([...rest.slice(0, overtakenBy), lateStart, ...rest.slice(overtakenBy)]);
    return { stats: pipeline.snapshot(10_000).stats, newStream: rest.length + 1, before: before.length };
  }

  it('slots a stream-start frame overtaken after an outage back in', () => {
    const { stats, newStream, before } = outageWithLateStart(2);
    expect(stats).toMatchObject({ framesReceived: before + newStream, lateDropped: 0, duplicatesDropped: 0, gaps: 0 });
  });

  it('drops a stream-start frame that comes after its stream went on without it, instead of starting over', () => {
    const { stats, newStream, before } = outageWithLateStart(8);
    expect(stats).toMatchObject({ framesReceived: before + newStream - 1, lateDropped: 1, duplicatesDropped: 0, gaps: 0 });
  });

  it('drops a second copy of a stream-start frame as a duplicate instead of starting over', () => {
    const { pipeline, frames } = framesOf(14, 1_000_000);
    pipeline.ingest(DATA_CHAR_UUID, frames[0]!.bytes, 0);
    pipeline.ingest(DATA_CHAR_UUID, frames[0]!.bytes, 0.1); // the radio sent it twice
    for (const event of frames.slice(1)) pipeline.ingest(DATA_CHAR_UUID, event.bytes, event.atUs / 1000);
    const { stats } = pipeline.snapshot(10_000);
    expect(stats).toMatchObject({ framesReceived: frames.length, duplicatesDropped: 1, framesLost: 0 });
  });
});
