import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { InputBatch } from './input.js';
import { createScanModerator, itemsOf, processBatch, type ScanCounts, type ScanSettings } from './records.js';

/** Moderates batches on worker threads (or in-process for `workers: 0`), results in input order. */
export interface BatchRunner {
  run(seq: number, batch: InputBatch): Promise<BatchResult>;
  close(): Promise<void>;
}

/** Output lines of a batch, as UTF-8 bytes from a worker (transferred, not copied) or a string in-process. */
export interface BatchResult {
  readonly output: Uint8Array | string;
  readonly counts: ScanCounts;
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
  type Waiter = { resolve: (value: BatchResult) => void; reject: (error: Error) => void };
  const pending = new Map<number, Waiter>();
  let closing = false;
  const load = new Array<number>(workers).fill(0);
  const threads = Array.from({ length: workers }, (_, index) => {
    const worker = new Worker(workerUrl, { workerData: settings });
    worker.on('message', (message: { seq: number; output: Uint8Array; counts: ScanCounts }) => {
      const waiter = pending.get(message.seq);
      pending.delete(message.seq);
      load[index]!--;
      waiter?.resolve({ output: message.output, counts: message.counts });
    });
    worker.on('error', (error) => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
    // A worker that dies without an error event (killed, out of memory) must not leave the scan waiting for ever.
    worker.on('exit', (code) => {
      if (closing || pending.size === 0) return;
      const error = new Error(`a scan worker thread stopped (exit code ${code}) with ${pending.size} batches unfinished`);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    run(seq, batch) {
      // To the least busy worker, so one slow batch does not leave the other core idle.
      let thread = 0;
      for (let i = 1; i < load.length; i++) if (load[i]! < load[thread]!) thread = i;
      load[thread]!++;
      return new Promise((resolve, reject) => {
        pending.set(seq, { resolve, reject });
        const transfer = 'bytes' in batch ? [batch.bytes.buffer as ArrayBuffer] : [];
        threads[thread]!.postMessage({ seq, batch }, transfer);
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
