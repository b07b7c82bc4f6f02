import { describe, expect, it } from 'vitest';
import { createPlainView, createSkeletonView, mapSpanToOriginal, skeletonize } from '../../src/text/index.js';

function skeleton(text: string) {
  return createSkeletonView(createPlainView(text));
}

describe('skeleton text', () => {
  it.each([
    // homoglyphs
    ['WеСhat', 'wechat'],
    ['ВМW', 'bmw'],
    ['раура', 'paypa'],
    ['ѕех', 'sex'],
    ['ΑΡΡLE', 'aple'],
    ['ɡoogle', 'gogle'],
    // leetspeak
    ['sh1t', 'shit'],
    ['pi55', 'pis'],
    ['@ss', 'as'],
    ['a$$', 'as'],
    ['wh@tsapp', 'whatsap'],
    ['sh!t', 'shit'],
    ['s+upid', 'stupid'],
    ['he||o', 'helo'],
    ['4ss', 'as'],
    ['n€rd', 'nerd'],
    ['fvck', 'fvck'],
    // single characters rejoined
    ['f.u.c.k', 'fuck'],
    ['w e c h a t', 'wechat'],
    ['f. u. c. k', 'fuck'],
    ['f u c k i n g', 'fucking'],
    ['f*u*c*k', 'fuck'],
    ['f|u|c|k', 'fuck'],
    ['f - u - c - k', 'fuck'],
    ['5 h 1 t', 'shit'],
    ['say f.u.c.k now', 'say fuck now'],
    ['f*u*c*k a**hole', 'fuck a**hole'],
    // CJK noise
    ['加 微 信', '加微信'],
    ['加*微*信', '加微信'],
    ['加  微信', '加微信'],
    ['加-微-信', '加微信'],
    ['加😀微😀信', '加微信'],
    ['加 V 信', '加v信'],
    ['这傻 B 卖家', '这傻b卖家'],
    ['加 vx 好', '加 vx 好'],
    ['我用 app 付', '我用 ap 付'],
    ['w e c h a t，谢谢', 'wechat,谢'],
    ['what a b-i-t-c-h move', 'what a bitch move'],
    ['be a c**t, ok', 'be a c**t, ok'],
    ['a f*u*c*k b', 'a fuck b'],
    ['f*** off', 'f*** of'],
    ['what a f a g g o t', 'what afagot'],
    // punctuation inside a word
    ['fu.ck', 'fuck'],
    ['dumb-ass', 'dumbas'],
    ["don't", 'dont'],
    ['don’t', 'dont'],
    ['f.u.c.k.ing', 'fucking'],
    // repeated letters
    ['fuuuuck', 'fuck'],
    ['book', 'bok'],
    ['class', 'clas'],
    ['哈哈哈', '哈'],
    ['FUUUCK', 'fuck'],
    // hidden controls and lone surrogates inside a word, U+2800 as a space
    ['f\x01u\x01c\x01k', 'fuck'],
    ['we\x00chat', 'wechat'],
    ['sh\x7fi\ud800t', 'shit'],
    ['fu\x1b\x9fck', 'fuck'],
    ['f\u2800u\u2800c\u2800k', 'fuck'],
    ['加\x01微\x01信', '加微信'],
    ['加\u2800微\u2800信', '加微信'],
  ])('%j → %j', (input, expected) => {
    expect(skeleton(input).text).toBe(expected);
  });
});

