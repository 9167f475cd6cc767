// The pipeline worker's entry: a thin shell that routes messages to one SensorPipeline per
// sensor. Web Bluetooth lives on the main thread (web-bluetooth.md); bytes arrive here already
// copied and transferred, so the main thread does no per-notification work beyond that.
/// <reference lib="webworker" />
import { profileById } from '../profiles/registry';
import { createSensorPipeline, type SensorPipeline } from './sensor-pipeline';
import type { FromWorker, SensorId, ToWorker } from './messages';

declare const self: DedicatedWorkerGlobalScope;

const pipelines = new Map<SensorId, SensorPipeline>();

function post(message: FromWorker): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'attach': {
      const reads = new Map(message.connectReads.map(([uuid, buffer]) => [uuid, new Uint8Array(buffer)] as const));
      const pipeline = createSensorPipeline(message.sensorId, profileById(message.profileId), { reads }, post);
      if ('kind' in pipeline) {
        post({ type: 'attach-failed', sensorId: message.sensorId, reason: pipeline.reason, detail: pipeline.detail });
        return;
      }
      pipelines.set(message.sensorId, pipeline);
      post({ type: 'attached', sensorId: message.sensorId, channels: [...pipeline.decoder.channels] });
      return;
    }
    case 'notifications': {
      const pipeline = pipelines.get(message.sensorId);
      if (!pipeline) return;
      const { characteristics, buffers, arrivalMs } = message.batch;
      for (let i = 0; i < buffers.length; i++) {
        pipeline.ingest(characteristics[i]!, new Uint8Array(buffers[i]!), arrivalMs[i]!);
      }
      return;
    }
    case 'command-sent':
      pipelines.get(message.sensorId)?.commandSent(message.command);
      return;
    case 'link-down':
      pipelines.get(message.sensorId)?.linkDown(message.atMs);
      return;
    case 'detach':
      pipelines.delete(message.sensorId);
      return;
    case 'snapshot-request':
      post({ type: 'snapshot', nowMs: message.nowMs, sensors: [...pipelines.values()].map((p) => p.snapshot(message.nowMs)) });
      return;
  }
};
