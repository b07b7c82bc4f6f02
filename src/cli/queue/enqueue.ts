import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { connectRedis, createScript, type RedisClient } from '../../worker/client.js';
import { enqueuedFields, queueKeys } from '../../worker/entries.js';
import { openInput } from '../scan/input.js';
import { itemsOf, type InputFormat, type InputItem } from '../scan/records.js';
import { UsageError } from '../usage.js';
import { INTERRUPTED_EXIT } from '../scan/index.js';
import { fieldsRecord, sleep, untilAborted } from './redis-util.js';

/** Options of `chaperone enqueue`. */
export interface EnqueueOptions {
  /** The archive, or `-` for stdin. */
  readonly input: string;
  readonly format?: InputFormat;
  readonly redis: string;
  /** The input stream the workers read. */
  readonly stream: string;
  /** Waits while a group reading the stream lags this many entries behind it; 0 never waits. */
  readonly maxLag: number;
}

/** Streams of the process running the command. */
export interface QueueIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly signal?: AbortSignal;
}

/** Entries written by one script call: a few milliseconds of Redis's time. */
const ENTRIES_PER_CALL = 500;

/**
 * Appends entries only when the count recorded beside the stream is the one the caller expects,
 * and moves the count on in the same script: a call sent again after a lost reply, or a second
 * enqueue racing this one, adds nothing. Returns the count after the call.
 */
const APPEND = createScript(`
local done = tonumber(redis.call('HGET', KEYS[2], 'enqueued') or '0')
if done ~= tonumber(ARGV[1]) then return done end
local run = ARGV[2]
local n = 0
for i = 3, #ARGV, 3 do
  n = n + 1
  redis.call('XADD', KEYS[1], '*', 'seq', tostring(done + n), 'run', run, 'line', ARGV[i], ARGV[i + 1], ARGV[i + 2])
end
redis.call('HSET', KEYS[2], 'enqueued', done + n)
return done + n
`);

/**
 * Loads an archive into a stream, one entry per input line (as `scan` reads it: JSONL, CSV, text,
 * gzip or not), numbered from 1, and records the count beside the stream, so that `collect` knows
 * when every entry has its answer. Waits while the group lags more than `maxLag` entries (the
 * stream itself is never capped: that would drop entries no worker has answered). Run again on
 * the same file after an interruption, it goes on after the last entry written.
 */
export async function runEnqueue(options: EnqueueOptions, io: QueueIo): Promise<number> {
  const input = await openInput(options.input, options.format, io.stdin);
  const source = options.input === '-' ? 'stdin' : resolve(options.input);
  const bytes = options.input === '-' ? '' : String(statSync(options.input).size);
  const say = (line: string) => io.stderr.write(`chaperone enqueue: ${line}\n`);
  const client = await connectRedis(options.redis, 'chaperone-enqueue', say);
  try {
    const key = queueKeys.enqueue(options.stream);
    const type = await client.call('TYPE', options.stream);
    if (type !== 'none' && type !== 'stream') throw new UsageError(`Redis key "${options.stream}" is a ${String(type)}, not a stream`);
    const run = await claimRun(client, key, options, source, bytes, input.format);
    let done = Number((await client.call('HGET', key, 'enqueued')) ?? 0);
    const skip = done;
    if (skip > 0) say(`resuming: ${skip} entries of ${source} are already in ${options.stream}`);
    const started = Date.now();
    let seen = 0;
    let pending: InputItem[] = [];
    const flush = async () => {
      const args: (string | number)[] = [done, run];
      for (const item of pending) args.push(...enqueuedFields(item, input.format));
      const after = Number(await APPEND.run(client, [options.stream, key], args));
      if (after !== done + pending.length) {
        throw new Error(`another enqueue is writing to ${options.stream} (it holds ${after} entries, this one expected ${done + pending.length})`);
      }
      done = after;
      pending = [];
    };
    const batches = input.batches[Symbol.asyncIterator]();
    try {
      for (;;) {
        if (io.signal?.aborted) break;
        const next = await untilAborted(batches.next(), io.signal);
        if (next === undefined || next.done) break;
        for (const item of itemsOf(next.value)) {
          if (seen++ < skip) continue;
          pending.push(item);
          if (pending.length < ENTRIES_PER_CALL) continue;
          if (!(await waitForLag(client, options, say, io.signal))) break;
          await flush();
        }
      }
      if (!io.signal?.aborted && pending.length > 0) await flush();
    } finally {
      input.close();
    }
    const seconds = (Date.now() - started) / 1000;
    const rate = Math.round((done - skip) / Math.max(seconds, 0.001));
    if (io.signal?.aborted) {
      say(`interrupted after ${done} entries; run the same command again to go on from there`);
      return INTERRUPTED_EXIT;
    }
    await client.call('HSET', key, 'complete', '1');
    say(`${done} entries in ${options.stream} (${done - skip} written in ${Math.round(seconds * 100) / 100}s, ${rate} msg/s)`);
    return 0;
  } finally {
    await client.quit().catch(() => client.disconnect());
  }
}

