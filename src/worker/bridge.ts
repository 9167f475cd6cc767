// The main thread's handle on the pipeline worker (the Squoosh habit: start lazily, type every
// message from one definition in messages.ts).
import type { FromWorker, ToWorker } from './messages';

export interface PipelineBridge {
  post(message: ToWorker, transfer?: Transferable[]): void;
  /** Subscribe to every message from the worker; returns the unsubscribe function. */
  listen(listener: (message: FromWorker) => void): () => void;
}

let shared: PipelineBridge | undefined;

export function pipelineBridge(): PipelineBridge {
  if (shared) return shared;
  const worker = new Worker(new URL('./pipeline.worker.ts', import.meta.url), { type: 'module', name: 'quadcue-pipeline' });
  const listeners = new Set<(message: FromWorker) => void>();
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    for (const listener of listeners) listener(event.data);
  };
  shared = {
    post(message, transfer = []) {
      worker.postMessage(message, transfer);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return shared;
}
