import { builtinDetector } from '../detectors/index.js';
import { appEntryKeys, appIssues, appLists } from './apps.js';
import { canAppearInPlainView } from '../text/plain-view.js';
import { detectorOptionIssues } from './detector-options.js';
import { readPolicyFile } from './encoding.js';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import { nearest } from './nearest.js';
import { findBacktrackingHazard } from './regex-safety.js';
import { schemas, type RuleSetSource, type RuleSource } from './schema.js';
import { termEntries } from './term-entries.js';
import { parseYamlSource, reservedKeys, reservedMessage, schemaIssues, type YamlSource } from './source.js';

/** One entry of a term list: the term as written and the label `{{term}}` shows for it. */
export interface TermEntry {
  readonly term: string;
  readonly label: string;
}

/** A region a rule set declares (`en-au`, `zh-yue`): lists whose words a policy turns off together. */
export interface Region {
  readonly description: string;
  readonly lists: readonly string[];
  /** Set on a moderator's copy of the rule set when its policy turned the region off; its lists are then empty. */
  readonly off?: boolean;
}

/** A validated rule set, ready to be compiled into a moderator. */
export interface RuleSet {
  readonly id: string;
  readonly category: string;
  readonly locale: string;
  readonly description: string;
  readonly lists: Readonly<Record<string, readonly TermEntry[]>>;
  /** Regions whose words a policy can turn off, by id; absent when the file declares none. */
  readonly regions?: Readonly<Record<string, Region>>;
  readonly rules: readonly RuleSource[];
  /** The file it was loaded from, when it came from one. */
  readonly file?: string;
}

/** Options for {@link loadRuleSet}. */
export interface LoadRuleSetOptions {
  /** Name used in error locations when `source` is YAML text. */
  readonly file?: string;
}

const sources = new WeakMap<RuleSet, YamlSource>();

/** Placeholders every rule's message can use. */
export const BASE_PLACEHOLDERS = ['match', 'matched', 'term', 'list', 'rule', 'category', 'entity'] as const;

/**
 * Parses and validates one rule set from YAML text or a `.yaml`/`.yml`/`.json` path.
 * Throws {@link RuleSetError} listing every problem in the file.
 */
export function loadRuleSet(source: string, options: LoadRuleSetOptions = {}): RuleSet {
  const result = safeLoadRuleSet(source, options);
  if (!result.success) throw result.error;
  return result.ruleSet;
}

/** Like {@link loadRuleSet} but returns the error instead of throwing it. */
export function safeLoadRuleSet(
  source: string,
  options: LoadRuleSetOptions = {},
): { success: true; ruleSet: RuleSet } | { success: false; error: RuleSetError } {
  if (typeof source !== 'string') {
    throw new TypeError(`loadRuleSet expects YAML text or a file path, got ${describeType(source)}`);
  }
  let text = source;
  let file = options.file;
  if (looksLikePath(source)) {
    file = source;
    const read = readPolicyFile(source, 'rule set');
    if ('issue' in read) return fail([read.issue]);
    text = read.text;
  }
  const yaml = parseYamlSource(text, file);
  if (yaml.issues.length > 0) return fail(yaml.issues);
  return fromDocument(yaml, file);
}

/**
 * Validates a rule set that was parsed from YAML ahead of time (the built-in ones are parsed when
 * the package is built, so importing chaperone does not parse YAML). Problems carry the file and
 * path but no line and column.
 */
export function loadParsedRuleSet(value: unknown, file: string): RuleSet {
  const located: YamlSource = {
    file,
    value,
    issues: [],
    issue: (code, path, message) => ({ code, path: [...path], message, file }),
  };
  const reserved = reservedKeys(value);
  if (reserved.length > 0) {
    throw new RuleSetError(reserved.map((path) => located.issue('reserved_key', path, reservedMessage(String(path.at(-1))))));
  }
  const result = fromDocument(located, file);
  if (!result.success) throw result.error;
  return result.ruleSet;
}

function fromDocument(
  yaml: YamlSource,
  file: string | undefined,
): { success: true; ruleSet: RuleSet } | { success: false; error: RuleSetError } {
  if (typeof yaml.value === 'object' && yaml.value !== null && 'overrides' in yaml.value && !('rules' in yaml.value && Array.isArray(yaml.value.rules))) {
    return fail([
      yaml.issue(
        'invalid_shape',
        ['overrides'],
        'this is a policy overrides file, not a rule set: load it with loadOverrides() or pass it as createModerator({ overrides })',
      ),
    ]);
  }
  const parsed = schemas().ruleSet.safeParse(yaml.value, { reportInput: true });
  if (!parsed.success) {
    // Every problem at once: the checks beyond the schema also run on whatever parts are well formed.
    const shape = schemaIssues(yaml, parsed.error, validKeysAt);
    return fail([...shape, ...checkRuleSet(wellFormedParts(yaml.value), yaml)]);
  }
  const issues = checkRuleSet(parsed.data, yaml);
  if (issues.length > 0) return fail(issues);
  const ruleSet: RuleSet = {
    id: parsed.data.id,
    category: parsed.data.category,
    locale: parsed.data.locale,
    description: parsed.data.description,
    lists: expandLists(parsed.data.lists ?? {}),
    ...(parsed.data.regions === undefined ? {} : { regions: parsed.data.regions }),
    rules: parsed.data.rules,
    ...(file === undefined ? {} : { file }),
  };
  sources.set(ruleSet, yaml);
  return { success: true, ruleSet };
}

