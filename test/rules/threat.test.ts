import { describe, expect, it } from 'vitest';
import { describeCases, runCaseFile } from '../../src/testing/index.js';
import { describeListCoverage } from './list-coverage.js';

describeCases('rules/threat.cases.yaml', { describe, it });

describe('threat cases', () => {
  it('cover every rule of the rule set, with no case written twice', () => {
    const result = runCaseFile('rules/threat.cases.yaml');
    expect(result.uncoveredRules).toEqual([]);
    expect(result.duplicates).toEqual([]);
  });
});

describeListCoverage('threat', 'rules/threat.cases.yaml');
