// A capture file (src/store/capture/) replayed through the sensor pipeline the app's worker runs:
// the same profile, decoder and loss accounting, fed the recorded notifications in order with
// their recorded arrival times. Writes tell the decoder which command was sent (Tindeq replies
// carry no opcode); a recorded disconnect is a link loss, so the outage is sized as in the app.
import { parseCapture, type CaptureEvent } from '../store/capture/capture-format';
import { bytesToHex } from '../store/capture/hex';
import { profileForDevice } from '../profiles/registry';
import type { CommandName, ConnectInfo, DeviceProfile } from '../profiles/types';
import { createSensorPipeline } from '../worker/sensor-pipeline';
import { inputError, type ChannelSeries, type InputError, type Recording } from './recording';
import { SampleCollector } from './sample-collector';

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

export function recordingFromCapture(text: string): Recording | InputError {
  const parsed = parseCapture(text);
  if (!parsed.ok) {
    const { code, line, detail } = parsed.error;
    return inputError(`not a readable capture (${code}${line > 0 ? ` at line ${line}` : ''}): ${detail}`);
  }
  const { header, events } = parsed.capture;
  const profile = profileForDevice(header.device.services, header.device.name);
  if (!profile) {
    return inputError(`the capture's device "${header.device.name}" matches no supported profile (Quadcue, Tindeq Progressor, OpenBCI Ganglion).`);
  }
  const info = connectInfoFrom(events);
  const commands = commandsByBytes(profile, info);
  const collector = new SampleCollector(events.reduce((n, e) => (e.op === 'notify' ? n + 1 : n), 0));
  const pipeline = createSensorPipeline('capture', profile, info, () => {}, collector);
  if ('kind' in pipeline) return inputError(`the capture's ${profile.displayName} cannot be decoded: ${pipeline.detail}`);

  let lastTMs = 0;
  for (const event of events) {
    lastTMs = event.tMs;
    switch (event.op) {
      case 'notify':
        pipeline.ingest(event.characteristic, event.bytes, event.tMs);
        break;
      case 'write': {
        const command = commands.get(bytesToHex(event.bytes));
        if (command) pipeline.commandSent(command);
        break;
      }
      case 'disconnect':
        pipeline.linkDown(event.tMs);
        break;
      case 'read':
      case 'connect':
        break;
    }
  }

  const snapshot = pipeline.snapshot(lastTMs);
  const specs = pipeline.decoder.channels;
  const collected = collector.finish(specs.length);
  const channels: ChannelSeries[] = specs.map((spec, c) => ({
    label: spec.label,
    kind: spec.kind,
    unit: spec.unit,
    sampleRateHz: collected.measuredRateHz ?? spec.nominalRateHz,
    rateSource: collected.measuredRateHz !== null ? 'device-time' : 'nominal',
    values: collected.values[c]!,
    gaps: collected.gaps,
  }));
  const warnings: string[] = [];
  const { framesRejected, duplicatesDropped } = snapshot.stats;
  if (framesRejected > 0) {
    warnings.push(`${framesRejected} notification(s) were rejected as corrupt; last: ${snapshot.lastRejection?.detail ?? 'unknown'}`);
  }
  if (duplicatesDropped > 0) warnings.push(`${duplicatesDropped} duplicated notification(s) were dropped.`);
  if (snapshot.outages.length > 0) warnings.push(`${snapshot.outages.length} disconnect(s); the time they lasted counts as lost samples.`);
  if (collected.values[0]?.length === 0) warnings.push('the capture holds no samples.');
  return { profile: profile.id, deviceName: header.device.name, channels, warnings };
}
