import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, levenshtein } from '../../src/text/edit-distance.js';

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 5 });
const text = fc.oneof(word, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));

/**
 * The definition itself: the fewest single edits (insert, delete, substitute, swap two adjacent
 * code units) from source to target, by breadth-first search over the strings in between. Only
 * code units of the two strings are ever inserted, and no string in between needs to be longer
 * than the longer of the two plus one.
 */
function fewestEdits(source: string, target: string, swaps: boolean): number {
  const alphabet = [...new Set(source + target)];
  const longest = Math.max(source.length, target.length) + 1;
  let frontier = [source];
  const seen = new Set(frontier);
  for (let steps = 0; ; steps++) {
    if (frontier.includes(target)) return steps;
    const next: string[] = [];
    const visit = (s: string) => {
      if (s.length <= longest && !seen.has(s)) {
        seen.add(s);
        next.push(s);
      }
    };
    for (const s of frontier) {
      for (let i = 0; i <= s.length; i++) {
        for (const c of alphabet) visit(s.slice(0, i) + c + s.slice(i));
        if (i < s.length) {
          visit(s.slice(0, i) + s.slice(i + 1));
          for (const c of alphabet) visit(s.slice(0, i) + c + s.slice(i + 1));
          if (swaps && i + 1 < s.length) visit(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
        }
      }
    }
    frontier = next;
  }
}

describe('edit distances', () => {
  it('equal the fewest edits that turn one string into the other', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(levenshtein(a, b)).toBe(fewestEdits(a, b, false));
        expect(damerauLevenshtein(a, b)).toBe(fewestEdits(a, b, true));
      }),
      { numRuns: 300 },
    );
  });

  it("levenshtein agrees with natural's (a devDependency now)", () => {
    const natural = createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance.js') as {
      LevenshteinDistance(a: string, b: string, options: object): number;
    };
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(levenshtein(a, b)).toBe(natural.LevenshteinDistance(a, b, {}));
      }),
      { numRuns: 300 },
    );
  });

  it('are metrics: zero only for equal strings, symmetric, and within the triangle inequality', () => {
    for (const distance of [levenshtein, damerauLevenshtein]) {
      fc.assert(
        fc.property(text, text, text, (a, b, c) => {
          expect(distance(a, b) === 0).toBe(a === b);
          expect(distance(a, b)).toBe(distance(b, a));
          expect(distance(a, c)).toBeLessThanOrEqual(distance(a, b) + distance(b, c));
        }),
        { numRuns: 200 },
      );
    }
  });

  it('lie between the length difference and the longer length, transpositions only lowering it', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const plain = levenshtein(a, b);
        const swapped = damerauLevenshtein(a, b);
        expect(swapped).toBeLessThanOrEqual(plain);
        expect(swapped).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(plain).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
      { numRuns: 300 },
    );
  });

  it('count a swap of two adjacent different code units as one edit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 12 }), fc.nat(), (a, n) => {
        const i = n % (a.length - 1);
        fc.pre(a[i] !== a[i + 1]);
        const b = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
        expect(damerauLevenshtein(a, b)).toBe(1);
      }),
    );
  });
});
