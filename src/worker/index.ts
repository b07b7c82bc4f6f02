export { createWorker, runWorker } from './worker.js';
export type { ModerationWorker, WorkerMetrics, WorkerOptions } from './worker.js';
export { MissingRedisClientError, QueueSetupError } from './client.js';
export { policyVersion } from './policy-version.js';
export type { PolicyVersion } from './policy-version.js';
export { formatPrometheus } from './metrics.js';