/** A vocabulary: named term lists that rule sets share (`rules/shared.yaml`). */
export interface Vocabulary {
  readonly id: string;
  readonly description: string;
  readonly lists: Readonly<Record<string, readonly TermEntry[]>>;
  readonly file?: string;
}

/** How a rule refers to a list of the shared vocabulary: `@shared/group-nouns`. */
export const SHARED_PREFIX = 'shared/';

/** How an overrides file names a list of the conversation vocabulary: `conversation/refusals`. */
export const CONVERSATION_PREFIX = 'conversation/';

/**
 * Validates a vocabulary file parsed ahead of time (the built-in `rules/shared.yaml` is parsed
 * when the package is built). Throws {@link RuleSetError} listing every problem.
 */
export function loadParsedVocabulary(value: unknown, file: string): Vocabulary {
  return vocabularyFrom({ file, value, issues: [], issue: (code, path, message) => ({ code, path: [...path], message, file }) }, file);
}

/**
 * Parses and validates a vocabulary file from YAML text, so that every problem carries its line
 * and column (the build reads `rules/shared.yaml` this way). Throws {@link RuleSetError}.
 */
export function loadVocabulary(text: string, file: string): Vocabulary {
  const yaml = parseYamlSource(text, file);
  if (yaml.issues.length > 0) throw new RuleSetError(yaml.issues);
  return vocabularyFrom(yaml, file);
}

function vocabularyFrom(located: YamlSource, file: string): Vocabulary {
  const parsed = schemas().vocabulary.safeParse(located.value, { reportInput: true });
  if (!parsed.success) throw new RuleSetError(schemaIssues(located, parsed.error, vocabularyKeysAt));
  const issues = appIssues(parsed.data, located);
  if (issues.length > 0) throw new RuleSetError(issues);
  const lists = { ...expandLists(parsed.data.lists), ...appLists(parsed.data.apps) };
  return { id: parsed.data.vocabulary, description: parsed.data.description, lists, file };
}

function vocabularyKeysAt(path: readonly (string | number)[]): string[] {
  if (path[0] === 'apps' && path.length === 2) return appEntryKeys();
  return path.length === 0 ? Object.keys(schemas().vocabulary.shape) : [];
}

/** Locates a path inside a loaded rule set's file, for problems found after loading. */
export function locateIssue(
  ruleSet: RuleSet,
  code: RuleSetIssue['code'],
  path: readonly (string | number)[],
  message: string,
): RuleSetIssue {
  const yaml = sources.get(ruleSet);
  if (yaml) return yaml.issue(code, path, message);
  return { code, path: [...path], message, ...(ruleSet.file === undefined ? {} : { file: ruleSet.file }) };
}

