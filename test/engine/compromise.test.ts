import { describe, expect, it } from 'vitest';
import { isCompromiseLoaded, loadCompromise } from '../../src/engine/compromise.js';
import { createModerator, loadRuleSet } from '../../src/index.js';

// Vitest gives each test file its own module instances, so this file sees compromise unloaded.
describe('the shared compromise loader', () => {
  const rules = loadRuleSet(`id: grammar-only
category: threat
description: d
rules:
  - id: will-hurt
    description: d
    severity: high
    score: 0.8
    message: "{{match}}"
    trigger: [hurt]
    pattern: 'i will hurt you'
`);
  const moderator = createModerator({ ruleSets: [rules] });

  it('does not load compromise for a message whose trigger did not fire', () => {
    expect(moderator.moderate('see you at the north entrance').findings).toEqual([]);
    expect(isCompromiseLoaded()).toBe(false);
  });

  it('loads it once a grammar rule runs, and hands every caller the same instance', () => {
    expect(moderator.moderate('I will hurt you').findings).toHaveLength(1);
    expect(isCompromiseLoaded()).toBe(true);
    expect(loadCompromise()).toBe(loadCompromise());
    expect(loadCompromise()('I will hurt you').json({})).toHaveLength(1);
  });
});
