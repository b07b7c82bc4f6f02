import type { Writable } from 'node:stream';
import { connectRedis, type RedisClient } from '../../worker/client.js';
import { fieldsOf, queueKeys } from '../../worker/entries.js';
import { INTERRUPTED_EXIT } from '../scan/index.js';
import { countRecord, emptyCounts, type ScanRecord } from '../scan/records.js';
import { formatSummary, summarise, writeSummaryFile, type ScanSummary } from '../scan/summary.js';
import { UsageError } from '../usage.js';
import type { QueueIo } from './enqueue.js';
import { fieldsRecord, sleep } from './redis-util.js';

/** Options of `chaperone collect`. */
export interface CollectOptions {
  readonly redis: string;
  /** The results stream the workers write. */
  readonly stream: string;
  readonly onlyFlagged: boolean;
  readonly summaryFile?: string;
  /** Once everything is written: delete the run's results, its input entries and its enqueue record. */
  readonly trim: boolean;
}

/** The summary of a collected run: scan's, and how the results came about. */
export interface CollectSummary extends ScanSummary {
  /** Results per policy version; more than one means the workers did not all run the same rule sets. */
  readonly policies: Record<string, number>;
  /** Results that answered an entry already answered (redeliveries), left out. */
  readonly duplicates: number;
}

type Entry = [id: string, fields: string[]];

/** What the results stream says about one input entry. */
interface Answer {
  readonly result: string;
  readonly policy: string;
  readonly worker: string;
}

/**
 * Writes the results of an enqueued archive as JSONL, one line per input line in input order, as
 * `scan` would: reads the results stream from its start, keeps the first answer to each entry
 * (later ones are redeliveries), and stops once every entry the enqueue record counts has its
 * answer and the enqueue is complete. Prints scan's summary. Exit 0, or 1 when some lines are
 * errors, or 130 when interrupted (the lines written so far are entries 1..N, in order).
 */
export async function runCollect(options: CollectOptions, io: QueueIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`chaperone collect: ${line}\n`);
  const client = await connectRedis(options.redis, 'chaperone-collect', say);
  try {
    return await collect(client, options, io, say);
  } finally {
    await client.quit().catch(() => client.disconnect());
  }
}

