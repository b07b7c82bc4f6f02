import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet } from '../../src/index.js';

// `side` reads only one side of a match, `opening` raises a vocative that opens the message, and
// `name: true` lets an exception apply only to a match written as a name.
const ruleSet = loadRuleSet(`
id: positions
category: profanity
description: Positions around a match.
rules:
  - id: curse
    description: A curse word.
    severity: medium
    score: 0.4
    message: "Curse {{match}}."
    terms: [drat, blast]
    context:
      - opening: true
        delta: 0.3
        note: opens the message
      - terms: [you]
        within: 1
        side: before
        delta: 0.2
        note: aimed
    allow:
      - terms: [furnace, oven]
        within: 1
        side: after
        note: a blast furnace
      - terms: [mr, hi]
        within: 0
        side: before
        name: true
        note: a name
`);
const moderator = createModerator({ ruleSets: [ruleSet] });
const scoreOf = (text: string) => moderator.moderate(text).findings.map((f) => f.score);

describe('side, opening and name', () => {
  it('an allow entry with side: after reads only what follows the match', () => {
    expect(scoreOf('the blast furnace is hot')).toEqual([]);
    expect(scoreOf('oven, blast it')).toEqual([0.4]);
  });
  it('a context entry with side: before reads only what precedes the match', () => {
    expect(scoreOf('well you drat')).toEqual([0.6]);
    expect(scoreOf('well drat you')).toEqual([0.4]);
  });
  it('opening raises a match that opens the message and is followed by punctuation or the end', () => {
    expect(scoreOf('Drat, it broke')).toEqual([0.7]);
    expect(scoreOf('  drat!')).toEqual([0.7]);
    expect(scoreOf('drat it broke')).toEqual([0.4]);
    expect(scoreOf('oh drat, it broke')).toEqual([0.4]);
  });
  it('name: true cancels only a match written with a capital and then lower case', () => {
    expect(scoreOf('hi Blast, welcome')).toEqual([]);
    expect(scoreOf('hi blast, welcome')).toEqual([0.4]);
    expect(scoreOf('hi BLAST, welcome')).toEqual([0.4]);
  });
  it('a context entry needs terms unless opening is its whole condition', () => {
    expect(() =>
      loadRuleSet(`
id: broken
category: profanity
description: x
rules:
  - id: r
    description: x
    severity: low
    score: 0.1
    message: x
    terms: [a]
    context:
      - delta: 0.3
`),
    ).toThrow(/opening/);
  });
});
