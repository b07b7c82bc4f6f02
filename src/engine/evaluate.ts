import type { CompiledPolicy, CompiledRule, TermTarget } from '../policy/compile.js';
import { createViews, mapSpanToOriginal, type Views } from '../text/index.js';
import type { Span, TextView } from '../text/types.js';
import { loadCompromise } from './compromise.js';
import type { ExplanationStep } from './types.js';
import { WordIndex } from './words.js';
import type { TermHit } from './term-matcher.js';
import { eachMatch } from '../text/regex.js';
import { workMeter } from '../text/work-meter.js';

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
  /** The first occurrence of a trigger term: a trigger only says whether the rule runs. */
  trigger: LocatedHit[];
  /**
   * While the rule is evaluated, every occurrence of each group's terms when every group
   * occurred; otherwise (the rule cannot match), and once evaluation is done, only the first
   * occurrence of each group that did.
   */
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
  /** Occurrences of the policy's watched terms, in skeleton offsets (most messages have none). */
  readonly watched: readonly TermHit[];
}

const NO_HITS: readonly TermHit[] = Object.freeze([]);
const EMPTY_HITS: RuleHits = { terms: [], trigger: [], near: [], context: [], allow: [] };
/** Evaluations whose context and allow occurrences have been located for every rule that matched. */
const completed = new WeakSet<Evaluation>();

/**
 * All term occurrences of one rule that matched, context and allow included. Most context and
 * allow words (`you`, `in the app`) occur in messages where their rule matched nothing, so they
 * are looked for only when a match needs them: on the first call, in one deferred scan, for
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
      for (const hit of policy.matcher.scanDeferred(skeleton)) {
        const targets = policy.secondaryTargets[hit.term]!;
        for (let t = 0; t < targets.length; t++) {
          const target = targets[t]!;
          if (!matched.has(target.rule)) continue;
          const entry = hits.get(target.rule)!;
          const slots = target.role === 'context' ? entry.context : entry.allow;
          (slots[target.slot] ??= []).push(locate(policy, skeleton, hit, target));
        }
      }
    }
  }
  return evaluation.hits.get(rule) ?? EMPTY_HITS;
}

/**
 * A scan hit in original offsets for one target, with what matched after normalisation: the term
 * as normalised, or for a `*` term the whole word. A hit is a non-empty span of the view, so its
 * ends map directly (a long message has one of these per occurrence: no object in between).
 */
function locate(policy: CompiledPolicy, skeleton: TextView, hit: TermHit, target: TermTarget): LocatedHit {
  const term = policy.matcher.terms[hit.term]!;
  const matched = term.extendStart || term.extendEnd ? skeleton.text.slice(hit.start, hit.end) : policy.matcher.written(hit.term);
  if (hit.end <= hit.start) {
    const span = mapSpanToOriginal(skeleton, hit.start, hit.end);
    return { start: span.start, end: span.end, target, matched, masked: hit.masked };
  }
  return { start: skeleton.starts[hit.start]!, end: skeleton.ends[hit.end - 1]!, target, matched, masked: hit.masked };
}

/**
 * True when a hit would locate to the same span, target and masking as the rule's last one: a `*`
 * term reports the whole word it is in (`*fuck*` in `fuckfuckfuck…`, once per occurrence), and
 * a repeat could only become the same finding again.
 */
function repeats(last: LocatedHit, skeleton: TextView, hit: TermHit, target: TermTarget): boolean {
  if (last.target !== target || last.masked !== hit.masked || hit.end <= hit.start) return false;
  return last.start === skeleton.starts[hit.start] && last.end === skeleton.ends[hit.end - 1];
}

/**
 * Runs the policy over one message: one scan for the terms that can make a rule match, then each
 * rule only where its terms or trigger occurred (regex and detector rules without a trigger run on every message).
 */
