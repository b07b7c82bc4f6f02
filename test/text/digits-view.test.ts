import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDigitsView, createPlainView, mapSpanToOriginal, readLettersBack } from '../../src/text/index.js';

function digits(text: string) {
  return createDigitsView(createPlainView(text));
}

describe('digits text', () => {
  it.each([
    ['O7700 9OO l23', '07700900123'],
    ['five five five one two', '55512'],
    ['5five5-one2three', '555123'],
    ['zero one two three four five six seven eight nine', '0123456789'],
    ['five, five, five', '555'],
    ['double five', '55'],
    ['triple 0 one', '0001'],
    ['call oh seven seven', 'call 077'],
    ['一三八一二三四五六七八', '13812345678'],
    ['一 三 八', '138'],
    ['幺三八', '138'],
    ['壹贰叁肆伍', '12345'],
    ['138一二三四5678', '13812345678'],
    ['❶❷❸', '123'],
    ['➀➁➂', '123'],
    ['⓫⓬', '1112'],
    ['⓿', '0'],
    ['①②③', '123'],
    ['１２３', '123'],
    ['𝟏𝟐𝟑', '123'],
    ['¹²³', '123'],
    ['٠١٢٣', '0123'],
    ['+1 (555) 123-4567', '+15551234567'],
    ['138 1234 5678', '13812345678'],
    ['138.1234.5678', '13812345678'],
    ['138_1234/5678', '13812345678'],
    ['138~1234·5678', '13812345678'],
    ['138\x011234\x7f5678', '13812345678'],
    ['138\x01 1234\ud800 5678', '13812345678'],
    ['138\u28001234\u28005678', '13812345678'],
    ['call 555 1234 or 555 9876', 'call 5551234 or 5559876'],
  ])('%j → %j', (input, expected) => {
    expect(digits(input).text).toBe(expected);
  });
});

describe('digits hard negatives', () => {
  it.each([
    ['one more thing', 'one more thing'],
    ['no one', 'no one'],
    ['someone', 'someone'],
    ['oh oh', 'oh oh'],
    ['5 stars', '5 stars'],
    ['2 min', '2 min'],
    ['1,000', '1,000'],
    ['一下', '一下'],
    ['两个', '两个'],
    ['一二', '一二'],
    ['jay88', 'jay88'],
    ['hello world', 'hello world'],
    ['double trouble', 'double trouble'],
    ['555\n1234', '555\n1234'],
    ['555     1234', '555     1234'],
    ['lol', 'lol'],
    ['fiveж', 'fiveж'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(digits(input).text).toBe(expected);
  });
});

describe('digits maps', () => {
  it.each([
    ['five five', [0, 5], [4, 9]],
    ['double five', [0, 0], [11, 11]],
    ['❿', [0, 0], [1, 1]],
    ['1 2', [0, 2], [1, 3]],
    ['𝟏𝟐', [0, 2], [2, 4]],
  ])('%j', (input, starts, ends) => {
    const view = digits(input);
    expect(Array.from(view.starts)).toEqual(starts);
    expect(Array.from(view.ends)).toEqual(ends);
  });

  it('maps a phone number found in the view back to the whole written number', () => {
    const input = 'call me: one three eight 1234-5678 ok';
    const view = digits(input);
    const at = view.text.indexOf('13812345678');
    expect(at).toBeGreaterThanOrEqual(0);
    const span = mapSpanToOriginal(view, at, at + 11);
    expect(input.slice(span.start, span.end)).toBe('one three eight 1234-5678');
  });
});

describe('readLettersBack', () => {
  it.each([
    ['O7700 9OO l23', 'o77009ool23'],
    ['RSSMRA85L10L219W', 'rssmra85l10l219w'],
    ['S1234567I', 's1234567i'],
    ['ＯＬ123456C', 'ol123456c'],
    ['one two three 4', '1234'],
    ['oh seven seven 1', '0771'],
    ['no digits here', 'no digits here'],
  ])('%j → %j', (input, expected) => {
    const view = digits(input);
    const letters = readLettersBack(view, input);
    expect(letters).toBe(expected);
    // Same length, so the digits view's maps serve it unchanged.
    expect(letters.length).toBe(view.text.length);
  });

  it('changes only digits the view read from a letter O, L or I, and only into that letter', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789oOlLiI ab-'.split('')), maxLength: 30 }), (input) => {
        const view = digits(input);
        const letters = readLettersBack(view, input);
        expect(letters.length).toBe(view.text.length);
        for (let i = 0; i < letters.length; i++) {
          if (letters[i] === view.text[i]) continue;
          expect('01').toContain(view.text[i]);
          expect(input.slice(view.starts[i]!, view.ends[i]!).toLowerCase()).toBe(letters[i]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
