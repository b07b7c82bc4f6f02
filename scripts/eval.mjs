#!/usr/bin/env node
// Precision / recall / F1 per category on the project's dev set and on the public data sets in
// ../shared/data (label mapping in its README). Misses go to .eval/misses-<set>.jsonl.
// Usage: npm run eval [-- --only dev|holdout|holdout-2|holdout-3|davidson|olid|cold|ethos] [--limit N] [--dev FILE]
// --dev FILE (repeatable) measures other sets in dev.jsonl's format (e.g. a blind set) instead of the dev set; items
// with a `kind` field are also scored per kind for --kind-category (default threat).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// CHAPERONE_DIST lets a second build (e.g. `npx tsup --out-dir dist-x`) be measured beside the main one.
const distDir = resolve(root, process.env.CHAPERONE_DIST ?? 'dist');
const { createModerator } = await import(join(distDir, 'index.js'));
const shared = resolve(root, '..', 'shared');
const outDir = join(root, '.eval');
const CATEGORIES = ['profanity', 'threat', 'off-platform', 'pii'];

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    limit: { type: 'string' },
    data: { type: 'string' },
    dev: { type: 'string', multiple: true },
    'kind-category': { type: 'string', default: 'threat' },
  },
});
const dataDir = values.data ? resolve(values.data) : join(shared, 'data');
const limit = values.limit ? Number(values.limit) : Infinity;
const wanted = (name) => !values.only || values.only.includes(name);

const moderator = createModerator();
const flagged = (result, category) => (result.categories[category]?.verdict ?? 'allow') !== 'allow';
mkdirSync(outDir, { recursive: true });

function prf(tp, fp, fn) {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}
const fmt = (x) => x.toFixed(3);
function row(name, counts) {
  const { p, r, f1 } = prf(counts.tp, counts.fp, counts.fn);
  return `  ${name.padEnd(22)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}   (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn}, n ${counts.n})`;
}

function evalDev(name, file, shown) {
  if (!existsSync(file)) return console.log(`${name}: skipped, ${file} is absent`);
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, limit).map((l) => JSON.parse(l));
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, n: 0 }]));
  // Per language (a blind set is reported English and Chinese apart) and, where items carry a
  // `kind` (what the writer meant each message to test), the share right per kind for one category.
  const byLang = new Map();
  const byKind = new Map();
  const kindCategory = values['kind-category'];
  const misses = [];
  const entityRows = [];
  const entityCounts = {};
  for (const item of lines) {
    const result = moderator.moderate(item.text);
    const found = [...new Set(result.findings.filter((f) => f.category === 'pii' && f.entity).map((f) => f.entity))];
    // The dev set calls personal links `url-personal`; the pii rule set's entity is `url`.
    const expectedEntities = (item.pii ?? []).map((kind) => (kind === 'url-personal' ? 'url' : kind));
    if (expectedEntities.length > 0 || found.length > 0) entityRows.push({ id: item.id, expected: expectedEntities, found });
    for (const kind of expectedEntities) {
      const c = (entityCounts[kind] ??= { expected: 0, found: 0 });
      c.expected++;
      if (found.includes(kind)) c.found++;
    }
    const lang = item.lang ?? 'unknown';
    if (!byLang.has(lang)) byLang.set(lang, Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, n: 0 }])));
    if (item.kind !== undefined) {
      const key = `${item.kind} ${lang}`;
      const k = byKind.get(key) ?? { right: 0, n: 0 };
      k.n++;
      if (item.labels.includes(kindCategory) === flagged(result, kindCategory)) k.right++;
      byKind.set(key, k);
    }
    for (const category of CATEGORIES) {
      const expected = item.labels.includes(category);
      const got = flagged(result, category);
      const l = byLang.get(lang)[category];
      if (expected) l.n++;
      if (expected && got) l.tp++;
      else if (!expected && got) l.fp++;
      else if (expected && !got) l.fn++;
      const c = counts[category];
      if (expected) c.n++;
      if (expected && got) c.tp++;
      else if (!expected && got) c.fp++;
      else if (expected && !got) c.fn++;
      if (expected !== got) {
        misses.push({
          id: item.id,
          category,
          kind: expected ? 'missed' : 'false-positive',
          text: item.text,
          note: item.note,
          findings: result.findings.map((f) => `${f.ruleId} "${f.text}" ${f.score}`),
        });
      }
    }
  }
  console.log(`${name} set (${lines.length} messages, ${shown})`);
  for (const category of CATEGORIES) console.log(row(category, counts[category]));
  if (byLang.size > 1) {
    for (const [lang, langCounts] of [...byLang].sort()) {
      console.log(`  ${lang}:`);
      for (const category of CATEGORIES) console.log('  ' + row(category, langCounts[category]));
    }
  }
  if (byKind.size > 0) {
    console.log(`  ${kindCategory} right, by kind and language:`);
    for (const [key, k] of [...byKind].sort()) console.log(`    ${key.padEnd(22)} ${k.right}/${k.n}`);
  }
  const entitySummary = Object.entries(entityCounts)
    .sort((a, b) => b[1].expected - a[1].expected)
    .map(([kind, c]) => `${kind} ${c.found}/${c.expected}`)
    .join(', ');
  console.log(`  pii entities found where the dev set expects them: ${entitySummary}`);
  writeFileSync(join(outDir, `pii-entities-${name}.jsonl`), entityRows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`  entity per message: .eval/pii-entities-${name}.jsonl (${entityRows.length})`);
  writeFileSync(join(outDir, `misses-${name}.jsonl`), misses.map((m) => JSON.stringify(m)).join('\n') + '\n');
  console.log(`  misses: .eval/misses-${name}.jsonl (${misses.length})`);
}

