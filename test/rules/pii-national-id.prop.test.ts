import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/index.js';
import { piiLists } from '../detectors/pii/helpers.js';
import { GENERATORS, seeded } from '../detectors/pii/id-numbers.js';

const moderator = createModerator({ ruleSets: ['pii'] });
const ids = (text: string) => moderator.moderate(text).findings.filter((f) => f.entity === 'national-id');

const KEYWORDS = piiLists['national-id-keywords']!;
const keywordsOf = (scheme: string) => KEYWORDS.filter((k) => k.label === scheme).map((k) => k.term);
const NUMERIC = ['us-ssn', 'cn-ric', 'in-aadhaar', 'ng-nin', 'de-steuer-id', 'fr-nir', 'nl-bsn', 'br-cpf', 'ca-sin', 'kr-rrn'];

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ZH = '〇一二三四五六七八九';
const SEPARATORS = [' ', '-', '.', ' - ', '  ', '·', '\u00a0'];
const FULL_WIDTH = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);

/** How one character of a number is written; letters stay letters (full-width at most). */
const writings: Record<string, (c: string, i: number, seed: number) => string> = {
  ascii: (c) => c,
  'full-width': FULL_WIDTH,
  lower: (c) => c.toLowerCase(),
  chinese: (c) => (/\d/.test(c) ? ZH[Number(c)]! : c),
  spelled: (c) => (/\d/.test(c) ? `${WORDS[Number(c)]} ` : c),
  mixed: (c, i, seed) => (/\d/.test(c) && (seed >> i) & 1 ? `${WORDS[Number(c)]} ` : c),
};

/**
 * Writes a number with separators after some of its digits (never between two letters, nor
 * between a letter and a digit but for a NINO's prefix), in one of the writings.
 */
function write(value: string, scheme: string, kind: string, seed: number, breaks: number): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    out += writings[kind]!(value[i]!, i, seed);
    const here = value[i]!;
    const next = value[i + 1];
    if (next === undefined || !((breaks >> i) & 1)) continue;
    const digits = /\d/.test(here) && /\d/.test(next);
    const ninoPrefix = scheme === 'gb-nino' && (i === 1 || i === 7);
    // A codice fiscale is written in one piece.
    if (kind === 'spelled' || kind === 'mixed' || scheme === 'it-cf') continue;
    if (digits) out += SEPARATORS[(seed + i) % SEPARATORS.length];
    else if (ninoPrefix) out += ' ';
  }
  return out.trim();
}

describe('national ids however they are written', () => {
  it('a valid number after one of its scheme\'s keywords is one finding of that scheme, spanning the number as written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(GENERATORS)),
        fc.nat(),
        fc.constantFrom(...Object.keys(writings)),
        fc.nat(1 << 20),
        fc.nat(1 << 20),
        fc.nat(),
        fc.constantFrom('', ':', ' is', ' no.', ' number is', '是', '：', ' #'),
        fc.constantFrom(['my ', ' thanks'], ['', ''], ['hi, ', '.'], ['好的，', '，谢谢'], ['ok so ', ' for the form']),
        (scheme, numberSeed, kind, seed, breaks, which, filler, [lead, tail]) => {
          const value = GENERATORS[scheme]!(seeded(numberSeed));
          // Chinese numerals and digit words are how numbers made of digits are disguised.
          fc.pre(NUMERIC.includes(scheme) || !['chinese', 'spelled', 'mixed'].includes(kind));
          // A letter among spelled digits (a check X, Corsica's 2A) is a word of its own.
          fc.pre(!/[A-Z]/.test(value) || !['spelled', 'mixed'].includes(kind));
          const keywords = keywordsOf(scheme);
          const keyword = keywords[which % keywords.length]!;
          const written = write(value, scheme, kind, seed, breaks);
          const text = `${lead}${keyword}${filler} ${written}${tail}`;
          const found = ids(text);
          expect(found.map((f) => [f.scheme, f.text]), text).toEqual([[scheme, written]]);
          expect(found[0]!.score, text).toBeGreaterThanOrEqual(0.9);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('random numbers of a weak scheme\'s shape are not reported without a keyword', () => {
    const shapes: Record<string, fc.Arbitrary<string>> = {
      '9 digits': fc.stringMatching(/^[0-9]{9}$/),
      '11 digits': fc.stringMatching(/^[0-9]{11}$/),
      '12 digits': fc.stringMatching(/^[0-9]{12}$/),
      '13 digits': fc.stringMatching(/^[0-9]{13}$/),
      NINO: fc.stringMatching(/^[A-Z]{2}[0-9]{6}[A-D]$/),
      'Taiwan id': fc.stringMatching(/^[A-Z][12][0-9]{8}$/),
      'HKID without brackets': fc.stringMatching(/^[A-Z]{1,2}[0-9]{7}$/),
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(shapes)).chain((shape) => shapes[shape]!),
        fc.boolean(),
        fc.constantFrom(['', ''], ['see ', ' below'], ['the code is ', ''], ['好的 ', ' 收到'], ['here: ', ', ok?']),
        (value, grouped, [lead, tail]) => {
          // In groups of four, never the 3-2-4, 3.3.3-2 or 6-7 forms that SSNs, CPFs and Korean numbers have.
          const written = grouped && /^\d+$/.test(value) ? value.replace(/(\d{4})(?=\d)/g, '$1 ') : value;
          const text = `${lead}${written}${tail}`;
          expect(ids(text).map((f) => [f.scheme, f.text]), text).toEqual([]);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
