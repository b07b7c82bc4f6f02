import { parentPort, workerData } from 'node:worker_threads';
import { createScanModerator, processBatch, type InputItem, type ScanSettings } from './records.js';

// A scan worker: compiles the policy once, then moderates batches in the order they arrive.
const settings = workerData as ScanSettings;
const moderator = createScanModerator(settings);
parentPort!.on('message', (batch: { seq: number; items: InputItem[] }) => {
  const { output, counts } = processBatch(moderator, settings, batch.items);
  parentPort!.postMessage({ seq: batch.seq, output, counts });
});
