import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermMatcher, type CompiledTerm, type TermHit } from '../../src/engine/term-matcher.js';
import { createViews } from '../../src/text/index.js';
import type { SkeletonView } from '../../src/text/types.js';

/** Every occurrence of every key, found by plain string search over the units the automaton is fed. */
function naiveHits(terms: readonly CompiledTerm[], view: SkeletonView): TermHit[] {
  // The automaton reads a run of whitespace as one space.
  let fed = '';
  const at: number[] = [];
  for (let i = 0; i < view.text.length; i++) {
    const space = /\s/.test(view.text[i]!);
    if (space && fed.endsWith(' ')) continue;
    fed += space ? ' ' : view.text[i]!;
    at.push(i);
  }
  const hits: TermHit[] = [];
  for (const term of terms) {
    for (let j = fed.indexOf(term.key); j !== -1; j = fed.indexOf(term.key, j + 1)) {
      hits.push({ term: term.id, start: at[j]!, end: at[j + term.key.length - 1]! + 1, masked: false });
    }
  }
  return hits;
}

const order = (hits: readonly TermHit[]) => [...hits].sort((a, b) => a.end - b.end || a.term - b.term || a.start - b.start);

describe('TermMatcher', () => {
  it('finds exactly the occurrences a plain string search finds, however much of its move table is filled', () => {
    // Keys mix ASCII (moves remembered in the table) with a Han character (moves worked out each time).
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'k', ' ', '微'), minLength: 1, maxLength: 5 }).filter((k) => k.trim() === k && !/  |(.)\1/.test(k));
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'k', 'x', ' ', '  ', '\n', '.', '微', '信'), maxLength: 40 });
    fc.assert(
      fc.property(fc.uniqueArray(key, { minLength: 1, maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 20 }), (keys, texts) => {
        const terms: CompiledTerm[] = keys.map((k, id) => ({ id, key: k, runs: [...k].map(() => 1), length: k.length, startBoundary: false, endBoundary: false, extendStart: false, extendEnd: false }));
        // One matcher for all the texts: later texts meet moves that earlier ones filled in.
        const matcher = new TermMatcher(terms);
        for (const t of texts) {
          const view = createViews(t).skeleton;
          // Repeated letters carry run lengths the naive search does not model; such texts are left out.
          if (Array.from(view.runs).some((r) => r > 1)) continue;
          expect(order(matcher.scan(view))).toEqual(order(naiveHits(terms, view)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
