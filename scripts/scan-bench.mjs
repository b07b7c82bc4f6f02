#!/usr/bin/env node
// Throughput of `chaperone scan` with 1 and with 2 (or --max) worker threads on the same archive,
// runs alternating so that load from elsewhere on the machine falls on both alike.
// Usage: npm run bench:scan [-- --count 200000 --rounds 3 --max 2]
// The archive is generated once into tmp/ by scripts/corpus.mjs (seed 1) and reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { count: { type: 'string' }, rounds: { type: 'string' }, max: { type: 'string' } } });
const count = Number(values.count ?? 200000);
const rounds = Number(values.rounds ?? 3);
const max = Number(values.max ?? 2);
if (![count, rounds, max].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('usage: node scripts/scan-bench.mjs [--count N] [--rounds N] [--max WORKERS]');
  process.exit(2);
}

const tmp = join(root, 'tmp');
mkdirSync(tmp, { recursive: true });
const archive = join(tmp, `scan-bench-${count}.jsonl`);
if (!existsSync(archive)) {
  const made = spawnSync(process.execPath, [join(root, 'scripts', 'corpus.mjs'), '--count', String(count), '--out', archive], { stdio: 'inherit' });
  if (made.status !== 0) process.exit(1);
}
const summaryFile = join(tmp, 'scan-bench-summary.json');
const bin = join(root, 'bin', 'chaperone.js');

function scan(workers) {
  const run = spawnSync(process.execPath, [bin, 'scan', archive, '--workers', String(workers), '--summary', summaryFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) {
    console.error(run.stderr.toString());
    process.exit(1);
  }
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  rmSync(summaryFile);
  return summary.messagesPerSecond;
}

const counts = Array.from({ length: max }, (_, i) => i + 1);
const rates = Object.fromEntries(counts.map((w) => [w, []]));
console.log(`scan of ${count} messages (${archive}), ${rounds} alternating rounds, node ${process.version}`);
for (let r = 0; r < rounds; r++) for (const w of r % 2 === 0 ? counts : [...counts].reverse()) rates[w].push(scan(w));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const w of counts) {
  console.log(`  ${w} worker${w > 1 ? 's' : ' '}  median ${String(median(rates[w])).padStart(7)} msg/s   (${rates[w].join(' · ')})`);
}
for (const w of counts.slice(1)) console.log(`speed-up with ${w} workers: ${(median(rates[w]) / median(rates[1])).toFixed(2)}x (medians)`);
