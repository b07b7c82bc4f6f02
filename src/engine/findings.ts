import type { CompiledPolicy, CompiledRule } from '../policy/compile.js';
import { hitsFor, type Evaluation, type RawMatch } from './evaluate.js';
import { round } from './scoring.js';
import type { Explanation, ExplanationStep, Finding } from './types.js';
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
  // With one match there is nothing to share.
  const shared = matches.length > 1 ? new Shared() : undefined;
  const scored: Scored = { scores: new Float64Array(matches.length), steps: new Array(matches.length), added: [], shared };
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
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    const match = matches[i]!;
    if (shared) findings[k] = shared.finding(evaluation.text, match, scored.scores[i]!, scored.steps[i]!);
    else {
      const text = evaluation.text.slice(match.start, match.end);
      const entity = match.entity ?? match.rule.source.entity;
      const message = writeMessage(match.rule.source.message, match, text, entity);
      findings[k] = toFinding(match, entity, text, scored.scores[i]!, message, { matched: match.matched, steps: scored.steps[i]! });
    }
  }
  return findings;
}

/** The final score and explanation steps of each match, by its index. */
interface Scored {
  readonly scores: Float64Array;
  readonly steps: (readonly ExplanationStep[])[];
  /** Scratch: the steps the match being scored adds to its rule's base step. */
  readonly added: ExplanationStep[];
  readonly shared: Shared | undefined;
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
  // The steps this match adds to the rule's base step, if any.
  const added = into.added;
  added.length = 0;
  let score = rule.source.score;
  for (const step of match.steps ?? []) {
    added.push(step);
    score += step.delta;
  }
  if (match.score !== undefined && match.score !== score) {
    added.push({ kind: 'detector', delta: round(match.score - score), note: scoredNote(rule) });
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
      added.push({ kind: 'context', delta: context.delta, note: `${context.note}: "${evaluation.text.slice(near.start, near.end)}"` });
      score += context.delta;
    }
  }
  const clamped = Math.min(1, Math.max(0, score));
  if (clamped !== score) {
    added.push({ kind: 'clamp', delta: round(clamped - score), note: 'scores stay between 0 and 1' });
  }
  into.scores[index] = round(clamped);
  if (added.length === 0) into.steps[index] = rule.baseSteps;
  else into.steps[index] = into.shared ? into.shared.stepsOf(rule, added) : [...rule.baseSteps, ...added];
}

/** The note of the step from a rule's score to its detector's, one string per rule. */
const scoredNotes = new WeakMap<CompiledRule, string>();

function scoredNote(rule: CompiledRule): string {
  let note = scoredNotes.get(rule);
  if (note === undefined) scoredNotes.set(rule, (note = `${rule.detector?.name ?? 'detector'} scored the match`));
  return note;
}

/**
 * What the findings of one message say alike, one copy each: the same span text, message,
 * explanation steps and explanation. A rule repeated along a long message (an address, an id,
 * a handle hundreds of thousands of times) says the same thing each time, and a copy of it for
 * each finding was most of what the result kept and the garbage collector walked on every
 * collection while the result was built. Objects shared this way are frozen, as a rule's base
 * step is. Each rule's last finding is compared first, without slicing or hashing: along a
 * flood the next finding most often says what the last one did.
 */
class Shared {
  private readonly byRule = new Map<CompiledRule, Said>();
  private steps?: Map<string, readonly ExplanationStep[]>;
  private strings?: Map<string, string>;
  private explanations?: Map<readonly ExplanationStep[], Map<string, Explanation>>;

  /** The rule's base steps followed by `added` (a scratch array: copied, never kept). */
  stepsOf(rule: CompiledRule, added: readonly ExplanationStep[]): readonly ExplanationStep[] {
    for (const step of added) {
      // A custom detector's step with other keys keeps its own object, as before.
      if (!isPlainStep(step)) return [...rule.baseSteps, ...added];
    }
    const said = this.saidBy(rule);
    if (said.steps !== undefined && endsWith(said.steps, rule.baseSteps.length, added)) return said.steps;
    let key = String(rule.index);
    // -0 apart from 0: the two compare as different numbers (Object.is, toEqual).
    for (const step of added) key += `\u0000${step.kind}\u0000${Object.is(step.delta, -0) ? '-0' : step.delta}\u0000${step.note}`;
    this.steps ??= new Map();
    let steps = this.steps.get(key);
    if (!steps) {
      const copies = added.map(({ kind, delta, note }) => Object.freeze({ kind, delta, note }));
      this.steps.set(key, (steps = Object.freeze([...rule.baseSteps, ...copies])));
    }
    return (said.steps = steps);
  }

