import { hostname } from 'node:os';
import { recordFor, type ScanRecord, type ScanSettings } from '../cli/scan/records.js';
import { createModerator, type Moderator } from '../engine/moderator.js';
import { connectRedis, createScript, describeRedisUrl, QueueSetupError, type RedisClient } from './client.js';
import { defaultDeadLetter, entryItem, fieldsOf, queueKeys } from './entries.js';
import { policyVersion, type PolicyVersion } from './policy-version.js';

/** Options of {@link runWorker}. */
export interface WorkerOptions {
  /** `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS. */
  readonly redis: string;
  /** The input stream. */
  readonly stream: string;
  /** The consumer group the workers share; created (reading the stream from its start) when missing. */
  readonly group: string;
  /** The results stream: one entry per input entry, with the input entry's id in its `in` field. */
  readonly out: string;
  /** This worker's name in the group (default `host-pid`); every worker needs its own. */
  readonly consumer?: string;
  /** Where entries go that `maxDeliveries` deliveries did not answer (default `<stream>:dead-letter`). */
  readonly deadLetter?: string;
  /** The policy (default: every built-in rule set). */
  readonly moderator?: Moderator;
  /** Field names of a message record, as in `chaperone scan` (default text, id, sender). */
  readonly textField?: string;
  readonly idField?: string;
  readonly senderField?: string;
  /** Entries read, moderated, answered and acknowledged together (default 200). */
  readonly batchSize?: number;
  /** An entry another consumer has held this long unanswered is taken over (default 60000 ms). */
  readonly claimIdleMs?: number;
  /** Deliveries after which an unanswered entry goes to the dead-letter stream (default 5). */
  readonly maxDeliveries?: number;
  /** Stops the worker: it answers and acknowledges what it holds, then resolves. */
  readonly signal?: AbortSignal;
  /** How often `onMetrics` is called (default 10000 ms). */
  readonly metricsIntervalMs?: number;
  readonly onMetrics?: (metrics: WorkerMetrics) => void;
  /** Where connection trouble and skipped entries are reported (default stderr). */
  readonly log?: (line: string) => void;
}

/** What a worker has done so far. */
export interface WorkerMetrics {
  readonly consumer: string;
  /** Input entries answered: a result written and the entry acknowledged (error results included). */
  readonly processed: number;
  /** Answers that are error records (malformed entries, dead letters). */
  readonly errors: number;
  /** Entries moved to the dead-letter stream. */
  readonly deadLettered: number;
  /** Entries taken over from consumers that held them past the idle time. */
  readonly claimed: number;
  /** Entries of the input stream the group has not been given yet (Redis 7), when known. */
  readonly lag: number | undefined;
  /** Entries answered per second since the previous report (since the start for the first). */
  readonly messagesPerSecond: number;
  /** The policy version written into every result. */
  readonly policy: string;
}

/** The answer script: results first, then the acknowledgement, so a failed write leaves the entries pending. */
const ANSWER = createScript(`
local group, worker, policy = ARGV[1], ARGV[2], ARGV[3]
local ids = {}
for i = 4, #ARGV, 4 do
  local fields = {'in', ARGV[i]}
  if ARGV[i + 1] ~= '' then fields[#fields + 1] = 'seq'; fields[#fields + 1] = ARGV[i + 1] end
  if ARGV[i + 2] ~= '' then fields[#fields + 1] = 'run'; fields[#fields + 1] = ARGV[i + 2] end
  fields[#fields + 1] = 'worker'; fields[#fields + 1] = worker
  fields[#fields + 1] = 'policy'; fields[#fields + 1] = policy
  fields[#fields + 1] = 'result'; fields[#fields + 1] = ARGV[i + 3]
  redis.call('XADD', KEYS[1], '*', unpack(fields))
  ids[#ids + 1] = ARGV[i]
end
return redis.call('XACK', KEYS[2], group, unpack(ids))
`);

/** The dead-letter script: the entry and its error to the dead-letter stream, an error result, then the acknowledgement. */
const DEAD_LETTER = createScript(`
local group, worker, policy, id, seq, run, result, deliveries, err, entry = unpack(ARGV)
redis.call('XADD', KEYS[3], '*', 'in', id, 'deliveries', deliveries, 'error', err, 'worker', worker, 'entry', entry)
local fields = {'in', id}
if seq ~= '' then fields[#fields + 1] = 'seq'; fields[#fields + 1] = seq end
if run ~= '' then fields[#fields + 1] = 'run'; fields[#fields + 1] = run end
fields[#fields + 1] = 'worker'; fields[#fields + 1] = worker
fields[#fields + 1] = 'policy'; fields[#fields + 1] = policy
fields[#fields + 1] = 'result'; fields[#fields + 1] = result
redis.call('XADD', KEYS[1], '*', unpack(fields))
return redis.call('XACK', KEYS[2], group, id)
`);

