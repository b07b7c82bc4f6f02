import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet, RuleSetError, type ModeratorOptions, type RuleSetIssue } from '../../src/index.js';

/** A rule set whose `id` is on line 1, `category` on line 2 and `locale` on line 3. */
const set = (id: string, category: string, locale: string, term = 'xyzzy', rule = 'house-word') =>
  loadRuleSet(
    `id: ${id}
category: ${category}
locale: ${locale}
description: d
rules:
  - id: ${rule}
    description: d
    severity: medium
    score: 0.6
    message: m
    terms: [${term}]
`,
    { file: `${id}.${locale}.yaml` },
  );

function issuesOf(options: ModeratorOptions): readonly RuleSetIssue[] {
  try {
    createModerator(options);
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues;
    throw error;
  }
  throw new Error('expected createModerator to refuse the rule sets');
}

describe('rule sets sharing an id', () => {
  it.each([
    // The issue's case: a custom set named like a built-in one, in another category.
    ['a custom "profanity" in another category', () => ({ ruleSets: [...['profanity'], set('profanity', 'house', 'en')] }), ['category'], 2],
    ['the same, loaded before the built-in one', () => ({ ruleSets: [set('profanity', 'house', 'fr'), 'profanity'] }), ['category'], 2],
    ['a second file for a built-in locale', () => ({ ruleSets: ['profanity', set('profanity', 'profanity', 'en')] }), ['id'], 1],
    ['a file beside a locale "any" set', () => ({ ruleSets: ['pii', set('pii', 'pii', 'en')] }), ['id'], 1],
    ['two custom files for one locale', () => ({ ruleSets: [set('house', 'off-platform', 'en'), set('house', 'off-platform', 'en', 'plugh', 'other')] }),
      ['id'], 1],
    ['two custom sets in two categories', () => ({ ruleSets: [set('house', 'off-platform', 'en'), set('house', 'pii', 'zh', 'plugh', 'other')] }),
      ['category'], 2],
  ])('%s is refused with duplicate_rule_set', (_, options, path, line) => {
    const issues = issuesOf(options());
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'duplicate_rule_set', path, line });
    expect(issues[0]!.file).toMatch(/\.(en|fr|zh)\.yaml$/);
  });

  it('names the file the id is already loaded from', () => {
    const [issue] = issuesOf({ ruleSets: ['profanity', set('profanity', 'house', 'en')] });
    expect(issue!.message).toContain('rules/profanity.en.yaml');
  });

  it.each([
    ['the halves of one rule set, one per locale', () => [set('house', 'off-platform', 'en'), set('house', 'off-platform', 'zh', '中文', 'zh-word')]],
    ['a new locale of a built-in set, in its category', () => ['profanity', set('profanity', 'profanity', 'fr', 'merde', 'fr-word')]],
    ['a built-in id given twice', () => ['pii', 'pii']],
  ])('%s still load', (_, ruleSets) => {
    expect(() => createModerator({ ruleSets: ruleSets() })).not.toThrow();
  });

  it('overrides change a built-in set in place, which is the way to extend it', () => {
    const moderator = createModerator({ ruleSets: ['profanity'], overrides: 'overrides: house\nlists:\n  profanity/vulgar: [xyzzy]\n' });
    expect(moderator.moderate('xyzzy').findings.map((f) => f.ruleId)).toEqual(['profanity/vulgar-word']);
  });
});
