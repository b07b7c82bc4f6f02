import { bareTerm, inflections } from './term-entries.js';
import { builtinDetectors } from '../detectors/index.js';
import type { Detector } from '../detectors/types.js';
import { type CompiledTerm, normaliseTerm, TermMatcher } from '../engine/term-matcher.js';
import type { ExplanationStep } from '../engine/types.js';
import type { ViewName } from '../text/types.js';
import { detectorOptionIssues } from './detector-options.js';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import { BASE_PLACEHOLDERS, locateIssue, placeholdersOf, type RuleSet, type TermEntry } from './load.js';
import { nearest } from './nearest.js';
import type { RuleSource } from './schema.js';

/** How a rule uses one of its terms. */
export type TermRole = 'terms' | 'trigger' | 'near' | 'context' | 'allow';

/** A term occurrence is wanted by this rule in this role. */
export interface TermTarget {
  readonly rule: number;
  readonly role: TermRole;
  /** Near group, context entry or allow entry index. */
  readonly slot: number;
  /** What `{{term}}` shows. */
  readonly label: string;
  /** The list it came from, for `{{list}}`. */
  readonly list: string;
}

/** A context entry: terms nearby change the score. */
export interface CompiledContext {
  readonly within: number;
  /** Only terms on this side of the match count. */
  readonly side?: 'before' | 'after';
  /** Only when the match opens the message. */
  readonly opening?: boolean;
  /** No terms: the position (`opening`) is the whole condition. */
  readonly bare?: boolean;
  readonly delta: number;
  readonly note: string;
}

/** An exception: terms overlapping the match (`within` undefined) or near it cancel it. */
export interface CompiledAllow {
  readonly within: number | undefined;
  /** Only terms on this side of the match cancel it. */
  readonly side?: 'before' | 'after';
  /** Only when the match is written as a name (a capital, then lower case). */
  readonly name?: boolean;
  readonly note: string;
  /** Labels (`{{term}}`) of the matches it cancels; undefined for every match of the rule. */
  readonly for?: ReadonlySet<string>;
}

/** A rule compiled for evaluation. */
export interface CompiledRule {
  readonly index: number;
  /** `rule-set/rule`. */
  readonly id: string;
  readonly ruleSet: RuleSet;
  readonly source: RuleSource;
  readonly kind: 'terms' | 'near' | 'pattern' | 'regex' | 'detector';
  readonly regex?: RegExp;
  readonly view: ViewName;
  readonly detector?: Detector;
  /** Runs without a trigger on every message (regex or detector rules without `trigger`). */
  readonly always: boolean;
  readonly context: readonly CompiledContext[];
  readonly allow: readonly CompiledAllow[];
  /** The lists of every loaded file of the rule set (`threat.en.yaml` and `threat.zh.yaml`), same-name lists joined. */
  readonly ruleSetLists: Readonly<Record<string, readonly TermEntry[]>>;
  /**
   * The explanation of a finding whose score is the rule's base score, frozen and shared by all
   * such findings: a long message can have hundreds of thousands of them.
   */
  readonly baseSteps: readonly ExplanationStep[];
}

/** Everything a moderator needs, compiled once. */
export interface CompiledPolicy {
  readonly ruleSets: readonly RuleSet[];
  readonly rules: readonly CompiledRule[];
  readonly matcher: TermMatcher;
  /** What each term id is for, split by role: terms, trigger and near (read for every hit) and context and allow (read for matched rules only). */
  readonly primaryTargets: readonly (readonly TermTarget[])[];
  readonly secondaryTargets: readonly (readonly TermTarget[])[];
  /** Indices of the rules that run on every message (regex and detector rules without a trigger), ascending. */
  readonly always: readonly number[];
  /**
   * For each term id, the watched lists it is in (see {@link compilePolicy}'s `watch`), or
   * undefined: the conversation vocabulary rides on the one scan every message gets.
   */
  readonly watched: readonly (readonly number[] | undefined)[];
}

/** The lists of the regions a policy turned off in this rule set. */
function listsOff(ruleSet: RuleSet): Set<string> {
  return new Set(Object.values(ruleSet.regions ?? {}).flatMap((region) => (region.off ? region.lists : [])));
}

const DEFAULT_CONTEXT_WITHIN = 8;
const DEFAULT_CONTEXT_DELTA = 0.1;

/**
 * Compiles rule sets into one term matcher plus per-rule evaluators. Rule sets sharing an id
 * (`profanity.en.yaml` and `profanity.zh.yaml`) form one rule set and must not repeat rule ids.
 */
