import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/index.js';

const moderator = createModerator({ ruleSets: ['pii'] });
const findings = (text: string) => moderator.moderate(text).findings;

/** Numbers libphonenumber-js validates, as dialled at home. */
const NUMBERS = ['4155550132', '2125550190', '02079460321', '01614960734', '13800138000', '15012345678', '0412345678'];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ZH = '零一二三四五六七八九';
const SEPARATORS = [' ', '-', '.', ' - ', '  ', '·', '\u00a0'];

type Writing = (digit: string, index: number, seed: number) => string;
const writings: Record<string, Writing> = {
  ascii: (d) => d,
  'full-width': (d) => String.fromCharCode(0xff10 + Number(d)),
  chinese: (d) => ZH[Number(d)]!,
  spelled: (d) => `${WORDS[Number(d)]} `,
  mixed: (d, i, seed) => ((seed >> i) & 1 ? `${WORDS[Number(d)]}` : d),
};

/** Writes a number with separators after random digits. */
function write(number: string, kind: string, seed: number, breaks: number): string {
  let out = '';
  for (let i = 0; i < number.length; i++) {
    out += writings[kind]!(number[i]!, i, seed);
    if (i < number.length - 1 && (breaks >> i) & 1 && kind !== 'spelled') out += SEPARATORS[(seed + i) % SEPARATORS.length];
  }
  return out.trim();
}

describe('phone numbers however they are written', () => {
  it('are one finding spanning the whole written number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMBERS),
        fc.constantFrom(...Object.keys(writings)),
        fc.nat(1 << 12),
        fc.nat(1 << 12),
        fc.constantFrom(['call me on ', ' tonight'], ['我的电话', '，到了打我'], ['', ''], ['my number: ', '']),
        (number, kind, seed, breaks, [before, after]) => {
          // Chinese numerals are read for Chinese mobiles; other countries' numbers are not written so.
          fc.pre(kind !== 'chinese' || number.startsWith('1'));
          const written = write(number, kind, seed, breaks);
          // One dot before the last two digits writes an amount (41555501.32), not a phone.
          fc.pre(!/^\d+\.\d{2}$/.test(written));
          const text = before + written + after;
          const phones = findings(text).filter((f) => f.entity === 'phone');
          expect(phones, text).toHaveLength(1);
          expect(phones[0]!.text, text).toBe(written);
          expect(phones[0]!.score, text).toBeGreaterThanOrEqual(0.5);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a masked number is never a finding', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NUMBERS), fc.integer({ min: 2, max: 6 }), fc.constantFrom('*', '•', 'x', '#'), (number, hidden, mask) => {
        const from = Math.max(3, number.length - 4 - hidden);
        const text = `the app shows ${number.slice(0, from)}${mask.repeat(number.length - 4 - from)}${number.slice(-4)}`;
        fc.pre(number.length - 4 - from > 0);
        expect(findings(text).filter((f) => f.score >= 0.5), text).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('order numbers and amounts', () => {
  it('a labelled reference number of any length is not personal data', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('order', 'order #', 'tracking', 'invoice', 'booking ref', '订单号', '运单号'),
        fc.stringMatching(/^[1-9][0-9]{6,17}$/),
        (label, digits) => {
          const text = `${label} ${digits} is ready`;
          expect(findings(text).filter((f) => f.score >= 0.5), text).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an amount with a currency is not personal data', () => {
    fc.assert(
      fc.property(fc.constantFrom('$', '£', '€', '¥', 'USD '), fc.integer({ min: 1_000_000, max: 9_999_999_999 }), (currency, amount) => {
        const text = `that comes to ${currency}${amount.toLocaleString('en-US')}.00 in total`;
        expect(findings(text).filter((f) => f.score >= 0.5), text).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
