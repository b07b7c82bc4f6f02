import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readingText } from '../../src/detectors/threat/reading.js';
import { createModerator } from '../../src/index.js';

const moderator = createModerator({ ruleSets: ['threat'] });
const flagged = (text: string) => (moderator.moderate(text).categories.threat?.verdict ?? 'allow') !== 'allow';

const verbs = fc.constantFrom('hurt', 'kill', 'stab', 'beat up', 'punch', 'strangle', 'shoot', 'murder');
const future = fc.constantFrom('will', "'ll", 'am going to', "'m gonna", 'am about to');
const target = fc.constantFrom('you', 'u', 'your wife', 'your kids', 'your dad');
const ending = fc.constantFrom('', ' tonight', ' if you report me', ', trust me', ' when I see you');

describe('threat grammar, by construction', () => {
  it('the speaker, a harm verb and the reader or their family in the future is a threat', () => {
    fc.assert(
      fc.property(future, verbs, target, ending, (aux, verb, who, end) => {
        const text = `I${aux.startsWith("'") ? '' : ' '}${aux} ${verb} ${who}${end}`;
        expect(flagged(text), text).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the same clause negated is not', () => {
    const negated = fc.constantFrom('would never', 'will never', "won't ever", 'am not going to', 'would not');
    fc.assert(
      fc.property(negated, verbs, target, (aux, verb, who) => {
        const text = `I ${aux} ${verb} ${who}`;
        expect(flagged(text), text).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('the same clause passed on to support by its victim is not a threat by the sender', () => {
    const reporter = fc.constantFrom('the driver said', 'my courier told me', 'the seller texted that', 'he keeps saying');
    const plea = fc.constantFrom(', please help', '. I am scared, can you ban him?', ', what do I do?');
    fc.assert(
      fc.property(reporter, verbs, plea, (said, verb, end) => {
        const text = `${said} he will ${verb} me${end}`;
        expect(flagged(text), text).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('reading leetspeak and look-alikes never moves a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abk1l0e3@$ 4b2am.ее'.split('')), maxLength: 40 }), (text) => {
        expect(readingText(text)).toHaveLength(text.length);
      }),
      { numRuns: 300 },
    );
  });
});
