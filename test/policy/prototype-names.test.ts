import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet, RuleSetError } from '../../src/index.js';

// Keys named like Object.prototype's are refused in rule files (reserved_key); these are names
// that arrive as values (a regex group, a category) or through the API, and become keys later.
const ruleSet = (body: string) =>
  ['id: house', 'category: house', 'description: Names that are also properties of every object.', body].join('\n');

const rule = (matcher: string, message = '"Says {{match}}."') =>
  `  - id: r\n    description: d\n    severity: high\n    score: 0.9\n    message: ${message}\n    ${matcher}\n`;

function codesOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues.map((i) => `${i.code} ${i.path.join('.')}`);
    throw error;
  }
  throw new Error('expected a RuleSetError');
}

describe('names that become keys are own keys', () => {
  it('a regex group named __proto__ fills its placeholder', () => {
    const set = loadRuleSet(ruleSet(`rules:\n${rule(`regex: '(?<__proto__>\\d{3})(?<constructor>x)?'`, '"Number {{__proto__}}{{constructor}}."')}`));
    const [finding] = createModerator({ ruleSets: [set] }).moderate('call 123 now').findings;
    expect(finding!.message).toBe('Number 123.');
  });

  it('thresholds given as parsed JSON cannot set defaults through a __proto__ key', () => {
    const thresholds = JSON.parse('{"__proto__": {"default": {"review": 0.99, "block": 0.999}}}');
    expect(createModerator({ thresholds }).moderate('you absolute moron').verdict).toBe('review');
  });

  it.each(['constructor', 'toString'])('@shared/%s is an unknown shared list, not a crash', (name) => {
    const set = loadRuleSet(ruleSet(`rules:\n${rule(`terms: ['@shared/${name}']`)}`));
    expect(codesOf(() => createModerator({ ruleSets: [set] }))).toEqual(['unknown_list rules.0.terms.0']);
  });
});
