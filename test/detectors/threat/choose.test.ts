import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseSentences } from '../../../src/detectors/threat/analyse.js';
import { sentenceSpans } from '../../../src/detectors/threat/clauses.js';
import { gate } from '../../../src/detectors/threat/gate.js';
import { latinTwin } from '../../../src/detectors/threat/reading.js';

// Sentences of every kind the choice tells apart: threats on their own, context for one (a
// condition, a "never"), signs of sexual interest, small talk, and long small talk that uses up
// the parse budget quickly.
const THREATS = ['i will break your legs.', 'i know where you live.', 'someone should shoot him!', 'pay me back or you will regret it.'];
const OTHERS = [
  'or else.',
  'i would never do that.',
  'you look so cute.',
  'come over to my place tonight.',
  'the parcel came today.',
  'thanks, see you at five?',
  'ok',
  `${'the weather was lovely and we walked along the river for hours talking about nothing much '.repeat(4)}.`,
  `${'the order was late again and the driver could not find the building so i went down to meet him '.repeat(8)}.`,
];
const POOL = [...THREATS, ...OTHERS];

// Threats anywhere from common to one in a few hundred sentences, so the budget fills early,
// late or never.
const message = fc
  .integer({ min: 1, max: 300 })
  .chain((rarity) =>
    fc.array(fc.oneof({ arbitrary: fc.constantFrom(...THREATS), weight: 1 }, { arbitrary: fc.constantFrom(...OTHERS), weight: rarity }), { minLength: 1, maxLength: 400, size: 'max' }),
  )
  .map((parts) => parts.join(' '));

describe('chooseSentences', () => {
  it('chooses the same sentences stopping once the budget is spoken for as gating every sentence', () => {
    fc.assert(
      fc.property(message, (reading) => {
        const flags = gate(reading);
        if (!flags) return;
        const all = sentenceSpans(reading);
        const latin = latinTwin(reading, true);
        const whole = chooseSentences(reading, all, flags, latin, false);
        expect(chooseSentences(reading, all, flags, latin)).toEqual(whole);
        expect(chooseSentences(reading, all, flags)).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('parses the threats of a long message and the context beside them, within the budget', () => {
    const filler = OTHERS[OTHERS.length - 2]!;
    const parts = [filler, 'i will break your legs.', 'or else.', ...Array(30).fill(filler), 'i know where you live.', 'or else.', ...Array(2000).fill(filler)];
    const reading = parts.join(' ');
    const all = sentenceSpans(reading);
    const chosen = chooseSentences(reading, all, gate(reading)!).map((s) => reading.slice(s.start, s.end).trim());
    expect(chosen).toEqual(['i will break your legs.', 'or else.', 'i know where you live.', 'or else.']);
  });
});
