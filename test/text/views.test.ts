import { describe, expect, it } from 'vitest';
import { createOriginalView, createViews, isCjk, isMaskChar, isWordChar, mapSpanToOriginal } from '../../src/text/index.js';

describe('createViews', () => {
  it('builds each view once and names it', () => {
    const views = createViews('Add me on WеСhat: five five five one two');
    expect(views.skeleton).toBe(views.skeleton);
    expect(views.digits).toBe(views.digits);
    expect(views.original).toBe(views.original);
    expect([views.original.name, views.plain.name, views.skeleton.name, views.digits.name]).toEqual([
      'original',
      'plain',
      'skeleton',
      'digits',
    ]);
    expect(views.original.text).toBe('Add me on WеСhat: five five five one two');
    expect(views.skeleton.text).toBe('ad me on wechat: five five five one two');
    expect(views.digits.text).toBe('add me on wесhat: 55512');
  });
});

describe('createOriginalView', () => {
  it.each([
    ['ab', [0, 1], [1, 2]],
    ['😀a', [0, 0, 2], [2, 2, 3]],
    ['a\ud800', [0, 1], [1, 2]],
  ])('%j', (input, starts, ends) => {
    const view = createOriginalView(input);
    expect(Array.from(view.starts)).toEqual(starts);
    expect(Array.from(view.ends)).toEqual(ends);
  });
});

describe('mapSpanToOriginal', () => {
  const views = createViews('a\u200bb 😀 c');
  // plain: "ab 😀 c"; units a b ␠ \ud83d \ude00 ␠ c
  it.each([
    [0, 2, 0, 3],
    [1, 2, 2, 3],
    [3, 4, 4, 6],
    [4, 5, 4, 6],
    [0, 7, 0, 8],
    [2, 2, 3, 3],
    [7, 7, 8, 8],
    [-5, 100, 0, 8],
    [5, 2, 6, 6],
  ])('plain [%i, %i) → [%i, %i)', (start, end, originalStart, originalEnd) => {
    expect(mapSpanToOriginal(views.plain, start, end)).toEqual({ start: originalStart, end: originalEnd });
  });

  it('maps an empty view to the insertion point 0', () => {
    expect(mapSpanToOriginal(createViews('\u200b').plain, 0, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('character classes', () => {
  it.each([
    ['a', true, false],
    ['Z', true, false],
    ['7', true, false],
    ['*', true, false],
    ['#', true, false],
    ['加', true, true],
    ['ひ', true, true],
    ['한', true, false],
    ['ж', true, false],
    ['٣', true, false],
    [' ', false, false],
    ['.', false, false],
    ['，', false, false],
    ['\ud83d', false, false],
  ])('%j: word %s, cjk %s', (ch, word, cjk) => {
    expect(isWordChar(ch.charCodeAt(0))).toBe(word);
    expect(isCjk(ch.charCodeAt(0))).toBe(cjk);
  });

  it.each([
    [0x20000, true, true],
    [0x1f600, false, false],
    [0x1d41f, true, false],
  ])('code point %i: word %s, cjk %s', (cp, word, cjk) => {
    expect(isWordChar(cp)).toBe(word);
    expect(isCjk(cp)).toBe(cjk);
  });

  it.each([
    ['*', true],
    ['#', true],
    ['.', false],
    ['a', false],
  ])('isMaskChar(%j) is %s', (ch, mask) => {
    expect(isMaskChar(ch.charCodeAt(0))).toBe(mask);
  });
});
