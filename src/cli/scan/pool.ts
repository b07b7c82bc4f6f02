import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputBatch } from './input.js';
import { createScanModerator, itemsOf, processBatch, type ScanCounts, type ScanSettings } from './records.js';

/** Moderates batches on worker threads (or in-process for `workers: 0`), results in input order. */
export interface BatchRunner {
  run(seq: number, batch: InputBatch): Promise<{ output: string; counts: ScanCounts }>;
  close(): Promise<void>;
}

/** The default worker count: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Creates the runner; workers load `worker.js` next to this module in the built package. */
export function createRunner(settings: ScanSettings, workers: number, workerUrl: URL): BatchRunner {
  if (workers === 0) {
    const moderator = createScanModerator(settings);
    return {
      run: async (_seq, batch) => processBatch(moderator, settings, itemsOf(batch)),
      close: async () => undefined,
    };
  }
  type Waiter = { resolve: (value: { output: string; counts: ScanCounts }) => void; reject: (error: Error) => void };
  const pending = new Map<number, Waiter>();
  const threads = Array.from({ length: workers }, () => {
    const worker = new Worker(workerUrl, { workerData: settings });
    worker.on('message', (message: { seq: number; output: string; counts: ScanCounts }) => {
      const waiter = pending.get(message.seq);
      pending.delete(message.seq);
      waiter?.resolve({ output: message.output, counts: message.counts });
    });
    worker.on('error', (error) => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    run(seq, batch) {
      return new Promise((resolve, reject) => {
        pending.set(seq, { resolve, reject });
        threads[seq % threads.length]!.postMessage({ seq, batch });
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
