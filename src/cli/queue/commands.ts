import { createServer, type Server } from 'node:http';
import { MissingRedisClientError, QueueSetupError, describeRedisUrl } from '../../worker/client.js';
import { formatMetricsLine, formatPrometheus } from '../../worker/metrics.js';
import { createWorker, type WorkerMetrics } from '../../worker/worker.js';
import { createModerator, type ModeratorOptions } from '../../engine/moderator.js';
import type { InputFormat } from '../scan/records.js';
import { interruptSignal } from '../interrupt.js';
import { UsageError } from '../usage.js';
import { runCollect } from './collect.js';
import { runEnqueue, type QueueIo } from './enqueue.js';

type Values = Record<string, unknown>;

/** Runs `worker`, `enqueue` or `collect`; SIGINT/SIGTERM stop them cleanly, a second signal kills as usual. */
export async function runQueueCommand(
  command: 'worker' | 'enqueue' | 'collect',
  positionals: readonly string[],
  values: Values,
  moderatorOptions: ModeratorOptions,
  io: QueueIo,
): Promise<number> {
  const redis = redisUrl(values);
  const { signal, release } = interruptSignal(io.signal);
  const run = { ...io, signal };
  try {
    if (command === 'enqueue') {
      if (positionals.length !== 1) throw new UsageError('enqueue needs exactly one input: a file, or - for stdin');
      const format = values.format as string | undefined;
      if (format !== undefined && !['jsonl', 'csv', 'text'].includes(format)) throw new UsageError(`--format must be jsonl, csv or text, got "${format}"`);
      return await runEnqueue(
        {
          input: positionals[0]!,
          ...(format === undefined ? {} : { format: format as InputFormat }),
          redis,
          stream: required(values, 'stream', command),
          maxLag: whole(values, 'max-lag', 20_000, 0),
        },
        run,
      );
    }
    if (positionals.length > 0) throw new UsageError(`${command} takes no positional argument, got "${positionals[0]}"`);
    if (command === 'collect') {
      return await runCollect(
        {
          redis,
          stream: required(values, 'stream', command),
          onlyFlagged: Boolean(values['only-flagged']),
          ...(values.summary === undefined ? {} : { summaryFile: values.summary as string }),
          trim: Boolean(values.trim),
        },
        run,
      );
    }
    return await worker(values, redis, moderatorOptions, run);
  } catch (error) {
    if (error instanceof MissingRedisClientError || error instanceof QueueSetupError) throw new UsageError(error.message);
    // A wrong user, password or ACL is the caller's to fix, not a crash.
    const message = String((error as Error)?.message);
    if (/^(WRONGPASS|NOAUTH|NOPERM)\b/.test(message)) throw new UsageError(`Redis refused: ${message}`);
    throw error;
  } finally {
    release();
  }
}

async function worker(values: Values, redis: string, moderatorOptions: ModeratorOptions, io: QueueIo): Promise<number> {
  const port = values['metrics-port'] === undefined ? undefined : whole(values, 'metrics-port', 0, 1);
  if (port !== undefined && port > 65535) throw new UsageError(`--metrics-port must be a port number, got ${port}`);
  const intervalSeconds = whole(values, 'metrics-interval', 10, 0);
  const stream = required(values, 'stream', 'worker');
  const out = required(values, 'out', 'worker');
  if (stream === out) throw new UsageError(`--out must name another stream than --stream (both are "${out}")`);
  const moderator = createModerator(moderatorOptions);
  const say = (line: string) => io.stderr.write(`chaperone worker: ${line}\n`);
  const running = createWorker({
    redis,
    stream,
    group: required(values, 'group', 'worker'),
    out,
    ...(values.consumer === undefined ? {} : { consumer: values.consumer as string }),
    ...(values['dead-letter'] === undefined ? {} : { deadLetter: values['dead-letter'] as string }),
    moderator,
    textField: (values['text-field'] as string | undefined) ?? 'text',
    idField: (values['id-field'] as string | undefined) ?? 'id',
    senderField: (values['sender-field'] as string | undefined) ?? 'sender',
    batchSize: whole(values, 'batch', 200, 1),
    claimIdleMs: whole(values, 'claim-idle', 60_000, 1),
    maxDeliveries: whole(values, 'max-deliveries', 5, 1),
    metricsIntervalMs: intervalSeconds * 1000 || (port === undefined ? 0 : 10_000),
    onMetrics: (metrics) => {
      if (intervalSeconds > 0) say(formatMetricsLine(metrics));
    },
    log: say,
    ...(io.signal ? { signal: io.signal } : {}),
  });
  const server = port === undefined ? undefined : await serveMetrics(port, () => running.metrics());
  try {
    const final = await running.run();
    say(`stopped: ${formatMetricsLine(final)}`);
    return 0;
  } finally {
    server?.close();
  }
}

/** A Prometheus text endpoint on every interface: GET /metrics. */
function serveMetrics(port: number, metrics: () => WorkerMetrics): Promise<Server> {
  const server = createServer((request, response) => {
    const current = metrics();
    if (request.url !== '/metrics') {
      response.writeHead(404).end('see /metrics\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(formatPrometheus(current));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new UsageError(`--metrics-port ${port}: ${error.message}`)));
    server.listen(port, () => resolve(server));
  });
}

/** `--redis URL`, or the REDIS_URL environment variable (which keeps a password out of the process list). */
function redisUrl(values: Values): string {
  const url = (values.redis as string | undefined) ?? process.env.REDIS_URL;
  if (url === undefined || url === '') throw new UsageError('--redis URL is required (or set REDIS_URL), e.g. --redis redis://localhost:6379');
  try {
    describeRedisUrl(url);
  } catch (error) {
    throw new UsageError(`--redis: ${(error as Error).message}`);
  }
  return url;
}

function required(values: Values, name: string, command: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`${command} needs --${name} NAME`);
  return value;
}

function whole(values: Values, name: string, fallback: number, min: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || String(raw).trim() === '') {
    throw new UsageError(`--${name} must be a whole number >= ${min}, got "${String(raw)}"`);
  }
  return value;
}