export function compilePolicy(
  ruleSets: readonly RuleSet[],
  detectors: ReadonlyMap<string, Detector>,
  watch: readonly (readonly TermEntry[])[] = [],
): CompiledPolicy {
  const issues: RuleSetIssue[] = [];
  const rules: CompiledRule[] = [];
  const terms: CompiledTerm[] = [];
  const primaryTargets: TermTarget[][] = [];
  const secondaryTargets: TermTarget[][] = [];
  const addTarget = (id: number, target: TermTarget) =>
    (target.role === 'context' || target.role === 'allow' ? secondaryTargets : primaryTargets)[id]!.push(target);
  const termIds = new Map<string, number>();
  const ruleOwners = new Map<string, RuleSet>();

  // The same term object comes back for the same raw term (normaliseTerm caches), and lists
  // such as @apps are used by dozens of rules: its id is found by identity before by key.
  const idByNormal = new Map<object, number>();
  /** The id of a term, or -1 when it normalises to nothing. */
  const termId = (raw: string, boundary: 'word' | 'none'): number => {
    const normal = normaliseTerm(raw, boundary);
    if (normal.key.length === 0) return -1;
    let id = idByNormal.get(normal);
    if (id === undefined) {
      const key = `${normal.key}\u0000${normal.runs.join(',')}\u0000${normal.startBoundary}${normal.endBoundary}`;
      id = termIds.get(key);
      if (id === undefined) {
        id = terms.length;
        termIds.set(key, id);
        terms.push({ id, ...normal });
        primaryTargets.push([]);
        secondaryTargets.push([]);
      }
      idByNormal.set(normal, id);
    }
    return id;
  };
  // A named list's term ids, per rule set and boundary: the threat rules share fourteen lists as
  // triggers and the off-platform rules their app names, so each list is normalised once.
  const listIds = new Map<string, Int32Array>();
  const idsOfList = (ruleSet: RuleSet, setIndex: number, list: string, boundary: 'word' | 'none'): Int32Array => {
    const key = `${setIndex}\u0000${boundary}\u0000${list}`;
    let ids = listIds.get(key);
    if (!ids) {
      const items = ruleSet.lists[list] ?? [];
      ids = new Int32Array(items.length);
      items.forEach((item, i) => (ids![i] = termId(item.term, boundary)));
      listIds.set(key, ids);
    }
    return ids;
  };

  // One object per rule-set id, so a detector can compile what it reads from it once.
  const joinedLists = new Map<string, Record<string, TermEntry[]>>();
  for (const ruleSet of ruleSets) {
    const joined = joinedLists.get(ruleSet.id) ?? {};
    for (const [name, entries] of Object.entries(ruleSet.lists)) joined[name] = [...(joined[name] ?? []), ...entries];
    joinedLists.set(ruleSet.id, joined);
  }

  ruleSets.forEach((ruleSet, setIndex) => {
    ruleSet.rules.forEach((source, position) => {
      const id = `${ruleSet.id}/${source.id}`;
      const owner = ruleOwners.get(id);
      if (owner !== undefined) {
        issues.push(
          locateIssue(ruleSet, 'duplicate_rule_id', ['rules', position, 'id'], `rule "${id}" is also defined in ${owner.file ?? 'another rule set'}`),
        );
        return;
      }
      ruleOwners.set(id, ruleSet);
      const index = rules.length;
      const boundary = source.boundary ?? 'word';
      // Labels a match of this rule can carry, for `allow: [{ for: [...] }]`. A list of a region the
      // policy turned off is empty, and an exception for one of its words is then moot, not a typo.
      const labels = new Set<string>();
      let readsRegionOff = false;
      const expand = (entries: readonly string[], role: TermRole, slot: number) => {
        for (const entry of entries) {
          if (entry.startsWith('@')) {
            const list = entry.slice(1);
            const items = ruleSet.lists[list] ?? [];
            if ((role === 'terms' || role === 'near') && listsOff(ruleSet).has(list)) readsRegionOff = true;
            const ids = idsOfList(ruleSet, setIndex, list, boundary);
            items.forEach((item, i) => {
              if (ids[i]! >= 0) addTarget(ids[i]!, { rule: index, role, slot, label: item.label, list });
              if (role === 'terms' || role === 'near') labels.add(item.label);
            });
          } else {
            const label = bareTerm(entry).replace(/^\*|\*$/g, '');
            for (const form of inflections(entry)) {
              const id = termId(form, boundary);
              if (id >= 0) addTarget(id, { rule: index, role, slot, label, list: '' });
            }
            if (role === 'terms' || role === 'near') labels.add(label);
          }
        }
      };

      let detector: Detector | undefined;
      let regex: RegExp | undefined;
      const kind = source.terms
        ? 'terms'
        : source.near
          ? 'near'
          : source.pattern
            ? 'pattern'
            : source.regex
              ? 'regex'
              : 'detector';
      if (source.terms) expand(source.terms, 'terms', 0);
      source.near?.groups.forEach((group, slot) => expand(group, 'near', slot));
      if (source.trigger) expand(source.trigger, 'trigger', 0);
      if (source.regex !== undefined) regex = new RegExp(source.regex, `${(source.flags ?? '').replace(/[gu]/g, '')}gu`);
      if (source.detector !== undefined) {
        detector = detectors.get(source.detector);
        if (detector === undefined) {
          const hint = nearest(source.detector, [...detectors.keys()]);
          issues.push(
            locateIssue(
              ruleSet,
              'unknown_detector',
              ['rules', position, 'detector'],
              `no detector named "${source.detector}"${hint ? `; did you mean "${hint}"?` : ''} (known: ${[...detectors.keys()].join(', ') || 'none'})`,
            ),
          );
        } else {
          // The built-in detectors' options were checked when the rule set loaded (the built-in
          // rule sets' by the build, so a moderator of them needs no zod); a custom one's are checked here.
          if (!builtinDetectors().includes(detector)) {
            const issue = (code: RuleSetIssue['code'], path: readonly (string | number)[], message: string) => locateIssue(ruleSet, code, path, message);
            issues.push(...detectorOptionIssues(detector, source.options, ['rules', position, 'options'], { issue }));
          }
          const known = new Set<string>([...BASE_PLACEHOLDERS, ...(detector.placeholders ?? [])]);
          for (const name of placeholdersOf(source.message)) {
            if (!known.has(name)) {
              issues.push(
                locateIssue(
                  ruleSet,
                  'unknown_placeholder',
                  ['rules', position, 'message'],
                  `placeholder {{${name}}} cannot be filled by detector "${detector.name}" (known: ${[...known].join(', ')})`,
                ),
              );
            }
          }
        }
      }
      const context: CompiledContext[] = [];
      const plainContext = (source.context ?? []).filter((c): c is string => typeof c === 'string');
      const entries = [
        ...(plainContext.length > 0 ? [{ terms: plainContext }] : []),
        ...(source.context ?? []).filter((c) => typeof c !== 'string'),
      ];
      entries.forEach((entry, slot) => {
        const contextTerms = entry.terms ?? [];
        expand(contextTerms, 'context', slot);
        const delta = entry.delta ?? DEFAULT_CONTEXT_DELTA;
        context.push({
          within: entry.within ?? DEFAULT_CONTEXT_WITHIN,
          ...(entry.side ? { side: entry.side } : {}),
          ...(entry.opening ? { opening: true } : {}),
          delta,
          ...(entry.terms === undefined ? { bare: true } : {}),
          note: entry.note ?? `context word nearby (${contextTerms.slice(0, 3).join(', ')}${contextTerms.length > 3 ? ', …' : ''})`,
        });
      });
      const allow: CompiledAllow[] = [];
      (source.allow ?? []).forEach((entry, slot) => {
        const termsOfEntry = typeof entry === 'string' ? [entry] : entry.terms;
        expand(termsOfEntry, 'allow', slot);
        const within = typeof entry === 'string' ? undefined : entry.within;
        const note = typeof entry === 'string' || entry.note === undefined ? `exception: ${termsOfEntry.slice(0, 3).join(', ')}` : entry.note;
        const only = typeof entry === 'string' ? undefined : entry.for;
        only?.forEach((label, i) => {
          if (labels.has(label) || readsRegionOff) return;
          const hint = nearest(label, [...labels]);
          issues.push(
            locateIssue(
              ruleSet,
              'unknown_label',
              ['rules', position, 'allow', slot, 'for', i],
              labels.size === 0
                ? '`for` needs a terms or near rule: this rule\'s matches carry no term labels'
                : `no term of this rule is labelled "${label}"${hint ? `; did you mean "${hint}"?` : ''}`,
            ),
          );
        });
        const side = typeof entry === 'string' ? undefined : entry.side;
        const name = typeof entry === 'string' ? undefined : entry.name;
        allow.push({ within, note, ...(side ? { side } : {}), ...(name ? { name } : {}), ...(only ? { for: new Set(only) } : {}) });
      });
      const view: ViewName = source.view ?? (kind === 'pattern' ? 'plain' : kind === 'regex' ? 'plain' : 'skeleton');
      rules.push({
        index,
        id,
        ruleSet,
        source,
        kind,
        ...(regex ? { regex } : {}),
        view,
        ...(detector ? { detector } : {}),
        always: (kind === 'regex' || kind === 'detector') && source.trigger === undefined,
        context,
        allow,
        ruleSetLists: joinedLists.get(ruleSet.id)!,
        baseSteps: Object.freeze([Object.freeze({ kind: 'base', delta: source.score, note: `base score of ${id}` })]),
      });
    });
  });
  if (issues.length > 0) throw new RuleSetError(issues);
  const always = rules.filter((rule) => rule.always).map((rule) => rule.index);
  // Terms no rule uses, matched in the eager scan for whoever reads them (the conversation rules).
  const watched: (number[] | undefined)[] = [];
  watch.forEach((entries, list) => {
    for (const entry of entries) {
      const id = termId(entry.term, 'word');
      if (id < 0) continue;
      const lists = (watched[id] ??= []);
      if (!lists.includes(list)) lists.push(list);
    }
  });
  watched.length = terms.length;
  const roles = {
    eager: (id: number) => primaryTargets[id]!.length > 0 || watched[id] !== undefined,
    deferred: (id: number) => secondaryTargets[id]!.length > 0,
  };
  return { ruleSets, rules, matcher: new TermMatcher(terms, roles), primaryTargets, secondaryTargets, always, watched };
}