type StreamEntry = [id: string, fields: string[] | null];

/**
 * Runs a moderation worker on a Redis stream until `signal` is aborted: reads entries as a
 * consumer of the group, moderates them, writes one result entry per input entry to the results
 * stream and acknowledges the input entries, in one script per batch. Delivery is at least once:
 * entries that another consumer held past `claimIdleMs` (it crashed or was killed) are taken over
 * and answered one at a time, and an entry `maxDeliveries` deliveries did not answer goes to the
 * dead-letter stream with an error result instead of being tried again. An entry may therefore be
 * answered twice; readers of the results stream de-duplicate by the `in` field.
 */
export function runWorker(options: WorkerOptions): Promise<WorkerMetrics> {
  return createWorker(options).run();
}

/** A worker not started yet: `run` is {@link runWorker}; `metrics` reads its counters at any time (for a metrics endpoint). */
export interface ModerationWorker {
  run(): Promise<WorkerMetrics>;
  metrics(): WorkerMetrics;
}

/** Checks the options and compiles the policy; nothing connects until `run`. */
export function createWorker(options: WorkerOptions): ModerationWorker {
  const settings = checkOptions(options);
  const log = options.log ?? ((line: string) => process.stderr.write(`chaperone worker: ${line}\n`));
  const moderator = options.moderator ?? createModerator();
  const policy = policyVersion(moderator);
  const worker = new Worker(options, settings, moderator, policy, log);
  let running = false;
  return {
    async run() {
      if (running) throw new Error('this worker is already running');
      running = true;
      const client = await connectRedis(options.redis, `chaperone-worker:${settings.consumer}`, log);
      try {
        await worker.start(client);
        log(`${settings.consumer} reading ${options.stream} in group ${options.group}, answering in ${options.out}, policy ${policy.id}`);
        await worker.loop();
        await worker.leave();
      } finally {
        await client.quit().catch(() => client.disconnect());
      }
      return worker.metrics();
    },
    metrics: () => worker.metrics(),
  };
}

interface Settings {
  readonly consumer: string;
  readonly deadLetter: string;
  readonly batchSize: number;
  readonly claimIdleMs: number;
  readonly maxDeliveries: number;
  readonly metricsIntervalMs: number;
  readonly scan: ScanSettings;
}

function checkOptions(options: WorkerOptions): Settings {
  if (options === null || typeof options !== 'object') throw new TypeError('runWorker expects an options object');
  describeRedisUrl(options.redis);
  for (const name of ['stream', 'group', 'out'] as const) {
    if (typeof options[name] !== 'string' || options[name] === '') throw new TypeError(`runWorker: "${name}" must be a non-empty string`);
  }
  if (options.stream === options.out) throw new RangeError(`runWorker: the results stream must not be the input stream ("${options.out}")`);
  const whole = (name: keyof WorkerOptions, value: unknown, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new RangeError(`runWorker: "${name}" must be a whole number >= ${min}, got ${String(value)}`);
    }
    return value;
  };
  return {
    consumer: options.consumer ?? `${hostname()}-${process.pid}`,
    deadLetter: options.deadLetter ?? defaultDeadLetter(options.stream),
    batchSize: whole('batchSize', options.batchSize, 200, 1),
    claimIdleMs: whole('claimIdleMs', options.claimIdleMs, 60_000, 1),
    maxDeliveries: whole('maxDeliveries', options.maxDeliveries, 5, 1),
    metricsIntervalMs: whole('metricsIntervalMs', options.metricsIntervalMs, 10_000, 0),
    scan: {
      format: 'jsonl',
      textField: options.textField ?? 'text',
      idField: options.idField ?? 'id',
      senderField: options.senderField ?? 'sender',
      rules: [],
      onlyRules: false,
      onlyFlagged: false,
    },
  };
}

class Worker {
  private processed = 0;
  private errors = 0;
  private deadLettered = 0;
  private claimed = 0;
  private lag: number | undefined;
  private reportedAt = Date.now();
  private reportedProcessed = 0;
  private rate = 0;
  private readonly stream: string;
  private readonly group: string;
  private readonly out: string;

  private client!: RedisClient;

