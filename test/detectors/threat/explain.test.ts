import { describe, expect, it } from 'vitest';
import { createModerator } from '../../../src/index.js';

describe('threat grammar in explain', () => {
  const moderator = createModerator({ ruleSets: ['threat'] });
  const violence = (text: string) => moderator.explain(text).find((e) => e.ruleId === 'threat/violence')!;

  it.each([
    ['I would never hurt you', '"I would never hurt you" (negated: said not to happen)'],
    ["I won't hurt you, I promise", 'negated: said not to happen'],
  ])('says a negated threat was set aside: %s', (text, reason) => {
    const outcome = violence(text);
    expect(outcome.outcome).toBe('no-match');
    expect(outcome.reason).toContain(reason);
  });

  it('says nothing was set aside when there was no threat to read', () => {
    expect(violence('this traffic is killing me').reason).toMatch(/found nothing$/);
  });

  it('still flags a threat that is meant', () => {
    expect(violence("I'll hurt you").outcome).toBe('flagged');
  });
});
