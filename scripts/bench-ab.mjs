#!/usr/bin/env node
// A/B of two builds of chaperone in one process, on the bench corpus: messages per second of the
// default moderator of each, in alternating rounds, and the median ratio of neighbouring rounds.
// Usage: npm run bench:ab -- --base dist-base [--count 20000 --rounds 7]
// Build the base with e.g. `git worktree add ../base <commit> && (cd ../base && npx tsup --out-dir ../main/dist-base)`.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { base: { type: 'string' }, count: { type: 'string' }, rounds: { type: 'string' } } });
if (!values.base) {
  console.error('usage: npm run bench:ab -- --base DIR [--count N] [--rounds N]');
  process.exit(2);
}
const count = Number(values.count ?? 20000);
const rounds = Number(values.rounds ?? 7);
const builds = [
  ['head', resolve(root, process.env.CHAPERONE_DIST ?? 'dist')],
  ['base', resolve(root, values.base)],
];
const moderators = [];
for (const [name, dir] of builds) {
  const { createModerator } = await import(join(dir, 'index.js'));
  moderators.push([name, createModerator()]);
}
const corpus = generateCorpus(count, { seed: 7 }).map((m) => m.text);
console.log(`corpus: ${corpus.length} messages (scripts/corpus.mjs, seed 7); ${rounds} rounds each, alternating`);

// Each build gets its own copy of the loop, so neither runs through a call site the other made polymorphic.
const makeRound = (moderator) => () => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < corpus.length; i++) moderator.moderate(corpus[i]);
  return corpus.length / (Number(process.hrtime.bigint() - start) / 1e9);
};
const run = moderators.map(([name, m]) => [name, makeRound(m)]);
for (const [, round] of run) round(); // warm-up
const rates = run.map(() => []);
for (let r = 0; r < rounds; r++) run.forEach(([, round], i) => rates[i].push(round()));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
run.forEach(([name], i) => console.log(`${name.padEnd(5)} best ${Math.max(...rates[i]).toFixed(0)} msg/s, median ${median(rates[i]).toFixed(0)} msg/s`));
const pairs = rates[0].map((rate, r) => rate / rates[1][r]);
console.log(`head / base: median of round pairs ${median(pairs).toFixed(3)}x (pairs ${pairs.map((p) => p.toFixed(2)).join(', ')})`);
