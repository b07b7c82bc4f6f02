import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/index.js';

const moderator = createModerator({ ruleSets: ['off-platform'] });
const flagged = (text: string) => (moderator.moderate(text).categories['off-platform']?.verdict ?? 'allow') !== 'allow';

const CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', s: 'ѕ' };
/** Code points that render as nothing or a box: C0 and C1 controls, DEL, lone surrogates. */
const HIDDEN = ['\x00', '\x01', '\x08', '\x1b', '\x1f', '\x7f', '\x80', '\x9f', '\ud800', '\udfff'];
type Obfuscation = (word: string, seed: number) => string;
const obfuscations: Record<string, Obfuscation> = {
  plain: (w) => w,
  spaced: (w, seed) => [...w].join([' ', '.', '-', ' . ', '*'][seed % 5]!),
  homoglyph: (w, seed) => [...w].map((ch, i) => ((seed >> i) & 1 && CYRILLIC[ch] ? CYRILLIC[ch] : ch)).join(''),
  invisible: (w, seed) => [...w].map((ch, i) => (i > 0 && (seed >> i) & 1 ? `\u200B${ch}` : ch)).join(''),
  hidden: (w, seed) => [...w].map((ch, i) => (i > 0 && (seed >> i) & 1 ? `${HIDDEN[(seed + i) % HIDDEN.length]}${ch}` : ch)).join(''),
  upper: (w, seed) => [...w].map((ch, i) => ((seed >> i) & 1 ? ch.toUpperCase() : ch)).join(''),
  'full-width': (w) => [...w].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join(''),
};

describe('off-platform under obfuscation', () => {
  const apps = ['wechat', 'whatsapp', 'telegram', 'snapchat', 'instagram', 'signal', 'viber', 'skype', 'discord'];
  const asks = ['add me on', 'message me on', 'text me on', 'reach me on', 'hit me up on', 'find me on'];
  it('an obfuscated app name after a contact request stays flagged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...apps), fc.constantFrom(...asks), fc.constantFrom(...Object.keys(obfuscations)), fc.nat(1023), (app, ask, kind, seed) => {
        const text = `${ask} ${obfuscations[kind]!(app, seed)} pls`;
        expect(flagged(text), text).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('an app name that is only mentioned stays allowed', () => {
    const frames = ['{} is down today, can you hurry', 'I saw your {} ad and booked here', 'my {} keeps crashing lol', 'contact support in the app, not {}'];
    fc.assert(
      fc.property(fc.constantFrom(...apps), fc.constantFrom(...frames), fc.constantFrom(...Object.keys(obfuscations)), fc.nat(1023), (app, frame, kind, seed) => {
        const text = frame.replace('{}', obfuscations[kind]!(app, seed));
        expect(flagged(text), text).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('numbers given out to call or text', () => {
  const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const CHINESE = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const writers: Record<string, (digits: number[]) => string> = {
    grouped: (d) => `${d.slice(0, 3).join('')} ${d.slice(3, 6).join('')} ${d.slice(6).join('')}`,
    dashed: (d) => `${d.slice(0, 3).join('')}-${d.slice(3, 6).join('')}-${d.slice(6).join('')}`,
    dotted: (d) => `${d.slice(0, 3).join('')}.${d.slice(3, 6).join('')}.${d.slice(6).join('')}`,
    spaced: (d) => d.join(' '),
    'full-width': (d) => d.map((x) => String.fromCharCode(0xff10 + x)).join(''),
    words: (d) => d.map((x) => WORDS[x]).join(' '),
    chinese: (d) => d.map((x) => CHINESE[x]).join(''),
  };
  const cues = ['text me', 'call me on', 'my number is', 'whatsapp', 'ring me at', '手机', '电话'];
  it('is flagged in any form the digit view reads, and the finding covers the number as written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 11 }),
        fc.constantFrom(...Object.keys(writers)),
        fc.constantFrom(...cues),
        (digits, kind, cue) => {
          const written = writers[kind]!(digits);
          const text = `${cue} ${written}`;
          const result = moderator.moderate(text);
          expect(flagged(text), text).toBe(true);
          const shared = result.findings.find((f) => f.ruleId.startsWith('off-platform/contact-') && f.ruleId.includes('shared'));
          expect(shared, text).toBeDefined();
          expect(shared!.text).toBe(text.slice(shared!.start, shared!.end));
          expect(written.includes(shared!.text) || shared!.text.includes(written), text).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a long number with no contact cue stays allowed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 13 }), fc.constantFrom('order', 'receipt', 'tracking', 'invoice', '订单号'), (digits, label) => {
        const text = `${label} ${digits.join('')} is ready`;
        expect(flagged(text), text).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('off-platform findings on arbitrary text', () => {
  const piece = fc.oneof(
    fc.constantFrom('add me on ', 'wechat', 'WhatsApp', 'telegram @', 'text me ', 'my number is ', 'pay me cash', '加我微信', '手机', '扣扣 ', 'cancel the order', 'venmo me', 'wa.me/'),
    fc.constantFrom('415 555 0173', 'four one five', '一三八', '＠', '_', '.', ' @ ', ' a t ', 'x@y.com', '\u200B', '😀', '#4471', '$jmoves', 'live:'),
    fc.string({ unit: 'binary', maxLength: 5 }),
  );
  it('never throws, and every span is a slice of the original that does not split a surrogate pair', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        for (const f of moderator.moderate(text).findings) {
          expect(f.text).toBe(text.slice(f.start, f.end));
          expect(f.end).toBeGreaterThan(f.start);
          const low = (i: number) => text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
          const high = (i: number) => text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff;
          expect(low(f.start) && high(f.start - 1)).toBe(false);
          expect(low(f.end) && high(f.end - 1)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
