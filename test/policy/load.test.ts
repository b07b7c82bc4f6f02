import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleSet, RuleSetError, safeLoadRuleSet } from '../../src/index.js';

const house = 'fixtures/house-rules.yaml';

function issuesOf(source: string) {
  const result = safeLoadRuleSet(source);
  if (result.success) throw new Error('expected the rule set to be refused');
  return result.error.issues;
}

describe('loadRuleSet', () => {
  it('loads the smallest rule set from a path and from text alike', () => {
    const fromPath = loadRuleSet(house);
    const fromText = loadRuleSet(readFileSync(house, 'utf8'));
    expect(fromPath.id).toBe('house-rules');
    expect(fromPath.file).toBe(house);
    expect(fromPath.rules).toEqual(fromText.rules);
    expect(fromPath.locale).toBe('any');
  });

  it('lists every problem of a broken file with codes, paths and positions', () => {
    let error: unknown;
    try {
      loadRuleSet('fixtures/broken-rules.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleSetError);
    const issues = (error as RuleSetError).issues;
    const summary = issues.map((i) => [i.code, i.path.join('.')]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['invalid_shape', 'id'],
        ['invalid_shape', 'rules.0.severity'],
        ['invalid_shape', 'rules.0.score'],
        ['unknown_key', 'rules.1.mesage'],
        ['invalid_shape', 'rules.1.message'],
        // Checks beyond the schema run on the well-formed parts in the same pass.
        ['unknown_list', 'rules.0.terms.0'],
        ['unknown_placeholder', 'rules.0.message'],
        ['duplicate_rule_id', 'rules.1.id'],
        ['empty_match_regex', 'rules.2.regex'],
        ['unsafe_regex', 'rules.3.regex'],
        ['missing_trigger', 'rules.4.pattern'],
      ]),
    );
    expect(issues).toHaveLength(11);
    for (const issue of issues) {
      expect(issue.file).toBe('fixtures/broken-rules.yaml');
      expect(issue.line).toBeGreaterThan(0);
      expect(issue.column).toBeGreaterThan(0);
    }
    const typo = issues.find((i) => i.code === 'unknown_key')!;
    expect(typo.message).toContain('did you mean "message"');
    expect(typo.line).toBe(17);
  });

  // Semantic checks run once the shape is right, so this file is valid in shape.
  const semantic = `
id: semantic
category: off-platform
description: Shape is fine, meaning is not.
lists:
  apps: [wechat, whatsapp]
rules:
  - id: contact-app
    description: d
    severity: high
    score: 0.8
    message: "Asks to move to {{app}}."
    terms: ['@aps']
  - id: contact-app
    description: d
    severity: high
    score: 0.8
    message: m
    terms: [telegram]
  - id: empty-regex
    description: d
    severity: low
    score: 0.2
    message: m
    regex: 'a*'
  - id: slow-regex
    description: d
    severity: low
    score: 0.2
    message: m
    regex: '(a+)+b'
  - id: grammar
    description: d
    severity: low
    score: 0.2
    message: m
    pattern: '#Pronoun will hurt you'
  - id: nothing
    description: d
    severity: low
    score: 0.2
    message: m
  - id: both
    description: d
    severity: low
    score: 0.2
    message: m
    terms: [a]
    regex: 'b'
  - id: bad-regex
    description: d
    severity: low
    score: 0.2
    message: m
    regex: '(unclosed'
`;

  it.each([
    ['unknown_list', 'rules.0.terms.0', 'did you mean "@apps"'],
    ['unknown_placeholder', 'rules.0.message', '{{app}}'],
    ['duplicate_rule_id', 'rules.1.id', 'rules[0]'],
    ['empty_match_regex', 'rules.2.regex', 'empty'],
    ['unsafe_regex', 'rules.3.regex', 'backtrack'],
    ['missing_trigger', 'rules.4.pattern', 'trigger'],
    ['missing_matcher', 'rules.5', 'needs one of'],
    ['conflicting_matchers', 'rules.6.regex', 'both'],
    ['invalid_regex', 'rules.7.regex', 'does not compile'],
  ])('reports %s at %s', (code, path, words) => {
    const issue = issuesOf(semantic).find((i) => i.code === code);
    expect(issue, code).toBeDefined();
    expect(issue!.path.join('.')).toBe(path);
    expect(issue!.message).toContain(words);
    expect(issue!.line).toBeGreaterThan(0);
  });

  it('reports YAML syntax errors with a position', () => {
    const [issue] = issuesOf('id: x\nrules: [\n  - broken: {');
    expect(issue!.code).toBe('invalid_yaml');
    expect(issue!.line).toBeGreaterThan(0);
  });

  it('reports a missing file as an issue, not a crash', () => {
    const [issue] = issuesOf('does/not/exist.yaml');
    expect(issue!.code).toBe('file_not_found');
    expect(issue!.file).toBe('does/not/exist.yaml');
  });

  it('refuses a non-string source with a TypeError', () => {
    expect(() => loadRuleSet(42 as unknown as string)).toThrow(/got number/);
  });

  it('formats issues as file:line:column path: message [code]', () => {
    const result = safeLoadRuleSet('fixtures/broken-rules.yaml');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message).toMatch(/fixtures\/broken-rules\.yaml:\d+:\d+ rules\[0\]\.score: .*\[invalid_shape\]/);
  });
});
