import { describe, expect, it } from 'vitest';
import {
  FRAME_FLAG_STREAM_START,
  decodeControlResponse,
  decodeDataFrame,
  decodeDeviceDescription,
  encodeControlRequest,
  type ControlRequest,
  type ControlResponse,
  type DataFrame,
} from '../src/index';
import { devicePreset, forceChannel, vlChannel, vmoChannel, type DeviceSpec } from './device';
import type { PeripheralEvent } from './faults';
import { ReferencePeripheral, type PeripheralConfig } from './peripheral';
import { buildScenario } from './scenarios';
import { SensorModel } from './sensor-model';

function send(p: ReferencePeripheral, request: ControlRequest): ControlResponse {
  const decoded = decodeControlResponse(p.write(encodeControlRequest(request)));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value;
}

function frames(events: PeripheralEvent[]): DataFrame[] {
  return events.flatMap((e) => {
    if (e.kind !== 'notify') return [];
    const d = decodeDataFrame(e.bytes);
    if (!d.ok) throw new Error(d.error.message);
    return [d.value];
  });
}

/** Runs a stream of `seconds` at `rateHz`, then stops, and returns every event. */
function stream(config: PeripheralConfig, rateHz: number, seconds: number): { p: ReferencePeripheral; events: PeripheralEvent[] } {
  const p = new ReferencePeripheral(config);
  expect(send(p, { op: 'start', requestId: 1, rateHz }).status).toBe('ok');
  const events: PeripheralEvent[] = [];
  // Uneven steps, so that frame boundaries and advance() boundaries rarely coincide.
  for (let doneUs = 0; doneUs < seconds * 1e6; doneUs += 37_000) events.push(...p.advance(Math.min(37_000, seconds * 1e6 - doneUs)));
  send(p, { op: 'stop', requestId: 2 });
  events.push(...p.advance(1));
  return { p, events };
}

const mixed: DeviceSpec = { channels: [vmoChannel(), vlChannel(), forceChannel('int24')], supportedRatesHz: [1000, 2000] };

