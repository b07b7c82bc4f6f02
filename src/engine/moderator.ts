import type { Detector } from '../detectors/types.js';
import { builtinDetectors } from '../detectors/index.js';
import { builtinRuleSets } from '../policy/builtin.js';
import { compilePolicy, type CompiledPolicy } from '../policy/compile.js';
import { loadRuleSet, type RuleSet } from '../policy/load.js';
import { RuleSetError } from '../policy/errors.js';
import { distinctRuleSets } from '../policy/rule-set-ids.js';
import { applyOverrides, loadOverrides, type PolicyOverrides } from '../policy/overrides.js';
import { conversationVocabulary, resolveShared, sharedVocabulary } from '../policy/vocabulary.js';
import { applySwitches, checkSwitchOptions, type RegionChoice, type SeverityChoice } from '../policy/switches.js';
import { createConversation, type ConversationContext } from '../conversation/conversation.js';
import type { Conversation, ConversationOptions } from '../conversation/types.js';
import { compileLexicon, wordHitsOf, type WordHits } from '../conversation/lexicon.js';
import { evaluate } from './evaluate.js';
import { explainMessage, type RuleExplanation } from './explain.js';
import { buildFindings, type Suppressed } from './findings.js';
import { checkRedactOptions, chooseFindings, redactFindings, type RedactNames, type RedactOptions, type RedactResult } from './redact.js';
import { findingsByWindow, MAX_MODERATED_LENGTH, moderatedLength } from './limits.js';
import { DEFAULT_THRESHOLDS, overallOf, scoreCategories } from './scoring.js';
import type { ModerationResult, Thresholds } from './types.js';

/** Options for {@link createModerator}. */
export interface ModeratorOptions {
  /**
   * Rule sets to run: built-in ids (`'profanity'`), loaded rule sets, YAML text or file paths.
   * Default: every built-in rule set.
   */
  readonly ruleSets?: readonly (string | RuleSet)[];
  /** Only rule sets written for these locales (plus locale `any`); default all. */
  readonly locale?: string | readonly string[];
  /** Rule-set ids or rule ids (`profanity/mild-word`) to leave out. */
  readonly disable?: readonly string[];
  /** Per-category thresholds; `default` applies to categories not named. */
  readonly thresholds?: Readonly<Record<string, Partial<Thresholds>>>;
  /**
   * Regions a rule set declares, turned on or off, keyed by rule-set id:
   * `{ profanity: { exclude: ['en-in', 'zh-yue'] } }`, or `include` for only those. A region off
   * stops its words matching. Wins over an overrides file's choice for the same rule set.
   */
  readonly regions?: Readonly<Record<string, RegionChoice>>;
  /**
   * Severity tiers turned on or off, keyed by rule-set id: `{ profanity: { min: 'medium' } }`
   * leaves out the rules below medium, `exclude` names tiers. Wins over an overrides file's choice.
   */
  readonly severity?: Readonly<Record<string, SeverityChoice>>;
  /** Extra code detectors that rules can name with `detector:`. */
  readonly detectors?: readonly Detector[];
  /**
   * Policy overrides (loaded, a path or YAML text), applied in order to the chosen rule sets:
   * disable rules, change scores, severities and thresholds, add list terms and exceptions.
   * `disable` and `thresholds` given here win over the files'.
   */
  readonly overrides?: PolicyOverrides | string | readonly (PolicyOverrides | string)[];
}

/** A compiled policy: call `moderate` on every message. */
export interface Moderator {
  /**
   * Findings, category scores and verdicts for one message. Synchronous, no I/O. A message longer
   * than `MAX_MODERATED_LENGTH` is moderated in its first part and the result says so in `truncated`.
   */
  moderate(text: string): ModerationResult;
  /**
   * The message with the chosen findings masked. Throws `OptionError` (`unknown_category`,
   * `unknown_entity`) when `categories` or `entities` names something no loaded rule produces.
   * A message longer than `MAX_MODERATED_LENGTH` is read whole, in overlapping windows of that length.
   */
  redact(text: string, options?: RedactOptions): RedactResult;
  /**
   * For every rule, why it fired on the message or why not: for policy authors, not the hot path.
   * Reads what `moderate` reads: the first `MAX_MODERATED_LENGTH` units of a longer message.
   */
  explain(text: string): RuleExplanation[];
  /**
   * A conversation to moderate message by message: each `add()` gives the message's own result and
   * a thread result over the window, whose findings may span messages (split contact details,
   * cancel-and-continue across turns, escalation per sender). Its state is plain JSON:
   * `moderator.conversation({ state: JSON.parse(JSON.stringify(convo)) })` carries on where it was.
   */
  conversation(options?: ConversationOptions): Conversation;
  /** The rule sets this moderator runs, after locale and `disable` filtering. */
  readonly ruleSets: readonly RuleSet[];
  /** Thresholds in force for a category. */
  thresholdsFor(category: string): Thresholds;
}