/**
 * Starts a run on the stream, or finds the unfinished run of the same file to go on with. A
 * finished run, or an unfinished one of another input, is a usage error: its entries would mix
 * with this archive's in `collect`.
 */
async function claimRun(client: RedisClient, key: string, options: EnqueueOptions, source: string, bytes: string, format: string): Promise<string> {
  const run = randomUUID().slice(0, 8);
  const created = await client.call('HSETNX', key, 'run', run);
  if (created === 1) {
    await client.call('HSET', key, 'source', source, 'bytes', bytes, 'format', format, 'enqueued', 0, 'started', new Date().toISOString());
    return run;
  }
  const meta = fieldsRecord((await client.call('HGETALL', key)) as string[]);
  const held = `${meta.enqueued ?? 0} entries of ${meta.source ?? 'an unknown input'}`;
  if (meta.complete === '1') {
    throw new UsageError(
      `stream ${options.stream} already holds a complete archive (${held}); collect it with --trim, which clears it, or enqueue into another stream`,
    );
  }
  if (source === 'stdin' || meta.source !== source || meta.bytes !== bytes) {
    throw new UsageError(`stream ${options.stream} holds an unfinished enqueue (${held}); run that command again to finish it, or use another stream`);
  }
  return meta.run!;
}

/** Waits until no group reading the stream lags more than `maxLag` entries; false when interrupted meanwhile. */
async function waitForLag(client: RedisClient, options: EnqueueOptions, say: (line: string) => void, signal: AbortSignal | undefined): Promise<boolean> {
  if (options.maxLag === 0) return true;
  let saidAt = 0;
  for (;;) {
    if (signal?.aborted) return false;
    const lag = await streamLag(client, options.stream, options.maxLag);
    if (lag <= options.maxLag) return true;
    if (Date.now() - saidAt > 30_000) {
      say(`waiting: ${lag} entries of ${options.stream} not yet read by its workers (--max-lag ${options.maxLag})`);
      saidAt = Date.now();
    }
    await sleep(200, signal);
  }
}

/**
 * How far the slowest group is behind the end of the stream. With no group yet, every entry is
 * unread. When Redis cannot say (entries deleted ahead of a group), the entries after the group's
 * position are counted, up to just past the limit.
 */
async function streamLag(client: RedisClient, stream: string, limit: number): Promise<number> {
  const groups = (await client.call('XINFO', 'GROUPS', stream).catch(() => [])) as unknown[][];
  if (groups.length === 0) return Number(await client.call('XLEN', stream));
  let worst = 0;
  for (const flat of groups) {
    const info = fieldsRecord(flat.map(String));
    const lagAt = flat.indexOf('lag');
    const lag = lagAt === -1 ? null : flat[lagAt + 1];
    if (typeof lag === 'number') {
      worst = Math.max(worst, lag);
      continue;
    }
    const after = (await client.call('XRANGE', stream, `(${info['last-delivered-id']}`, '+', 'COUNT', limit + 1)) as unknown[];
    worst = Math.max(worst, after.length);
  }
  return worst;
}
