import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gateText } from '../../../src/detectors/threat/gate.js';
import { createModerator } from '../../../src/index.js';

// Words that are also properties of every object: a lookup table keyed by a message's words must
// not find them on the prototype ("the constructor will see what happens" used to throw).
const PROTOTYPE_WORDS = [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Function.prototype), '__proto__', 'prototype'];
const SHAPES = ['the W will see what happens', 'i will kill the W', 'W, i know where you live', 'you are so cute W, send pics', 'give me 5 stars W or else', 'W W'];

describe('the threat grammar on words that name object properties', () => {
  const moderator = createModerator();

  it('moderates and explains every such word inside threat shapes without throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROTOTYPE_WORDS), fc.constantFrom(...SHAPES), fc.boolean(), (word, shape, upper) => {
        const text = shape.replace(/W/g, upper ? word.toUpperCase() : word);
        const result = moderator.moderate(text);
        for (const f of result.findings) expect(f.text).toBe(text.slice(f.start, f.end));
        expect(() => moderator.explain(text)).not.toThrow();
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('keeps such words as they are in the text the cues read, and still reads chat spellings', () => {
    for (const word of PROTOTYPE_WORDS.map((w) => w.toLowerCase()).filter((w) => /^[a-z]+$/.test(w))) expect(gateText(`the ${word} will`)).toBe(`the ${word} will`);
    expect(gateText("u dont know what ur in for, im coming")).toBe('you do not know what your in for i am coming');
  });

  it('still reads the threat beside such a word', () => {
    expect(moderator.moderate('the constructor will see what happens, i will kill you').categories.threat?.verdict).toBe('block');
  });
});
