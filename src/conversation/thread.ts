import { overallOf, round, verdictFor } from '../engine/scoring.js';
import type { CategoryResult, Thresholds } from '../engine/types.js';
import { threadFindingKey, type Live } from './live.js';
import type { MessageSignals, ThreadFinding, ThreadResult } from './types.js';

/**
 * How big a state is let grow (as UTF-8 JSON) by the findings it keeps: what the window's messages
 * and fragments take comes first, and findings fill the rest, at least {@link MIN_FINDINGS_BUDGET}.
 * Beyond it the weakest findings of single messages go first, then the weakest of the
 * conversation rules; the thread then lists only what was kept. A 50-message window of
 * chat-length messages stays under 16 KB.
 */
export const STATE_BUDGET = 15 * 1024;
export const MIN_FINDINGS_BUDGET = 2 * 1024;

const sizes = new WeakMap<ThreadFinding, number>();

/**
 * A finding's size as UTF-8 JSON, estimated from above without serialising it: its strings,
 * and a bound for its keys, numbers and punctuation.
 */
export function sizeOf(finding: ThreadFinding): number {
  let size = sizes.get(finding);
  if (size !== undefined) return size;
  size = 260 + 2 * utf8Length(finding.ruleId) + utf8Length(finding.category) + utf8Length(finding.text) + utf8Length(finding.message);
  size += utf8Length(finding.severity) + utf8Length(finding.explanation.matched) + 2 * utf8Length(finding.since) + utf8Length(finding.sender ?? '');
  size += utf8Length(finding.entity ?? '');
  for (const step of finding.explanation.steps) size += 40 + utf8Length(step.kind) + utf8Length(step.note);
  for (const span of finding.messages) size += 40 + utf8Length(span.id);
  sizes.set(finding, size);
  return size;
}

