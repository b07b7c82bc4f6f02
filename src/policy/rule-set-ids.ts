import { builtinRuleSets } from './builtin.js';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import { locateIssue, type RuleSet } from './load.js';

/**
 * The rule sets a moderator was given, each once. Rule sets sharing an id are the halves of one
 * rule set in several languages (`profanity.en.yaml`, `profanity.zh.yaml`): the same category,
 * one file per locale. Any other sharing (another category, a second file for a locale, or a
 * file beside a locale `any` one) would merge a custom set into a built-in one without a word,
 * so it is refused with `duplicate_rule_set`; overrides are the way to change a loaded set.
 * The same object given twice (`ruleSets: ['pii', 'pii']`) is the same set and is kept once.
 */
export function distinctRuleSets(ruleSets: readonly RuleSet[]): RuleSet[] {
  const unique = [...new Set(ruleSets)];
  // Built-in sets are checked first, so a clash is reported on the user's file, wherever it is given.
  const builtin = new Set(builtinRuleSets());
  const checked: RuleSet[] = [];
  const issues: RuleSetIssue[] = [];
  for (const ruleSet of [...unique.filter((r) => builtin.has(r)), ...unique.filter((r) => !builtin.has(r))]) {
    const clash = checked.find((other) => other.id === ruleSet.id && !areHalves(other, ruleSet));
    if (clash === undefined) {
      checked.push(ruleSet);
      continue;
    }
    const where = clash.file ?? 'another rule set';
    const fix = 'give it an id of its own, or change the loaded one with an overrides file';
    if (clash.category !== ruleSet.category) {
      const message = `rule set "${ruleSet.id}" is already loaded from ${where} with category "${clash.category}", not "${ruleSet.category}"; ${fix}`;
      issues.push(locateIssue(ruleSet, 'duplicate_rule_set', ['category'], message));
    } else {
      const message = `rule set "${ruleSet.id}" for locale "${ruleSet.locale}" overlaps the one loaded from ${where} (locale "${clash.locale}"); ${fix}`;
      issues.push(locateIssue(ruleSet, 'duplicate_rule_set', ['id'], message));
    }
  }
  if (issues.length > 0) throw new RuleSetError(issues);
  return unique;
}

function areHalves(a: RuleSet, b: RuleSet): boolean {
  return a.category === b.category && a.locale !== b.locale && a.locale !== 'any' && b.locale !== 'any';
}