describe('ReferencePeripheral data stream', () => {
  it.each([
    ['emg', 2000, devicePreset('emg')],
    ['emg+force', 1000, devicePreset('emg+force')],
    ['dynamometer (int24)', 500, devicePreset('dynamometer')],
    ['mixed int16 EMG + int24 force', 1000, mixed],
  ] as const)('%s at %i Hz: decoded frames reproduce the raw counts the sensor model generates', (_, rateHz, device) => {
    const { events } = stream({ seed: 99, device, scenario: 'isometricKneeExtension' }, rateHz, 3.2);
    const expectedSets = Math.ceil(3.2 * rateHz);
    const reference = new SensorModel(device, buildScenario('isometricKneeExtension'), rateHz, 99);
    const expected = new Int32Array(expectedSets * device.channels.length);
    reference.generate(expectedSets, expected);
    const received = new Int32Array(expected.length).fill(0x7fffffff);
    const firstTimeUs = new Map<number, number>();
    for (const f of frames(events)) {
      const present = device.channels.flatMap((_, i) => ((f.channelMask >> i) & 1 ? [i] : []));
      const firstSet = Math.round((f.deviceTimeUs * rateHz) / 1e6);
      firstTimeUs.set(f.sequence, f.deviceTimeUs);
      for (let s = 0; s < f.samplesPerChannel; s++) {
        present.forEach((ch, j) => {
          received[(firstSet + s) * device.channels.length + ch] = f.samples[s * present.length + j]!;
        });
      }
    }
    expect(received).toEqual(expected);
  });

  it('fills frames to the payload size, numbers them and stamps device time of their first set', () => {
    const { events } = stream({ seed: 1 }, 2000, 1);
    const decoded = frames(events);
    for (const e of events) if (e.kind === 'notify') expect(e.bytes.length).toBeLessThanOrEqual(244);
    // 2 channels × int16 at 2 kHz: (244 − 11) / 4 = 58 sets per frame; the stop flushes the remainder.
    expect(decoded.slice(0, -1).every((f) => f.samplesPerChannel === 58)).toBe(true);
    expect(decoded.at(-1)!.samplesPerChannel).toBe(2000 - 58 * (decoded.length - 1));
    decoded.forEach((f, i) => {
      expect(f.sequence).toBe(i);
      expect(f.deviceTimeUs).toBe(i * 58 * 500);
      expect(f.flags & FRAME_FLAG_STREAM_START).toBe(i === 0 ? FRAME_FLAG_STREAM_START : 0);
    });
    // Each notification goes out when its last set is taken.
    const notifies = events.filter((e) => e.kind === 'notify');
    expect(notifies[0]!.atUs).toBe(57 * 500);
    expect(notifies[1]!.atUs).toBe(115 * 500);
  });

  it('sends a frame once its first set is 40 ms old, full or not (PROTOCOL.md §5.4)', () => {
    // 1000 Hz: 58 sets would fit, but set 40 is taken when set 0 is 40 ms old.
    expect(frames(stream({ seed: 1 }, 1000, 0.5).events)[0]!.samplesPerChannel).toBe(41);
    expect(frames(stream({ seed: 1, maxFrameAgeUs: 100_000 }, 1000, 0.5).events)[0]!.samplesPerChannel).toBe(58);
  });

  it('honours a smaller payload (default ATT MTU 23 → 20 bytes: 2 sets of 2 × int16)', () => {
    const decoded = frames(stream({ seed: 1, payloadBytes: 20 }, 500, 0.1).events);
    expect(decoded[0]!.samplesPerChannel).toBe(2);
  });

  it('wraps sequence (uint16) and device time (uint32 µs, free-running clock) exactly like the spec', () => {
    const clock0 = 2 ** 32 - 20_000_000;
    // One int16 channel in 13-byte frames: one set per frame, 2000 frames per second, so 34 s
    // carry the sequence past 65535.
    const device: DeviceSpec = { channels: [vlChannel()], supportedRatesHz: [2000] };
    const p = new ReferencePeripheral({ seed: 4, device, payloadBytes: 13, deviceClockAtPowerOnUs: clock0 });
    p.advance(1_234);
    send(p, { op: 'start', requestId: 1, rateHz: 2000 });
    let count = 0;
    const wrong: string[] = [];
    for (let s = 0; s < 34; s++) {
      for (const f of frames(p.advance(1_000_000))) {
        const timeUs = (clock0 + 1_234 + count * 500) % 2 ** 32;
        if (f.sequence !== count % 65_536 || f.deviceTimeUs !== timeUs) wrong.push(`frame ${count}: ${f.sequence} @ ${f.deviceTimeUs}`);
        count++;
      }
    }
    expect(count).toBe(68_000);
    expect(wrong).toEqual([]);
    // Both counters did wrap: device time at 20 s, the sequence after frame 65535.
    expect(count).toBeGreaterThan(65_536);
    expect((clock0 + 1_234 + (count - 1) * 500) % 2 ** 32).toBeLessThan(clock0);
  });

  it('is deterministic: same seed and configuration give identical bytes; another seed differs', () => {
    const config: PeripheralConfig = { seed: 123, device: 'emg+force', scenario: 'stepDown', faults: { dropProbability: 0.05, reorderProbability: 0.05 } };
    const a = stream(config, 2000, 2).events;
    const b = stream(config, 2000, 2).events;
    const c = stream({ ...config, seed: 124 }, 2000, 2).events;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('loops the scenario for the demo sensor: the activation repeats every scenario length', () => {
    const scenario = buildScenario('stepDown', { reps: 1 });
    const p = new ReferencePeripheral({ seed: 2, scenario, loop: true, device: 'emg' });
    send(p, { op: 'start', requestId: 1, rateHz: 1000 });
    p.advance(2.5 * scenario.durationS * 1e6);
    const period = p.groundTruth!.durationSamples;
    expect(p.sensorModel!.nextSample).toBe(Math.ceil(2.5 * period));
    const model = new SensorModel(devicePreset('emg'), scenario, 1000, 2, true);
    const envelopeUv = [new Float64Array(2 * period), new Float64Array(2 * period)];
    model.generate(2 * period, new Int32Array(4 * period), 0, { envelopeUv });
    const vl = envelopeUv[1]!;
    expect(Math.max(...vl)).toBeGreaterThan(100);
    expect(vl.subarray(period)).toEqual(vl.subarray(0, period));
  });
});

describe('ReferencePeripheral control point', () => {
  it('describes itself with the codec, the current rate included', () => {
    const p = new ReferencePeripheral({ seed: 1, device: 'emg+force' });
    const d = decodeDeviceDescription(p.readDescription());
    expect(d.ok && d.value.deviceKind).toBe('emg+force');
    expect(d.ok && d.value.channels.map((c) => [c.label, c.unit, c.scale, c.sampleRateHz])).toEqual([
      ['VMO', 'uV', 0.25, 1000],
      ['VL', 'uV', 0.25, 1000],
      ['force', 'N', 0.0625, 1000],
    ]);
    send(p, { op: 'setRate', requestId: 3, rateHz: 2000 });
    const after = decodeDeviceDescription(p.readDescription());
    expect(after.ok && after.value.channels[0]!.sampleRateHz).toBe(2000);
  });

  it('answers start/stop/setRate/identify/readStatus with the right statuses', () => {
    const p = new ReferencePeripheral({ seed: 1, batteryLifeHours: 0.01 });
    expect(send(p, { op: 'stop', requestId: 1 })).toEqual({ requestId: 1, op: 'stop', status: 'notStreaming' });
    expect(send(p, { op: 'start', requestId: 2, rateHz: 1234 }).status).toBe('unsupportedRate');
    expect(send(p, { op: 'start', requestId: 3, rateHz: 2000 }).status).toBe('ok');
    expect(send(p, { op: 'tare', requestId: 5 }).status).toBe('notSupported');
    expect(send(p, { op: 'identify', requestId: 6 }).status).toBe('ok');
    p.advance(4_500_000);
    const status = send(p, { op: 'readStatus', requestId: 7 });
    // 4.5 s of a 36-second battery: 87.5 %, rounded to 88 %.
    expect(status.deviceStatus).toEqual({ batteryPercent: 88, droppedSamples: 0, errorCounters: { adcFaults: 0, notifyFailures: 0 } });
    expect(send(p, { op: 'stop', requestId: 8 }).status).toBe('ok');
    expect(p.isStreaming).toBe(false);
  });

  it('restarts the stream at a new rate: sequence restarts, device time runs on, STREAM_START set', () => {
    const p = new ReferencePeripheral({ seed: 1 });
    send(p, { op: 'start', requestId: 1, rateHz: 1000 });
    const before = frames(p.advance(500_000));
    send(p, { op: 'setRate', requestId: 2, rateHz: 2000 });
    const after = frames(p.advance(500_000));
    expect(before.length).toBe(12);
    // First the flushed remainder of the 1 kHz stream, then the 2 kHz stream from sequence 0.
    expect(after[0]!.samplesPerChannel).toBe(500 - 12 * 41);
    expect(after[1]).toMatchObject({ sequence: 0, deviceTimeUs: 500_000, flags: FRAME_FLAG_STREAM_START });
    expect(after[2]!.deviceTimeUs).toBe(500_000 + 58 * 500);
    expect(p.groundTruth!.sampleRateHz).toBe(2000);
    // start while streaming restarts the stream as well.
    expect(send(p, { op: 'start', requestId: 3, rateHz: 500 }).status).toBe('ok');
    const restarted = frames(p.advance(100_000));
    expect(restarted.find((f) => f.flags & FRAME_FLAG_STREAM_START)).toMatchObject({ sequence: 0, deviceTimeUs: 1_000_000 });
  });

  it('answers hostile bytes with a rejection reply and never throws', () => {
    const p = new ReferencePeripheral({ seed: 1 });
    const reject = (bytes: number[]): ControlResponse | string => {
      const d = decodeControlResponse(p.write(Uint8Array.from(bytes)));
      return d.ok ? d.value : d.error.code;
    };
    expect(reject([0x7f, 9])).toEqual('unknownOpcode');
    expect(p.write(Uint8Array.from([0x7f, 9]))).toEqual(Uint8Array.of(0x7f, 9, 1));
    expect(reject([0x01, 4, 0])).toEqual({ requestId: 4, op: 'start', status: 'badArgument' });
    expect(p.write(new Uint8Array(0))).toEqual(Uint8Array.of(0, 0, 2));
    expect(p.write(new Uint8Array(600)).length).toBe(3);
  });

  it('tares a force channel: readings at rest move from the preload to about zero', () => {
    const p = new ReferencePeripheral({ seed: 8, device: 'dynamometer', scenario: 'isometricKneeExtension' });
    send(p, { op: 'start', requestId: 1, rateHz: 1000 });
    const meanN = (fs: DataFrame[]): number => {
      const all = fs.flatMap((f) => Array.from(f.samples));
      return (all.reduce((a, b) => a + b, 0) / all.length) * 0.001;
    };
    expect(meanN(frames(p.advance(1_000_000)))).toBeCloseTo(15, 0);
    expect(send(p, { op: 'tare', requestId: 2 }).status).toBe('ok');
    expect(Math.abs(meanN(frames(p.advance(1_000_000)).slice(1)))).toBeLessThan(0.2);
  });

  it('tares while stopped at the resting preload and keeps the zero for the next stream', () => {
    const p = new ReferencePeripheral({ seed: 8, device: 'dynamometer', scenario: 'isometricKneeExtension' });
    expect(send(p, { op: 'tare', requestId: 1 }).status).toBe('ok');
    send(p, { op: 'start', requestId: 2, rateHz: 1000 });
    const all = frames(p.advance(1_000_000)).flatMap((f) => Array.from(f.samples));
    expect(Math.abs((all.reduce((a, b) => a + b, 0) / all.length) * 0.001)).toBeLessThan(0.2);
  });
});

describe('ReferencePeripheral link faults', () => {
  it('disconnects at the planned time, stays out of reach for downUs, then streams again after start', () => {
    const p = new ReferencePeripheral({ seed: 1, faults: { disconnects: [{ atUs: 1_000_000, downUs: 2_000_000 }] } });
    send(p, { op: 'start', requestId: 1, rateHz: 1000 });
    const events = p.advance(1_500_000);
    const cut = events.findIndex((e) => e.kind === 'disconnect');
    expect(events[cut]!.atUs).toBe(1_000_000);
    expect(events.slice(cut + 1)).toEqual([]);
    expect(events.slice(0, cut).every((e) => e.atUs < 1_000_000)).toBe(true);
    expect(p.isConnected).toBe(false);
    expect(() => p.write(encodeControlRequest({ op: 'identify', requestId: 1 }))).toThrow();
    expect(p.connect()).toBe(false);
    p.advance(1_500_000);
    expect(p.connect()).toBe(true);
    expect(p.isStreaming).toBe(false);
    expect(send(p, { op: 'start', requestId: 2, rateHz: 1000 }).status).toBe('ok');
    expect(frames(p.advance(100_000))[0]!.flags).toBe(FRAME_FLAG_STREAM_START);
    expect(p.faultLog).toEqual([{ atUs: 1_000_000, kind: 'disconnect' }]);
  });

  it('delivers frames held by a stall in order at its end, and flags clipped frames', () => {
    const device: DeviceSpec = { channels: [{ ...vlChannel(), scale: 0.05, params: { artefactsPerMinute: 600 } }], supportedRatesHz: [1000] };
    const p = new ReferencePeripheral({ seed: 3, device, faults: { stalls: [{ atUs: 200_000, durationUs: 300_000 }] } });
    send(p, { op: 'start', requestId: 1, rateHz: 1000 });
    const events = p.advance(2_000_000);
    const decoded = frames(events);
    expect(decoded.map((f) => f.sequence)).toEqual(decoded.map((_, i) => i));
    const times = events.map((e) => e.atUs);
    expect(times.filter((t) => t === 500_000).length).toBeGreaterThan(5);
    expect(times.every((t) => t < 200_000 || t >= 500_000)).toBe(true);
    // ±1638 µV full scale at 0.05 µV/count: millivolt artefacts hit the rail and are flagged.
    const clipped = decoded.filter((f) => f.flags & 0x01);
    expect(clipped.length).toBeGreaterThan(0);
    for (const f of clipped) expect(f.samples.some((v) => v === 32_767 || v === -32_768)).toBe(true);
  });

  it('corrupted frames fail to decode or decode to different content; sequence gaps match the drop log', () => {
    const { p, events } = stream({ seed: 6, faults: { corruptProbability: 0.1, dropProbability: 0.1 } }, 1000, 5);
    const decodedSeqs = new Set<number>();
    let undecodable = 0;
    for (const e of events) {
      if (e.kind !== 'notify') continue;
      const d = decodeDataFrame(e.bytes);
      if (d.ok) decodedSeqs.add(d.value.sequence);
      else undecodable++;
    }
    const dropped = p.faultLog.filter((f) => f.kind === 'drop').map((f) => f.sequence!);
    expect(dropped.length).toBeGreaterThan(3);
    for (const s of dropped) expect(decodedSeqs.has(s)).toBe(false);
    expect(p.faultLog.filter((f) => f.kind === 'corrupt').length).toBeGreaterThanOrEqual(undecodable);
  });
});
