import { parentPort, workerData } from 'node:worker_threads';
import type { InputBatch } from './input.js';
import { createScanModerator, itemsOf, processBatch, type ScanSettings } from './records.js';

// A scan worker: compiles the policy once, then moderates batches in the order they arrive.
const settings = workerData as ScanSettings;
const moderator = createScanModerator(settings);
parentPort!.on('message', ({ seq, batch }: { seq: number; batch: InputBatch }) => {
  const { output, counts } = processBatch(moderator, settings, itemsOf(batch));
  parentPort!.postMessage({ seq, output, counts });
});
