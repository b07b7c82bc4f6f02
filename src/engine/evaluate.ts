import type { CompiledPolicy, CompiledRule, TermTarget } from '../policy/compile.js';
import { createViews, mapSpanToOriginal, type Views } from '../text/index.js';
import type { Span, TextView } from '../text/types.js';
import { loadCompromise } from './compromise.js';
import type { ExplanationStep } from './types.js';
import { WordIndex } from './words.js';
import type { TermHit } from './term-matcher.js';
import { allMatches } from '../text/regex.js';

/** A place where a rule matched, before exceptions, context and scoring. */
export interface RawMatch {
  readonly rule: CompiledRule;
  /** Original offsets. */
  readonly start: number;
  readonly end: number;
  readonly matched: string;
  readonly label: string;
  readonly list: string;
  // Always present (undefined when absent), so every match has one shape for the code after.
  readonly entity: string | undefined;
  readonly scheme: string | undefined;
  readonly score: number | undefined;
  readonly steps: readonly ExplanationStep[] | undefined;
  readonly values: Readonly<Record<string, string>> | undefined;
}

/** A term occurrence in original offsets, with the target that wanted it. */
interface LocatedHit extends Span {
  readonly target: TermTarget;
  readonly matched: string;
  readonly masked: boolean;
}

/** The term occurrences one rule received from the shared scan, by role. */
export interface RuleHits {
  terms: LocatedHit[];
  trigger: LocatedHit[];
  near: LocatedHit[][];
  context: LocatedHit[][];
  allow: LocatedHit[][];
}

/** What evaluating one message produced, before findings are built. */
export interface Evaluation {
  readonly text: string;
  readonly views: Views;
  readonly words: WordIndex;
  /**
   * The term occurrences of each rule whose terms, near groups or trigger occurred. Context and
   * allow occurrences are filled in by {@link hitsFor}, only for the rules that matched.
   */
  readonly hits: ReadonlyMap<number, RuleHits>;
  readonly matches: RawMatch[];
  /**
   * The occurrences of the shared scan that some rule reads as context or allow, in skeleton
   * offsets: most are never needed, so they are located in the original only by `hitsFor`.
   */
  readonly scanned: readonly TermHit[];
}

const EMPTY_HITS: RuleHits = { terms: [], trigger: [], near: [], context: [], allow: [] };
/** Evaluations whose context and allow occurrences have been located for every rule that matched. */
const completed = new WeakSet<Evaluation>();

/**
 * All term occurrences of one rule that matched, context and allow included. Most context and
 * allow words (`you`, `in the app`) occur in messages where their rule matched nothing, so they
 * are located only when a match needs them: on the first call, in one pass over the scan, for
 * every rule with a match.
 */
export function hitsFor(policy: CompiledPolicy, evaluation: Evaluation, rule: number): RuleHits {
  if (!completed.has(evaluation)) {
    completed.add(evaluation);
    const hits = evaluation.hits as Map<number, RuleHits>;
    const matched = new Set<number>();
    for (const match of evaluation.matches) {
      if (match.rule.context.length === 0 && match.rule.allow.length === 0) continue;
      matched.add(match.rule.index);
      if (!hits.has(match.rule.index)) hits.set(match.rule.index, { terms: [], trigger: [], near: [], context: [], allow: [] });
    }
    if (matched.size > 0) {
      const skeleton = evaluation.views.skeleton;
      for (const hit of evaluation.scanned) {
        let located: { span: Span; matched: string } | undefined;
        for (const target of policy.secondaryTargets[hit.term]!) {
          if (!matched.has(target.rule)) continue;
          located ??= locate(policy, skeleton, hit);
          const entry = hits.get(target.rule)!;
          const slots = target.role === 'context' ? entry.context : entry.allow;
          (slots[target.slot] ??= []).push({ start: located.span.start, end: located.span.end, target, matched: located.matched, masked: hit.masked });
        }
      }
    }
  }
  return evaluation.hits.get(rule) ?? EMPTY_HITS;
}

