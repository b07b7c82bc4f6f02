import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Moderator } from '../engine/moderator.js';

/** Which policy produced a result: chaperone's version and a content hash of each rule set it ran. */
export interface PolicyVersion {
  /** `0.1.0+3f2a9c1b07de`: chaperone's version and a hash over every rule set and threshold. */
  readonly id: string;
  readonly chaperone: string;
  /** `profanity.en` → the first 12 hex digits of a SHA-256 of the rule set as compiled, with its category's thresholds. */
  readonly ruleSets: Readonly<Record<string, string>>;
}

/**
 * The version of a moderator's policy. Rule sets carry no version number of their own, so each is
 * named by a hash of what it is after overrides (lists, rules, scores) and of the thresholds in
 * force for its category: two workers whose results could differ have different ids. Detectors
 * written in code are not covered, beyond chaperone's own version.
 */
export function policyVersion(moderator: Moderator): PolicyVersion {
  const chaperone = packageVersion();
  const ruleSets: Record<string, string> = {};
  const whole = createHash('sha256').update(chaperone);
  for (const ruleSet of moderator.ruleSets) {
    const { id, category, locale, lists, rules } = ruleSet;
    const content = JSON.stringify({ id, category, locale, lists, rules, thresholds: moderator.thresholdsFor(category) });
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
    const key = `${id}.${locale}`;
    ruleSets[key] = hash;
    whole.update(`\n${key} ${hash}`);
  }
  return { id: `${chaperone}+${whole.digest('hex').slice(0, 12)}`, chaperone, ruleSets };
}

function packageVersion(): string {
  try {
    return (createRequire(import.meta.url)('chaperone/package.json') as { version: string }).version;
  } catch {
    return '0.0.0-unknown';
  }
}
