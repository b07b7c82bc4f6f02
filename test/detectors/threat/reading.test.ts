import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readingText, replaceMaskedWords } from '../../../src/detectors/threat/reading.js';

describe('replaceMaskedWords', () => {
  it('replaces the same words as the regular expression it stands for', () => {
    const text = fc.array(fc.constantFrom('a', 'k', 'l', '!', '*', ' ', '!!', '**', '1', '.', 'é'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const tag = (word: string) => `<${word}>`;
        expect(replaceMaskedWords(t, tag)).toBe(t.replace(/(?<![a-z])[a-z]+(?:[!*]+[a-z]+)+/g, tag));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads masked harm words in the reading text', () => {
    expect(readingText("i'll k!ll you, f*ck off")).toBe("i'll kill you, fuck off");
    // Two harm words fit "sh*t" (shit, shot): the mask stays.
    expect(readingText('sh*t happens')).toBe('sh*t happens');
    expect(readingText('a*b and c!d stay')).toBe('a*b and c!d stay');
  });
});
