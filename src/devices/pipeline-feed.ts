// Hands a transport's notifications to the pipeline worker. Notifications are gathered for the
// rest of the current task and posted as one message on a microtask, with their buffers
// transferred (not copied): a burst of many notifications in one task costs one postMessage.
import type { PipelineBridge } from '../worker/bridge';
import type { NotificationBatch, SensorId } from '../worker/messages';

export interface PipelineFeed {
  push(characteristic: string, bytes: Uint8Array, arrivalMs: number): void;
}

export function createPipelineFeed(bridge: PipelineBridge, sensorId: SensorId): PipelineFeed {
  let batch: NotificationBatch | null = null;

  function flush(): void {
    const pending = batch;
    batch = null;
    if (pending) bridge.post({ type: 'notifications', sensorId, batch: pending }, pending.buffers);
  }

  return {
    push(characteristic, bytes, arrivalMs) {
      if (!batch) {
        batch = { characteristics: [], buffers: [], arrivalMs: [] };
        queueMicrotask(flush);
      }
      // Transports hand over their own copy; make its buffer exactly the notification's bytes.
      const buffer =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
          ? bytes.buffer
          : bytes.slice().buffer;
      batch.characteristics.push(characteristic);
      batch.buffers.push(buffer);
      batch.arrivalMs.push(arrivalMs);
    },
  };
}
