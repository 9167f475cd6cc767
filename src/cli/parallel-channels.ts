// Channels analysed in worker threads, for long recordings: each channel's chains and metrics are
// independent, and an hour of 4 × 2 kHz spends ~2.5 s in them on one core. Workers start while
// the main thread still parses the file, and take jobs one at a time from a queue.
//
// The CLI runs TypeScript through tsx, whose loader does not reach worker threads by itself: each
// worker registers tsx's ESM hooks (tsx/esm/api) before importing channel-worker.ts.
import { Worker } from 'node:worker_threads';
import type { ChannelReport } from './analysis-report';
import type { ChannelJob } from './analyze-recording';
import type { FromChannelWorker, ToChannelWorker } from './channel-worker';

interface PooledWorker {
  readonly worker: Worker;
  readonly ready: Promise<boolean>;
}

function startWorker(tsxApiUrl: string, workerUrl: string): PooledWorker {
  const source = `import(${JSON.stringify(tsxApiUrl)}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); })`;
  const worker = new Worker(source, { eval: true });
  const ready = new Promise<boolean>((resolve) => {
    worker.once('message', (message: FromChannelWorker) => resolve(message.kind === 'ready'));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  return { worker, ready };
}

/** The buffers to move rather than copy: each job's samples, when no two jobs share a buffer. */
function transferables(jobs: readonly ChannelJob[]): Map<ChannelJob, ArrayBuffer[]> {
  const buffers = jobs.map((job) => job.series.values.buffer);
  const unique = new Set(buffers).size === buffers.length && buffers.every((b) => b instanceof ArrayBuffer);
  return new Map(jobs.map((job, i) => [job, unique ? [buffers[i] as ArrayBuffer] : []]));
}

export class ChannelPool {
  private readonly workers: PooledWorker[];

  private constructor(workers: PooledWorker[]) {
    this.workers = workers;
  }

  /** Starts `size` workers now, or returns null when tsx cannot be found to load them. */
  static start(size: number): ChannelPool | null {
    let tsxApiUrl: string;
    try {
      tsxApiUrl = import.meta.resolve('tsx/esm/api');
    } catch {
      return null;
    }
    const workerUrl = new URL('./channel-worker.ts', import.meta.url).href;
    return new ChannelPool(Array.from({ length: size }, () => startWorker(tsxApiUrl, workerUrl)));
  }

  /**
   * The reports in job order, or null when no worker came up (the jobs' samples are then still
   * here, untouched, for the caller to analyse in process). Samples are moved to the workers.
   */
  async run(jobs: readonly ChannelJob[]): Promise<ChannelReport[] | null> {
    const readiness = await Promise.all(this.workers.map((w) => w.ready));
    const live = this.workers.filter((_, i) => readiness[i]).map((w) => w.worker);
    if (live.length === 0) return null;
    const transfer = transferables(jobs);
    const reports: ChannelReport[] = new Array(jobs.length);
    let next = 0;
    await Promise.all(
      live.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              const id = next++;
              if (id >= jobs.length) {
                worker.off('message', onMessage);
                resolve();
                return;
              }
              const message: ToChannelWorker = { id, job: jobs[id]! };
              worker.postMessage(message, transfer.get(jobs[id]!)!);
            };
            const onMessage = (message: FromChannelWorker) => {
              if (message.kind !== 'report') return;
              reports[message.id] = message.report;
              give();
            };
            worker.on('message', onMessage);
            worker.once('error', reject);
            give();
          }),
      ),
    );
    return reports;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
