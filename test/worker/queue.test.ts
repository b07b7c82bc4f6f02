import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus.mjs';
import { main } from '../../src/cli/index.js';
import { runWorker } from '../../src/worker/index.js';
import { scanInProcess, sink } from '../cli/scan-helpers.js';
import { freePort, redisServerAvailable, startRedisServer, type RedisServer } from './redis-server.js';

// Workers run as separate processes of the built CLI, as on separate machines.
const built = existsSync('dist/cli.js') && existsSync('dist/worker.js');
if (process.env.CI && !(built && redisServerAvailable)) {
  throw new Error(`the Redis tests must run in CI: ${built ? '' : 'dist/ is not built; '}${redisServerAvailable ? '' : 'redis-server is not installed'}`);
}

let scratch: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'chaperone-queue-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
  }
});

/** An archive of corpus messages, with `extra` lines inserted at given places. */
function archive(name: string, count: number, seed: number, extra: Record<number, string> = {}): string {
  const lines = generateCorpus(count, { seed }).map((m) => JSON.stringify(m));
  for (const [at, line] of Object.entries(extra).sort((a, b) => Number(b[0]) - Number(a[0]))) lines.splice(Number(at) - 1, 0, line);
  const file = join(scratch, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A worker process: the built CLI's `worker`, or a script of the library. */
function startWorker(args: readonly string[], script = 'bin/chaperone.js') {
  const child = spawn('node', [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  children.push(child);
  return { child, stderr: () => stderr };
}

function cliWorker(redis: RedisServer, consumer: string, extra: readonly string[] = []) {
  const args = ['worker', '--redis', redis.url, '--stream', 'in', '--group', 'g', '--out', 'out', '--consumer', consumer];
  return startWorker([...args, '--metrics-interval', '0', ...extra]);
}

/** Runs a CLI command in this process; `collect` and `enqueue` give up after 60 s rather than hang the suite. */
async function cli(args: readonly string[], signal = AbortSignal.timeout(60_000)) {
  const out = sink();
  const err = sink();
  const code = await main(args, {
    stdout: out.stream,
    stderr: err.stream,
    stdin: () => '',
    stdinStream: Readable.from([]),
    signal,
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

async function waitUntil(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function consumers(client: Redis): Promise<Map<string, number>> {
  const rows = (await client.call('XINFO', 'CONSUMERS', 'in', 'g').catch(() => [])) as unknown[][];
  return new Map(rows.map((row) => [String(row[row.indexOf('name') + 1]), Number(row[row.indexOf('pending') + 1])]));
}

/** The `worker` field of every result entry. */
async function answeredBy(client: Redis): Promise<string[]> {
  const entries = (await client.call('XRANGE', 'out', '-', '+')) as [string, string[]][];
  return entries.map(([, fields]) => fields[fields.indexOf('worker') + 1]!);
}

describe.runIf(built && redisServerAvailable)('worker, enqueue and collect against a real redis-server', () => {
  let redis: RedisServer;
  let client: Redis;
  beforeAll(async () => {
    redis = await startRedisServer();
    client = new Redis(redis.url);
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.close();
  });
  afterEach(async () => {
    await client.flushall();
  });

  it('3 worker processes over one stream: after collect every input line has exactly one line, as scan writes it', async () => {
    const file = archive('three.jsonl', 3000, 21);
    const port = await freePort();
    const workers = ['w1', 'w2', 'w3'].map((name) => cliWorker(redis, name, ['--batch', '50', ...(name === 'w1' ? ['--metrics-port', String(port)] : [])]));
    // Every worker is reading before the archive arrives, so all three share it.
    await waitUntil('the three workers are reading', async () => [...workers.values()].every((w) => w.stderr().includes(' reading in ')));
    const enqueued = await cli(['enqueue', file, '--redis', redis.url, '--stream', 'in']);
    expect(enqueued.code, enqueued.stderr).toBe(0);
    const collected = await cli(['collect', '--redis', redis.url, '--stream', 'out']);
    expect(collected.code, collected.stderr).toBe(0);
    const scanned = await scanInProcess([file]);
    expect(collected.stdout.split('\n').length - 1).toBe(3000);
    expect(collected.stdout).toBe(scanned.stdout);
    expect(collected.stderr).toMatch(/^scanned 3000 lines .*3 workers\), 0 errors$/m);
    const answers = await answeredBy(client);
    expect(new Set(answers)).toEqual(new Set(['w1', 'w2', 'w3']));
    // w1's Prometheus endpoint reports what it answered.
    const byW1 = answers.filter((name) => name === 'w1').length;
    const scraped = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(scraped).toMatch(/^# TYPE chaperone_worker_processed_total counter$/m);
    expect(Number(/^chaperone_worker_processed_total\{consumer="w1",policy="[^"]+"\} (\d+)$/m.exec(scraped)?.[1])).toBe(byW1);
    // SIGTERM: each finishes what it holds, leaves the group and exits 0.
    for (const { child } of workers) child.kill('SIGTERM');
    for (const { child, stderr } of workers) expect(await exited(child), stderr()).toBe(0);
    expect((await consumers(client)).size).toBe(0);
  }, 90_000);

  it('a worker killed mid-batch (SIGKILL) loses nothing: its pending entries are claimed and answered, none twice in the output', async () => {
    const file = archive('killed.jsonl', 4000, 22);
    const workers = new Map(['k1', 'k2', 'k3'].map((name) => [name, cliWorker(redis, name, ['--batch', '100', '--claim-idle', '1000'])]));
    await waitUntil('the three workers are reading', async () => [...workers.values()].every((w) => w.stderr().includes(' reading in ')));
    const collecting = cli(['collect', '--redis', redis.url, '--stream', 'out']);
    const enqueued = await cli(['enqueue', file, '--redis', redis.url, '--stream', 'in']);
    expect(enqueued.code, enqueued.stderr).toBe(0);
    // Killed while it holds a batch (it spends most of its time moderating one); should the kill
    // land between two batches, a second worker is killed the same way.
    let victim: string | undefined;
    let held = 0;
    for (let tries = 0; tries < 2 && held === 0; tries++) {
      await waitUntil('a worker holds a batch', async () => {
        victim = [...(await consumers(client))].find(([name, pending]) => pending > 0 && workers.get(name)!.child.exitCode === null && workers.get(name)!.child.signalCode === null)?.[0];
        return victim !== undefined;
      });
      workers.get(victim!)!.child.kill('SIGKILL');
      await exited(workers.get(victim!)!.child);
      held = (await consumers(client)).get(victim!) ?? 0;
    }
    expect(held, 'no killed worker held an entry').toBeGreaterThan(0);
    const collected = await collecting;
    expect(collected.code, collected.stderr).toBe(0);
    const scanned = await scanInProcess([file]);
    expect(collected.stdout).toBe(scanned.stdout);
    // Another worker claimed what it held.
    expect((await consumers(client)).get(victim!)).toBe(0);
    const survivors = [...workers.values()].filter(({ child }) => child.exitCode === null && child.signalCode === null);
    for (const { child } of survivors) child.kill('SIGTERM');
    const stderr = await Promise.all(survivors.map(async (w) => (await exited(w.child), w.stderr())));
    const claimed = stderr.map((text) => Number(/(\d+) claimed/.exec(text)?.[1] ?? 0)).reduce((a, b) => a + b, 0);
    expect(claimed).toBeGreaterThanOrEqual(held);
  }, 90_000);

  it('a poison entry that kills every worker it is given reaches the dead-letter stream after --max-deliveries; the rest is answered', async () => {
    const poison = JSON.stringify({ id: 'poison', text: 'POISON-PILL in a message' });
    const file = archive('poison.jsonl', 300, 23, { 150: poison });
    const script = 'test/worker/fixtures/crashing-worker.mjs';
    const workers = ['p1', 'p2', 'p3'].map((name) => startWorker([redis.url, 'in', 'g', 'out', name], script));
    await waitUntil('the three workers are reading', async () => [...workers.values()].every((w) => w.stderr().includes(' reading in ')));
    expect((await cli(['enqueue', file, '--redis', redis.url, '--stream', 'in'])).code).toBe(0);
    const collected = await cli(['collect', '--redis', redis.url, '--stream', 'out']);
    expect(collected.code).toBe(1);
    const lines = collected.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; error?: string });
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 301 }, (_, i) => i + 1));
    expect(lines.filter((l) => l.error !== undefined)).toEqual([
      { line: 150, error: 'line 150: not answered after 2 deliveries (each worker it was given to stopped or stalled on it); moved to in:dead-letter' },
    ]);
    const dead = (await client.call('XRANGE', 'in:dead-letter', '-', '+')) as [string, string[]][];
    expect(dead).toHaveLength(1);
    const fields = Object.fromEntries(dead[0]![1].flatMap((v, i, all) => (i % 2 ? [] : [[v, all[i + 1]]])));
    expect(fields.deliveries).toBe('2');
    expect(JSON.parse(fields.entry!)).toMatchObject({ seq: '150', line: '150', jsonl: poison });
    // It took two workers with it, and no other entry: the third is alive and answered everything else.
    const alive = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
    expect(alive).toHaveLength(1);
    expect(workers.filter((w) => w.child.signalCode === 'SIGKILL')).toHaveLength(2);
  }, 90_000);

  it('enqueue waits on the lag of the group (no worker: every entry unread), goes on where it stopped, and collect --trim clears the run', async () => {
    const file = archive('lag.jsonl', 3000, 26);
    const stopped = await cli(['enqueue', file, '--redis', redis.url, '--stream', 'in', '--max-lag', '1000'], AbortSignal.timeout(1500));
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/waiting: \d+ entries of in not yet read by its workers \(--max-lag 1000\)/);
    expect(stopped.stderr).toMatch(/interrupted after 1500 entries; run the same command again/);
    expect(Number(await client.xlen('in'))).toBe(1500);
    const other = await cli(['enqueue', archive('other.jsonl', 10, 27), '--redis', redis.url, '--stream', 'in']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/holds an unfinished enqueue \(1500 entries of .*lag\.jsonl\)/);
    const controller = new AbortController();
    const working = runWorker({ redis: redis.url, stream: 'in', group: 'g', out: 'out', signal: controller.signal, metricsIntervalMs: 0, log: () => undefined });
    const resumed = await cli(['enqueue', file, '--redis', redis.url, '--stream', 'in', '--max-lag', '1000']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: 1500 entries/);
    const again = await cli(['enqueue', file, '--redis', redis.url, '--stream', 'in']);
    expect(again.stderr).toMatch(/already holds a complete archive \(3000 entries/);
    const collected = await cli(['collect', '--redis', redis.url, '--stream', 'out', '--trim']);
    expect(collected.code, collected.stderr).toBe(0);
    expect(collected.stdout).toBe((await scanInProcess([file])).stdout);
    controller.abort();
    await working;
    expect([Number(await client.xlen('in')), Number(await client.xlen('out')), await client.exists('chaperone:enqueue:in')]).toEqual([0, 0, 0]);
    // The streams take the next archive.
    expect((await cli(['enqueue', archive('next.jsonl', 5, 28), '--redis', redis.url, '--stream', 'in'])).code).toBe(0);
  }, 60_000);

  it('malformed entries become error results; an archive with bad lines collects to what scan writes', async () => {
    const file = archive('bad.jsonl', 40, 24, {
      3: '{"id": 1, "text": ',
      7: '[1, 2]',
      9: '',
      12: '{"id": 2, "body": "no text field"}',
      15: '{"id": 3, "text": 42}',
    });
    const controller = new AbortController();
    const done = runWorker({ redis: redis.url, stream: 'in', group: 'g', out: 'out', consumer: 'm1', signal: controller.signal, metricsIntervalMs: 0 });
    expect((await cli(['enqueue', file, '--redis', redis.url, '--stream', 'in'])).code).toBe(0);
    const collected = await cli(['collect', '--redis', redis.url, '--stream', 'out']);
    const scanned = await scanInProcess([file]);
    expect(collected.code).toBe(1);
    expect(collected.stdout).toBe(scanned.stdout);
    expect(collected.stderr).toMatch(/^scanned 45 lines .*, 5 errors$/m);
    // Entries written by hand: a message of its own without its text, and archive entries that are broken.
    const ids = [
      await client.xadd('in', '*', 'id', 'm-9', 'body', 'hello'),
      await client.xadd('in', '*', 'seq', '1', 'run', 'x', 'line', 'seven', 'jsonl', '{}'),
      await client.xadd('in', '*', 'seq', '2', 'run', 'x', 'line', '4', 'csv', 'not json'),
      await client.xadd('in', '*', 'seq', '3', 'run', 'x', 'line', '5'),
      await client.xadd('in', '*', 'id', 'm-10', 'text', 'add me on wechat', 'sender', 'bob'),
    ];
    const results = new Map<string, Record<string, unknown>>();
    await waitUntil('the hand-written entries are answered', async () => {
      for (const [, fields] of (await client.call('XRANGE', 'out', '-', '+')) as [string, string[]][]) {
        const at = fields.indexOf('in') + 1;
        results.set(fields[at]!, JSON.parse(fields[fields.indexOf('result') + 1]!));
      }
      return ids.every((id) => results.has(id!));
    });
    expect(ids.map((id) => results.get(id!))).toEqual([
      { error: 'no "text" field' },
      { error: 'entry 1 of the archive has no line number ("line": "seven")' },
      { line: 4, error: 'line 4: the entry\'s "csv" field is not a JSON object of strings' },
      { line: 5, error: 'line 5: the entry has none of the fields jsonl, text, csv, error or end' },
      expect.objectContaining({ id: 'm-10', sender: 'bob', verdict: expect.stringMatching(/review|block/) }),
    ]);
    controller.abort();
    expect((await done).processed).toBe(45 + ids.length);
  }, 60_000);
});

describe.runIf(built && redisServerAvailable)('a Redis restart (append-only, SHUTDOWN and start again) during a run', () => {
  let redis: RedisServer;
  afterAll(async () => redis?.close());

  it('loses nothing: enqueue, 2 workers and collect all go on once it is back', async () => {
    redis = await startRedisServer({ appendonly: true });
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    client.on('error', () => undefined);
    try {
      const file = archive('restart.jsonl', 5000, 25);
      const workers = ['r1', 'r2'].map((name) => cliWorker(redis, name, ['--batch', '50', '--claim-idle', '2000']));
      await waitUntil('both workers are reading', async () => workers.every((w) => w.stderr().includes(' reading in ')));
      const collecting = cli(['collect', '--redis', redis.url, '--stream', 'out']);
      // Back-pressure keeps the enqueue going through the restart too.
      const enqueuing = cli(['enqueue', file, '--redis', redis.url, '--stream', 'in', '--max-lag', '500']);
      await waitUntil('a first part is answered', async () => Number(await client.xlen('out')) >= 800);
      await redis.shutdown();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await redis.start();
      const [enqueued, collected] = await Promise.all([enqueuing, collecting]);
      expect(enqueued.code, enqueued.stderr).toBe(0);
      expect(collected.code, collected.stderr).toBe(0);
      expect(collected.stdout).toBe((await scanInProcess([file])).stdout);
      // Every worker saw the connection go and come back, and is still running.
      for (const { child, stderr } of workers) {
        expect(child.exitCode, stderr()).toBe(null);
        expect(stderr()).toMatch(/connected again/);
      }
    } finally {
      client.disconnect();
    }
  }, 90_000);
});

describe.runIf(built && redisServerAvailable)('a Redis URL with a user and password', () => {
  let redis: RedisServer;
  afterAll(async () => redis?.close());

  it('works with the right password and is a usage error with a wrong one', async () => {
    redis = await startRedisServer({ args: ['--user', 'alice', 'on', '>s3cret', '~*', '&*', '+@all', '--user', 'default', 'off'] });
    const url = `redis://alice:s3cret@127.0.0.1:${redis.port}`;
    const client = new Redis(url);
    try {
      const controller = new AbortController();
      const done = runWorker({ redis: url, stream: 'in', group: 'g', out: 'out', signal: controller.signal, metricsIntervalMs: 0, log: () => undefined });
      const id = await client.xadd('in', '*', 'text', 'add me on wechat');
      await waitUntil('the entry is answered', async () => Number(await client.xlen('out')) === 1);
      controller.abort();
      expect((await done).processed).toBe(1);
      const fields = ((await client.call('XRANGE', 'out', '-', '+')) as [string, string[]][])[0]![1];
      expect(fields.slice(0, 2)).toEqual(['in', id]);
      const wrong = await cli(['collect', '--redis', `redis://alice:nope@127.0.0.1:${redis.port}`, '--stream', 'out']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/^chaperone: Redis refused: WRONGPASS/m);
      expect(wrong.stderr).not.toContain('nope');
    } finally {
      client.disconnect();
    }
  }, 30_000);
});