  constructor(
    private readonly options: WorkerOptions,
    private readonly settings: Settings,
    private readonly moderator: Moderator,
    private readonly policy: PolicyVersion,
    private readonly log: (line: string) => void,
  ) {
    this.stream = options.stream;
    this.group = options.group;
    this.out = options.out;
  }

  /** Creates the group, checks the streams, records which input the results answer, then takes back its own pending entries. */
  async start(client: RedisClient): Promise<void> {
    this.client = client;
    for (const key of [this.stream, this.out, this.settings.deadLetter]) {
      const type = await this.client.call('TYPE', key);
      if (type !== 'none' && type !== 'stream') throw new QueueSetupError(`Redis key "${key}" is a ${String(type)}, not a stream`);
    }
    try {
      await this.client.call('XGROUP', 'CREATE', this.stream, this.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).startsWith('BUSYGROUP')) throw error;
    }
    const link = queueKeys.results(this.out);
    await this.client.call('HSETNX', link, 'input', this.stream);
    const input = await this.client.call('HGET', link, 'input');
    if (input !== this.stream) {
      const other = String(input);
      throw new QueueSetupError(`results stream "${this.out}" already answers input stream "${other}", not "${this.stream}"; use another results stream`);
    }
    await this.client.call('HSET', link, 'group', this.group);
    await this.client.call('HSET', queueKeys.policies(this.out), this.policy.id, JSON.stringify(this.policy));
    // A worker restarted under the same consumer name picks up what it held before.
    for (;;) {
      const pending = (await this.client.call('XPENDING', this.stream, this.group, '-', '+', 100, this.settings.consumer)) as [string][];
      if (pending.length === 0 || this.stopped()) break;
      await this.recover(pending.map(([id]) => id));
    }
  }

  async loop(): Promise<void> {
    const claimEvery = Math.max(100, Math.min(this.settings.claimIdleMs / 2, 10_000));
    const block = Math.min(1000, claimEvery);
    let claimedAt = Date.now();
    while (!this.stopped()) {
      if (Date.now() - claimedAt >= claimEvery) {
        await this.claimIdle();
        claimedAt = Date.now();
      }
      await this.report();
      const reply = (await this.client.call(
        'XREADGROUP', 'GROUP', this.group, this.settings.consumer, 'COUNT', this.settings.batchSize, 'BLOCK', block, 'STREAMS', this.stream, '>',
      )) as [string, StreamEntry[]][] | null;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length > 0) await this.answer(entries);
    }
    await this.report(true);
  }

  /** Leaves the group when it holds nothing, so stopped workers do not pile up in `XINFO CONSUMERS`. */
  async leave(): Promise<void> {
    const pending = (await this.client.call('XPENDING', this.stream, this.group, '-', '+', 1, this.settings.consumer)) as unknown[];
    if (pending.length === 0) await this.client.call('XGROUP', 'DELCONSUMER', this.stream, this.group, this.settings.consumer);
  }

  metrics(): WorkerMetrics {
    return {
      consumer: this.settings.consumer,
      processed: this.processed,
      errors: this.errors,
      deadLettered: this.deadLettered,
      claimed: this.claimed,
      lag: this.lag,
      messagesPerSecond: this.rate,
      policy: this.policy.id,
    };
  }

  private stopped(): boolean {
    return this.options.signal?.aborted === true;
  }

  private async report(final = false): Promise<void> {
    const every = this.settings.metricsIntervalMs;
    const now = Date.now();
    if (!final && (every === 0 || now - this.reportedAt < every)) return;
    this.rate = Math.round(((this.processed - this.reportedProcessed) * 1000) / Math.max(1, now - this.reportedAt));
    this.reportedAt = now;
    this.reportedProcessed = this.processed;
    this.lag = await this.groupLag();
    this.options.onMetrics?.(this.metrics());
  }

  private async groupLag(): Promise<number | undefined> {
    const groups = (await this.client.call('XINFO', 'GROUPS', this.stream)) as unknown[][];
    for (const flat of groups) {
      const info = new Map<unknown, unknown>();
      for (let i = 0; i + 1 < flat.length; i += 2) info.set(flat[i], flat[i + 1]);
      if (info.get('name') === this.group) return typeof info.get('lag') === 'number' ? (info.get('lag') as number) : undefined;
    }
    return undefined;
  }

  /** Moderates a batch, writes the results and acknowledges the entries in one script. */
  private async answer(entries: readonly StreamEntry[]): Promise<void> {
    const args: string[] = [this.group, this.settings.consumer, this.policy.id];
    let answered = 0;
    let errors = 0;
    let touched = Date.now();
    for (const [index, [id, flat]] of entries.entries()) {
      // A batch that runs long (a cold start, a slow machine) keeps its entries: claiming them
      // again for this consumer resets their idle time without counting a delivery, so other
      // workers do not take them over, deliver them again and dead-letter them while this one is alive.
      if (Date.now() - touched > this.settings.claimIdleMs / 3) {
        const rest = entries.slice(index).map(([rest]) => rest);
        await this.client.call('XCLAIM', this.stream, this.group, this.settings.consumer, 0, ...rest, 'JUSTID');
        touched = Date.now();
      }
      const fields = fieldsOf(flat);
      if (fields === undefined) {
        // Deleted from the stream before anyone answered it: nothing is left to moderate.
        this.log(`entry ${id} of ${this.stream} was deleted before it was answered; acknowledging it without a result`);
        await this.client.call('XACK', this.stream, this.group, id);
        continue;
      }
      const { item, seq, run } = entryItem(fields, this.settings.scan.textField);
      const record = recordFor(this.moderator, this.settings.scan, item);
      if ('error' in record) errors++;
      args.push(id, seq ?? '', run ?? '', JSON.stringify(record));
      answered++;
    }
    if (answered === 0) return;
    await ANSWER.run(this.client, [this.out, this.stream], args);
    this.processed += answered;
    this.errors += errors;
  }

  /** Takes over entries other consumers (or this one, before a reconnection) left idle, without counting a delivery yet. */
  private async claimIdle(): Promise<void> {
    let cursor = '0-0';
    do {
      const [next, ids, deleted] = (await this.client.call(
        'XAUTOCLAIM', this.stream, this.group, this.settings.consumer, this.settings.claimIdleMs, cursor, 'COUNT', 100, 'JUSTID',
      )) as [string, string[], string[]?];
      for (const id of deleted ?? []) this.log(`entry ${id} of ${this.stream} was deleted while pending; it cannot be answered`);
      this.claimed += ids.length;
      await this.recover(ids);
      cursor = next;
    } while (cursor !== '0-0' && !this.stopped());
  }

  /**
   * Answers entries that were delivered before without an answer, one at a time, so that one
   * entry that kills its worker takes no other entry with it. Each is delivered again (counted)
   * only when it is its turn; one that has had its deliveries goes to the dead-letter stream.
   */
  private async recover(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      if (this.stopped()) return;
      const pending = (await this.client.call('XPENDING', this.stream, this.group, id, id, 1)) as [string, string, number, number][];
      const deliveries = pending[0]?.[3];
      // Answered and acknowledged meanwhile by the consumer that held it.
      if (deliveries === undefined) continue;
      if (deliveries >= this.settings.maxDeliveries) {
        await this.deadLetter(id, deliveries);
        continue;
      }
      const entries = (await this.client.call('XCLAIM', this.stream, this.group, this.settings.consumer, 0, id)) as StreamEntry[];
      if (entries.length === 0) {
        this.log(`entry ${id} of ${this.stream} was deleted while pending; it cannot be answered`);
        continue;
      }
      await this.answer(entries);
    }
  }

  private async deadLetter(id: string, deliveries: number): Promise<void> {
    const entries = (await this.client.call('XRANGE', this.stream, id, id)) as StreamEntry[];
    const fields = fieldsOf(entries[0]?.[1] ?? null);
    if (fields === undefined) {
      this.log(`entry ${id} of ${this.stream} was deleted while pending; acknowledging it without a result`);
      await this.client.call('XACK', this.stream, this.group, id);
      return;
    }
    const { item, seq, run } = entryItem(fields, this.settings.scan.textField);
    const reason = `not answered after ${deliveries} deliveries (each worker it was given to stopped or stalled on it)`;
    const where = item.line === undefined ? '' : `line ${item.line}: `;
    const record: ScanRecord = { ...(item.line === undefined ? {} : { line: item.line }), error: `${where}${reason}; moved to ${this.settings.deadLetter}` };
    const args = [this.group, this.settings.consumer, this.policy.id, id, seq ?? '', run ?? '', JSON.stringify(record)];
    args.push(String(deliveries), reason, JSON.stringify(fields));
    await DEAD_LETTER.run(this.client, [this.out, this.stream, this.settings.deadLetter], args);
    this.log(`entry ${id} of ${this.stream} moved to ${this.settings.deadLetter}: ${reason}`);
    this.processed++;
    this.errors++;
    this.deadLettered++;
  }
}
