import type { z as Z } from 'zod';
import { readPolicyFile } from './encoding.js';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import { BASE_PLACEHOLDERS, CONVERSATION_PREFIX, placeholdersOf, SHARED_PREFIX, type RuleSet, type TermEntry, type Vocabulary } from './load.js';
import { nearest } from './nearest.js';
import { CONVERSATION_RULE_IDS, CONVERSATION_RULE_SET } from '../conversation/rule-ids.js';
import { schemas, SEVERITIES } from './schema.js';
import { parseYamlSource, schemaIssues, type YamlSource } from './source.js';
import { switchIssues, switchSchemas, type RegionChoice, type SeverityChoice } from './switches.js';
import { bareTerm, termEntries } from './term-entries.js';
import { zodLibrary, type ZodLibrary } from './zod-lib.js';

/** Builds the overrides schema from zod and the rule-file schemas it shares entries with. */
function build(z: ZodLibrary) {
  const { allowEntry, contextEntry, termList } = schemas();
  const switches = switchSchemas(z);
  const thresholds = z.strictObject({ review: z.number().min(0).max(1).optional(), block: z.number().min(0).max(1).optional() });

  const ruleChange = z.strictObject({
    score: z.number().min(0).max(1).optional(),
    severity: z.enum(SEVERITIES).optional(),
    message: z.string().min(1).optional(),
    /** Added to the rule's own exceptions. */
    allow: z.array(allowEntry).optional(),
    /** Added to the rule's own context words. */
    context: z.array(contextEntry).optional(),
  });

  /** The shape of a policy overrides file: changes to loaded rule sets without copying them. */
  const overrides = z.strictObject({
    $schema: z.string().optional(),
    overrides: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case name such as "our-marketplace"'),
    description: z.string().optional(),
    /** Rule sets (`profanity`) or rules (`profanity/mild-word`) to leave out. */
    disable: z.array(z.string().min(1)).optional(),
    /** Per-category thresholds (`default` for categories not named). */
    thresholds: z.record(z.string(), thresholds).optional(),
    /**
     * Changes to a rule set's list, keyed `rule-set/list`, to a list of the shared vocabulary,
     * keyed `shared/list` (every rule set that reads it sees the change), or to a list of the
     * conversation vocabulary, keyed `conversation/list`: terms to add (a list or a label
     * mapping), or `{ add, remove }`, where `remove` names terms or labels to take out.
     */
    lists: z
      .record(z.string(), z.union([z.strictObject({ add: termList.optional(), remove: z.array(z.string().min(1)).min(1).optional() }), termList]))
      .optional(),
    /** Changes to single rules, keyed `rule-set/rule`. */
    rules: z.record(z.string(), ruleChange).optional(),
    /** Regions a rule set declares, turned on or off, keyed by rule-set id: `profanity: { exclude: [en-in] }`. */
    regions: switches.regions.optional(),
    /** Severity tiers turned on or off, keyed by rule-set id: `profanity: { min: medium }`. */
    severity: switches.severity.optional(),
  });

  return { overrides, ruleChange };
}

let built: ReturnType<typeof build> | undefined;

function overridesSchemas(): ReturnType<typeof build> {
  built ??= build(zodLibrary());
  return built;
}

type OverridesSchema = ReturnType<typeof build>['overrides'];

/**
 * The shape of a policy overrides file: changes to loaded rule sets without copying them. The
 * zod schema itself is built on first use (importing chaperone does not load zod); this object
 * stands for it and forwards every use to it.
 */
export const overridesSchema: OverridesSchema = new Proxy({} as OverridesSchema, {
  get(_, key) {
    const schema = overridesSchemas().overrides;
    const value: unknown = Reflect.get(schema, key, schema);
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(schema) : value;
  },
  has: (_, key) => Reflect.has(overridesSchemas().overrides, key),
  ownKeys: () => Reflect.ownKeys(overridesSchemas().overrides),
  getOwnPropertyDescriptor: (_, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(overridesSchemas().overrides, key);
    return descriptor && { ...descriptor, configurable: true };
  },
  getPrototypeOf: () => Reflect.getPrototypeOf(overridesSchemas().overrides),
});

/** A validated overrides file. */
export type PolicyOverrides = Z.output<OverridesSchema> & { readonly file?: string };

const sources = new WeakMap<PolicyOverrides, YamlSource>();

/** True when YAML text (or a parsed document) is an overrides file rather than a rule set. */
export function isOverridesDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'overrides' in value;
}

/**
 * Parses and validates a policy overrides file from YAML text or a `.yaml`/`.yml`/`.json` path.
 * Throws {@link RuleSetError} listing every problem; references to rules and lists are checked
 * when the overrides are applied to a moderator's rule sets.
 */
