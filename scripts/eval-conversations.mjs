#!/usr/bin/env node
// Scores the conversation API on a labelled set of conversations, one JSON object a line:
//   {"id": "x-001", "lang": "en" | "zh" | "mixed", "messages": [{"id": "m1", "sender": "driver", "text": "...", "at": 1733650000000}, ...],
//    "labels": ["off-platform", ...], "thread_only": true | false, "kind": "split-contact", "note": "..."}
// Each conversation's messages are added in order to moderator.conversation() of the default policy,
// with a window that holds the whole conversation (every message, and the minutes from its first to
// its last message). A conversation counts as FLAGGED when the thread verdict is not `allow` after
// any of its messages (as a backend that acts on the thread at each message would see it), and as
// flagged for a category when that category's thread verdict is not `allow` after any message.
// "Positive" means its labels are not empty.
//
// Prints aggregates only (no message text, no ids): precision / recall / F1 of flagged against
// positive, overall and per lang; recall per kind and on thread_only positives; per category; the
// clean conversations flagged per kind. With --misses FILE, writes the ids of misses and false
// alarms (overall and per category) to FILE as JSON. A line that cannot be read is named by its
// line number on stderr, left out of the scores, and makes the exit status 1.
// Usage: npm run eval:conversations -- --file PATH [--misses FILE] [--json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// CHAPERONE_DIST lets a second build (e.g. `npx tsup --out-dir dist-x`) be measured beside the main one.
const distDir = resolve(root, process.env.CHAPERONE_DIST ?? 'dist');
const CATEGORIES = ['profanity', 'threat', 'off-platform', 'pii'];
const MINUTE = 60_000;

let values;
try {
  ({ values } = parseArgs({ options: { file: { type: 'string' }, misses: { type: 'string' }, json: { type: 'boolean' } } }));
} catch (error) {
  usage(error.message);
}
if (!values.file) usage('--file PATH is required');

const { createModerator, DEFAULT_WINDOW, MAX_WINDOW_MESSAGES } = await import(join(distDir, 'index.js'));
const moderator = createModerator();

const { conversations, problems } = readSet(values.file);
for (const problem of problems) console.error(`eval-conversations: ${problem}`);
const started = process.hrtime.bigint();
const outcomes = conversations.map(run);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const report = summarise(outcomes, problems.length, seconds);
console.log(values.json ? JSON.stringify(report, null, 2) : format(report));
if (values.misses) writeFileSync(values.misses, `${JSON.stringify(missesOf(outcomes), null, 2)}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;

function usage(message) {
  console.error(`eval-conversations: ${message}\nusage: npm run eval:conversations -- --file PATH [--misses FILE] [--json]`);
  process.exit(2);
}

/**
 * The conversations of a set file, each checked for the fields the scores need. The problems say
 * which line and which field, never the text: the set may be blind.
 */
function readSet(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    usage(`cannot read ${file} (${error.code ?? error.message})`);
  }
  const conversations = [];
  const problems = [];
  const seen = new Set();
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    let item;
    try {
      item = JSON.parse(raw);
    } catch {
      // JSON.parse's message quotes the line: only its number is reported.
      problems.push(`line ${line}: not valid JSON`);
      return;
    }
    const wrong = problemOf(item);
    if (wrong) return problems.push(`line ${line}: ${wrong}`);
    if (seen.has(item.id)) return problems.push(`line ${line}: id repeats an earlier line's`);
    seen.add(item.id);
    conversations.push(item);
  });
  return { conversations, problems };
}

function problemOf(item) {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return 'not a JSON object';
  if (typeof item.id !== 'string' || item.id === '') return '"id" is not a non-empty string';
  if (!Array.isArray(item.labels) || !item.labels.every((label) => typeof label === 'string')) return '"labels" is not an array of strings';
  if (!Array.isArray(item.messages) || item.messages.length === 0) return '"messages" is not a non-empty array';
  if (item.messages.length > MAX_WINDOW_MESSAGES) return `more than ${MAX_WINDOW_MESSAGES} messages, the largest window`;
  for (const [n, message] of item.messages.entries()) {
    if (message === null || typeof message !== 'object') return `message ${n + 1} is not an object`;
    if (typeof message.text !== 'string') return `message ${n + 1} has no "text" string`;
    if (typeof message.id !== 'string' && typeof message.id !== 'number') return `message ${n + 1} has no "id"`;
  }
  return undefined;
}

/** One conversation through moderator.conversation(): whether and in which categories its thread was ever flagged. */
function run(item) {
  const times = item.messages.map((m) => m.at).filter((at) => typeof at === 'number' && Number.isFinite(at));
  const span = times.length > 1 ? Math.max(...times) - Math.min(...times) : 0;
  const window = {
    messages: Math.min(MAX_WINDOW_MESSAGES, Math.max(DEFAULT_WINDOW.messages, item.messages.length)),
    minutes: Math.max(DEFAULT_WINDOW.minutes, Math.ceil(span / MINUTE) + 1),
  };
  const convo = moderator.conversation({ window });
  let flagged = false;
  const categories = new Set();
  const notices = [];
  for (const message of item.messages) {
    // Missing senders and times, out-of-order times and repeated ids are the API's to handle: they come back as notices.
    const update = convo.add(message);
    if (update.thread.verdict !== 'allow') flagged = true;
    for (const [category, value] of Object.entries(update.thread.categories)) if (value.verdict !== 'allow') categories.add(category);
    for (const notice of update.notices) notices.push(notice.code);
  }
  return {
    id: item.id,
    lang: typeof item.lang === 'string' ? item.lang : 'unknown',
    kind: typeof item.kind === 'string' ? item.kind : 'none',
    threadOnly: item.thread_only === true,
    labels: item.labels,
    positive: item.labels.length > 0,
    flagged,
    categories,
    messages: item.messages.length,
    notices,
  };
}