/** Compiles a policy once; the returned moderator is cheap to call on every message. */
export function createModerator(options: ModeratorOptions = {}): Moderator {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`createModerator expects an options object, got ${options === null ? 'null' : typeof options}`);
  }
  const overrides = [options.overrides ?? []].flat().map((o) => (typeof o === 'string' ? loadOverrides(o) : o));
  const applied = applyOverrides(resolveShared(distinctRuleSets(chooseRuleSets(options))), overrides, sharedVocabulary(), conversationVocabulary());
  const disabled = new Set([...applied.disable, ...(options.disable ?? [])]);
  const chosen = checkSwitchOptions(applied.ruleSets, options);
  const switched = applySwitches(applied.ruleSets, {
    regions: { ...applied.regions, ...chosen.regions },
    severity: { ...applied.severity, ...chosen.severity },
  });
  const ruleSets = filterRuleSets(switched, options, [...disabled]);
  const detectors = new Map(builtinDetectors().map((d) => [d.name, d] as const));
  for (const detector of options.detectors ?? []) detectors.set(detector.name, detector);
  // The conversation vocabulary's words ride on the scan every message gets; no rule reads them.
  const lexicon = compileLexicon(applied.conversation ?? conversationVocabulary());
  const policy = compilePolicy(ruleSets, detectors, lexicon.watch);
  const thresholdsFor = createThresholds(mergeThresholds(applied.thresholds, options.thresholds ?? {}));

  const moderate = (text: string): ModerationResult => {
    assertText(text, 'moderate');
    const at = moderatedLength(text);
    if (at === text.length) return resultFor(policy, text, thresholdsFor);
    return { ...resultFor(policy, text.slice(0, at), thresholdsFor), truncated: { at, length: text.length } };
  };
  let names: RedactNames | undefined;
  let context: ConversationContext | undefined;
  const conversationContext = (): ConversationContext =>
    (context ??= {
      moderate,
      moderateWithWords(text) {
        assertText(text, 'add');
        const at = moderatedLength(text);
        const read = readMessage(policy, at === text.length ? text : text.slice(0, at), thresholdsFor);
        return at === text.length ? read : { result: { ...read.result, truncated: { at, length: text.length } }, words: read.words };
      },
      thresholdsFor,
      lexicon,
      enabled: (ruleId) => !disabled.has(ruleId) && !disabled.has('conversation'),
    });
  return {
    moderate,
    conversation: (conversationOptions) => createConversation(conversationContext(), conversationOptions),
    redact(text, redactOptions) {
      assertText(text, 'redact');
      checkRedactOptions(redactOptions, (names ??= redactNames(ruleSets, detectors)));
      // A longer message is read whole, window by window, keeping only what will be masked.
      const findings =
        text.length <= MAX_MODERATED_LENGTH
          ? moderate(text).findings
          : findingsByWindow(text, (part) => chooseFindings(resultFor(policy, part, thresholdsFor).findings, redactOptions));
      return redactFindings(text, findings, redactOptions);
    },
    explain(text) {
      assertText(text, 'explain');
      return explainMessage(policy, text.slice(0, moderatedLength(text)), thresholdsFor);
    },
    ruleSets,
    thresholdsFor,
  };
}

