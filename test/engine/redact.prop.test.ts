import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/index.js';

const moderator = createModerator({ ruleSets: ['pii', 'profanity'] });

/** Personal data of several kinds, some overlapping when joined (a wa.me link is a phone and a url). */
const secret = fc.constantFrom(
  '+44 7911 123456', '(212) 555-0182', '138 0013 8000', '一三八零零一三八零零零', 'jo.lee@mail.com', 'ann at gmail dot com',
  '4916 3385 0608 2832', 'GB82 WEST 1234 5698 7654 32', '123-45-6789', 'wechat: jay_88', '12 Baker St', '86.14.203.77',
  'wa.me/447911123456', 'linkedin.com/in/ann-lee', '张杨路500号1806室', 'fucking',
);
const filler = fc.constantFrom('hi', 'call me', 'my number is', 'ok', 'thanks!', '，', ' ', '\n', '😀', 'order 88213', '加我', 'send to');
const message = fc.array(fc.oneof(secret, filler), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));

describe('redact', () => {
  it('changes nothing outside the masked findings, and masks every unit inside them', () => {
    fc.assert(
      fc.property(message, fc.constantFrom(['pii'], ['pii', 'profanity']), (text, categories) => {
        const { text: out, findings } = moderator.redact(text, { categories, style: 'mask', maskChar: '\u0000' });
        expect(out.length).toBe(text.length);
        const inside = new Uint8Array(text.length);
        for (const f of findings) inside.fill(1, f.start, f.end);
        for (let i = 0; i < text.length; i++) {
          if (inside[i]) expect(out[i]).toBe('\u0000');
          else expect(out[i]).toBe(text[i]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with labels, keeps the text between masked spans in order', () => {
    fc.assert(
      fc.property(message, (text) => {
        const { text: out, findings } = moderator.redact(text, { style: () => '\u0000' });
        const spans = [...findings].sort((a, b) => a.start - b.start);
        const kept: string[] = [];
        let cursor = 0;
        for (const f of spans) {
          if (f.start >= cursor) kept.push(text.slice(cursor, f.start));
          cursor = Math.max(cursor, f.end);
        }
        kept.push(text.slice(cursor));
        expect(out.split('\u0000')).toEqual(kept);
      }),
      { numRuns: 300 },
    );
  });
});

/** A lone surrogate half: what a mask written per UTF-16 unit leaves when its character is astral. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

describe('mask characters', () => {
  // Findings whose text is astral (mathematical letters and digits) beside BMP ones.
  const astralSecret = fc.constantFrom('𝐟𝐮𝐜𝐤', '𝟏𝟑𝟖 𝟎𝟎𝟏𝟑 𝟖𝟎𝟎𝟎', '+44 7911 123456', 'jo.lee@mail.com', 'fucking', '138 0013 8000');
  const anyMessage = fc
    .array(fc.oneof(astralSecret, filler, fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(' '));
  const maskChar = fc.oneof(
    fc.constantFrom('🔒', '𝕏', '😀', '👍🏽', '*', '•', '█', '\ud83d', '\udd12', ''),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );

  it('writes one mask character per code point and never a lone surrogate, whatever the mask character and the text', () => {
    fc.assert(
      fc.property(anyMessage, maskChar, (text, mask) => {
        const { text: out, findings } = moderator.redact(text, { categories: ['pii', 'profanity'], style: 'mask', maskChar: mask });
        expect(LONE_SURROGATE.test(out), JSON.stringify([text, mask, out])).toBe(false);
        const first = mask.codePointAt(0);
        const expected = first === undefined || (first >= 0xd800 && first <= 0xdfff) ? '*' : String.fromCodePoint(first);
        // Code point by code point, the output is the text with every code point of a finding replaced.
        const inside = new Uint8Array(text.length);
        for (const f of findings) inside.fill(1, f.start, f.end);
        const want: string[] = [];
        for (let i = 0; i < text.length; ) {
          const cp = String.fromCodePoint(text.codePointAt(i)!);
          want.push(inside[i] ? expected : cp);
          i += cp.length;
        }
        expect(out).toBe(want.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['🔒', 'call me on 🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒🔒'],
    ['𝕏', 'call me on 𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏'],
    ['👍🏽', 'call me on 👍👍👍👍👍👍👍👍👍👍👍👍👍'],
    ['\ud83d', 'call me on *************'],
    ['', 'call me on *************'],
  ])('mask %j', (mask, expected) => {
    expect(moderator.redact('call me on 138 0013 8000', { style: 'mask', maskChar: mask }).text).toBe(expected);
  });

  it('masks an astral finding with one mask character per code point', () => {
    expect(moderator.redact('what the 𝐟𝐮𝐜𝐤', { categories: ['profanity'], style: 'mask' }).text).toBe('what the ****');
  });
});

describe('redact styles', () => {
  it.each([
    ['call me on +44 7911 123456 tonight', {}, 'call me on [phone] tonight'],
    ['call me on +44 7911 123456 tonight', { style: 'mask' as const }, 'call me on *************** tonight'],
    ['call me on +44 7911 123456 tonight', { style: 'mask' as const, maskChar: '#' }, 'call me on ############### tonight'],
    ['call me on +44 7911 123456 tonight', { style: 'mask' as const, maskChar: '••' }, 'call me on ••••••••••••••• tonight'],
    ['mail jo.lee@mail.com or call (212) 555-0182', { entities: ['phone'] }, 'mail jo.lee@mail.com or call [phone]'],
    ['mail jo.lee@mail.com or call (212) 555-0182', { entities: ['email'] }, 'mail [email] or call (212) 555-0182'],
    ['mail jo.lee@mail.com or call (212) 555-0182', { style: (f: { entity?: string }) => `<${f.entity}>` }, 'mail <email> or call <phone>'],
    ['tap wa.me/447911123456 to chat', {}, 'tap [url] to chat'],
    ['no personal data here, order 88213', {}, 'no personal data here, order 88213'],
  ])('%s %j', (text, options, expected) => {
    expect(moderator.redact(text, options).text).toBe(expected);
  });

  it('merges overlapping findings into one masked span', () => {
    const { text, findings } = moderator.redact('tap wa.me/447911123456 to chat');
    expect(findings.map((f) => f.entity).sort()).toEqual(['phone', 'url']);
    expect(text.match(/\[/g)).toHaveLength(1);
  });
});