async function loadObscenity() {
  const o = await import('obscenity');
  const matcher = new o.RegExpMatcher({ ...o.englishDataset.build(), ...o.englishRecommendedTransformers });
  return (text) => matcher.hasMatch(text);
}

/** Binary evaluation of one category on a labelled public set, beside obscenity where it applies. */
async function evalBinary(name, file, rows, category, { peer = false } = {}) {
  if (!existsSync(file)) return console.log(`${name}: skipped, ${file} is absent`);
  const items = rows().slice(0, limit);
  const ours = { tp: 0, fp: 0, fn: 0, n: 0 };
  const theirs = { tp: 0, fp: 0, fn: 0, n: 0 };
  const obscenity = peer ? await loadObscenity() : undefined;
  const misses = [];
  for (const { text, positive } of items) {
    const got = flagged(moderator.moderate(text), category);
    if (positive) ours.n++;
    if (positive && got) ours.tp++;
    else if (!positive && got) ours.fp++;
    else if (positive && !got) ours.fn++;
    if (positive !== got && misses.length < 2000) misses.push({ kind: positive ? 'missed' : 'false-positive', text });
    if (obscenity) {
      const hit = obscenity(text);
      if (positive) theirs.n++;
      if (positive && hit) theirs.tp++;
      else if (!positive && hit) theirs.fp++;
      else if (positive && !hit) theirs.fn++;
    }
  }
  console.log(`${name} (${items.length} messages, ${category})`);
  console.log(row('chaperone', ours));
  if (obscenity) console.log(row('obscenity', theirs));
  writeFileSync(join(outDir, `misses-${name}.jsonl`), misses.map((m) => JSON.stringify(m)).join('\n') + '\n');
}

const csv = (file, options = {}) => parse(readFileSync(file), { columns: true, bom: true, relax_quotes: true, ...options });

if (values.dev) {
  for (const dev of values.dev) evalDev(basename(dev).replace(/\.jsonl$/, ''), resolve(dev), dev);
} else if (wanted('dev')) {
  evalDev('dev', join(shared, 'eval', 'dev.jsonl'), '../shared/eval/dev.jsonl');
}
if (wanted('holdout') && !values.dev) evalDev('holdout', join(root, 'eval', 'holdout.jsonl'), 'eval/holdout.jsonl');
if (wanted('holdout-2') && !values.dev) evalDev('holdout-2', join(root, 'eval', 'holdout-2.jsonl'), 'eval/holdout-2.jsonl');
if (wanted('holdout-3') && !values.dev) evalDev('holdout-3', join(root, 'eval', 'holdout-3.jsonl'), 'eval/holdout-3.jsonl');
if (wanted('davidson')) {
  const file = join(dataDir, 'davidson', 'labeled_data.csv');
  await evalBinary('davidson', file, () => csv(file).map((r) => ({ text: r.tweet, positive: r.class !== '2' })), 'profanity', { peer: true });
}
if (wanted('olid')) {
  const file = join(dataDir, 'olid', 'olid-training-v1.0.tsv');
  await evalBinary(
    'olid',
    file,
    () =>
      readFileSync(file, 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split('\t'))
        .map(([, tweet, a]) => ({ text: tweet, positive: a === 'OFF' })),
    'profanity',
    { peer: true },
  );
}
if (wanted('cold')) {
  const file = join(dataDir, 'cold', 'dev.csv');
  await evalBinary('cold', file, () => csv(file).map((r) => ({ text: r.TEXT, positive: r.label === '1' })), 'profanity');
}
if (wanted('ethos')) {
  const file = join(dataDir, 'ethos', 'Ethos_Dataset_Multi_Label.csv');
  await evalBinary(
    'ethos',
    file,
    () => csv(file, { delimiter: ';' }).map((r) => ({ text: r.comment, positive: Number(r.violence) >= 0.5 })),
    'threat',
  );
}