function prf({ tp, fp, fn }) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Confusion counts of `flagged` against `positive` over some outcomes, with precision, recall and F1. */
function score(outcomes, positive = (o) => o.positive, flagged = (o) => o.flagged) {
  const counts = { n: outcomes.length, positives: 0, tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const o of outcomes) {
    const [p, f] = [positive(o), flagged(o)];
    if (p) counts.positives++;
    if (p && f) counts.tp++;
    else if (!p && f) counts.fp++;
    else if (p && !f) counts.fn++;
    else counts.tn++;
  }
  return { ...counts, ...prf(counts) };
}

function groupBy(outcomes, key) {
  const groups = new Map();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function summarise(outcomes, unreadable, seconds) {
  const positives = outcomes.filter((o) => o.positive);
  const clean = outcomes.filter((o) => !o.positive);
  const recallOf = (group) => ({ n: group.length, flagged: group.filter((o) => o.flagged).length, recall: ratio(group.filter((o) => o.flagged).length, group.length) });
  const labelled = [...new Set([...CATEGORIES, ...outcomes.flatMap((o) => o.labels)])];
  const notices = {};
  for (const o of outcomes) for (const code of o.notices) notices[code] = (notices[code] ?? 0) + 1;
  const messages = outcomes.reduce((sum, o) => sum + o.messages, 0);
  return {
    conversations: outcomes.length,
    positives: positives.length,
    clean: clean.length,
    unreadable,
    messages,
    msPerMessage: messages === 0 ? 0 : (seconds * 1000) / messages,
    overall: score(outcomes),
    byLang: Object.fromEntries(groupBy(outcomes, (o) => o.lang).map(([lang, group]) => [lang, score(group)])),
    recallByKind: Object.fromEntries(groupBy(positives, (o) => o.kind).map(([kind, group]) => [kind, recallOf(group)])),
    recallThreadOnly: recallOf(positives.filter((o) => o.threadOnly)),
    recallNotThreadOnly: recallOf(positives.filter((o) => !o.threadOnly)),
    byCategory: Object.fromEntries(
      labelled.map((category) => [category, score(outcomes, (o) => o.labels.includes(category), (o) => o.categories.has(category))]),
    ),
    cleanFlaggedByKind: Object.fromEntries(
      groupBy(clean, (o) => o.kind).map(([kind, group]) => [kind, { n: group.length, flagged: group.filter((o) => o.flagged).length }]),
    ),
    notices,
  };
}

function ratio(a, b) {
  return b === 0 ? 1 : a / b;
}

function format(r) {
  const f = (x) => x.toFixed(3);
  const line = (name, s) =>
    `  ${name.padEnd(24)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}, tn ${s.tn}; ${s.positives}/${s.n} positive)`;
  const recall = (name, s) => `  ${name.padEnd(24)} R ${f(s.recall)}   (${s.flagged}/${s.n})`;
  const noticeList = Object.entries(r.notices).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  return [
    `${r.conversations} conversations (${r.positives} positive, ${r.clean} clean), ${r.messages} messages, ` +
      `${r.msPerMessage.toFixed(2)} ms per message${r.unreadable > 0 ? `; ${r.unreadable} lines unreadable and left out` : ''}`,
    'flagged (thread verdict not allow after any message) against labels not empty:',
    line('overall', r.overall),
    ...Object.entries(r.byLang).map(([lang, s]) => line(`lang ${lang}`, s)),
    'recall of positives:',
    ...Object.entries(r.recallByKind).map(([kind, s]) => recall(`kind ${kind}`, s)),
    recall('thread_only', r.recallThreadOnly),
    recall('not thread_only', r.recallNotThreadOnly),
    'per category (thread category verdict against the label):',
    ...Object.entries(r.byCategory).map(([category, s]) => line(category, s)),
    'clean conversations flagged, per kind:',
    ...(r.clean === 0 ? ['  none'] : Object.entries(r.cleanFlaggedByKind).map(([kind, s]) => `  ${`kind ${kind}`.padEnd(24)} ${s.flagged}/${s.n}`)),
    `notices: ${noticeList}`,
  ].join('\n');
}

function missesOf(outcomes) {
  const byCategory = (test) =>
    Object.fromEntries(
      [...new Set([...CATEGORIES, ...outcomes.flatMap((o) => o.labels)])]
        .map((category) => [category, outcomes.filter((o) => test(o, category)).map((o) => o.id)])
        .filter(([, ids]) => ids.length > 0),
    );
  return {
    misses: outcomes.filter((o) => o.positive && !o.flagged).map((o) => o.id),
    falseAlarms: outcomes.filter((o) => !o.positive && o.flagged).map((o) => o.id),
    categoryMisses: byCategory((o, c) => o.labels.includes(c) && !o.categories.has(c)),
    categoryFalseAlarms: byCategory((o, c) => !o.labels.includes(c) && o.categories.has(c)),
  };
}
