import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches, eachMatch } from '../../src/text/regex.js';

const shape = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => ({ index: m.index, text: [...m], groups: m.groups }));

describe('allMatches', () => {
  it('gives what matchAll gives, empty matches and astral characters included', () => {
    const sources = ['\\d+', 'a*', '(?<word>[a-z]+)', '', 'x?', '\\b', '.', '(?=a)', '[\\u{1F600}-\\u{1F64F}]*'];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.constantFrom('g', 'gu', 'gi'), fc.string({ unit: 'binary', maxLength: 30 }), (source, flags, text) => {
        if (source.includes('\\u{') && !flags.includes('u')) return;
        const regex = new RegExp(source, flags);
        expect(shape(allMatches(regex, text))).toEqual(shape(text.matchAll(new RegExp(source, flags))));
        expect(regex.lastIndex).toBe(0);
      }),
    );
  });

  it('steps over a surrogate pair after an empty match in unicode mode', () => {
    expect(allMatches(/(?:)/gu, '😀a').map((m) => m.index)).toEqual([0, 2, 3]);
    expect(allMatches(/(?:)/g, '😀a').map((m) => m.index)).toEqual([0, 1, 2, 3]);
  });

  it('collects before returning, so the same expression can be used inside the loop', () => {
    const word = /[a-z]+/g;
    const seen: string[] = [];
    for (const m of allMatches(word, 'ab cd')) seen.push(`${m[0]}:${allMatches(word, m[0]).length}`);
    expect(seen).toEqual(['ab:1', 'cd:1']);
  });

  it('refuses an expression without the g flag, as matchAll does', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(/global/);
  });
});

describe('eachMatch', () => {
  it('gives what matchAll gives, one match at a time', () => {
    const sources = ['\\d+', 'a*', '(?<word>[a-z]+)', '', 'x?', '\\b', '.', '(?=a)', '[\\u{1F600}-\\u{1F64F}]*'];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.constantFrom('g', 'gu', 'gi'), fc.string({ unit: 'binary', maxLength: 30 }), (source, flags, text) => {
        if (source.includes('\\u{') && !flags.includes('u')) return;
        const regex = new RegExp(source, flags);
        expect(shape(eachMatch(regex, text))).toEqual(shape(text.matchAll(new RegExp(source, flags))));
        expect(regex.lastIndex).toBe(0);
      }),
    );
  });

  it('goes on where it left off when the loop uses the same expression or moves lastIndex', () => {
    const word = /[a-z]+/g;
    const seen: string[] = [];
    for (const m of eachMatch(word, 'ab cd ef')) {
      seen.push(`${m[0]}:${allMatches(word, m[0]).length}`);
      word.lastIndex = 0;
    }
    expect(seen).toEqual(['ab:1', 'cd:1', 'ef:1']);
    expect(word.lastIndex).toBe(0);
  });

  it('leaves lastIndex at 0 when the loop stops early', () => {
    const digits = /\d/g;
    for (const m of eachMatch(digits, '123')) if (m[0] === '2') break;
    expect(digits.lastIndex).toBe(0);
  });

  it('refuses an expression without the g flag', () => {
    expect(() => [...eachMatch(/a/, 'a')]).toThrow(/global/);
  });
});
