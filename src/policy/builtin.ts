import profanityEn from '../../rules/profanity.en.yaml';
import profanityZh from '../../rules/profanity.zh.yaml';
import { loadRuleSet, type RuleSet } from './load.js';

/** The rule files that ship with chaperone, by file name. */
const BUILTIN_SOURCES: Readonly<Record<string, string>> = {
  'rules/profanity.en.yaml': profanityEn,
  'rules/profanity.zh.yaml': profanityZh,
};

let cache: RuleSet[] | undefined;

/** Every built-in rule set, loaded and validated once per process. */
export function builtinRuleSets(): readonly RuleSet[] {
  cache ??= Object.entries(BUILTIN_SOURCES).map(([file, text]) => loadRuleSet(text, { file }));
  return cache;
}

/** Ids of the built-in rule sets (`profanity`, …). */
export function builtinRuleSetIds(): string[] {
  return [...new Set(builtinRuleSets().map((r) => r.id))];
}
