import type { CompiledPolicy } from '../policy/compile.js';
import { hitsFor, type Evaluation, type RawMatch } from './evaluate.js';
import { round } from './scoring.js';
import type { ExplanationStep, Finding } from './types.js';
import { workMeter } from '../text/work-meter.js';

/** Why a raw match did not become a finding; `explain` will show these to policy authors. */
export interface Suppressed {
  readonly match: RawMatch;
  readonly reason: string;
}

/**
 * Turns raw matches into findings: exceptions cancel them, context words move the score, and
 * every change is a step in the explanation. Overlapping matches of one rule keep the best.
 */
export function buildFindings(policy: CompiledPolicy, evaluation: Evaluation, suppressed?: Suppressed[]): Finding[] {
  const { matches } = evaluation;
  workMeter.steps += matches.length;
  // Scores and steps side by side with the matches, not an object per match: a long message
  // can have hundreds of thousands.
  const scored: Scored = { scores: new Float64Array(matches.length), steps: new Array(matches.length) };
  const standing: number[] = [];
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m]!;
    const cancelledBy = exceptionFor(policy, evaluation, match);
    if (cancelledBy !== undefined) {
      suppressed?.push({ match, reason: cancelledBy });
      continue;
    }
    score(policy, evaluation, match, m, scored);
    standing.push(m);
  }
  // Messages are written for the findings that remain: `{{match}}` copies the span, and a
  // long word matched at every one of its letters (`*fuck*` in `fuckfuckfuck…`) would copy
  // the word once per match.
  const kept = dedupe(matches, standing, scored.scores);
  const findings = new Array<Finding>(kept.length);
  const messages = new Map<number, string>();
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    findings[k] = toFinding(evaluation.text, matches[i]!, scored.scores[i]!, scored.steps[i]!, messages);
  }
  return findings;
}

/** The final score and explanation steps of each match, by its index. */
interface Scored {
  readonly scores: Float64Array;
  readonly steps: (readonly ExplanationStep[])[];
}

function exceptionFor(policy: CompiledPolicy, evaluation: Evaluation, match: RawMatch): string | undefined {
  if (match.rule.allow.length === 0) return undefined;
  const hits = hitsFor(policy, evaluation, match.rule.index);
  for (let slot = 0; slot < match.rule.allow.length; slot++) {
    const allow = match.rule.allow[slot]!;
    if (allow.for !== undefined && !allow.for.has(match.label)) continue;
    if (allow.name && !writtenAsName(evaluation.text, match)) continue;
    for (const hit of evaluation.words.candidates(hits.allow[slot] ?? [], match, allow.within ?? 0)) {
      const applies =
        allow.within === undefined
          ? hit.start < match.end && match.start < hit.end
          : onSide(allow.side, hit, match) && evaluation.words.between(hit, match) <= allow.within;
      if (applies) return `${allow.note} ("${evaluation.text.slice(hit.start, hit.end)}")`;
    }
  }
  return undefined;
}

/** Whether the match is written as a name: one capital letter, then only lower-case letters. */
function writtenAsName(text: string, match: { start: number; end: number }): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(text.slice(match.start, match.end));
}

/** Whether `hit` lies on `side` of `match` (either side when undefined). */
function onSide(side: 'before' | 'after' | undefined, hit: { start: number; end: number }, match: { start: number; end: number }): boolean {
  if (side === undefined) return true;
  return side === 'after' ? hit.start >= match.end : hit.end <= match.start;
}

/**
 * Whether the match is a vocative: punctuation (or the end) right after it, and before it nothing
 * but spaces, punctuation, symbols and @mentions ("Idiot, where is it", "@sam idiot!", "废物，"), or
 * the end of an English sentence ("… have no shame. Coward."): a name said on its own.
 */
