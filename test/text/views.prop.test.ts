import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createViews, mapSpanToOriginal, type TextView } from '../../src/text/index.js';

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u202e', '\u2066', '\u2069', '\u061c', '\ufe0f', '\u{e0041}', '\u{e0100}'];

/** Pieces that exercise every branch of the views: scripts, emoji, invisibles, separators, numerals. */
const piece = fc.oneof(
  fc.constantFrom('a', 'b', 'f', 'u', 'c', 'k', 'o', 'l', 'i', 'S', 'W', 'e', 'h', 't'),
  fc.constantFrom('0', '1', '3', '4', '5', '7', '9', '@', '$', '!', '+', '|', '*', '#', '€'),
  fc.constantFrom('а', 'е', 'о', 'р', 'с', 'В', 'М', 'п', 'ж', 'ѕ', 'α', 'Ο', 'Σ', 'ς', 'ɡ', 'Ꭺ'),
  fc.constantFrom('加', '微', '信', '一', '三', '八', '幺', '两', '哈', '，', '。', '、', '〇'),
  fc.constantFrom('😀', '👍🏽', '👨\u200d👩', '𝐟', '𝟏', '𠀀', '❶', '⓫', '①', 'ﬁ', 'ﷺ', '한', 'İ'),
  fc.constantFrom(...INVISIBLES),
  fc.constantFrom('\u0301', '\u0337', '\u0322', 'e\u0301'),
  fc.constantFrom(' ', '  ', '.', '. ', '-', '_', "'", '’', '~', '/', '·', '\n', '\t', '(', ')', ',', '\u3000'),
  fc.constantFrom('five', 'one', 'oh', 'double', 'two', 'zero', 'hello', 'book', 'wechat', 'am'),
  fc.constantFrom('\ud800', '\udc00'),
);

const mixed = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(mixed, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }));

function isInsidePair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function allViews(text: string): TextView[] {
  const views = createViews(text);
  return [views.original, views.plain, views.skeleton, views.digits];
}

/** Offsets between code points of `text` (never between the halves of a pair). */
function boundaries(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; ) {
    i += isInsidePair(text, i + 1) ? 2 : 1;
    out.push(i);
  }
  return out;
}

describe('view maps', () => {
  it('are monotone, in bounds, non-empty and on code-point boundaries', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const view of allViews(text)) {
          const { starts, ends } = view;
          expect(starts.length).toBe(view.text.length);
          expect(ends.length).toBe(view.text.length);
          for (let i = 0; i < starts.length; i++) {
            const start = starts[i]!;
            const end = ends[i]!;
            expect(start).toBeGreaterThanOrEqual(0);
            expect(end).toBeLessThanOrEqual(text.length);
            expect(start).toBeLessThan(end);
            if (i > 0) {
              expect(start).toBeGreaterThanOrEqual(starts[i - 1]!);
              expect(end).toBeGreaterThanOrEqual(ends[i - 1]!);
            }
            expect(isInsidePair(text, start)).toBe(false);
            expect(isInsidePair(text, end)).toBe(false);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('give skeleton runs and breaks one entry per unit, runs at least 1', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { skeleton } = createViews(text);
        expect(skeleton.runs.length).toBe(skeleton.text.length);
        expect(skeleton.breaks.length).toBe(skeleton.text.length);
        for (const run of skeleton.runs) expect(run).toBeGreaterThanOrEqual(1);
        for (const flag of skeleton.breaks) expect(flag === 0 || flag === 1).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('mapSpanToOriginal returns an ordered span on code-point boundaries', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        for (const view of allViews(text)) {
          const length = view.text.length;
          const start = Math.min(a, b) % (length + 1);
          const end = start + (Math.max(a, b) % (length - start + 1));
          const span = mapSpanToOriginal(view, start, end);
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.start).toBeLessThanOrEqual(span.end);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(isInsidePair(text, span.start)).toBe(false);
          expect(isInsidePair(text, span.end)).toBe(false);
          if (end > start) expect(span.end).toBeGreaterThan(span.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('view text', () => {
  it('ignores invisible characters inserted anywhere', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLES)), { minLength: 1, maxLength: 5 }),
        (text, insertions) => {
          const cuts = boundaries(text);
          let changed = text;
          // Insert from the end so earlier offsets stay valid.
          const sorted = insertions
            .map(([at, ch]) => [cuts[at % cuts.length]!, ch] as const)
            .sort((x, y) => y[0] - x[0]);
          for (const [at, ch] of sorted) changed = changed.slice(0, at) + ch + changed.slice(at);
          const before = createViews(text);
          const after = createViews(changed);
          expect(after.plain.text).toBe(before.plain.text);
          expect(after.skeleton.text).toBe(before.skeleton.text);
          expect(Array.from(after.skeleton.runs)).toEqual(Array.from(before.skeleton.runs));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a word spelled out with separators as the word', () => {
    const word = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), { minLength: 3, maxLength: 10 });
    const separator = fc.constantFrom('.', ' ', '-', '_', '*', '~', '|', '/', ',', "'", '. ', ' - ', '·', '+', '  ');
    const context = fc.constantFrom('', 'hello ', 'please ', 'ok, ');
    const after = fc.constantFrom('', ' now', ' 42 times', '!');
    fc.assert(
      // One separator per word, as people write them: `a b-i-t-c-h` switching from a space to
      // hyphens is an article before a spelled-out word, not one word.
      fc.property(word, separator, context, after, (letters, separator, before, tail) => {
        const spaced = letters.join(separator);
        const plainWord = createViews(before + letters.join('') + tail).skeleton.text;
        expect(createViews(before + spaced + tail).skeleton.text).toBe(plainWord);
      }),
      { numRuns: 500 },
    );
  });

  it('reads any digit string split by short separators as the digits', () => {
    const group = fc.stringMatching(/^[0-9]{1,4}$/);
    const separator = fc.constantFrom(' ', '-', '.', ' - ', '(', ') ', '/', '_', '·');
    fc.assert(
      fc.property(fc.array(fc.tuple(group, separator), { minLength: 1, maxLength: 5 }), (parts) => {
        const written = parts.map(([digits, sep], i) => (i === 0 ? digits : sep + digits)).join('');
        const expected = parts.map(([digits]) => digits).join('');
        expect(createViews(`tel: ${written} thanks`).digits.text).toBe(`tel: ${expected} thanks`);
      }),
      { numRuns: 300 },
    );
  });

  it('lower-cases ASCII letters in the plain view and maps them one to one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z .,!?]{0,40}$/), (text) => {
        const { plain } = createViews(text);
        expect(plain.text).toBe(text.toLowerCase());
        for (let i = 0; i < text.length; i++) expect([plain.starts[i], plain.ends[i]]).toEqual([i, i + 1]);
      }),
      { numRuns: 200 },
    );
  });
});
