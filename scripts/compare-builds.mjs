#!/usr/bin/env node
// Compares what two builds of chaperone say about the same messages: the full JSON of moderate()
// (and of explain() on the dev set) from this build and from a base build, message by message.
// Used to show that a speed change leaves every finding, message and explanation as it was.
// Usage: node scripts/compare-builds.mjs --base dist-base [--count 20000] [--dev ../shared/eval/dev.jsonl] [--data ../shared/data]
// With ../shared/data present, the Davidson tweets and COLD's train.csv texts are compared too.
// Build the base with e.g. `git worktree add ../base main && (cd ../base && npx tsup --out-dir ../wt/dist-base)`.
// Exit 0 when every output is identical, 1 otherwise (naming the first differences).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { generateCorpus } from './corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { base: { type: 'string' }, count: { type: 'string' }, dev: { type: 'string' }, data: { type: 'string' } } });
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
  sets.push({ name: `dev set (${devPath})`, texts: dev, explained: dev.length });
} else {
  console.error(`no dev set at ${devPath}: comparing the bench corpus only`);
}
const count = Number(values.count ?? 20000);
// explain() as well on the first 2000 messages of the others: it also shows what exceptions suppressed, and why.
sets.push({ name: 'bench corpus (scripts/corpus.mjs, seed 7)', texts: generateCorpus(count, { seed: 7 }).map((m) => m.text), explained: 2000 });

const dataDir = resolve(root, values.data ?? '../shared/data');
const csv = (file) => parse(readFileSync(file), { columns: true, bom: true, relax_quotes: true });
for (const [name, file, column] of [
  ['Davidson tweets', join(dataDir, 'davidson', 'labeled_data.csv'), 'tweet'],
  ['COLD train.csv', join(dataDir, 'cold', 'train.csv'), 'TEXT'],
]) {
  if (existsSync(file)) sets.push({ name: `${name} (${file})`, texts: csv(file).map((r) => r[column]), explained: 2000 });
  else console.error(`no ${file}: ${name} not compared`);
}

let failures = 0;
for (const { name, texts, explained } of sets) {
  let differ = 0;
  let findings = 0;
  texts.forEach((text, i) => {
    const a = JSON.stringify(head.moderate(text));
    const b = JSON.stringify(base.moderate(text));
    findings += JSON.parse(b).findings.length;
    const explainA = i < explained ? JSON.stringify(head.explain(text)) : '';
    const explainB = i < explained ? JSON.stringify(base.explain(text)) : '';
    if (a === b && explainA === explainB) return;
    if (differ++ < 5) console.log(`DIFFERS: ${JSON.stringify(text)}\n  head ${a}\n  base ${b}${explainA === explainB ? '' : '\n  (explain differs)'}`);
  });
  console.log(`${name}: ${texts.length} messages (explain() on the first ${Math.min(explained, texts.length)}), ${findings} findings, ${differ} differ`);
  failures += differ;
}
process.exit(failures === 0 ? 0 : 1);
