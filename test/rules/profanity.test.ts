import { describe, expect, it } from 'vitest';
import { describeCases, runCaseFile } from '../../src/testing/index.js';
import { itCoversEveryList } from './list-coverage.js';

describeCases('rules/profanity.cases.yaml', { describe, it });

describe('profanity cases', () => {
  it('cover every rule of the rule set, with no case written twice', () => {
    const result = runCaseFile('rules/profanity.cases.yaml');
    expect(result.uncoveredRules).toEqual([]);
    expect(result.duplicates).toEqual([]);
  });
});

describe('profanity lists', () => {
  itCoversEveryList('profanity', 'rules/profanity.cases.yaml');
});