function fail(issues: RuleSetIssue[]): { success: false; error: RuleSetError } {
  // In file order, so an author can fix them top to bottom.
  const ordered = [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { success: false, error: new RuleSetError(ordered) };
}

function looksLikePath(source: string): boolean {
  return !source.includes('\n') && /\.(ya?ml|json)$/i.test(source.trim());
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} (${String(value)})`;
}

function validKeysAt(path: readonly (string | number)[]): string[] {
  if (path.length === 0) return Object.keys(schemas().ruleSet.shape);
  if (path[0] === 'rules' && path.length === 2) return Object.keys(schemas().rule.shape);
  if (path[0] === 'regions' && path.length === 2) return Object.keys(schemas().region.shape);
  if (path.at(-1) === 'near') return ['groups', 'within', 'ordered'];
  if (path.includes('context')) return ['terms', 'within', 'delta', 'note'];
  if (path.includes('allow')) return ['terms', 'within', 'for', 'note'];
  return [];
}

function expandLists(lists: NonNullable<RuleSetSource['lists']>): Record<string, TermEntry[]> {
  const out: Record<string, TermEntry[]> = {};
  for (const [name, list] of Object.entries(lists)) out[name] = termEntries(list);
  return out;
}

const MATCHERS = ['terms', 'near', 'pattern', 'regex', 'detector'] as const;

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The parts of a rule set that failed the schema which are still well formed, keeping rule
 * indexes, so that list references, duplicate ids, regexes and placeholders are checked too.
 */
function wellFormedParts(value: unknown): RuleSetSource {
  const root = isRecord(value) ? value : {};
  const lists: Record<string, string[] | Record<string, string[]>> = {};
  if (isRecord(root.lists)) for (const [name, list] of Object.entries(root.lists)) lists[name] = isStrings(list) ? list : {};
  const rules = (Array.isArray(root.rules) ? root.rules : []).map((raw, index) => {
    const rule = isRecord(raw) ? raw : {};
    const text = (key: string) => (typeof rule[key] === 'string' ? (rule[key] as string) : undefined);
    const strings = (key: string) => (isStrings(rule[key]) ? (rule[key] as string[]) : undefined);
    const near = isRecord(rule.near) && Array.isArray(rule.near.groups) && rule.near.groups.every(isStrings) ? rule.near : undefined;
    const entries = (key: string) =>
      Array.isArray(rule[key])
        ? (rule[key] as unknown[]).filter((e) => typeof e === 'string' || (isRecord(e) && isStrings(e.terms)))
        : undefined;
    // A rule without a usable id still needs one that cannot collide, so duplicates are not invented.
    const id = text('id') ?? `\u0000${index}`;
    const out: Record<string, unknown> = { id, message: text('message') ?? '' };
    for (const key of ['pattern', 'regex', 'flags', 'view', 'detector'] as const) if (text(key) !== undefined) out[key] = text(key);
    for (const key of ['terms', 'trigger'] as const) if (strings(key) !== undefined) out[key] = strings(key);
    if (rule.terms !== undefined && out.terms === undefined) out.terms = [];
    if (near) out.near = { groups: near.groups, within: 5, ordered: false };
    for (const key of ['context', 'allow'] as const) if (entries(key) !== undefined) out[key] = entries(key);
    if (rule.options !== undefined) out.options = rule.options;
    return out as unknown as RuleSource;
  });
  return { ...(root as object), lists, rules } as unknown as RuleSetSource;
}

function checkRuleSet(data: RuleSetSource, yaml: YamlSource): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const listNames = Object.keys(data.lists ?? {});
  issues.push(...checkRegions(data.regions, listNames, yaml));
  const seen = new Map<string, number>();
  data.rules.forEach((rule, index) => {
    const at = (...rest: (string | number)[]) => ['rules', index, ...rest];
    const first = seen.get(rule.id);
    if (first !== undefined) {
      issues.push(yaml.issue('duplicate_rule_id', at('id'), `rule id "${rule.id}" is already used by rules[${first}]`));
    } else {
      seen.set(rule.id, index);
    }

    const present = MATCHERS.filter((key) => rule[key] !== undefined);
    if (present.length === 0) {
      issues.push(
        yaml.issue('missing_matcher', at(), `rule "${rule.id}" needs one of ${MATCHERS.join(', ')} to say what it matches`),
      );
    } else if (present.length > 1) {
      issues.push(
        yaml.issue('conflicting_matchers', at(present[1]!), `rule "${rule.id}" has both ${present.join(' and ')}; use one per rule`),
      );
    }
    if (rule.pattern !== undefined && rule.trigger === undefined) {
      issues.push(
        yaml.issue('missing_trigger', at('pattern'), `a pattern rule needs \`trigger\` terms so grammar runs only when they occur`),
      );
    }
    if (rule.trigger !== undefined && (rule.terms !== undefined || rule.near !== undefined)) {
      issues.push(
        yaml.issue('conflicting_matchers', at('trigger'), '`trigger` only applies to pattern, regex and detector rules'),
      );
    }
    if ((rule.view !== undefined || rule.flags !== undefined) && rule.regex === undefined) {
      issues.push(yaml.issue('conflicting_matchers', at(rule.view ? 'view' : 'flags'), '`view` and `flags` only apply to regex rules'));
    }

    for (const [path, term] of termsOf(rule)) {
      if (term.startsWith('@')) {
        const name = term.slice(1);
        // `@shared/<name>` names a list of the shared vocabulary, checked when a moderator is built.
        if (name.startsWith(SHARED_PREFIX)) {
          if (!/^[A-Za-z0-9_-]+$/.test(name.slice(SHARED_PREFIX.length))) {
            issues.push(yaml.issue('unknown_list', at(...path), `"@${name}" is not a shared list name (letters, digits, _ and -)`));
          }
        } else if (!listNames.includes(name)) {
          const hint = nearest(name, listNames);
          issues.push(
            yaml.issue('unknown_list', at(...path), `no list named "${name}" in \`lists\`${hint ? `; did you mean "@${hint}"?` : ''}`),
          );
        }
      } else if (term.replace(/\*/g, '').trim() === '') {
        issues.push(yaml.issue('empty_term', at(...path), `term ${JSON.stringify(term)} matches nothing`));
      }
    }

    let groups: string[] = [];
    if (rule.regex !== undefined) {
      const regexIssues = checkRegex(rule.regex, rule.flags ?? '', rule.view ?? 'plain');
      for (const [code, message] of regexIssues) issues.push(yaml.issue(code, at('regex'), message));
      groups = [...rule.regex.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]!);
    }
    if (rule.options !== undefined && rule.detector === undefined) {
      issues.push(yaml.issue('invalid_option', at('options'), '`options` only apply to detector rules'));
    }
    // A built-in detector's options are checked here; a custom one's when the moderator is given it.
    const detector = rule.detector === undefined ? undefined : builtinDetector(rule.detector);
    if (detector !== undefined) issues.push(...detectorOptionIssues(detector, rule.options, at('options'), yaml));

    // Detector placeholders are checked when the moderator knows its detectors.
    if (rule.detector === undefined) {
      const known = new Set<string>([...BASE_PLACEHOLDERS, ...groups]);
      for (const name of placeholdersOf(rule.message)) {
        if (!known.has(name)) {
          const hint = nearest(name, [...known]);
          issues.push(
            yaml.issue(
              'unknown_placeholder',
              at('message'),
              `placeholder {{${name}}} cannot be filled by this rule${hint ? `; did you mean {{${hint}}}?` : ''} (known: ${[...known].join(', ')})`,
            ),
          );
        }
      }
    }
  });
  return issues;
}

