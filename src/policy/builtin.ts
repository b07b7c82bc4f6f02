import offPlatformEn, { skeletons as offPlatformEnTerms } from '../../rules/off-platform.en.yaml';
import offPlatformZh, { skeletons as offPlatformZhTerms } from '../../rules/off-platform.zh.yaml';
import piiAny, { skeletons as piiAnyTerms } from '../../rules/pii.any.yaml';
import profanityEn, { skeletons as profanityEnTerms } from '../../rules/profanity.en.yaml';
import profanityZh, { skeletons as profanityZhTerms } from '../../rules/profanity.zh.yaml';
import threatEn, { skeletons as threatEnTerms } from '../../rules/threat.en.yaml';
import threatZh, { skeletons as threatZhTerms } from '../../rules/threat.zh.yaml';
import { seedSkeletons } from '../engine/term-matcher.js';
import { loadParsedRuleSet, type RuleSet } from './load.js';

/** The rule files that ship with chaperone, by file name. */
const BUILTIN_SOURCES: Readonly<Record<string, unknown>> = {
  'rules/profanity.en.yaml': profanityEn,
  'rules/profanity.zh.yaml': profanityZh,
  'rules/threat.en.yaml': threatEn,
  'rules/threat.zh.yaml': threatZh,
  'rules/off-platform.en.yaml': offPlatformEn,
  'rules/off-platform.zh.yaml': offPlatformZh,
  'rules/pii.any.yaml': piiAny,
};

let cache: RuleSet[] | undefined;

/** Every built-in rule set, loaded and validated once per process. */
export function builtinRuleSets(): readonly RuleSet[] {
  if (!cache) for (const terms of [offPlatformEnTerms, offPlatformZhTerms, piiAnyTerms, profanityEnTerms, profanityZhTerms, threatEnTerms, threatZhTerms]) seedSkeletons(terms);
  cache ??= Object.entries(BUILTIN_SOURCES).map(([file, document]) => loadParsedRuleSet(document, file));
  return cache;
}

/** Ids of the built-in rule sets (`profanity`, `threat`, `off-platform`, `pii`). */
export function builtinRuleSetIds(): string[] {
  return [...new Set(builtinRuleSets().map((r) => r.id))];
}
