import { describe, expect, it } from 'vitest';
import { createPlainView } from '../../src/text/index.js';
import { canAppearInPlainView } from '../../src/text/plain-view.js';

describe('createPlainView text', () => {
  it.each([
    ['Hello World', 'hello world'],
    ['ﬁne', 'fine'],
    ['①②③', '123'],
    ['ＷｅＣｈａｔ', 'wechat'],
    ['𝐟𝐮𝐜𝐤', 'fuck'],
    ['café', 'cafe'],
    ['cafe\u0301', 'cafe'],
    ['z\u0337\u0322a\u0336l\u0338g\u0335o\u0334', 'zalgo'],
    ['w\u200be\u200cc\u200dh\u2060a\ufefft\u180e', 'wechat'],
    ['w\u200ee\u200fc\u202ah\u202ea\u2066t\u2069\u061c', 'wechat'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['a\ufe0fb\ufe00c\u{e0100}', 'abc'],
    ['tag\u{e0041}\u{e007f}s', 'tags'],
    ['İstanbul', 'istanbul'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['한국어', '한국어'],
    ['加微信', '加微信'],
    ['Привет', 'привет'],
    ['👍 ok', '👍 ok'],
    ['\ud800x', 'x'],
    ['f\x01u\x01c\x01k', 'fuck'],
    ['WE\x00CHAT', 'wechat'],
    ['we\x7fchat', 'wechat'],
    ['fu\ud800ck\udfff', 'fuck'],
    ['a\x08b\x0ec\x1bd\x1fe\x80f\x9fg', 'abcdefg'],
    ['tab\tline\nreturn\r\nvt\x0bff\x0cnel\x85end', 'tab\tline\nreturn\r\nvt\x0bff\x0cnel\x85end'],
    ['knob\u2800head', 'knob head'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(createPlainView(input).text).toBe(expected);
  });
});

describe('createPlainView maps', () => {
  it.each([
    ['ﬁ', [0, 0], [1, 1]],
    ['a①b', [0, 1, 2], [1, 2, 3]],
    ['e\u0301x', [0, 2], [1, 3]],
    ['𝐟𝐮', [0, 2], [2, 4]],
    ['a\u200bb', [0, 2], [1, 3]],
    ['😀a', [0, 0, 2], [2, 2, 3]],
    ['a\x01\x7fb', [0, 3], [1, 4]],
    ['A\ud800B', [0, 2], [1, 3]],
    ['a\u2800b', [0, 1, 2], [1, 2, 3]],
  ])('%j', (input, starts, ends) => {
    const view = createPlainView(input);
    expect(Array.from(view.starts)).toEqual(starts);
    expect(Array.from(view.ends)).toEqual(ends);
  });

  it('maps every unit of a long expansion to its one source code point', () => {
    const view = createPlainView('xﷺy');
    expect(view.text.length).toBe(20);
    expect(Array.from(view.starts.subarray(1, 19)).every((s) => s === 1)).toBe(true);
    expect(Array.from(view.ends.subarray(1, 19)).every((e) => e === 2)).toBe(true);
    expect(view.starts[19]).toBe(2);
  });

  it('names the view', () => {
    expect(createPlainView('a').name).toBe('plain');
    expect(createPlainView('é').name).toBe('plain');
  });
});

describe('canAppearInPlainView', () => {
  // The regex check ignores characters this says the view never holds, so it must hold for every
  // character the view can produce, from every code point there is.
  it('is true for every character the plain view makes from any code point', () => {
    const missed = new Set<number>();
    const check = (text: string) => {
      for (const ch of createPlainView(text).text) if (!canAppearInPlainView(ch.codePointAt(0)!)) missed.add(ch.codePointAt(0)!);
    };
    for (let start = 0; start < 0x110000; start += 4096) {
      const chunk: string[] = [];
      for (let cp = start; cp < start + 4096; cp++) if (cp < 0xd800 || cp > 0xdfff) chunk.push(String.fromCodePoint(cp));
      check(chunk.join(' '));
    }
    for (let unit = 0xd800; unit <= 0xdfff; unit++) check(`a${String.fromCharCode(unit)}b`);
    expect([...missed].map((cp) => cp.toString(16))).toEqual([]);
  });

  it.each([
    ['…', false],
    ['Ａ', false],
    ['A', false],
    ['a', true],
    ['.', true],
    ['微', true],
  ])('%s: %s', (ch, expected) => {
    expect(canAppearInPlainView(ch.codePointAt(0)!)).toBe(expected);
  });
});
