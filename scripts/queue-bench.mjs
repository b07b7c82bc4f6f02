#!/usr/bin/env node
// Throughput of `chaperone worker` processes over a Redis stream filled beforehand: 1 worker against
// 2 (or --max), rounds alternating so that load from elsewhere on the machine falls on both alike.
// Usage: npm run bench:queue [-- --count 200000 --rounds 3 --max 2 --batch 200]
//
// Starts its own redis-server (no persistence) on a free loopback port, enqueues the archive once
// (scripts/corpus.mjs, seed 1), and gives every round a group of its own reading the stream from
// its start, and a results stream of its own (deleted after the round). Each round reports:
//   wall      entries / (last result - worker processes spawned): start-up and warm-up included
//   answering entries / (last result - first result), from the results' stream ids
//   warm      the second half of the entries / the time they took (each worker warmed up by then)
// It also measures the machine itself: one CPU-bound loop alone, then two side by side; on two
// free cores the two take as long as the one (a "parallel factor" of 2.00).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { count: { type: 'string' }, rounds: { type: 'string' }, max: { type: 'string' }, batch: { type: 'string' } },
});
const count = Number(values.count ?? 200000);
const rounds = Number(values.rounds ?? 3);
const max = Number(values.max ?? 2);
const batch = Number(values.batch ?? 200);
if (![count, rounds, max, batch].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node scripts/queue-bench.mjs [--count N] [--rounds N] [--max WORKERS] [--batch N]');
  process.exit(2);
}

const tmp = join(root, 'tmp');
mkdirSync(tmp, { recursive: true });
const archive = join(tmp, `scan-bench-${count}.jsonl`);
if (!existsSync(archive)) {
  const made = spawnSync(process.execPath, [join(root, 'scripts', 'corpus.mjs'), '--count', String(count), '--out', archive], { stdio: 'inherit' });
  if (made.status !== 0) process.exit(1);
}
const bin = join(root, 'bin', 'chaperone.js');

/** Seconds one CPU-bound loop takes alone, and two side by side (the slower of the two). */
function calibrate() {
  const loop = `let x = 0; const t = process.hrtime.bigint(); for (let i = 0; i < 3e8; i++) x = (x + i * 7) % 1000003; console.log(Number(process.hrtime.bigint() - t) / 1e9, x);`;
  const run = (n) =>
    Promise.all(
      Array.from({ length: n }, () => new Promise((done) => {
        const child = spawn(process.execPath, ['-e', loop], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.on('exit', () => done(Number(out.split(' ')[0])));
      })),
    );
  return (async () => {
    const [one] = await run(1);
    const two = Math.max(...(await run(2)));
    return { one, two, factor: (2 * one) / two };
  })();
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const port = await freePort();
const dir = mkdtempSync(join(tmpdir(), 'queue-bench-'));
const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
const client = new Redis(url, { maxRetriesPerRequest: null });
// Refused until the server is up; the loop below waits for it.
client.on('error', () => undefined);
try {
  while ((await client.ping().catch(() => '')) !== 'PONG') await sleep(50);
  console.log(`queue bench: ${count} messages (${archive}), ${rounds} alternating rounds, batch ${batch}, node ${process.version}`);
  const before = await calibrate();
  console.log(`machine before: one CPU loop ${before.one.toFixed(2)} s, two side by side ${before.two.toFixed(2)} s: parallel factor ${before.factor.toFixed(2)}`);
  const enqueue = spawnSync(process.execPath, [bin, 'enqueue', archive, '--redis', url, '--stream', 'in', '--max-lag', '0'], { encoding: 'utf8' });
  if (enqueue.status !== 0) throw new Error(enqueue.stderr);
  console.log(enqueue.stderr.trim());

  let round = 0;
  const measure = async (workers) => {
    round++;
    const group = `g${round}`;
    const out = `out${round}`;
    const redisCpu = cpuSeconds(server.pid);
    const spawned = Date.now();
    const children = Array.from({ length: workers }, (_, i) =>
      spawn(process.execPath, [bin, 'worker', '--redis', url, '--stream', 'in', '--group', group, '--out', out, '--consumer', `b${i}`,
        '--batch', String(batch), '--metrics-interval', '0'], { stdio: 'ignore' }),
    );
    let half = 0;
    for (let answered = 0; answered < count; answered = Number(await client.xlen(out))) {
      if (half === 0 && answered >= count / 2) half = Date.now();
      await sleep(50);
    }
    const done = Date.now();
    const cpu = children.map((child) => cpuSeconds(child.pid));
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((exit) => child.once('exit', exit))));
    const [[first]] = await client.xrange(out, '-', '+', 'COUNT', 1);
    const [[last]] = await client.xrevrange(out, '+', '-', 'COUNT', 1);
    const ms = (id) => Number(id.split('-')[0]);
    const result = {
      wall: Math.round((count * 1000) / (ms(last) - spawned)),
      answering: Math.round((count * 1000) / Math.max(1, ms(last) - ms(first))),
      warm: Math.round((count * 500) / Math.max(1, done - half)),
      seconds: (done - spawned) / 1000,
      workerCpu: cpu.reduce((a, b) => a + b, 0),
      redisCpu: cpuSeconds(server.pid) - redisCpu,
    };
    await client.del(out);
    await client.xgroup('DESTROY', 'in', group);
    console.log(
      `  round ${round}: ${workers} worker${workers > 1 ? 's' : ' '}  wall ${String(result.wall).padStart(6)} msg/s  answering ${String(result.answering).padStart(6)}  warm ${String(result.warm).padStart(6)} msg/s  ` +
        `(${result.seconds.toFixed(1)} s; CPU: workers ${result.workerCpu.toFixed(1)} s, redis ${result.redisCpu.toFixed(1)} s)`,
    );
    return result;
  };

  const counts = Array.from({ length: max }, (_, i) => i + 1);
  const results = Object.fromEntries(counts.map((w) => [w, []]));
  for (let r = 0; r < rounds; r++) for (const w of r % 2 === 0 ? counts : [...counts].reverse()) results[w].push(await measure(w));
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  for (const w of counts) {
    const wall = results[w].map((r) => r.wall);
    const answering = results[w].map((r) => r.answering);
    const warm = results[w].map((r) => r.warm);
    console.log(
      `  ${w} worker${w > 1 ? 's' : ' '}  median wall ${median(wall)} msg/s (${wall.join(' · ')}), answering ${median(answering)} (${answering.join(' · ')}), ` +
        `warm ${median(warm)} (${warm.join(' · ')})`,
    );
  }
  for (const w of counts.slice(1)) {
    const ratio = (key) => (median(results[w].map((r) => r[key])) / median(results[1].map((r) => r[key]))).toFixed(2);
    console.log(`speed-up with ${w} workers: ${ratio('wall')}x wall, ${ratio('answering')}x answering, ${ratio('warm')}x warm (medians)`);
  }
  const after = await calibrate();
  console.log(`machine after: one CPU loop ${after.one.toFixed(2)} s, two side by side ${after.two.toFixed(2)} s: parallel factor ${after.factor.toFixed(2)}`);
} finally {
  client.disconnect();
  server.kill('SIGTERM');
  await new Promise((exit) => server.once('exit', exit));
  rmSync(dir, { recursive: true, force: true });
}
