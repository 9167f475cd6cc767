// A capture file (src/store/capture/) analysed through the sensor pipeline the app's worker runs
// (src/worker/capture-through-pipeline.ts), collected per channel for the CLI's report.
import { parseCapture } from '../store/capture/capture-format';
import { replayCaptureThroughPipeline } from '../worker/capture-through-pipeline';
import { inputError, type ChannelSeries, type InputError, type Recording } from './recording';
import { SampleCollector } from './sample-collector';

export function recordingFromCapture(text: string): Recording | InputError {
  const parsed = parseCapture(text);
  if (!parsed.ok) {
    const { code, line, detail } = parsed.error;
    return inputError(`not a readable capture (${code}${line > 0 ? ` at line ${line}` : ''}): ${detail}`);
  }
  const { header, events } = parsed.capture;
  const collector = new SampleCollector(events.reduce((n, e) => (e.op === 'notify' ? n + 1 : n), 0));
  const replay = replayCaptureThroughPipeline(parsed.capture, collector);
  if (!replay.ok) {
    return inputError(
      replay.reason === 'unknown-device'
        ? `the capture's device "${header.device.name}" matches no supported profile (Quadcue, Tindeq Progressor, OpenBCI Ganglion).`
        : `the capture's sensor cannot be decoded: ${replay.detail}`,
    );
  }
  const { pipeline, profile, lastTMs } = replay;

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