describe('skeleton hard negatives', () => {
  it.each([
    ['Scunthorpe', 'scunthorpe'],
    ['I am a cat', 'i am a cat'],
    ['a b', 'a b'],
    ['5 stars', '5 stars'],
    ['2 min', '2 min'],
    ['1990', '1990'],
    ['call 555', 'cal 555'],
    ['10am 3rd 1st 90s', '10am 3rd 1st 90s'],
    ['f*ck', 'f*ck'],
    ['a**hole', 'a**hole'],
    ['hello!', 'helo!'],
    ['c++', 'c++'],
    ['привет', 'привет'],
    ['Привет, как дела?', 'привет, как дела?'],
    ['как дела ѕех', 'как дела ѕех'],
    ['Ελλάδα', 'ελαδα'],
    ['👍 great 😀', '👍 great 😀'],
    ['加\n微\n信', '加\n微\n信'],
    ['你好，我是', '你好,我是'],
    ['你好。我是', '你好。我是'],
    ['f\nu\nc\nk', 'f\nu\nc\nk'],
    ['knob\u2800head', 'knob head'],
    ['bell\tend', 'bel\tend'],
    ['knob\nhead', 'knob\nhead'],
    ['bell\u2800\x01end', 'bel end'],
    ['一下', '一下'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(skeleton(input).text).toBe(expected);
  });
});

describe('skeleton runs and breaks', () => {
  it.each([
    ['fuuuuck', 'fuck', [1, 4, 1, 1], [0, 0, 0, 0]],
    ['book', 'bok', [1, 2, 1], [0, 0, 0]],
    ['class', 'clas', [1, 1, 1, 2], [0, 0, 0, 0]],
    ['a$$', 'as', [1, 2], [0, 0]],
    ['fu.ck', 'fuck', [1, 1, 1, 1], [0, 0, 1, 0]],
    ['dumb-ass', 'dumbas', [1, 1, 1, 1, 1, 2], [0, 0, 0, 0, 1, 0]],
    ["don't", 'dont', [1, 1, 1, 1], [0, 0, 0, 1]],
    ['book-keeper', 'bokkeper', [1, 2, 1, 1, 2, 1, 1, 1], [0, 0, 0, 1, 0, 0, 0, 0]],
    ['哈哈哈', '哈', [3], [0]],
    ['1111', '1111', [1, 1, 1, 1], [0, 0, 0, 0]],
  ])('%j', (input, text, runs, breaks) => {
    const view = skeleton(input);
    expect(view.text).toBe(text);
    expect(Array.from(view.runs)).toEqual(runs);
    expect(Array.from(view.breaks)).toEqual(breaks);
  });
});

describe('skeleton maps into the original text', () => {
  it.each([
    ['fuuuuck', [0, 1, 5, 6], [1, 5, 6, 7]],
    ['f.u.c.k', [0, 2, 4, 6], [1, 3, 5, 7]],
    ['𝐟𝐮𝐜𝐤', [0, 2, 4, 6], [2, 4, 6, 8]],
    ['W\u200bеС', [0, 2, 3], [1, 3, 4]],
    ['加 微', [0, 2], [1, 3]],
  ])('%j', (input, starts, ends) => {
    const view = skeleton(input);
    expect(Array.from(view.starts)).toEqual(starts);
    expect(Array.from(view.ends)).toEqual(ends);
  });

  it.each([
    ['you f.u.c.k off', 'fuck', 'f.u.c.k'],
    ['𝐟𝐮𝐜𝐤 you', 'fuck', '𝐟𝐮𝐜𝐤'],
    ['add W\u200bеСhat now', 'wechat', 'W\u200bеСhat'],
    ['请加 微 信 吧', '加微信', '加 微 信'],
    ['what a$$hole', 'ashole', 'a$$hole'],
  ])('%j: %j covers %j', (input, term, covered) => {
    const view = skeleton(input);
    const at = view.text.indexOf(term);
    expect(at).toBeGreaterThanOrEqual(0);
    const span = mapSpanToOriginal(view, at, at + term.length);
    expect(input.slice(span.start, span.end)).toBe(covered);
  });
});

describe('skeletonize', () => {
  it.each([
    ['Ass', 'as', [1, 2]],
    ['wh@tsapp', 'whatsap', [1, 1, 1, 1, 1, 1, 2]],
    ['WeChat', 'wechat', [1, 1, 1, 1, 1, 1]],
    ['加微信', '加微信', [1, 1, 1]],
    ['bank transfer', 'bank transfer', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
    ['', '', []],
  ])('%j', (term, text, runs) => {
    expect(skeletonize(term)).toEqual({ text, runs });
  });

  it('normalises a term and a message containing it alike', () => {
    const term = skeletonize('Wh@tsApp');
    expect(skeleton('pls use w.h.a.t.s.a.p.p').text).toContain(term.text);
  });
});