export function evaluate(policy: CompiledPolicy, text: string): Evaluation {
  const views = createViews(text);
  const skeleton = views.skeleton;
  const hits = new Map<number, RuleHits>();
  // Context and allow words are not scanned for until their rule has matched (see hitsFor).
  let watched: TermHit[] | undefined;
  const found = policy.matcher.scan(skeleton);
  // Most near rules a message triggers lack a group and cannot match: they get only the first
  // occurrence of each group they have. A located hit for every occurrence was most of the memory
  // of a long message (16 for each `vx` in `vx vx vx …`).
  const complete = completeNearRules(policy, found);
  workMeter.steps += found.length;
  for (let h = 0; h < found.length; h++) {
    const hit = found[h]!;
    if (policy.watched[hit.term] !== undefined) (watched ??= []).push(hit);
    const targets = policy.primaryTargets[hit.term]!;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      let entry = hits.get(target.rule);
      if (!entry) hits.set(target.rule, (entry = { terms: [], trigger: [], near: [], context: [], allow: [] }));
      if (target.role === 'trigger' && entry.trigger.length > 0) continue;
      if (target.role === 'near' && (entry.near[target.slot]?.length ?? 0) > 0 && !complete?.has(target.rule)) continue;
      if (target.role === 'terms' && entry.terms.length > 0 && repeats(entry.terms[entry.terms.length - 1]!, skeleton, hit, target)) continue;
      const one = locate(policy, skeleton, hit, target);
      if (target.role === 'terms' || target.role === 'trigger') entry[target.role].push(one);
      else (entry.near[target.slot] ??= []).push(one);
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
  // Past this point a near group is only asked whether it occurred (explain): the occurrences
  // of a long message need not outlive the matching.
  for (const entry of hits.values()) for (const group of entry.near) if (group !== undefined && group.length > 1) group.length = 1;
  return { text, views, words, hits, matches, watched: watched ?? NO_HITS };
}

/** The near rules every group of which occurs among the hits; undefined when no near rule was hit. */
function completeNearRules(policy: CompiledPolicy, found: readonly TermHit[]): Set<number> | undefined {
  let seen: Map<number, boolean[]> | undefined;
  for (let h = 0; h < found.length; h++) {
    const targets = policy.primaryTargets[found[h]!.term]!;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      if (target.role !== 'near') continue;
      seen ??= new Map();
      let slots = seen.get(target.rule);
      if (!slots) seen.set(target.rule, (slots = []));
      slots[target.slot] = true;
    }
  }
  if (!seen) return undefined;
  const complete = new Set<number>();
  for (const [rule, slots] of seen) {
    const groups = policy.rules[rule]!.source.near!.groups.length;
    let all = true;
    for (let g = 0; all && g < groups; g++) all = slots[g] === true;
    if (all) complete.add(rule);
  }
  return complete;
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

/** The explanation step of a term read through masks, one per term target, frozen and shared by its matches. */
const maskedSteps = new WeakMap<TermTarget, readonly ExplanationStep[]>();

function fromHit(rule: CompiledRule, hit: LocatedHit): RawMatch {
  let steps: readonly ExplanationStep[] | undefined;
  if (hit.masked) {
    steps = maskedSteps.get(hit.target);
    if (!steps) {
      const note = `read through masking characters as "${hit.target.label}"`;
      maskedSteps.set(hit.target, (steps = Object.freeze([Object.freeze({ kind: 'masked', delta: 0, note })])));
    }
  }
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
  const shared = new Map<string, ReturnType<typeof describeNear>>();
  // Anchor on each occurrence of the first group and take, group by group, the closest
  // occurrence that keeps every neighbour within `within` words (after it, when ordered).
  for (const anchor of groups[0]!) {
    const chosen = new Array<LocatedHit>(groups.length);
    chosen[0] = anchor;
    let ok = true;
    for (let g = 1; g < groups.length && ok; g++) {
      const previous = chosen[g - 1]!;
      let best: LocatedHit | undefined;
      let bestDistance = Infinity;
      for (const candidate of words.candidates(groups[g]!, previous, near.within)) {
        workMeter.steps++;
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
      if (best) chosen[g] = best;
      else ok = false;
    }
    if (!ok) continue;
    let start = anchor.start;
    let end = anchor.end;
    let key = `${anchor.matched}\u0000${anchor.target.label}`;
    for (let k = 1; k < chosen.length; k++) {
      start = Math.min(start, chosen[k]!.start);
      end = Math.max(end, chosen[k]!.end);
      key += `\u0000${chosen[k]!.matched}\u0000${chosen[k]!.target.label}`;
    }
    // Matches of the same words share what they say: a long message repeats a phrase many times.
    let said = shared.get(key);
    if (!said) shared.set(key, (said = describeNear(chosen)));
    const last = chosen[chosen.length - 1]!.target;
    out.push({
      rule, start, end, matched: said.matched, label: last.label, list: last.list,
      entity: undefined, scheme: undefined, score: undefined, steps: undefined, values: said.values,
    });
  }
}

/** What a near match read (`add me … wechat`) and its `{{term1}}`, `{{term2}}`, … values. */
function describeNear(chosen: readonly LocatedHit[]): { matched: string; values: Readonly<Record<string, string>> } {
  const values: Record<string, string> = {};
  chosen.forEach((hit, k) => (values[`term${k + 1}`] = hit.target.label));
  return { matched: chosen.map((hit) => hit.matched).join(' … '), values: Object.freeze(values) };
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
  for (const match of eachMatch(regex, view.text)) {
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
  // The last text matched: a flood matches the same text over and over, and each match held its
  // own copy of it until the findings were built.
  let last = '';
  for (const match of found) {
    const view = pickView(views, match.view ?? 'original');
    const span = mapSpanToOriginal(view, match.start, match.end);
    if (span.end <= span.start) continue;
    const entity = match.entity ?? rule.source.entity;
    const matched = match.matched ?? (last = sliceAgain(view.text, match.start, match.end, last));
    out.push({
      rule,
      start: span.start,
      end: span.end,
      matched,
      label: matched,
      list: '',
      entity,
      scheme: match.scheme,
      score: match.score,
      steps: match.steps,
      values: match.values,
    });
  }
}

/** `text.slice(start, end)`, or `last` when that is what it would be. */
function sliceAgain(text: string, start: number, end: number, last: string): string {
  const same = Number.isInteger(start) && start >= 0 && end - start === last.length && end <= text.length && text.startsWith(last, start);
  return same ? last : text.slice(start, end);
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
