import { parentPort, workerData } from 'node:worker_threads';
import type { InputBatch } from './input.js';
import { createScanModerator, itemsOf, processBatch, type ScanSettings } from './records.js';

// A scan worker: compiles the policy once, then moderates batches in the order they arrive.
const settings = workerData as ScanSettings;
const moderator = createScanModerator(settings);
const encoder = new TextEncoder();
parentPort!.on('message', ({ seq, batch }: { seq: number; batch: InputBatch }) => {
  const { output, counts } = processBatch(moderator, settings, itemsOf(batch));
  // Encoded here and transferred, so the main thread neither copies nor encodes the output.
  const bytes = encoder.encode(output);
  parentPort!.postMessage({ seq, output: bytes, counts }, [bytes.buffer]);
});
