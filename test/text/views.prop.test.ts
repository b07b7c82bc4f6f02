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

/** Code points that render as nothing or as a box and were used to hide a word: C0 and C1 controls, DEL, lone surrogates. */
const hidden = fc.oneof(
  fc.constantFrom('\x00', '\x01', '\x08', '\x0e', '\x1b', '\x1f', '\x7f', '\x80', '\x9f', '\ud800', '\udbff', '\udc00', '\udfff'),
  fc.integer({ min: 0, max: 0x08 }).map((cp) => String.fromCharCode(cp)),
  fc.integer({ min: 0x0e, max: 0x1f }).map((cp) => String.fromCharCode(cp)),
  fc.integer({ min: 0x7f, max: 0x9f }).filter((cp) => cp !== 0x85).map((cp) => String.fromCharCode(cp)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => String.fromCharCode(cp)),
);

/** Vulgar words, app names, a Chinese contact request and a phone number, each a known term of the built-in rules. */
const TERMS = ['fuck', 'shit', 'wanker', 'bellend', 'motherfucker', 'wechat', 'whatsapp', 'telegram', '加微信', '微信', '13800138000', '4916338506082832'];

/**
 * Puts one or two hidden code points at some of the word's inner boundaries (never two
 * surrogates side by side, which would make a pair). Returns the word as written and, for
 * each unit of it, its offset in the clean word (-1 for an inserted unit).
 */
function hide(word: string, at: readonly (readonly [number, string, string])[]): { written: string; source: number[] } {
  const chosen = new Map<number, string>();
  for (const [k, a, b] of at) {
    const second = /[\ud800-\udfff]/.test(a) && /[\ud800-\udfff]/.test(b) ? '' : b;
    chosen.set(1 + (k % (word.length - 1)), a + second);
  }
  let written = '';
  const source: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const inserted = chosen.get(i) ?? '';
    written += inserted + word[i];
    for (let k = 0; k < inserted.length; k++) source.push(-1);
    source.push(i);
  }
  return { written, source };
}

describe('hidden controls and lone surrogates', () => {
  const frame = fc.constantFrom(['', ''], ['add me on ', ' pls'], ['you ', '!'], ['my number is ', ' thanks'], ['请', '吧'], ['ok, ', '. bye']);
  const insertions = fc.array(fc.tuple(fc.nat(), hidden, fc.oneof(hidden, fc.constant(''))), { minLength: 1, maxLength: 6 });

  it('inside a word are dropped: every view reads the word as if they were not there, and maps it back exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMS), insertions, frame, (word, at, [before, after]) => {
        const { written, source } = hide(word, at);
        const clean = createViews(before + word + after);
        const dirty = createViews(before + written + after);
        // An offset of the dirty text read in the clean one: the units before it, less the inserted ones.
        const inserted = [0];
        for (let k = 0; k < written.length; k++) inserted.push(inserted[k]! + (source[k] === -1 ? 1 : 0));
        const toClean = (offset: number): number => offset - inserted[Math.max(0, Math.min(written.length, offset - before.length))]!;
        for (const name of ['plain', 'skeleton', 'digits'] as const) {
          const a = clean[name];
          const b = dirty[name];
          expect(b.text, name).toBe(a.text);
          for (let i = 0; i < b.text.length; i++) {
            const start = b.starts[i]! - before.length;
            if (start >= 0 && start < written.length) expect(source[start], `${name} unit ${i} starts at a hidden unit`).not.toBe(-1);
            expect([toClean(b.starts[i]!), toClean(b.ends[i]!)], `${name} unit ${i}`).toEqual([a.starts[i], a.ends[i]]);
          }
        }
        expect(Array.from(dirty.skeleton.runs)).toEqual(Array.from(clean.skeleton.runs));
        // The view units of the word map back to the word as written, hidden units included.
        const { skeleton } = dirty;
        let first = -1;
        let last = -1;
        for (let i = 0; i < skeleton.text.length; i++) {
          if (skeleton.starts[i]! >= before.length && skeleton.ends[i]! <= before.length + written.length) {
            if (first < 0) first = i;
            last = i;
          }
        }
        expect(mapSpanToOriginal(skeleton, first, last + 1)).toEqual({ start: before.length, end: before.length + written.length });
      }),
      { numRuns: 500 },
    );
  });

  it('beside tab, newline or U+2800 between two words keep the words apart', () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    const separator = fc.constantFrom('\t', '\n', '\r\n', '\u2800', '\u2800\u2800', ' \u2800', '\t\x01', '\x01\n', '\u2800\x00', '\x7f\u2800', '\ud800 ');
    fc.assert(
      fc.property(word, separator, word, (left, between, right) => {
        const { skeleton } = createViews(`${left}${between}${right}`);
        const words = skeleton.text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
        expect(words).toEqual([createViews(left).skeleton.text, createViews(right).skeleton.text]);
      }),
      { numRuns: 300 },
    );
  });
});