/** UTF-8 length from above: three bytes a unit unless the text is ASCII (JSON escapes aside, which the margins cover). */
function utf8Length(text: string): number {
  return NON_ASCII.test(text) ? 3 * text.length : text.length;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** A message's entry in the state, as UTF-8 JSON, estimated from above. */
export function entrySize(id: string, sender: string | undefined, signals: MessageSignals | undefined): number {
  let size = 60 + utf8Length(id) + (sender === undefined ? 0 : utf8Length(sender) + 10);
  if (signals === undefined) return size;
  // `"signals":{}`, then each signal's name and numbers (a score has at most 4 decimals).
  size += 14;
  if (signals.request) size += 48;
  if (signals.cancel) size += 24;
  if (signals.refusal) size += 24;
  if (signals.app) size += 24;
  if (signals.carry) size += 24;
  if (signals.resume) size += 24;
  if (signals.pitch) size += 24;
  if (signals.move) size += 24;
  if (signals.hostility) for (const kind of Object.keys(signals.hostility)) size += 40 + utf8Length(kind);
  return size;
}

/** Drops the weakest findings, then the oldest among equals, until the state fits {@link STATE_BUDGET}. */
export function keepWithinBudget(live: Live): void {
  let total = live.keptBytes;
  // A sender's fragment is at most 4 pieces of 48 characters: most states are far from the budget.
  if (total + live.entryBytes + live.fragments.size * 900 <= STATE_BUDGET) return;
  let fragments = 0;
  for (const fragment of live.fragments.values()) {
    fragments += 40 + utf8Length(fragment.sender);
    for (const part of fragment.parts) fragments += 40 + utf8Length(part.id) + utf8Length(part.text);
  }
  const budget = Math.max(MIN_FINDINGS_BUDGET, STATE_BUDGET - live.entryBytes - fragments);
  if (total <= budget) return;
  live.changes++;
  // Dropped first: a finding of one message that the message has a stronger one of the same
  // category beside (it adds little to the thread's score), then one that is not its sender's
  // strongest of its category in the window, then any; the weakest first within each, then the oldest.
  const all = [...live.messageFindings, ...live.threadFindings.values()];
  const bestOfMessage = new Map<string, ThreadFinding>();
  const bestOfSender = new Map<string, ThreadFinding>();
  for (const finding of all) {
    const ofSender = `${finding.sender ?? ''}\u0000${finding.category}`;
    if ((bestOfSender.get(ofSender)?.score ?? -1) < finding.score) bestOfSender.set(ofSender, finding);
    if (finding.messages.length > 1) continue;
    const inMessage = `${finding.since}\u0000${finding.category}`;
    if ((bestOfMessage.get(inMessage)?.score ?? -1) < finding.score) bestOfMessage.set(inMessage, finding);
  }
  const tierOf = (finding: ThreadFinding): number => {
    if (bestOfSender.get(`${finding.sender ?? ''}\u0000${finding.category}`) === finding) return 2;
    if (finding.messages.length > 1 || bestOfMessage.get(`${finding.since}\u0000${finding.category}`) === finding) return 1;
    return 0;
  };
  const tiers = new Map(all.map((finding) => [finding, tierOf(finding)] as const));
  all.sort((a, b) => tiers.get(a)! - tiers.get(b)! || a.score - b.score || seqOf(live, a) - seqOf(live, b));
  const dropped = new Set<ThreadFinding>();
  for (const finding of all) {
    if (total <= budget) break;
    dropped.add(finding);
    total -= sizeOf(finding);
  }
  if (dropped.size > 0) live.messageFindings = live.messageFindings.filter((f) => !dropped.has(f));
  for (const finding of dropped) if (finding.messages.length > 1) live.threadFindings.delete(threadFindingKey(finding));
  live.keptBytes = total;
}

function seqOf(live: Live, finding: ThreadFinding): number {
  return live.byId.get(finding.since)?.seq ?? -1;
}

/** The message just added and every finding it has. */
interface Current {
  readonly id: string;
  readonly findings: readonly ThreadFinding[];
}

/**
 * The thread over the window: the kept findings, with `current` (every finding of the message just
 * added, hints included) in place of that message's kept ones.
 */
export function buildThread(live: Live, thresholdsFor: (category: string) => Thresholds, current?: Current): ThreadResult {
  if (!current && live.cached?.changes === live.changes) return live.cached.thread;
  const thread = threadOf(live, thresholdsFor, current);
  if (!current) live.cached = { changes: live.changes, thread };
  return thread;
}

function threadOf(live: Live, thresholdsFor: (category: string) => Thresholds, current?: Current): ThreadResult {
  // Findings of single messages are kept in the order of their messages, each message's by start
  // (as moderate() sorts them), and the current message is the newest: only the few findings of
  // the conversation rules need a place among them.
  const single: ThreadFinding[] = [];
  for (const finding of live.messageFindings) if (finding.since !== current?.id) single.push(finding);
  if (current) for (const finding of current.findings) single.push(finding);
  if (single.length === 0 && live.threadFindings.size === 0) return EMPTY_THREAD;
  const spanning = [...live.threadFindings.values()].map((finding) => ({ finding, seq: seqOf(live, finding) }));
  spanning.sort((a, b) => a.seq - b.seq || a.finding.start - b.finding.start || a.finding.end - b.finding.end);
  const findings: ThreadFinding[] = [];
  let next = 0;
  let seq = -1;
  let since = '';
  for (const finding of single) {
    if (finding.since !== since) {
      since = finding.since;
      seq = seqOf(live, finding);
    }
    while (next < spanning.length && (spanning[next]!.seq < seq || (spanning[next]!.seq === seq && spanning[next]!.finding.start < finding.start))) {
      findings.push(spanning[next++]!.finding);
    }
    findings.push(finding);
  }
  while (next < spanning.length) findings.push(spanning[next++]!.finding);
  const categories = scoreThread(findings, thresholdsFor);
  return { ...overallOf(categories), categories, findings };
}

const EMPTY_THREAD: ThreadResult = Object.freeze({ verdict: 'allow', score: 0, categories: Object.freeze({}), findings: Object.freeze([]) });

/**
 * Category scores of a thread: the findings of each single message combine as `moderate()`
 * combines them (a noisy-OR over rules), a finding that spans messages stands alone, and the
 * category takes the highest. Findings of different messages do not add up: that is what the
 * conversation rules are for, with an explanation.
 */
function scoreThread(findings: readonly ThreadFinding[], thresholdsFor: (category: string) => Thresholds): Record<string, CategoryResult> {
  const best = new Map<string, number>();
  const raise = (category: string, score: number) => {
    const known = best.get(category);
    if (known === undefined || score > known) best.set(category, score);
  };
  // A message's findings are side by side: each run of them is combined as one message.
  let i = 0;
  while (i < findings.length) {
    const first = findings[i]!;
    if (first.messages.length > 1) {
      raise(first.category, first.score);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < findings.length && (findings[end]!.messages.length > 1 || findings[end]!.since === first.since)) end++;
    for (let a = i; a < end; a++) {
      const finding = findings[a]!;
      if (finding.messages.length > 1) {
        raise(finding.category, finding.score);
        continue;
      }
      // Once per category and rule: the first finding of each category gathers its rules' best scores.
      let seen = false;
      for (let b = i; b < a && !seen; b++) seen = findings[b]!.messages.length === 1 && findings[b]!.category === finding.category;
      if (seen) continue;
      let keep = 1;
      for (let b = a; b < end; b++) {
        const other = findings[b]!;
        if (other.messages.length > 1 || other.category !== finding.category) continue;
        let repeat = false;
        for (let c = a; c < b && !repeat; c++) repeat = findings[c]!.messages.length === 1 && findings[c]!.ruleId === other.ruleId;
        if (repeat) continue;
        let ruleBest = other.score;
        for (let c = b + 1; c < end; c++) {
          if (findings[c]!.messages.length === 1 && findings[c]!.ruleId === other.ruleId) ruleBest = Math.max(ruleBest, findings[c]!.score);
        }
        keep *= 1 - ruleBest;
      }
      raise(finding.category, round(1 - keep));
    }
    i = end;
  }
  const out: Record<string, CategoryResult> = {};
  for (const [category, score] of best) {
    // A category is any kebab-case name, `__proto__` included: an own property, never the prototype.
    const value = { score, verdict: verdictFor(score, thresholdsFor(category)) };
    Object.defineProperty(out, category, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