export function loadOverrides(source: string, options: { readonly file?: string } = {}): PolicyOverrides {
  if (typeof source !== 'string') throw new TypeError(`loadOverrides expects YAML text or a file path, got ${typeof source}`);
  let text = source;
  let file = options.file;
  if (!source.includes('\n') && /\.(ya?ml|json)$/i.test(source.trim())) {
    file = source;
    const read = readPolicyFile(source, 'overrides');
    if ('issue' in read) throw new RuleSetError([read.issue]);
    text = read.text;
  }
  const yaml = parseYamlSource(text, file);
  if (yaml.issues.length > 0) throw new RuleSetError(yaml.issues);
  const parsed = overridesSchemas().overrides.safeParse(yaml.value, { reportInput: true });
  if (!parsed.success) throw new RuleSetError(schemaIssues(yaml, parsed.error, validKeysAt));
  const overrides: PolicyOverrides = { ...parsed.data, ...(file === undefined ? {} : { file }) };
  sources.set(overrides, yaml);
  return overrides;
}

function validKeysAt(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return Object.keys(overridesSchemas().overrides.shape);
  if (path[0] === 'rules' && path.length === 2) return Object.keys(overridesSchemas().ruleChange.shape);
  if (path[0] === 'thresholds' && path.length === 2) return ['review', 'block'];
  if (path[0] === 'regions' && path.length === 2) return ['include', 'exclude'];
  if (path[0] === 'severity' && path.length === 2) return ['min', 'exclude'];
  if (path.includes('context')) return ['terms', 'within', 'side', 'opening', 'delta', 'note'];
  if (path.includes('allow')) return ['terms', 'within', 'side', 'name', 'for', 'note'];
  return [];
}

/** What applying overrides gives a moderator. */
export interface AppliedOverrides {
  readonly ruleSets: RuleSet[];
  readonly disable: string[];
  readonly thresholds: Record<string, { review?: number; block?: number }>;
  /** The conversation vocabulary with the overrides' changes, when one was given. */
  readonly conversation?: Vocabulary;
  /** The regions each rule set's last overrides file turned on or off, checked against the rule sets. */
  readonly regions: Record<string, RegionChoice>;
  /** The severity tiers each rule set's last overrides file turned on or off. */
  readonly severity: Record<string, SeverityChoice>;
}

/**
 * Applies overrides, in order, to rule sets: added list terms, changed rules, disabled ids and
 * thresholds. Every reference to a rule, list or rule set that does not exist is an error, so a
 * typo cannot silently leave the built-in behaviour in place.
 */
