import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gate, gateText, harmWordNearPerson } from '../../../src/detectors/threat/gate.js';

describe('gateText', () => {
  it.each([
    ["i'll find u", 'i will find you'],
    ["you're dead, won't you?", 'you are dead will not you '],
    ["it's ur car, can't hide", 'it is your car can not hide'],
    ['im gonna get ya', 'i am going to get you'],
    ['dont make me come round', 'do not make me come round'],
    ['k. see u soon!!', 'k see you soon '],
  ])('%s -> %s', (input, expected) => {
    expect(gateText(input)).toBe(expected);
  });

  it('never grows a word out of nothing: every word of the result comes from a word of the input or a known expansion', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abcu r'ltm .,!?".split('')), maxLength: 40 }), (text) => {
        const out = gateText(text);
        expect(out).not.toMatch(/[^a-z0-9'$ ]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('harmWordNearPerson', () => {
  it.each([
    ["i'm gonna cave your head in", true],
    ['imma pop you', true],
    ['someone should stab that cop', true],
    ["he's getting his hands broken", true],
    ['you will die', true],
    ['pop by whenever', false],
    ['the cake was a hit', false],
    ['i will jump on the call at 5', false],
  ])('%s -> %s', (text, expected) => {
    expect(harmWordNearPerson(text)).toBe(expected);
  });
});

describe('gate', () => {
  it.each([
    ['i know you are home alone right now', 'intimidation'],
    ['you will be eating through a straw', 'harm'],
    ['send me a pic of you in your bra', 'sexual'],
    ['300 quid or the recording goes to your wife', 'coercion'],
  ] as const)('lets %s through for %s', (text, kind) => {
    expect(gate(text)?.[kind]).toBe(true);
  });

  it.each(['see you at the pickup point', 'thanks, the sofa fits perfectly', 'dinner is at 7, love you'])(
    'keeps %s out of the parser',
    (text) => {
      expect(gate(text)).toBeUndefined();
    },
  );
});
