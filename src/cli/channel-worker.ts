// A worker thread of the CLI's channel pool (parallel-channels.ts): runs one channel job at a time
// with the same pure code as the in-process path, so both give identical numbers.
import { parentPort } from 'node:worker_threads';
import type { ChannelReport } from './analysis-report';
import { analyzeChannel, type ChannelJob } from './analyze-recording';
import { EmgScratch } from './channel-report';

export type ToChannelWorker = { id: number; job: ChannelJob };
export type FromChannelWorker = { kind: 'ready' } | { kind: 'report'; id: number; report: ChannelReport };

const port = parentPort;
if (port) {
  const scratch = new EmgScratch();
  port.on('message', ({ id, job }: ToChannelWorker) => {
    const reply: FromChannelWorker = { kind: 'report', id, report: analyzeChannel(job, scratch) };
    port.postMessage(reply);
  });
  const ready: FromChannelWorker = { kind: 'ready' };
  port.postMessage(ready);
}