/** A scan hit in original offsets, with what matched after normalisation: the term as normalised, or for a `*` term the whole word. */
function locate(policy: CompiledPolicy, skeleton: TextView, hit: TermHit): { span: Span; matched: string } {
  const term = policy.matcher.terms[hit.term]!;
  const matched = term.extendStart || term.extendEnd ? skeleton.text.slice(hit.start, hit.end) : policy.matcher.written(hit.term);
  return { span: mapSpanToOriginal(skeleton, hit.start, hit.end), matched };
}

/**
 * Runs the policy over one message: one scan for every term, then each rule only where its
 * terms or trigger occurred (regex and detector rules without a trigger run on every message).
 */
export function evaluate(policy: CompiledPolicy, text: string): Evaluation {
  const views = createViews(text);
  const skeleton = views.skeleton;
  const hits = new Map<number, RuleHits>();
  const scanned: TermHit[] = [];
  for (const hit of policy.matcher.scan(skeleton)) {
    // Context and allow words wait until their rule has matched (see hitsFor).
    if (policy.secondaryTargets[hit.term]!.length > 0) scanned.push(hit);
    const targets = policy.primaryTargets[hit.term]!;
    if (targets.length === 0) continue;
    const { span, matched } = locate(policy, skeleton, hit);
    for (const target of targets) {
      let entry = hits.get(target.rule);
      if (!entry) hits.set(target.rule, (entry = { terms: [], trigger: [], near: [], context: [], allow: [] }));
      const located: LocatedHit = { start: span.start, end: span.end, target, matched, masked: hit.masked };
      if (target.role === 'terms' || target.role === 'trigger') entry[target.role].push(located);
      else (entry.near[target.slot] ??= []).push(located);
    }
  }
  const words = new WordIndex(text);
  const matches: RawMatch[] = [];
  // In rule order: the rules that run on every message and those whose terms occurred.
  const order = hits.size === 0 ? policy.always : mergeOrder(policy.always, hits);
  for (const index of order) {
    const rule = policy.rules[index]!;
    const ruleHits = hits.get(index);
    switch (rule.kind) {
      case 'terms':
        if (ruleHits) for (const hit of ruleHits.terms) matches.push(fromHit(rule, hit));
        break;
      case 'near':
        if (ruleHits) matchNear(rule, ruleHits, words, matches);
        break;
      case 'pattern':
        if (ruleHits && ruleHits.trigger.length > 0) matchPattern(rule, views, matches);
        break;
      case 'regex':
        if (rule.always || (ruleHits && ruleHits.trigger.length > 0)) matchRegex(rule, views, matches);
        break;
      case 'detector':
        if (rule.always || (ruleHits && ruleHits.trigger.length > 0)) matchDetector(rule, text, views, matches);
        break;
    }
  }
  return { text, views, words, hits, matches, scanned };
}

/** The always-run rules and the rules with hits, ascending and without repeats. */
function mergeOrder(always: readonly number[], hits: ReadonlyMap<number, RuleHits>): number[] {
  const hit = [...hits.keys()].sort((a, b) => a - b);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < always.length || j < hit.length) {
    const a = i < always.length ? always[i]! : Infinity;
    const b = j < hit.length ? hit[j]! : Infinity;
    out.push(Math.min(a, b));
    if (a <= b) i++;
    if (b <= a) j++;
  }
  return out;
}

function fromHit(rule: CompiledRule, hit: LocatedHit): RawMatch {
  const steps: ExplanationStep[] = hit.masked
    ? [{ kind: 'masked', delta: 0, note: `read through masking characters as "${hit.target.label}"` }]
    : [];
  return {
    rule,
    start: hit.start,
    end: hit.end,
    matched: hit.masked ? hit.target.label : hit.matched,
    label: hit.target.label,
    list: hit.target.list,
    entity: undefined,
    scheme: undefined,
    score: undefined,
    steps,
    values: undefined,
  };
}