export function applyOverrides(
  ruleSets: readonly RuleSet[],
  all: readonly PolicyOverrides[],
  vocabulary?: Vocabulary,
  conversation?: Vocabulary,
): AppliedOverrides {
  let current = [...ruleSets];
  let conversationLists = conversation?.lists;
  const disable: string[] = [];
  const thresholdsOut: Record<string, { review?: number; block?: number }> = {};
  // Maps without a prototype: a rule-set id is any kebab-case name, `constructor` included.
  const regions: Record<string, RegionChoice> = Object.create(null) as Record<string, RegionChoice>;
  const severity: Record<string, SeverityChoice> = Object.create(null) as Record<string, SeverityChoice>;
  const issues: RuleSetIssue[] = [];
  for (const overrides of all) {
    const issue = (code: RuleSetIssue['code'], path: (string | number)[], message: string): RuleSetIssue =>
      sources.get(overrides)?.issue(code, path, message) ?? { code, path, message, ...(overrides.file ? { file: overrides.file } : {}) };
    const setIds = [...new Set(current.map((r) => r.id))];
    const ruleIds = current.flatMap((r) => r.rules.map((rule) => `${r.id}/${rule.id}`));
    const listIds = [...new Set(current.flatMap((r) => Object.keys(r.lists).filter((n) => !n.startsWith(SHARED_PREFIX)).map((n) => `${r.id}/${n}`)))];
    const sharedIds = Object.keys(vocabulary?.lists ?? {}).map((name) => `${SHARED_PREFIX}${name}`);
    const conversationIds = Object.keys(conversationLists ?? {}).map((name) => `${CONVERSATION_PREFIX}${name}`);

    // The conversation rules are disabled like any rule, when the conversation vocabulary is loaded.
    const conversationRules: readonly string[] = conversation ? [CONVERSATION_RULE_SET, ...CONVERSATION_RULE_IDS] : [];
    overrides.disable?.forEach((id, i) => {
      if (setIds.includes(id) || ruleIds.includes(id) || conversationRules.includes(id)) disable.push(id);
      else issues.push(issue('unknown_rule', ['disable', i], unknown('rule or rule set', id, [...setIds, ...ruleIds, ...conversationRules])));
    });
    for (const [category, values] of Object.entries(overrides.thresholds ?? {})) {
      thresholdsOut[category] = { ...thresholdsOut[category], ...values };
    }
    // Checked against the rule sets as loaded: a region is known whatever lists an earlier file changed.
    issues.push(...switchIssues(current, overrides, issue));
    Object.assign(regions, overrides.regions);
    Object.assign(severity, overrides.severity);
    for (const [id, change] of Object.entries(overrides.lists ?? {})) {
      const shared = id.startsWith(SHARED_PREFIX);
      // A rule set of its own named `conversation` keeps its lists; the vocabulary's are the others.
      const ofConversation = !shared && !listIds.includes(id) && conversationIds.includes(id);
      if (!ofConversation && !(shared ? sharedIds : listIds).includes(id)) {
        const known = [...listIds, ...sharedIds, ...conversationIds];
        issues.push(issue('unknown_list', ['lists', id], unknown(shared ? 'shared list' : 'list', id, known)));
        continue;
      }
      const { add, remove } = isListChange(change) ? change : { add: change, remove: undefined };
      const added = entriesOf(add);
      // A list of the shared vocabulary lives in every rule set that reads it, under its own name.
      const [setId, name] = shared ? [undefined, id] : splitId(id);
      const original = ofConversation
        ? conversationLists![name]!
        : shared
          ? vocabulary!.lists[id.slice(SHARED_PREFIX.length)]!
          : current.find((r) => r.id === setId && r.lists[name])!.lists[name]!;
      remove?.forEach((term, i) => {
        if (!original.some((entry) => sameTerm(entry, term)) && !added.some((entry) => sameTerm(entry, term))) {
          const known = [...new Set(original.flatMap((entry) => [entry.term, entry.label]))];
          issues.push(issue('unknown_term', ['lists', id, 'remove', i], unknown(`term or label in ${id}`, term, known)));
        }
      });
      const changed = (entries: readonly TermEntry[]) => [...entries, ...added].filter((entry) => !remove?.some((term) => sameTerm(entry, term)));
      if (ofConversation) {
        conversationLists = { ...conversationLists, [name]: changed(original) };
        continue;
      }
      current = current.map((r) =>
        (setId === undefined || r.id === setId) && r.lists[name] ? { ...r, lists: { ...r.lists, [name]: changed(r.lists[name]!) } } : r,
      );
    }
    for (const [id, change] of Object.entries(overrides.rules ?? {})) {
      if (!ruleIds.includes(id)) {
        issues.push(issue('unknown_rule', ['rules', id], unknown('rule', id, ruleIds)));
        continue;
      }
      const [setId, ruleId] = splitId(id);
      current = current.map((r) => {
        if (r.id !== setId || !r.rules.some((rule) => rule.id === ruleId)) return r;
        const rules = r.rules.map((rule) => {
          if (rule.id !== ruleId) return rule;
          if (change.message !== undefined && rule.detector === undefined) {
            const groups = rule.regex ? [...rule.regex.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]!) : [];
            const known = [...BASE_PLACEHOLDERS, ...groups];
            for (const name of placeholdersOf(change.message)) {
              if (!known.includes(name)) {
                const message = `placeholder {{${name}}} cannot be filled by ${id} (known: ${known.join(', ')})`;
                issues.push(issue('unknown_placeholder', ['rules', id, 'message'], message));
              }
            }
          }
          return {
            ...rule,
            ...(change.score === undefined ? {} : { score: change.score }),
            ...(change.severity === undefined ? {} : { severity: change.severity }),
            ...(change.message === undefined ? {} : { message: change.message }),
            ...(change.allow === undefined ? {} : { allow: [...(rule.allow ?? []), ...change.allow] }),
            ...(change.context === undefined ? {} : { context: [...(rule.context ?? []), ...change.context] }),
          };
        });
        return { ...r, rules };
      });
    }
  }
  if (issues.length > 0) throw new RuleSetError(issues);
  const changedConversation = conversation && conversationLists !== conversation.lists ? { ...conversation, lists: conversationLists! } : conversation;
  return { ruleSets: current, disable, thresholds: thresholdsOut, regions, severity, ...(changedConversation ? { conversation: changedConversation } : {}) };
}

type TermList = Record<string, string[]> | string[];
type ListChange = { add?: TermList | undefined; remove?: string[] | undefined };

function isListChange(value: TermList | ListChange): value is ListChange {
  return !Array.isArray(value) && Object.keys(value).every((key) => key === 'add' || key === 'remove') && Object.keys(value).length > 0;
}

function entriesOf(list: TermList | undefined): TermEntry[] {
  return termEntries(list);
}

/** Whether `remove: [name]` names this entry: its term or its label, in any case. */
function sameTerm(entry: TermEntry, name: string): boolean {
  const folded = bareTerm(name).toLowerCase();
  return entry.term.toLowerCase() === folded || entry.label.toLowerCase() === folded;
}

function splitId(id: string): [string, string] {
  const slash = id.indexOf('/');
  return [id.slice(0, slash), id.slice(slash + 1)];
}

function unknown(what: string, id: string, known: readonly string[]): string {
  const hint = nearest(id, known);
  return `no ${what} "${id}" is loaded${hint ? `; did you mean "${hint}"?` : ''}`;
}
