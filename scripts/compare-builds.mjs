#!/usr/bin/env node
// Compares what two builds of chaperone say about the same messages: the full JSON of moderate()
// (and of explain() on the dev set) from this build and from a base build, message by message.
// Used to show that a speed change leaves every finding, message and explanation as it was.
// Usage: node scripts/compare-builds.mjs --base dist-base [--count 20000] [--dev ../shared/eval/dev.jsonl]
// Build the base with e.g. `git worktree add ../base main && (cd ../base && npx tsup --out-dir ../wt/dist-base)`.
// Exit 0 when every output is identical, 1 otherwise (naming the first differences).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { base: { type: 'string' }, count: { type: 'string' }, dev: { type: 'string' } } });
if (!values.base) {
  console.error('usage: node scripts/compare-builds.mjs --base DIR [--count N] [--dev FILE]');
  process.exit(2);
}
const headDir = resolve(root, process.env.CHAPERONE_DIST ?? 'dist');
const baseDir = resolve(root, values.base);
const head = (await import(join(headDir, 'index.js'))).createModerator();
const base = (await import(join(baseDir, 'index.js'))).createModerator();

const devPath = resolve(root, values.dev ?? '../shared/eval/dev.jsonl');
const sets = [];
if (existsSync(devPath)) {
  const dev = readFileSync(devPath, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l).text);
  sets.push({ name: `dev set (${devPath})`, texts: dev, explain: true });
} else {
  console.error(`no dev set at ${devPath}: comparing the bench corpus only`);
}
const count = Number(values.count ?? 20000);
const corpus = generateCorpus(count, { seed: 7 }).map((m) => m.text);
// explain() as well on the first messages: it also shows what exceptions suppressed, and why.
const explained = Math.min(2000, count);
sets.push({ name: `bench corpus (scripts/corpus.mjs, seed 7), first ${explained}`, texts: corpus.slice(0, explained), explain: true });
sets.push({ name: `bench corpus (scripts/corpus.mjs, seed 7), ${count}`, texts: corpus, explain: false });

let failures = 0;
for (const { name, texts, explain } of sets) {
  let differ = 0;
  let findings = 0;
  for (const text of texts) {
    const a = JSON.stringify(head.moderate(text));
    const b = JSON.stringify(base.moderate(text));
    findings += JSON.parse(b).findings.length;
    const same = a === b && (!explain || JSON.stringify(head.explain(text)) === JSON.stringify(base.explain(text)));
    if (same) continue;
    if (differ++ < 5) console.log(`DIFFERS: ${JSON.stringify(text)}\n  head ${a}\n  base ${b}`);
  }
  console.log(`${name}: ${texts.length} messages, ${findings} findings, ${differ} differ${explain ? ' (moderate and explain)' : ''}`);
  failures += differ;
}
process.exit(failures === 0 ? 0 : 1);
