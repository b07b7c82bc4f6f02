import { parentPort, workerData } from 'node:worker_threads';
import { ConversationScan, type Share } from './conversations.js';
import type { InputBatch } from './input.js';
import { createScanModerator, itemsOf, processBatch, type ScanSettings } from './records.js';

// A scan worker: compiles the policy once, then moderates batches in the order they arrive. With
// conversations, it reads every batch and moderates its share of them (see ConversationScan).
const settings = workerData as ScanSettings & { share?: Share };
const moderator = createScanModerator(settings);
const conversations = settings.share ? new ConversationScan(moderator, settings, settings.share) : undefined;
const encoder = new TextEncoder();
parentPort!.on('message', ({ seq, batch }: { seq: number; batch: InputBatch }) => {
  if (conversations) {
    const { output, lines, counts } = conversations.process(itemsOf(batch));
    const bytes = encoder.encode(output);
    const numbers = Int32Array.from(lines);
    parentPort!.postMessage({ seq, output: bytes, lines: numbers, counts }, [bytes.buffer, numbers.buffer]);
    return;
  }
  const { output, counts } = processBatch(moderator, settings, itemsOf(batch));
  // Encoded here and transferred, so the main thread neither copies nor encodes the output.
  const bytes = encoder.encode(output);
  parentPort!.postMessage({ seq, output: bytes, counts }, [bytes.buffer]);
});
