import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandTerm, TermMatcher, type CompiledTerm, type TermHit } from '../../src/engine/term-matcher.js';
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

/**
 * Masked reads as the matcher defined them before its index: every mask term (three letters or
 * more, starting with a letter) tried on every token that mixes mask characters with others.
 */
function naiveMaskedHits(terms: readonly CompiledTerm[], view: SkeletonView): TermHit[] {
  const hits: TermHit[] = [];
  for (const token of view.text.matchAll(/[a-z0-9*#]+/g)) {
    const from = token.index;
    const to = from + token[0].length;
    const masks = (token[0].match(/[*#]/g) ?? []).length;
    if (masks === 0 || masks === token[0].length) continue;
    let expanded = '';
    for (let k = from; k < to; k++) expanded += view.text[k]!.repeat(Math.min(view.runs[k] ?? 1, 4));
    for (const term of terms) {
      if (term.length < 3 || !/^[a-z]/.test(term.key)) continue;
      const written = expandTerm(term);
      const last = expanded.length - written.length;
      for (let offset = 0; offset <= last; offset++) {
        if ((term.startBoundary && offset !== 0) || (term.endBoundary && offset !== last)) continue;
        const window = expanded.slice(offset, offset + written.length);
        const fits = [...written].every((c, k) => window[k] === c || (k > 0 && /[*#]/.test(window[k]!)));
        if (fits && /[*#]/.test(window)) hits.push({ term: term.id, start: from, end: to, masked: true });
      }
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

  it('splits its terms into eager and deferred ones, each scan reporting its share in the order one scan of all terms does', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'k', 's', ' ', '微'), minLength: 1, maxLength: 4 }).filter((k) => k.trim() === k && !/  |(.)\1/.test(k));
    const spec = fc.record({ key, startBoundary: fc.boolean(), endBoundary: fc.boolean(), extendEnd: fc.boolean(), eager: fc.boolean(), deferred: fc.boolean() });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'k', 's', 'x', ' ', '.', '*', 'aa', '微', '信'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 12 }), fc.array(text, { minLength: 1, maxLength: 10 }), (specs, texts) => {
        // Repeated keys with different boundaries share automaton nodes, and their order there matters.
        const terms: CompiledTerm[] = specs.map((t, id) => ({
          id,
          key: t.key,
          runs: [...t.key].map(() => 1),
          length: t.key.length,
          startBoundary: t.startBoundary,
          endBoundary: t.endBoundary && !t.extendEnd,
          extendStart: false,
          extendEnd: t.extendEnd,
        }));
        const all = new TermMatcher(terms);
        const split = new TermMatcher(terms, { eager: (id) => specs[id]!.eager, deferred: (id) => specs[id]!.deferred });
        for (const t of texts) {
          const view = createViews(t).skeleton;
          const every = all.scan(view);
          expect(split.scan(view)).toEqual(every.filter((h) => specs[h.term]!.eager));
          expect(split.scanDeferred(view)).toEqual(every.filter((h) => specs[h.term]!.deferred));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads masked words (`f*ck`, `*ss`) exactly as trying every term on every masked token does', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'k', 's', '1'), minLength: 3, maxLength: 5 }).filter((k) => !/(.)\1/.test(k));
    const term = fc.record({ key, startBoundary: fc.boolean(), endBoundary: fc.boolean() });
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'k', 's', '1', '*', '#', ' ', '**'), maxLength: 30 });
    fc.assert(
      fc.property(fc.uniqueArray(term, { minLength: 1, maxLength: 12, selector: (t) => t.key }), fc.array(text, { minLength: 1, maxLength: 10 }), (specs, texts) => {
        const terms: CompiledTerm[] = specs.map((t, id) => ({ id, key: t.key, runs: [...t.key].map(() => 1), length: t.key.length, startBoundary: t.startBoundary, endBoundary: t.endBoundary, extendStart: false, extendEnd: false }));
        const matcher = new TermMatcher(terms);
        for (const t of texts) {
          const view = createViews(t).skeleton;
          expect(order(matcher.scan(view).filter((h) => h.masked))).toEqual(order(naiveMaskedHits(terms, view)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
