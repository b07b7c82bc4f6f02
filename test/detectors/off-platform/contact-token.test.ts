import { describe, expect, it } from 'vitest';
import {
  compactSpaced,
  contactTokenDetector,
  isHandleShaped,
  mayHoldNumber,
} from '../../../src/detectors/off-platform/index.js';
import { createViews, mapSpanToOriginal } from '../../../src/text/index.js';

/** The original text of every token the detector finds, with its shape. */
function tokens(text: string, options: Record<string, unknown> = {}): [string, string][] {
  const views = createViews(text);
  return contactTokenDetector
    .detect({ text, views, options, lists: {} })
    .map((m) => {
      const view = m.view === 'digits' ? views.digits : m.view === 'plain' ? views.plain : views.original;
      const span = mapSpanToOriginal(view, m.start, m.end);
      return { start: span.start, found: [text.slice(span.start, span.end), m.values!['shape']!] as [string, string] };
    })
    .sort((a, b) => a.start - b.start)
    .map((t) => t.found);
}

describe('isHandleShaped', () => {
  it.each([
    '@rico.driver',
    '$jmoves',
    'tonyd_44',
    'xiaowang0915',
    'rina.sells',
    'k.r.i.s.s.e.l.l.s',
    'marcus.deals.77',
    'pixelwitch#4471',
    'live:.cid.8f2a91c3',
  ])('%s looks like an account name', (token) => {
    expect(isHandleShaped(token)).toBe(true);
  });

  it.each(['hello', 'there', '$40', '@5pm', '@10', 'v2.14.3', 'e.g', '4b', 'ps5', 'yep...that', 'i.e', '3.50', 'a.m'])(
    '%s does not',
    (token) => {
      expect(isHandleShaped(token)).toBe(false);
    },
  );
});

describe('mayHoldNumber', () => {
  it.each([
    ['415 555 0173', true],
    ['four one five five five five oh one', true],
    ['２one２-５five５-0', true],
    ['幺三九幺二零八四四七六', true],
    ['see you at 5:30', false],
    ['one more minute', false],
    ['', false],
  ])('%s -> %s', (text, expected) => {
    expect(mayHoldNumber(text)).toBe(expected);
  });
});

describe('compactSpaced', () => {
  it.each([
    ['j a k e . w r i t e s @ p r o t o n . m e', 'jake.writes@proton.me'],
    ['contact me at j a k e', 'contact me at jake'],
    ['a cat sat', 'a cat sat'],
    ['no spaces', 'no spaces'],
  ])('%s -> %s', (text, expected) => {
    const compact = compactSpaced(text);
    expect(compact.text).toBe(expected);
    // Every unit maps back to the same character of the input.
    for (let i = 0; i < compact.text.length; i++) expect(text[compact.from[i]!]).toBe(compact.text[i]);
  });
});

describe('contact-token detector', () => {
  it.each([
    ['text me 415 555 0173', [['415 555 0173', 'number']]],
    ['call me at ４１５ ５５５ ０１７３', [['４１５ ５５５ ０１７３', 'number']]],
    ['my number is four one five five five five oh one seven three', [['four one five five five five oh one seven three', 'number']]],
    ['手机一三八一二三四五六七八', [['一三八一二三四五六七八', 'number']]],
    ['add me on telegram @fast_mike', [['@fast_mike', 'handle']]],
    ['wechat: lee_88, or lee88@qq.com', [['lee_88', 'handle'], ['lee88@qq.com', 'email']]],
    ['我的是3156620847@qq.com', [['3156620847@qq.com', 'email'], ['3156620847', 'number']]],
    ['mail d a n @ x y z . c o m', [['d a n @ x y z . c o m', 'email']]],
    ['write to dana.fixes at gmail dot com', [['dana.fixes at gmail dot com', 'email']]],
    ['id:lee_88 or k:ana_12', [['lee_88', 'handle'], ['ana_12', 'handle']]],
    ['skype live:.cid.8f2a91c3 pls', [['live:.cid.8f2a91c3', 'handle']]],
  ])('%s', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it.each([
    'see you at 5, gate 12',
    'order 4821 is on its way',
    'IBAN DE89370400440532013000',
    'card 4012888888881881',
    'the iphone14 is mint',
    'Yep...that is what I said',
    'check instagram.com/some.page for photos',
  ])('finds nothing that is a contact in %s', (text) => {
    expect(tokens(text, { shapes: ['number', 'handle'], ignore: ['iphone'] })).toEqual([]);
  });

  it('reports only the shapes a rule asks for', () => {
    const text = 'telegram @fast_mike or 415 555 0173';
    expect(tokens(text, { shapes: ['number'] })).toEqual([['415 555 0173', 'number']]);
    expect(tokens(text, { shapes: ['handle'] })).toEqual([['@fast_mike', 'handle']]);
  });

  it('skips codes that start with an ignored word', () => {
    expect(tokens('room1203 or unit_12', { shapes: ['handle'], ignore: ['room', 'unit'] })).toEqual([]);
    expect(tokens('room1203', { shapes: ['handle'] })).toEqual([['room1203', 'handle']]);
  });

  it.each([
    ['my ig is @x_cakes', true, []],
    ['my ig is @x_cakes', false, [['@x_cakes', 'handle']]],
    ['微信 abc_123 加我', true, [['abc_123', 'handle']]],
    ['加V：一三八 0013 8000', true, [['一三八 0013 8000', 'number']]],
    ['call me 13800138000, no problem at all, see you on 走平台', true, []],
  ])('with han: %s keeps only tokens with Chinese around them (%s)', (text, han, expected) => {
    expect(tokens(text, { han })).toEqual(expected);
  });
});

describe('contact-token precheck', () => {
  it.each([
    ['call me 415 555 0173', true],
    ['four one five five five', true],
    ['telegram @fast_mike', true],
    ['ig rina.sells', true],
    ['mail: ana＠x.com', true],
    ['手机一三八', true],
    ['call me when you are outside', false],
    ['add me on wechat', false],
  ])('%s -> %s', (text, expected) => {
    expect(contactTokenDetector.precheck!(text)).toBe(expected);
  });
});
