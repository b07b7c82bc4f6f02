import type { WorkerMetrics } from './worker.js';

/** One line for stderr: what a worker has done and how far behind its group is. */
export function formatMetricsLine(m: WorkerMetrics): string {
  const lag = m.lag === undefined ? 'lag unknown' : `lag ${m.lag}`;
  return (
    `${m.consumer}: ${m.processed} processed (${m.messagesPerSecond} msg/s), ${m.errors} errors, ` +
    `${m.deadLettered} dead-lettered, ${m.claimed} claimed, ${lag}`
  );
}

const METRICS: readonly [key: keyof WorkerMetrics, name: string, type: 'counter' | 'gauge', help: string][] = [
  ['processed', 'chaperone_worker_processed_total', 'counter', 'Input entries answered (result written and entry acknowledged).'],
  ['errors', 'chaperone_worker_errors_total', 'counter', 'Answers that are error records (malformed or dead-lettered entries).'],
  ['deadLettered', 'chaperone_worker_dead_lettered_total', 'counter', 'Entries moved to the dead-letter stream.'],
  ['claimed', 'chaperone_worker_claimed_total', 'counter', 'Entries taken over from consumers that held them past the idle time.'],
  ['lag', 'chaperone_worker_group_lag', 'gauge', 'Entries of the input stream not yet delivered to the group.'],
  ['messagesPerSecond', 'chaperone_worker_messages_per_second', 'gauge', 'Entries answered per second over the last report interval.'],
];

/** The metrics in Prometheus's text format, labelled with the consumer and the policy version. */
export function formatPrometheus(m: WorkerMetrics): string {
  const label = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  const labels = `{consumer="${label(m.consumer)}",policy="${label(m.policy)}"}`;
  let text = '';
  for (const [key, name, type, help] of METRICS) {
    const value = m[key];
    if (typeof value !== 'number') continue;
    text += `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name}${labels} ${value}\n`;
  }
  return text;
}