  /** The finding of a match, saying what an earlier finding said in the same strings and objects. */
  finding(original: string, match: RawMatch, score: number, steps: readonly ExplanationStep[]): Finding {
    const { rule } = match;
    const said = this.saidBy(rule);
    const last = said.match;
    const entity = match.entity ?? rule.source.entity;
    const text =
      last !== undefined && said.text.length === match.end - match.start && original.startsWith(said.text, match.start)
        ? said.text
        : this.string(original.slice(match.start, match.end));
    const message =
      last !== undefined && saysAlike(rule.source.message, last, said.text, said.entity, match, text, entity)
        ? said.message
        : this.string(writeMessage(rule.source.message, match, text, entity));
    const matched =
      match.matched === text ? text : last !== undefined && match.matched === said.explanation.matched ? said.explanation.matched : this.string(match.matched);
    const explanation =
      last !== undefined && steps === said.explanation.steps && matched === said.explanation.matched ? said.explanation : this.explanation(matched, steps);
    said.match = match;
    said.text = text;
    said.entity = entity;
    said.message = message;
    said.explanation = explanation;
    return toFinding(match, entity, text, score, message, explanation);
  }

  private saidBy(rule: CompiledRule): Said {
    let said = this.byRule.get(rule);
    if (!said) this.byRule.set(rule, (said = new Said()));
    return said;
  }

  /** The first string equal to `value` that this message's findings hold. */
  private string(value: string): string {
    this.strings ??= new Map();
    const held = this.strings.get(value);
    if (held !== undefined) return held;
    this.strings.set(value, value);
    return value;
  }

  private explanation(matched: string, steps: readonly ExplanationStep[]): Explanation {
    this.explanations ??= new Map();
    let byMatched = this.explanations.get(steps);
    if (!byMatched) this.explanations.set(steps, (byMatched = new Map()));
    let explanation = byMatched.get(matched);
    if (!explanation) byMatched.set(matched, (explanation = Object.freeze({ matched, steps })));
    return explanation;
  }
}

/** What a rule's last match was scored with, and what its last finding said. */
class Said {
  steps: readonly ExplanationStep[] | undefined = undefined;
  match: RawMatch | undefined = undefined;
  text = '';
  entity: string | undefined = undefined;
  message = '';
  explanation: Explanation = { matched: '', steps: [] };
}

/** Whether every placeholder of the rule's message has the same value for two matches of the rule. */
function saysAlike(
  template: string,
  a: RawMatch,
  aText: string,
  aEntity: string | undefined,
  b: RawMatch,
  bText: string,
  bEntity: string | undefined,
): boolean {
  const parts = partsOf(template);
  for (let k = 1; k < parts.length; k += 3) {
    if (valueOf(a, aText, aEntity, parts[k]!) !== valueOf(b, bText, bEntity, parts[k]!)) return false;
  }
  return true;
}

/** Whether `steps` is `added` after its first `from` steps, step by step equal. */
function endsWith(steps: readonly ExplanationStep[], from: number, added: readonly ExplanationStep[]): boolean {
  if (steps.length !== from + added.length) return false;
  for (let k = 0; k < added.length; k++) {
    const a = steps[from + k]!;
    const b = added[k]!;
    if (a === b) continue;
    if (a.kind !== b.kind || !Object.is(a.delta, b.delta) || a.note !== b.note) return false;
  }
  return true;
}

const STEP_KEYS = ['kind', 'delta', 'note'] as const;

/**
 * Whether a step is `{ kind, delta, note }` in that order with a string, a number and a string,
 * and nothing else: a copy of it is then the same data. A custom detector's step with more
 * (or reordered) keys keeps its own object.
 */
function isPlainStep(step: ExplanationStep): boolean {
  if (Object.getPrototypeOf(step) !== Object.prototype) return false;
  let k = 0;
  for (const key in step) if (key !== STEP_KEYS[k++]) return false;
  return k === 3 && typeof step.kind === 'string' && typeof step.delta === 'number' && typeof step.note === 'string';
}

/** The finding of a match, its text, message and explanation. */
function toFinding(
  match: RawMatch,
  entity: string | undefined,
  text: string,
  score: number,
  message: string,
  explanation: Explanation,
): Finding {
  const { rule, start, end } = match;
  const { id: ruleId, ruleSet } = rule;
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