/** Each list a region names exists, and belongs to no other region (turning one off would take it from both). */
function checkRegions(regions: unknown, listNames: readonly string[], yaml: YamlSource): RuleSetIssue[] {
  if (!isRecord(regions)) return [];
  const issues: RuleSetIssue[] = [];
  const owner = new Map<string, string>();
  for (const [id, region] of Object.entries(regions)) {
    if (!isRecord(region) || !isStrings(region.lists)) continue;
    region.lists.forEach((name, i) => {
      const at = ['regions', id, 'lists', i];
      if (!listNames.includes(name)) {
        const hint = nearest(name, listNames);
        issues.push(yaml.issue('unknown_list', at, `no list named "${name}" in \`lists\`${hint ? `; did you mean "${hint}"?` : ''}`));
      } else if (owner.has(name)) {
        issues.push(yaml.issue('invalid_shape', at, `list "${name}" is already in region "${owner.get(name)}"; a list belongs to one region`));
      } else {
        owner.set(name, id);
      }
    });
  }
  return issues;
}

/** Every term a rule mentions, with its path inside the rule. */
export function termsOf(rule: RuleSource): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  rule.terms?.forEach((t, i) => out.push([['terms', i], t]));
  rule.trigger?.forEach((t, i) => out.push([['trigger', i], t]));
  rule.near?.groups.forEach((g, gi) => g.forEach((t, i) => out.push([['near', 'groups', gi, i], t])));
  rule.context?.forEach((c, ci) => {
    if (typeof c === 'string') out.push([['context', ci], c]);
    else c.terms?.forEach((t, i) => out.push([['context', ci, 'terms', i], t]));
  });
  rule.allow?.forEach((a, ai) => {
    if (typeof a === 'string') out.push([['allow', ai], a]);
    else a.terms.forEach((t, i) => out.push([['allow', ai, 'terms', i], t]));
  });
  return out;
}

/** Names used as `{{name}}` in a message. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g)].map((m) => m[1]!);
}

const EMPTY_PROBES = ['', ' ', 'a', 'ab 12 ?!', '中文', '\n'];

function checkRegex(source: string, flags: string, view: string): [RuleSetIssue['code'], string][] {
  const compiledFlags = `${flags.replace(/[gu]/g, '')}gu`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, compiledFlags);
  } catch (error) {
    return [['invalid_regex', `regex does not compile: ${(error as Error).message}`]];
  }
  const issues: [RuleSetIssue['code'], string][] = [];
  if (EMPTY_PROBES.some((probe) => matchesEmpty(regex, probe))) {
    issues.push(['empty_match_regex', 'regex can match empty text; every match must consume at least one character']);
  }
  // A regex on the plain view never sees what NFKC and lower-casing removed (`…` became `...`).
  const hazard = findBacktrackingHazard(source, compiledFlags, view === 'plain' ? { alphabet: canAppearInPlainView } : {});
  if (hazard !== undefined) issues.push(['unsafe_regex', `regex can backtrack catastrophically: ${hazard}`]);
  return issues;
}

function matchesEmpty(regex: RegExp, probe: string): boolean {
  regex.lastIndex = 0;
  for (const match of probe.matchAll(regex)) if (match[0].length === 0) return true;
  return false;
}
