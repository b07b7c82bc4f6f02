import offPlatformEn, { skeletons as offPlatformEnTerms, validated as offPlatformEnValidated } from '../../rules/off-platform.en.yaml';
import offPlatformZh, { skeletons as offPlatformZhTerms, validated as offPlatformZhValidated } from '../../rules/off-platform.zh.yaml';
import piiAny, { skeletons as piiAnyTerms, validated as piiAnyValidated } from '../../rules/pii.any.yaml';
import profanityEn, { skeletons as profanityEnTerms, validated as profanityEnValidated } from '../../rules/profanity.en.yaml';
import profanityZh, { skeletons as profanityZhTerms, validated as profanityZhValidated } from '../../rules/profanity.zh.yaml';
import threatEn, { skeletons as threatEnTerms, validated as threatEnValidated } from '../../rules/threat.en.yaml';
import threatZh, { skeletons as threatZhTerms, validated as threatZhValidated } from '../../rules/threat.zh.yaml';
import { seedSkeletons } from '../engine/term-matcher.js';
import { loadParsedRuleSet, type RuleSet } from './load.js';

/**
 * The rule files that ship with chaperone, by file name: the build validated them already (see
 * tsup.config.ts); run from sources, they are validated here.
 */
const BUILTIN_SOURCES: Readonly<Record<string, { document: unknown; validated: unknown }>> = {
  'rules/profanity.en.yaml': { document: profanityEn, validated: profanityEnValidated },
  'rules/profanity.zh.yaml': { document: profanityZh, validated: profanityZhValidated },
  'rules/threat.en.yaml': { document: threatEn, validated: threatEnValidated },
  'rules/threat.zh.yaml': { document: threatZh, validated: threatZhValidated },
  'rules/off-platform.en.yaml': { document: offPlatformEn, validated: offPlatformEnValidated },
  'rules/off-platform.zh.yaml': { document: offPlatformZh, validated: offPlatformZhValidated },
  'rules/pii.any.yaml': { document: piiAny, validated: piiAnyValidated },
};

let cache: RuleSet[] | undefined;

/** Every built-in rule set, loaded and validated once per process. */
export function builtinRuleSets(): readonly RuleSet[] {
  const precomputed = [offPlatformEnTerms, offPlatformZhTerms, piiAnyTerms, profanityEnTerms, profanityZhTerms, threatEnTerms, threatZhTerms];
  if (!cache) for (const terms of precomputed) seedSkeletons(terms);
  cache ??= Object.entries(BUILTIN_SOURCES).map(([file, { document, validated }]) => (validated as RuleSet | undefined) ?? loadParsedRuleSet(document, file));
  return cache;
}

/** Ids of the built-in rule sets (`profanity`, `threat`, `off-platform`, `pii`). */
export function builtinRuleSetIds(): string[] {
  return [...new Set(builtinRuleSets().map((r) => r.id))];
}
