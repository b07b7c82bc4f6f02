import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet, type Detector } from '../../src/index.js';

// A detector that finds order references of the form REF-1234 whose digits sum to an even number,
// and says why it set the others aside.
const evenReference: Detector = {
  name: 'even-reference',
  description: 'REF- numbers whose digits sum to an even number.',
  detect({ text }) {
    return [...text.matchAll(/REF-(\d{4})/g)]
      .filter((m) => [...m[1]!].reduce((n, d) => n + Number(d), 0) % 2 === 0)
      .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  },
  explainRejected({ text }) {
    return [...text.matchAll(/REF-(\d{4})/g)]
      .filter((m) => [...m[1]!].reduce((n, d) => n + Number(d), 0) % 2 === 1)
      .map((m) => ({ start: m.index, end: m.index + m[0].length, reason: 'digit sum is odd' }));
  },
};

const ruleSet = loadRuleSet(`
id: refs
category: pii
description: References.
rules:
  - id: even-reference
    description: An even reference.
    severity: low
    score: 0.9
    message: "Reference {{match}}."
    detector: even-reference
`);

describe('explain with a detector that reports what it set aside', () => {
  const moderator = createModerator({ ruleSets: [ruleSet], detectors: [evenReference] });
  it('names each rejected candidate and the reason when nothing was found', () => {
    const [outcome] = moderator.explain('your order REF-1235, and the old one REF-0001');
    expect(outcome!.outcome).toBe('no-match');
    expect(outcome!.reason).toBe('ran, but detector "even-reference" set aside "REF-1235" (digit sum is odd); "REF-0001" (digit sum is odd)');
  });
  it('says the rule flagged when the detector found something', () => {
    const [outcome] = moderator.explain('REF-1133');
    expect(outcome!.outcome).toBe('flagged');
  });
  it('moderation never calls explainRejected', () => {
    let called = 0;
    const spy: Detector = { ...evenReference, explainRejected: (c) => (called++, evenReference.explainRejected!(c)) };
    createModerator({ ruleSets: [ruleSet], detectors: [spy] }).moderate('REF-0001');
    expect(called).toBe(0);
  });
});
