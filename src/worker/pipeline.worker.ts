// The pipeline worker's entry: a thin shell that routes messages to one SensorPipeline (decode,
// loss accounting) and one SensorProcessing (DSP, rings) per sensor. Web Bluetooth lives on the
// main thread (web-bluetooth.md); bytes arrive here already copied and transferred.
/// <reference lib="webworker" />
import { profileById } from '../profiles/registry';
import { createSensorPipeline, type SensorPipeline } from './sensor-pipeline';
import { SensorProcessing } from './sensor-processing';
import { RingChunker } from './ring-chunker';
import { startActivity } from './activity-runner';
import type { FromWorker, RingChunks, SensorId, SensorSnapshot, ToWorker } from './messages';

declare const self: DedicatedWorkerGlobalScope;

interface Sensor {
  pipeline: SensorPipeline;
  processing: SensorProcessing;
  chunker: RingChunker | null;
}

const sensors = new Map<SensorId, Sensor>();
// Shared rings need cross-origin isolation (COOP + COEP); otherwise chunks are transferred.
const shared = self.crossOriginIsolated === true;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function attach(message: Extract<ToWorker, { type: 'attach' }>): void {
  const reads = new Map(message.connectReads.map(([uuid, buffer]) => [uuid, new Uint8Array(buffer)] as const));
  let processing: SensorProcessing | null = null;
  const pipeline = createSensorPipeline(message.sensorId, profileById(message.profileId), { reads }, post, {
    samples: (block) => processing?.samples(block),
    gap: (lengthSamples) => processing?.gap(lengthSamples),
  });
  if ('kind' in pipeline) {
    post({ type: 'attach-failed', sensorId: message.sensorId, reason: pipeline.reason, detail: pipeline.detail });
    return;
  }
  const sensorId = message.sensorId;
  processing = new SensorProcessing(pipeline.decoder.channels, { mainsHz: message.mainsHz }, shared, (event) =>
    post({ type: 'signal-event', sensorId, event }),
  );
  const { rings } = processing;
  sensors.set(message.sensorId, { pipeline, processing, chunker: shared ? null : new RingChunker(rings) });
  post({
    type: 'attached',
    sensorId: message.sensorId,
    channels: [...pipeline.decoder.channels],
    rings: shared
      ? { raw: rings.raw.buffer as SharedArrayBuffer, filtered: rings.filtered.buffer as SharedArrayBuffer, level: rings.level.buffer as SharedArrayBuffer }
      : null,
    ringCapacity: rings.raw.capacity,
  });
}

function snapshot(nowMs: number): void {
  const out: SensorSnapshot[] = [];
  const transfer: Transferable[] = [];
  for (const { pipeline, processing, chunker } of sensors.values()) {
    const chunks: RingChunks | null = chunker?.take() ?? null;
    if (chunks) transfer.push(chunks.raw.buffer, chunks.filtered.buffer, chunks.level.buffer);
    out.push({ ...pipeline.snapshot(nowMs), nowMs, levels: processing.scalars(), chunks });
  }
  post({ type: 'snapshot', nowMs, sensors: out }, transfer);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'attach':
      attach(message);
      return;
    case 'notifications': {
      const sensor = sensors.get(message.sensorId);
      if (!sensor) return;
      const { characteristics, buffers, arrivalMs } = message.batch;
      for (let i = 0; i < buffers.length; i++) {
        sensor.pipeline.ingest(characteristics[i]!, new Uint8Array(buffers[i]!), arrivalMs[i]!);
      }
      return;
    }
    case 'command-sent':
      sensors.get(message.sensorId)?.pipeline.commandSent(message.command);
      return;
    case 'link-down':
      sensors.get(message.sensorId)?.pipeline.linkDown(message.atMs);
      return;
    case 'set-mains':
      for (const sensor of sensors.values()) sensor.processing.setMains(message.mainsHz);
      return;
    case 'mark-rest': {
      const sensor = sensors.get(message.sensorId);
      if (sensor) post({ type: 'rest-marked', sensorId: message.sensorId, ok: sensor.processing.markRest(message.seconds) });
      return;
    }
    case 'set-threshold':
      sensors.get(message.sensorId)?.processing.setThreshold(message.channel, message.level);
      return;
    case 'start-activity': {
      const sensor = sensors.get(message.sensorId);
      const rateHz = sensor?.pipeline.decoder.channels[message.request.channel]?.nominalRateHz;
      if (sensor && rateHz) startActivity(message.sensorId, sensor.processing, rateHz, message.request, post);
      return;
    }
    case 'stop-activity':
      sensors.get(message.sensorId)?.processing.setLevelConsumer(message.channel, null);
      return;
    case 'detach':
      sensors.delete(message.sensorId);
      return;
    case 'snapshot-request':
      snapshot(message.nowMs);
      return;
  }
};
