import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConversationScan, mergeShares } from './conversations.js';
import type { InputBatch } from './input.js';
import { createScanModerator, emptyCounts, itemsOf, mergeCounts, processBatch, type ScanCounts, type ScanSettings } from './records.js';

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
  const conversations = settings.conversationField !== undefined;
  if (workers === 0) {
    const moderator = createScanModerator(settings);
    const scan = conversations ? new ConversationScan(moderator, settings, { index: 0, of: 1 }) : undefined;
    return {
      run: async (_seq, batch) => (scan ? scan.process(itemsOf(batch)) : processBatch(moderator, settings, itemsOf(batch))),
      close: async () => undefined,
    };
  }
  if (conversations) return createSharedRunner(settings, workers, workerUrl);
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

interface ShareMessage {
  readonly seq: number;
  readonly output: Uint8Array;
  readonly lines: Int32Array;
  readonly counts: ScanCounts;
}

/**
 * Conversations across worker threads: every batch goes to every worker, each moderates the
 * conversations a hash of their id gives it (and lines without one by their number), and the
 * shares are put back in input order. A conversation is read whole, in order, by one worker.
 */
function createSharedRunner(settings: ScanSettings, workers: number, workerUrl: URL): BatchRunner {
  type Waiter = { results: (ShareMessage | undefined)[]; left: number; resolve: (value: BatchResult) => void; reject: (error: Error) => void };
  const pending = new Map<number, Waiter>();
  let closing = false;
  const decoder = new TextDecoder();
  const fail = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  const threads = Array.from({ length: workers }, (_, index) => {
    const worker = new Worker(workerUrl, { workerData: { ...settings, share: { index, of: workers } } });
    worker.on('message', (message: ShareMessage) => {
      const waiter = pending.get(message.seq);
      if (!waiter) return;
      waiter.results[index] = message;
      if (--waiter.left > 0) return;
      pending.delete(message.seq);
      const counts = emptyCounts();
      for (const result of waiter.results) mergeCounts(counts, result!.counts);
      const output = mergeShares(waiter.results.map((result) => ({ output: decoder.decode(result!.output), lines: Array.from(result!.lines) })));
      waiter.resolve({ output, counts });
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (closing || pending.size === 0) return;
      fail(new Error(`a scan worker thread stopped (exit code ${code}) with ${pending.size} batches unfinished`));
    });
    return worker;
  });
  return {
    run(seq, batch) {
      return new Promise((resolve, reject) => {
        pending.set(seq, { results: new Array(workers).fill(undefined), left: workers, resolve, reject });
        threads.forEach((thread, i) => {
          // Each worker reads the whole batch: the bytes are copied for all but the last, which gets them.
          const last = i === threads.length - 1;
          const own = 'bytes' in batch && !last ? { ...batch, bytes: batch.bytes.slice() } : batch;
          thread.postMessage({ seq, batch: own }, 'bytes' in own && last ? [own.bytes.buffer as ArrayBuffer] : []);
        });
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