async function collect(client: RedisClient, options: CollectOptions, io: QueueIo, say: (line: string) => void): Promise<number> {
  const type = await client.call('TYPE', options.stream);
  if (type !== 'none' && type !== 'stream') throw new UsageError(`Redis key "${options.stream}" is a ${String(type)}, not a stream`);
  const input = await waitFor(() => client.call('HGET', queueKeys.results(options.stream), 'input') as Promise<string | null>, io.signal, () =>
    say(`waiting for a worker to write to ${options.stream}`),
  );
  if (input === undefined) return INTERRUPTED_EXIT;
  const enqueueKey = queueKeys.enqueue(input);
  const readMeta = async () => fieldsRecord((await client.call('HGETALL', enqueueKey)) as string[]);
  let meta = await waitFor(async () => ((await readMeta()).run === undefined ? null : readMeta()), io.signal, () =>
    say(`waiting for chaperone enqueue to write to ${input}`),
  );
  if (meta === undefined) return INTERRUPTED_EXIT;
  const run = meta.run!;

  const started = Date.now();
  const counts = emptyCounts();
  const policies = new Map<string, number>();
  const workers = new Set<string>();
  const waiting = new Map<number, Answer>();
  const readIds: string[] = [];
  const inputIds: string[] = [];
  let next = 1;
  let duplicates = 0;
  let others = 0;
  let cursor = '0-0';
  let metaAt = Date.now();
  let progressAt = Date.now();
  const total = () => Number(meta!.enqueued ?? 0);
  const finished = () => meta!.complete === '1' && next > total();

  while (!finished() && !io.signal?.aborted) {
    const reply = (await client.call('XREAD', 'COUNT', 1000, 'BLOCK', 500, 'STREAMS', options.stream, cursor)) as [string, Entry[]][] | null;
    const entries = reply?.[0]?.[1] ?? [];
    for (const [id, flat] of entries) {
      cursor = id;
      const fields = fieldsOf(flat)!;
      const seq = Number(fields.seq);
      if (fields.run !== run || !Number.isSafeInteger(seq) || seq < 1 || fields.result === undefined) {
        others++;
        continue;
      }
      if (options.trim) readIds.push(id);
      if (seq < next || waiting.has(seq)) {
        duplicates++;
        continue;
      }
      if (options.trim && fields.in !== undefined) inputIds.push(fields.in);
      waiting.set(seq, { result: fields.result, policy: fields.policy ?? 'unknown', worker: fields.worker ?? 'unknown' });
    }
    let output = '';
    for (let answer = waiting.get(next); answer !== undefined; answer = waiting.get(next)) {
      waiting.delete(next);
      next++;
      output += line(answer, counts, options.onlyFlagged);
      policies.set(answer.policy, (policies.get(answer.policy) ?? 0) + 1);
      workers.add(answer.worker);
    }
    if (output !== '') await write(io.stdout, output);
    if (entries.length === 0 || Date.now() - metaAt > 2000) {
      meta = await readMeta();
      metaAt = Date.now();
    }
    if (entries.length === 0 && Date.now() - progressAt > 10_000) {
      say(`${next - 1} of ${total()}${meta.complete === '1' ? '' : '+'} entries written; waiting for the answer to entry ${next}`);
      progressAt = Date.now();
    }
  }

  const seconds = (Date.now() - started) / 1000;
  const aborted = io.signal?.aborted === true && !finished();
  const summary: CollectSummary = {
    ...summarise(counts, seconds, workers.size),
    policies: Object.fromEntries(policies),
    duplicates,
    ...(aborted ? { interruptedAfterLine: next - 1 } : {}),
  };
  io.stderr.write(formatSummary(summary));
  io.stderr.write(`  results: ${describePolicies(summary.policies)}; ${duplicates} duplicate answers (redeliveries) left out\n`);
  if (policies.size > 1) say(`warning: the results come from ${policies.size} different policies (workers ran different rule sets or versions)`);
  if (others > 0) say(`${others} results of ${options.stream} answer entries of no enqueued run (or another run) and were not written`);
  writeSummaryFile(options.summaryFile, summary);
  if (aborted) {
    say(`interrupted after entry ${next - 1} of ${total()}; the output holds entries 1..${next - 1}`);
    return INTERRUPTED_EXIT;
  }
  if (options.trim) {
    await deleteIds(client, options.stream, readIds);
    await deleteIds(client, input, inputIds);
    await client.call('DEL', enqueueKey);
    say(`trimmed: ${readIds.length} results from ${options.stream}, ${inputIds.length} entries from ${input}, and the run's enqueue record`);
  }
  return counts.errors > 0 ? 1 : 0;
}

/** The output line of one answer, counted for the summary; none for an allowed message under --only-flagged. */
function line(answer: Answer, counts: ReturnType<typeof emptyCounts>, onlyFlagged: boolean): string {
  let record: ScanRecord;
  try {
    record = JSON.parse(answer.result) as ScanRecord;
  } catch {
    record = { error: `the worker's result is not JSON: ${answer.result.slice(0, 80)}` };
    countRecord(counts, record);
    return `${JSON.stringify(record)}\n`;
  }
  countRecord(counts, record);
  if (onlyFlagged && 'verdict' in record && record.verdict === 'allow') return '';
  return `${answer.result}\n`;
}

function describePolicies(policies: Record<string, number>): string {
  const entries = Object.entries(policies);
  if (entries.length === 0) return 'none';
  return entries.map(([policy, n]) => `${n} by policy ${policy}`).join(', ');
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise((resolve) => stream.once('drain', resolve));
}

/** Polls until `read` gives a value; undefined when interrupted first. Says once that it is waiting. */
async function waitFor<T>(read: () => Promise<T | null>, signal: AbortSignal | undefined, saying: () => void): Promise<T | undefined> {
  let said = false;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (signal?.aborted) return undefined;
    if (!said) saying();
    said = true;
    await sleep(500, signal);
  }
}

async function deleteIds(client: RedisClient, stream: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) await client.call('XDEL', stream, ...ids.slice(i, i + 1000));
}
