// A capture file replayed through the sensor pipeline the app's worker runs: the same profile,
// decoder and loss accounting, fed the recorded notifications in order with their recorded
// arrival times. Writes tell the decoder which command was sent (Tindeq replies carry no
// opcode); a recorded disconnect is a link loss, so the outage is sized as in the app. One
// implementation for the analysis CLI and for importing captures into history.
import { bytesToHex } from '../store/capture/hex';
import type { Capture, CaptureEvent } from '../store/capture/capture-format';
import { profileForDevice } from '../profiles/registry';
import type { CommandName, ConnectInfo, DeviceProfile } from '../profiles/types';
import { createSensorPipeline, type SampleSink, type SensorPipeline } from './sensor-pipeline';

/** Connect-time reads as the replay transport serves them: the first value read from each characteristic. */
function connectInfoFrom(events: readonly CaptureEvent[]): ConnectInfo {
  const reads = new Map<string, Uint8Array>();
  for (const event of events) {
    if (event.op === 'read' && !reads.has(event.characteristic)) reads.set(event.characteristic, event.bytes);
  }
  return { reads };
}

/** Written bytes → the command they encode, for profiles whose commands have fixed bytes. */
function commandsByBytes(profile: DeviceProfile, info: ConnectInfo): Map<string, CommandName> {
  const byHex = new Map<string, CommandName>();
  for (const [name, encode] of Object.entries(profile.commands)) {
    if (encode) byHex.set(bytesToHex(encode(info)), name as CommandName);
  }
  return byHex;
}

export type CaptureReplay =
  | { ok: true; profile: DeviceProfile; pipeline: SensorPipeline; lastTMs: number }
  | { ok: false; reason: 'unknown-device' | 'undecodable'; detail: string };

/** Replays every event of `capture` into a new pipeline whose accepted samples go to `sink`. */
export function replayCaptureThroughPipeline(capture: Capture, sink: SampleSink): CaptureReplay {
  const { header, events } = capture;
  const profile = profileForDevice(header.device.services, header.device.name);
  if (!profile) return { ok: false, reason: 'unknown-device', detail: `the device "${header.device.name}" matches no supported profile` };
  const info = connectInfoFrom(events);
  const commands = commandsByBytes(profile, info);
  const pipeline = createSensorPipeline('capture', profile, info, () => {}, sink);
  if ('kind' in pipeline) return { ok: false, reason: 'undecodable', detail: pipeline.detail };
  let lastTMs = 0;
  for (const event of events) {
    lastTMs = event.tMs;
    if (event.op === 'notify') pipeline.ingest(event.characteristic, event.bytes, event.tMs);
    else if (event.op === 'write') {
      const command = commands.get(bytesToHex(event.bytes));
      if (command) pipeline.commandSent(command);
    } else if (event.op === 'disconnect') pipeline.linkDown(event.tMs);
  }
  return { ok: true, profile, pipeline, lastTMs };
}
