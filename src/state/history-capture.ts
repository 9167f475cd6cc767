// A capture file (src/store/capture/) decoded for import into history: the notifications go
// through the same sensor pipeline the worker runs (profile decoder, loss accounting, outages),
// and the accepted samples are kept per channel with NaN where samples were lost — the shape the
// recorder stores (src/worker/capture-through-pipeline.ts does the replay, as for the CLI).
import { parseCapture } from '../store/capture/capture-format';
import type { SampleBlock } from '../profiles/types';
import { replayCaptureThroughPipeline } from '../worker/capture-through-pipeline';
import type { SampleSink } from '../worker/sensor-pipeline';
import type { ParseImportResult } from './history-import';

/** Grows per-channel Float32 arrays; a gap appends NaN sets so stream index = array index. */
class GapFilledCollector implements SampleSink {
  values: Float32Array[] = [];
  length = 0;

  private ensure(channels: number, extra: number): void {
    if (this.values.length === 0) this.values = Array.from({ length: channels }, () => new Float32Array(Math.max(1024, extra)));
    const capacity = this.values[0]!.length;
    if (this.length + extra <= capacity) return;
    const grown = Math.max(2 * capacity, this.length + extra);
    this.values = this.values.map((old) => {
      const next = new Float32Array(grown);
      next.set(old.subarray(0, this.length));
      return next;
    });
  }

  samples(block: SampleBlock): void {
    this.ensure(block.channels, block.samplesPerChannel);
    for (let c = 0; c < block.channels; c++) {
      const target = this.values[c]!;
      for (let s = 0; s < block.samplesPerChannel; s++) target[this.length + s] = block.values[s * block.channels + c]!;
    }
    this.length += block.samplesPerChannel;
  }

  gap(lengthSamples: number): void {
    // Before the first block the channel count is unknown; a leading gap is simply not stored.
    if (this.values.length === 0) return;
    this.ensure(this.values.length, lengthSamples);
    for (const channel of this.values) channel.fill(NaN, this.length, this.length + lengthSamples);
    this.length += lengthSamples;
  }
}

export function streamsFromCapture(text: string): ParseImportResult {
  const parsed = parseCapture(text);
  if (!parsed.ok) return { ok: false, error: { code: 'unreadable', detail: `line ${parsed.error.line}: ${parsed.error.detail}` } };
  const { header } = parsed.capture;
  const collector = new GapFilledCollector();
  const replay = replayCaptureThroughPipeline(parsed.capture, collector);
  if (!replay.ok) {
    const detail = replay.reason === 'unknown-device' ? `the device "${header.device.name}" is not one Quadcue supports.` : replay.detail;
    return { ok: false, error: { code: 'unreadable', detail } };
  }
  const { pipeline, profile } = replay;
  const specs = pipeline.decoder.channels;
  const rateHz = specs[0]?.nominalRateHz ?? 0;
  const samples = specs.map((_, c) => collector.values[c]?.slice(0, collector.length) ?? new Float32Array(0));
  // The demo sensor's captures say so in the device name (src/devices/demo-transport.ts).
  const simulated = /demo/i.test(header.device.name);
  return {
    ok: true,
    recording: { kind: 'capture', startedAt: header.startedAt, simulated, streams: [{ sensorId: 'import:capture', profileId: profile.id, rateHz, channels: [...specs], samples }] },
  };
}
