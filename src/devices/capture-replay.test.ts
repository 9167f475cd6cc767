import { describe, expect, it } from 'vitest';
import { CONTROL_CHAR_UUID, DATA_CHAR_UUID, DESCRIPTION_CHAR_UUID } from '../../firmware-protocol/src/index';
import { quadcueProfile } from '../profiles/quadcue';
import type { ConnectInfo, Decoder } from '../profiles/types';
import { parseCapture } from '../store/capture/capture-format';
import { withCaptureRecorder } from './capture-recorder';
import { ManualClock } from './clock';
import { createDemoTransport } from './demo-transport';
import { createReplayTransport } from './replay-transport';
import type { SensorTransport } from './sensor-transport';

/** Opens a transport like the app does (read the description, send start) and decodes what arrives. */
async function collectSamples(transport: SensorTransport, clock: ManualClock, runMs: number) {
  const samples: number[] = [];
  let decoder: Decoder | null = null;
  transport.onNotify = (characteristic, bytes) => {
    const result = decoder?.decode(bytes, characteristic);
    if (result?.kind === 'samples') samples.push(...result.block.values);
  };
  const linkInfo = await transport.open();
  const info: ConnectInfo = { reads: new Map([[DESCRIPTION_CHAR_UUID, await transport.read(DESCRIPTION_CHAR_UUID)]]) };
  decoder = quadcueProfile.createDecoder(info) as Decoder;
  await transport.write(CONTROL_CHAR_UUID, quadcueProfile.commands.start!(info));
  await clock.advanceByAsync(runMs);
  return { samples, linkInfo };
}

describe('capture record and replay', () => {
  it('replays a capture of the demo sensor to the same decoded samples', async () => {
    const liveClock = new ManualClock(1000);
    const recorder = withCaptureRecorder(createDemoTransport({ clock: liveClock, scenario: 'stepDown', device: 'emg' }), liveClock);
    recorder.startCapture('2026-11-27T12:00:00.000Z');
    const live = await collectSamples(recorder, liveClock, 3000);
    expect(live.samples.length).toBeGreaterThan(2 * 2900);

    const parsed = parseCapture(recorder.captureText()!);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.capture.header.device.services).toEqual(live.linkInfo.serviceUuids);
    expect(parsed.capture.events.filter((e) => e.op === 'read')).toHaveLength(1);

    const replayClock = new ManualClock(0);
    const replay = createReplayTransport({ clock: replayClock, capture: parsed.capture, fileName: 'demo.jsonl', speed: 'fast' });
    const replayed = await collectSamples(replay, replayClock, 100);
    expect(replay.finished).toBe(true);
    expect(replayed.samples).toEqual(live.samples);
  });

  it('starts a capture taken mid-session with what was read at connect time', async () => {
    const clock = new ManualClock(0);
    const recorder = withCaptureRecorder(createDemoTransport({ clock, scenario: 'quadSets' }), clock);
    const live = await collectSamples(recorder, clock, 500);
    recorder.startCapture('2026-11-27T12:00:00.000Z');
    await clock.advanceByAsync(500);
    const parsed = parseCapture(recorder.captureText()!);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    expect(parsed.capture.events.slice(0, 2).map((e) => e.op)).toEqual(['connect', 'read']);
    const replay = createReplayTransport({ clock: new ManualClock(0), capture: parsed.capture, fileName: 'x.jsonl', speed: 'fast' });
    expect(await replay.read(DESCRIPTION_CHAR_UUID)).toEqual(await recorder.read(DESCRIPTION_CHAR_UUID));
    expect(live.samples.length).toBeGreaterThan(0);
  });

  it('keeps the recorded timing when replaying in real time', async () => {
    const clock = new ManualClock(0);
    const recorder = withCaptureRecorder(createDemoTransport({ clock, scenario: 'quadSets' }), clock);
    recorder.startCapture('2026-11-27T12:00:00.000Z');
    await collectSamples(recorder, clock, 1000);
    const parsed = parseCapture(recorder.captureText()!);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const lastNotifyMs = parsed.capture.events.filter((e) => e.op === 'notify').at(-1)!.tMs;

    const replayClock = new ManualClock(0);
    const replay = createReplayTransport({ clock: replayClock, capture: parsed.capture, fileName: 'x.jsonl', speed: 'real-time' });
    const arrivals: number[] = [];
    replay.onNotify = (characteristic, _bytes, arrivalMs) => {
      if (characteristic === DATA_CHAR_UUID) arrivals.push(arrivalMs);
    };
    await replay.open();
    await replayClock.advanceByAsync(lastNotifyMs / 2);
    expect(replay.finished).toBe(false);
    await replayClock.advanceByAsync(lastNotifyMs);
    expect(replay.finished).toBe(true);
    // Every frame keeps its recorded spacing on the replay clock.
    const recorded = parsed.capture.events.filter((e) => e.op === 'notify' && e.characteristic === DATA_CHAR_UUID).map((e) => e.tMs);
    const firstAt = recorded[0]!;
    arrivals.forEach((arrivalMs, i) => expect(Math.abs(arrivalMs - (recorded[i]! - firstAt) - arrivals[0]!)).toBeLessThan(1e-6));
  });
});
