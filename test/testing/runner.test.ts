import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/index.js';
import { describeCases, loadCaseFile, runCaseFile, formatCaseFailure } from '../../src/testing/index.js';

const house = loadRuleSet('fixtures/house-rules.yaml');

describe('case files', () => {
  it('runs DESIGN.md house-rules cases', () => {
    const outcome = runCaseFile('fixtures/house-rules.cases.yaml', { ruleSets: [house] });
    expect(outcome).toMatchObject({ ruleSet: 'house-rules', passed: 2, failed: 0, uncoveredRules: [], duplicates: [] });
  });

  it('reports what differed when a case fails', () => {
    const cases = loadCaseFile(
      `ruleSet: house-rules
valid:
  - please wire me later
  - please wire me later
invalid:
  - text: pay by bank transfer
    findings:
      - ruleId: house-rules/pay-by-bank-transfer
        text: wire me
  - text: send it by bank transfer
    exact: true
    findings:
      - ruleId: house-rules/pay-by-bank-transfer
`,
      { file: 'inline.cases.yaml' },
    );
    const outcome = runCaseFile(cases, { ruleSets: [house] });
    expect(outcome.failed).toBe(3);
    expect(outcome.passed).toBe(1);
    expect(outcome.duplicates).toEqual(['please wire me later']);
    const [valid, , invalid] = outcome.results;
    expect(valid!.problems[0]).toContain('unexpected house-rules/pay-by-bank-transfer on "wire me"');
    expect(invalid!.problems).toEqual(['missing house-rules/pay-by-bank-transfer with text "wire me"']);
    const report = formatCaseFailure(invalid!, 'inline.cases.yaml');
    expect(report).toContain('inline.cases.yaml:6');
    expect(report).toContain('"bank transfer"');
  });

  it('refuses a case file for a rule set that is not loaded', () => {
    expect(() => runCaseFile('fixtures/house-rules.cases.yaml')).toThrow(/not loaded/);
  });

  it('refuses malformed case files with located issues', () => {
    expect(() => loadCaseFile('ruleSet: x\ninvalid:\n  - txt: hi\n', { file: 'bad.cases.yaml' })).toThrow(/bad\.cases\.yaml:3:\d+ invalid\[0\]\.txt: unknown key "txt"; did you mean "text"\?/);
  });
});

describe('describeCases registers one test per case', () => {
  describeCases('fixtures/house-rules.cases.yaml', { describe, it, ruleSets: [house] });
});
