import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet } from '../../src/index.js';

const words = ['wechat', 'whatsapp', 'fuck', 'asshole', 'bastard', 'telegram', 'moron'];
const rules = loadRuleSet(`id: p
category: test
description: words for properties
rules:
  - id: w
    description: d
    severity: high
    score: 0.9
    message: "{{term}}"
    terms: [${words.join(', ')}]
`);
const moderator = createModerator({ ruleSets: [rules] });
const labels = (text: string) => moderator.moderate(text).findings.map((f) => f.message);

const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u202E', '\uFE0F');
const separator = fc.constantFrom(' ', '.', '-', '_', '*', ' . ', '..', '~');
const filler = fc.constantFrom('', 'ok ', 'hey, ', 'so ', '你好 ');
const after = fc.constantFrom('', ' now', '!', ' pls', '，谢谢');

describe('terms rules see through evasion', () => {
  it('inserting invisible characters inside a word does not change what is found', () => {
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 4 }), filler, after, (word, inserts, before, end) => {
        let evaded = word;
        for (const [at, ch] of inserts) {
          const i = 1 + (at % (evaded.length - 1));
          evaded = evaded.slice(0, i) + ch + evaded.slice(i);
        }
        expect(labels(before + evaded + end)).toEqual(labels(before + word + end));
      }),
    );
  });

  it('spacing a word out with one separator between every letter does not change what is found', () => {
    fc.assert(
      fc.property(fc.constantFrom(...words), separator, filler, after, (word, sep, before, end) => {
        expect(labels(before + [...word].join(sep) + end)).toEqual([word]);
      }),
    );
  });

  it('every span is a well-formed slice of the original, never splitting a surrogate pair', () => {
    const everything = createModerator();
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom('𝐟𝐮𝐜𝐤', 'ｆｕｃｋ', 'ѕhit', '😀', '\u200B', ' ', 'w e c h a t'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        for (const f of everything.moderate(text).findings.concat(moderator.moderate(text).findings)) {
          expect(f.text).toBe(text.slice(f.start, f.end));
          expect(f.end).toBeGreaterThan(f.start);
          const low = (i: number) => text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
          const high = (i: number) => text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff;
          expect(low(f.start) && high(f.start - 1)).toBe(false);
          expect(low(f.end) && high(f.end - 1)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