/** The categories of the loaded rule sets and the entities their rules and detectors can set. */
function redactNames(ruleSets: readonly RuleSet[], detectors: ReadonlyMap<string, Detector>): RedactNames {
  const categories = new Set<string>();
  const entities = new Set<string>();
  for (const ruleSet of ruleSets) {
    categories.add(ruleSet.category);
    for (const rule of ruleSet.rules) {
      if (rule.entity !== undefined) entities.add(rule.entity);
      const detector = rule.detector === undefined ? undefined : detectors.get(rule.detector);
      for (const entity of detector?.entities ?? []) entities.add(entity);
    }
  }
  return { categories: [...categories].sort(), entities: [...entities].sort() };
}

/** Evaluates one message, also returning what exceptions suppressed (for explain). */
export function resultFor(
  policy: CompiledPolicy,
  text: string,
  thresholdsFor: (category: string) => Thresholds,
  suppressed?: Suppressed[],
): ModerationResult {
  return resultOf(buildFindings(policy, evaluate(policy, text), suppressed), thresholdsFor);
}

/** Evaluates one message, with the conversation's words that the scan found in it. */
function readMessage(policy: CompiledPolicy, text: string, thresholdsFor: (category: string) => Thresholds): { result: ModerationResult; words: WordHits } {
  const evaluation = evaluate(policy, text);
  const words = evaluation.watched.length === 0 ? {} : wordHitsOf(evaluation.watched, policy.watched, evaluation.views.skeleton);
  return { result: resultOf(buildFindings(policy, evaluation), thresholdsFor), words };
}

function resultOf(findings: ModerationResult['findings'], thresholdsFor: (category: string) => Thresholds): ModerationResult {
  const categories = scoreCategories(findings, thresholdsFor);
  return { ...overallOf(categories), categories, findings };
}

function assertText(text: unknown, method: string): asserts text is string {
  if (typeof text !== 'string') {
    const got =
      text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text === 'object' ? 'an object' : `${typeof text} ${String(text)}`;
    throw new TypeError(`${method}() expects the message as a string, got ${got}`);
  }
}

function chooseRuleSets(options: ModeratorOptions): RuleSet[] {
  const builtin = builtinRuleSets();
  const requested = options.ruleSets ?? builtin;
  const chosen: RuleSet[] = [];
  for (const entry of requested) {
    if (typeof entry !== 'string') {
      chosen.push(entry);
      continue;
    }
    const matching = builtin.filter((r) => r.id === entry);
    if (matching.length > 0) chosen.push(...matching);
    else if (/\n/.test(entry) || /\.(ya?ml|json)$/i.test(entry)) chosen.push(loadRuleSet(entry));
    else {
      const known = [...new Set(builtin.map((r) => r.id))].join(', ');
      throw new RuleSetError(
        [{ code: 'unknown_rule', path: [], message: `no built-in rule set "${entry}" (built-in: ${known}); pass a path or YAML text for a custom one` }],
      );
    }
  }
  return chosen;
}

function filterRuleSets(chosen: readonly RuleSet[], options: ModeratorOptions, disable: readonly string[]): RuleSet[] {
  const locales = options.locale === undefined ? undefined : [options.locale].flat();
  const disabled = new Set(disable);
  return chosen
    .filter((r) => locales === undefined || r.locale === 'any' || locales.includes(r.locale))
    .filter((r) => !disabled.has(r.id))
    .map((r) => {
      const rules = r.rules.filter((rule) => !disabled.has(`${r.id}/${rule.id}`));
      return rules.length === r.rules.length ? r : { ...r, rules };
    })
    .filter((r) => r.rules.length > 0);
}

function mergeThresholds(
  ...layers: Readonly<Record<string, Partial<Thresholds>>>[]
): Map<string, Partial<Thresholds>> {
  // A Map: a category is any kebab-case name, `constructor` included, and must not read Object's.
  const out = new Map<string, Partial<Thresholds>>();
  for (const layer of layers) for (const [category, values] of Object.entries(layer)) out.set(category, { ...out.get(category), ...values });
  return out;
}

function createThresholds(overrides: ReadonlyMap<string, Partial<Thresholds>>): (category: string) => Thresholds {
  const base: Thresholds = { ...DEFAULT_THRESHOLDS, ...overrides.get('default') };
  const cache = new Map<string, Thresholds>();
  return (category) => {
    let thresholds = cache.get(category);
    if (!thresholds) cache.set(category, (thresholds = { ...base, ...overrides.get(category) }));
    return thresholds;
  };
}
