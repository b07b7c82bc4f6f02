import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/index.js';

const moderator = createModerator({ ruleSets: ['profanity'] });
const flagged = (text: string) => (moderator.moderate(text).categories.profanity?.verdict ?? 'allow') !== 'allow';

const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', i: 'і', s: 'ѕ' };
/** Code points that render as nothing or a box: C0 and C1 controls, DEL, lone surrogates. */
const HIDDEN = ['\x00', '\x01', '\x08', '\x1b', '\x1f', '\x7f', '\x80', '\x9f', '\ud800', '\udfff'];
const fullWidth = (ch: string) => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch);

type Obfuscation = (word: string, seed: number) => string;
const obfuscations: Record<string, Obfuscation> = {
  leet: (w, seed) => [...w].map((ch, i) => ((seed >> i) & 1 && LEET[ch] && i > 0 ? LEET[ch] : ch)).join(''),
  homoglyph: (w, seed) => [...w].map((ch, i) => ((seed >> i) & 1 && CYRILLIC[ch] ? CYRILLIC[ch] : ch)).join(''),
  spaced: (w, seed) => [...w].join([' ', '.', '-', ' . ', '*'][seed % 5]!),
  invisible: (w, seed) => [...w].map((ch, i) => (i > 0 && (seed >> i) & 1 ? `\u200B${ch}` : ch)).join(''),
  hidden: (w, seed) => [...w].map((ch, i) => (i > 0 && (seed >> i) & 1 ? `${HIDDEN[(seed + i) % HIDDEN.length]}${ch}` : ch)).join(''),
  stretched: (w, seed) => {
    const i = seed % w.length;
    return w.slice(0, i + 1) + w[i]!.repeat(2 + (seed % 4)) + w.slice(i + 1);
  },
  'full-width': (w) => [...w].map(fullWidth).join(''),
  upper: (w, seed) => [...w].map((ch, i) => ((seed >> i) & 1 ? ch.toUpperCase() : ch)).join(''),
};
const obfuscation = fc.constantFrom(...Object.keys(obfuscations));
const frame = fc.constantFrom(['', ''], ['you ', ' lol'], ['what a ', '!'], ['ok ', ', fine']);

describe('profanity under obfuscation', () => {
  const bad = ['fuck', 'shit', 'bitch', 'asshole', 'cunt', 'bastard', 'wanker', 'motherfucker', 'faggot', 'dickhead'];
  it('an obfuscated flagged word stays flagged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bad), obfuscation, fc.nat(1023), frame, (word, kind, seed, [before, after]) => {
        const text = before + obfuscations[kind]!(word, seed) + after;
        expect(flagged(text), text).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a flagged word with hidden code points inside is found with the span of the word as written', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bad), fc.integer({ min: 1, max: 1023 }), frame, (word, seed, [before, after]) => {
        // At least one hidden code point, after the first letter.
        const written = obfuscations.hidden!(word, seed | 2);
        const text = before + written + after;
        const found = moderator.moderate(text).findings.filter((f) => f.category === 'profanity');
        expect(found.map((f) => [f.start, f.end, f.text]), JSON.stringify(text)).toContainEqual([before.length, before.length + written.length, written]);
      }),
      { numRuns: 300 },
    );
  });

  const innocent = ['scunthorpe', 'cocktail', 'assassin', 'classic', 'analysis', 'shiitake', 'essex', 'penistone', 'cockpit', 'clitheroe', 'passage', 'therapist', 'grapes'];
  it('an obfuscated innocent word stays allowed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...innocent), obfuscation, fc.nat(1023), (word, kind, seed) => {
        const text = `meet me at the ${obfuscations[kind]!(word, seed)} place`;
        expect(flagged(text), text).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it.each(['傻逼', '草泥马', '他妈的'])('Chinese %s stays flagged when spaced out or split by symbols', (word) => {
    for (const sep of [' ', '*', '-', '.', '  ', '❤']) expect(flagged(`你真是${[...word].join(sep)}`)).toBe(true);
  });
});