function isVocative(text: string, match: { start: number; end: number }): boolean {
  const after = /^\s*(.)/u.exec(text.slice(match.end, match.end + 8));
  if (after !== null && !/[\p{P}\p{S}]/u.test(after[1]!)) return false;
  // Only ASCII sentence ends: in Chinese, "质量太差。垃圾！" calls the goods rubbish, not a person.
  if (/[\p{L}\p{N}][.!?]+["')\]]?\s+$/u.test(text.slice(Math.max(0, match.start - 12), match.start))) return true;
  if (match.start > 256) return false;
  return !/[\p{L}\p{N}]/u.test(text.slice(0, match.start).replace(/(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]+/gu, ''));
}

function score(policy: CompiledPolicy, evaluation: Evaluation, match: RawMatch, index: number, into: Scored): void {
  const { rule } = match;
  // The rule's shared steps until a step of this match's own is added.
  let steps: ExplanationStep[] | undefined;
  const add = (step: ExplanationStep) => (steps ??= [...rule.baseSteps]).push(step);
  let score = rule.source.score;
  for (const step of match.steps ?? []) {
    add(step);
    score += step.delta;
  }
  if (match.score !== undefined && match.score !== score) {
    add({ kind: 'detector', delta: round(match.score - score), note: `${rule.detector?.name ?? 'detector'} scored the match` });
    score = match.score;
  }
  const hits = rule.context.length > 0 ? hitsFor(policy, evaluation, rule.index) : undefined;
  for (let slot = 0; slot < rule.context.length; slot++) {
    const context = rule.context[slot]!;
    if (context.opening && !isVocative(evaluation.text, match)) continue;
    const near = context.bare
      ? match
      : evaluation.words.candidates(hits?.context[slot] ?? [], match, context.within).find(
          (hit) => onSide(context.side, hit, match) && evaluation.words.between(hit, match) <= context.within,
        );
    if (near) {
      add({ kind: 'context', delta: context.delta, note: `${context.note}: "${evaluation.text.slice(near.start, near.end)}"` });
      score += context.delta;
    }
  }
  const clamped = Math.min(1, Math.max(0, score));
  if (clamped !== score) {
    add({ kind: 'clamp', delta: round(clamped - score), note: 'scores stay between 0 and 1' });
  }
  into.scores[index] = round(clamped);
  into.steps[index] = steps ?? rule.baseSteps;
}

/**
 * The finding of a match. `messages` holds the last message written for each rule: a rule
 * repeated along a long message says the same thing each time, and keeps one copy of it.
 */
function toFinding(
  original: string,
  match: RawMatch,
  score: number,
  steps: readonly ExplanationStep[],
  messages: Map<number, string>,
): Finding {
  const { rule } = match;
  const text = original.slice(match.start, match.end);
  const entity = match.entity ?? rule.source.entity;
  let message = writeMessage(rule.source.message, match, text, entity);
  const previous = messages.get(rule.index);
  if (previous === message) message = previous;
  else messages.set(rule.index, message);
  const explanation = { matched: match.matched, steps };
  const { id: ruleId, ruleSet } = rule;
  const { start, end } = match;
  const severity = rule.source.severity;
  // Two whole literals rather than a spread of `entity`: a spread in the middle of a literal
  // stores the properties after it outside the object, a second allocation per finding.
  const category = ruleSet.category;
  if (entity === undefined) return { ruleId, ruleSet: ruleSet.id, category, start, end, text, score, severity, message, explanation };
  const { scheme } = match;
  return scheme === undefined
    ? { ruleId, ruleSet: ruleSet.id, category, entity, start, end, text, score, severity, message, explanation }
    : { ruleId, ruleSet: ruleSet.id, category, entity, scheme, start, end, text, score, severity, message, explanation };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g;
/** Message templates cut at their placeholders: `[text, name, as written, text, name, as written, …, text]`. */
const templates = new Map<string, readonly string[]>();
const TEMPLATES_LIMIT = 10_000;

function partsOf(template: string): readonly string[] {
  let parts = templates.get(template);
  if (parts) return parts;
  const cut: string[] = [];
  let from = 0;
  for (const placeholder of template.matchAll(PLACEHOLDER)) {
    cut.push(template.slice(from, placeholder.index), placeholder[1]!, placeholder[0]);
    from = placeholder.index + placeholder[0].length;
  }
  cut.push(template.slice(from));
  if (templates.size >= TEMPLATES_LIMIT) templates.clear();
  templates.set(template, (parts = cut));
  return parts;
}

/**
 * Fills `{{name}}` from the finding: its detector's values first, then `match`, `matched`,
 * `term`, `list`, `rule`, `category` and `entity`. Names were checked when the rule set loaded;
 * one without a value stays as written. No object of values per finding: a long message can
 * have hundreds of thousands of findings.
 */
function writeMessage(template: string, match: RawMatch, text: string, entity: string | undefined): string {
  const parts = partsOf(template);
  if (parts.length === 1) return parts[0]!;
  // Joined rather than added up: `+` makes a tree of string pieces, which a result keeps.
  const pieces = [parts[0]!];
  for (let k = 1; k < parts.length; k += 3) pieces.push(valueOf(match, text, entity, parts[k]!) ?? parts[k + 1]!, parts[k + 2]!);
  const message = pieces.join('');
  workMeter.steps += message.length;
  return message;
}

function valueOf(match: RawMatch, text: string, entity: string | undefined, name: string): string | undefined {
  // Own keys only: {{constructor}} must not print Object's constructor.
  if (match.values !== undefined && Object.hasOwn(match.values, name)) return match.values[name];
  switch (name) {
    case 'match':
      return text;
    case 'matched':
      return match.matched;
    case 'term':
      return match.label;
    case 'list':
      return match.list;
    case 'rule':
      return match.rule.id;
    case 'category':
      return match.rule.ruleSet.category;
    case 'entity':
      return entity ?? '';
    default:
      return undefined;
  }
}

/** The standing matches, overlapping ones of a rule reduced to the best, as indices sorted by start, end and rule id. */
function dedupe(matches: readonly RawMatch[], standing: number[], scores: Float64Array): number[] {
  standing.sort((a, b) => matches[a]!.start - matches[b]!.start || matches[b]!.end - matches[a]!.end || scores[b]! - scores[a]!);
  const out: number[] = [];
  const lastByRule = new Map<string, number>();
  for (const m of standing) {
    const match = matches[m]!;
    const ruleId = match.rule.id;
    const previousIndex = lastByRule.get(ruleId);
    const previous = previousIndex === undefined ? undefined : matches[out[previousIndex]!]!;
    if (previous && match.start < previous.end) {
      // Same rule, overlapping: keep the higher score, then the longer span.
      const previousScore = scores[out[previousIndex!]!]!;
      const better = scores[m]! > previousScore || (scores[m]! === previousScore && match.end - match.start > previous.end - previous.start);
      if (better) out[previousIndex!] = m;
      continue;
    }
    lastByRule.set(ruleId, out.length);
    out.push(m);
  }
  return out.sort((a, b) => {
    const x = matches[a]!, y = matches[b]!;
    return x.start - y.start || x.end - y.end || x.rule.id.localeCompare(y.rule.id);
  });
}