function matchNear(rule: CompiledRule, hits: RuleHits, words: WordIndex, out: RawMatch[]): void {
  const near = rule.source.near!;
  const groups = near.groups.map((_, i) => hits.near[i] ?? []);
  if (groups.some((g) => g.length === 0)) return;
  // Anchor on each occurrence of the first group and take, group by group, the closest
  // occurrence that keeps every neighbour within `within` words (after it, when ordered).
  for (const anchor of groups[0]!) {
    const chosen: LocatedHit[] = [anchor];
    let ok = true;
    for (let g = 1; g < groups.length && ok; g++) {
      const previous = chosen[g - 1]!;
      let best: LocatedHit | undefined;
      let bestDistance = Infinity;
      for (const candidate of words.candidates(groups[g]!, previous, near.within)) {
        if (near.ordered && candidate.start < previous.end) continue;
        if (overlaps(candidate, previous)) continue;
        const distance = words.between(previous, candidate);
        // Of two terms at the same place (微信转 and 微信转账), the longer one is what was written.
        const longer = best !== undefined && distance === bestDistance && candidate.start === best.start && candidate.end > best.end;
        if (distance <= near.within && (distance < bestDistance || longer)) {
          best = candidate;
          bestDistance = distance;
        }
      }
      if (best) chosen.push(best);
      else ok = false;
    }
    if (!ok) continue;
    const start = Math.min(...chosen.map((h) => h.start));
    const end = Math.max(...chosen.map((h) => h.end));
    const labels = chosen.map((h) => h.target.label);
    out.push({
      rule,
      start,
      end,
      matched: chosen.map((h) => h.matched).join(' … '),
      label: labels[labels.length - 1]!,
      list: chosen[chosen.length - 1]!.target.list,
      entity: undefined,
      scheme: undefined,
      score: undefined,
      steps: undefined,
      values: Object.fromEntries(labels.map((label, i) => [`term${i + 1}`, label])),
    });
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function matchPattern(rule: CompiledRule, views: Views, out: RawMatch[]): void {
  const view = pickView(views, rule.view);
  const doc = loadCompromise()(view.text);
  for (const match of doc.match(rule.source.pattern!).json({ offset: true })) {
    if (!match.offset || match.offset.length === 0) continue;
    pushViewMatch(rule, view, match.offset.start, match.offset.start + match.offset.length, out);
  }
}

function matchRegex(rule: CompiledRule, views: Views, out: RawMatch[]): void {
  const view = pickView(views, rule.view);
  const regex = rule.regex!;
  for (const match of allMatches(regex, view.text)) {
    if (match[0].length === 0) continue;
    // Own properties, so a group named __proto__ fills {{__proto__}} rather than replacing the prototype.
    const values: Record<string, string> = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, value ?? '']));
    pushViewMatch(rule, view, match.index, match.index + match[0].length, out, values);
  }
}

function matchDetector(rule: CompiledRule, text: string, views: Views, out: RawMatch[]): void {
  const detector = rule.detector!;
  if (detector.precheck && !detector.precheck(text)) return;
  const found = detector.detect({ text, views, options: rule.source.options ?? {}, lists: rule.ruleSet.lists, ruleSetLists: rule.ruleSetLists });
  for (const match of found) {
    const view = pickView(views, match.view ?? 'original');
    const span = mapSpanToOriginal(view, match.start, match.end);
    if (span.end <= span.start) continue;
    const entity = match.entity ?? rule.source.entity;
    out.push({
      rule,
      start: span.start,
      end: span.end,
      matched: match.matched ?? view.text.slice(match.start, match.end),
      label: match.matched ?? view.text.slice(match.start, match.end),
      list: '',
      entity,
      scheme: match.scheme,
      score: match.score,
      steps: match.steps,
      values: match.values,
    });
  }
}

function pushViewMatch(
  rule: CompiledRule,
  view: TextView,
  start: number,
  end: number,
  out: RawMatch[],
  values?: Record<string, string>,
): void {
  const span = mapSpanToOriginal(view, start, end);
  if (span.end <= span.start) return;
  const matched = view.text.slice(start, end);
  out.push({
    rule,
    start: span.start,
    end: span.end,
    matched,
    label: matched,
    list: '',
    entity: undefined,
    scheme: undefined,
    score: undefined,
    steps: undefined,
    values,
  });
}

function pickView(views: Views, name: CompiledRule['view']): TextView {
  switch (name) {
    case 'original':
      return views.original;
    case 'plain':
      return views.plain;
    case 'digits':
      return views.digits;
    default:
      return views.skeleton;
  }
}
