import { describe, expect, it } from 'vitest';
import { describeCases, runCaseFile } from '../../src/testing/index.js';
import { itCoversEveryList } from './list-coverage.js';

describeCases('rules/off-platform.cases.yaml', { describe, it });

describe('off-platform cases', () => {
  it('cover every rule of the rule set, with no case written twice', () => {
    const result = runCaseFile('rules/off-platform.cases.yaml');
    expect(result.uncoveredRules).toEqual([]);
    expect(result.duplicates).toEqual([]);
  });
});

describe('off-platform lists', () => {
  itCoversEveryList('off-platform', 'rules/off-platform.cases.yaml', { shared: true });
});
