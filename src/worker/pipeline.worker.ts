// The pipeline worker's entry: a thin shell that routes messages to one SensorPipeline (decode,
// loss accounting) and one SensorProcessing (DSP, rings) per sensor. Web Bluetooth lives on the
// main thread (web-bluetooth.md); bytes arrive here already copied and transferred.
/// <reference lib="webworker" />
import { profileById } from '../profiles/registry';
import { createSensorPipeline, type SensorPipeline } from './sensor-pipeline';
import { SensorProcessing } from './sensor-processing';
import { RingChunker } from './ring-chunker';
import { startActivity } from './activity-runner';
import { createWorkerRecorder } from './recording-sink';
import type { FromWorker, RingChunks, SensorId, SensorSnapshot, ToWorker } from './messages';
import type { ProfileId } from '../profiles/types';

declare const self: DedicatedWorkerGlobalScope;

interface Sensor {
  profileId: ProfileId;
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

// Recording (issue 7): raw and level samples go to IndexedDB in ~1 s chunks, written from here.
const recorder = createWorkerRecorder(post);

function attach(message: Extract<ToWorker, { type: 'attach' }>): void {
  const reads = new Map(message.connectReads.map(([uuid, buffer]) => [uuid, new Uint8Array(buffer)] as const));
  let processing: SensorProcessing | null = null;
  const pipeline = createSensorPipeline(message.sensorId, profileById(message.profileId), { reads }, post, {
    samples: (block) => {
      if (!processing) return;
      processing.samples(block);
      // Recording: after processing, so the block's levels are ready beside its raw values.
      recorder.samples(message.sensorId, block.values, processing.lastLevels, block.samplesPerChannel);
    },
    gap: (lengthSamples, reason) => {
      processing?.gap(lengthSamples);
      recorder.gap(message.sensorId, lengthSamples, reason);
    },
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
  sensors.set(message.sensorId, { profileId: message.profileId, pipeline, processing, chunker: shared ? null : new RingChunker(rings) });
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
      void recorder.stop(message.sensorId, 'detached');
      sensors.delete(message.sensorId);
      return;
    case 'start-recording': {
      const sensor = sensors.get(message.sensorId);
      if (!sensor) {
        post({ type: 'recording-stopped', sessionId: message.session.id, sensorId: message.sensorId, reason: 'refused', detail: 'That sensor is not connected.' });
        return;
      }
      const channels = sensor.pipeline.decoder.channels;
      recorder.start(message.session, {
        sensorId: message.sensorId,
        profileId: sensor.profileId,
        channels,
        rateHz: sensor.processing.rateHz,
        nextIndex: sensor.processing.nextIndex,
      });
      return;
    }
    case 'stop-recording':
      void recorder.stop(message.sensorId, 'user');
      return;
    case 'flush-recording': {
      const { ack } = message;
      void recorder.flush().then(() => {
        if (ack) Atomics.store(ack.flag, 0, ack.token);
      });
      return;
    }
    case 'snapshot-request':
      snapshot(message.nowMs);
      return;
  }
};
