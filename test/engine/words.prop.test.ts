import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordIndex } from '../../src/engine/words.js';

const piece = fc.constantFrom('word', ' ', 'a', '  ', '.', '微信', '加', '\n', '12', "don't", '👋');
const text = fc.array(piece, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(''));

describe('WordIndex.candidates', () => {
  it('returns, in their order, every span within the distance (lists short and long)', () => {
    fc.assert(
      fc.property(
        text.chain((t) =>
          fc.record({
            text: fc.constant(t),
            spans: fc.array(
              fc.tuple(fc.nat(t.length), fc.nat(6)).map(([start, length]) => ({ start, end: Math.min(t.length, start + length + 1) })),
              { maxLength: 80 },
            ),
            span: fc.tuple(fc.nat(t.length), fc.nat(6)).map(([start, length]) => ({ start, end: Math.min(t.length, start + length + 1) })),
            within: fc.nat(8),
          }),
        ),
        ({ text, spans, span, within }) => {
          const words = new WordIndex(text);
          const near = spans.filter((s) => words.between(s, span) <= within);
          const candidates = words.candidates(spans, span, within);
          expect(candidates.filter((s) => words.between(s, span) <= within)).toEqual(near);
          // Order is kept: candidates are a subsequence of the list.
          let at = 0;
          for (const c of candidates) {
            at = spans.indexOf(c, at);
            expect(at).toBeGreaterThanOrEqual(0);
            at++;
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
