import { describe, expect, it } from 'vitest';
import { ID_SCHEMES } from '../../../src/detectors/pii/id-schemes.js';
import { nationalIdDetector } from '../../../src/detectors/pii/national-id.js';
import { verhoeff, verhoeffCheckDigit, iso7064Mod11_10 } from '../../../src/detectors/pii/checks.js';
import { createModerator, type Finding } from '../../../src/index.js';
import { createViews } from '../../../src/text/index.js';
import { piiLists } from './helpers.js';
import { breakCheck, GENERATORS, KEYWORD_REQUIRED, seeded, verhoeffDigit } from './id-numbers.js';

const moderator = createModerator({ ruleSets: ['pii'] });
const ids = (text: string): Finding[] => moderator.moderate(text).findings.filter((f) => f.entity === 'national-id');
const found = (text: string) => ids(text).map((f) => [f.scheme, f.text]);

/** The first keyword of each scheme in the built-in rule set. */
const keywordOf = (scheme: string): string => piiLists['national-id-keywords']!.find((entry) => entry.label === scheme)!.term;
const SCHEMES = Object.keys(GENERATORS);

describe('the checks, against published examples', () => {
  it.each([
    ['us-ssn', '123456789'],
    // GB 11643-1999's own example.
    ['cn-ric', '11010519491231002X'],
    ['gb-nino', 'AB123456C'],
    // BZSt and ELSTER examples.
    ['de-steuer-id', '86095742719'],
    ['de-steuer-id', '65929970489'],
    ['de-steuer-id', '57549285017'],
    ['fr-nir', '295109912611193'],
    ['es-dni', '12345678Z'],
    ['es-nie', 'X1234567L'],
    ['it-cf', 'RSSMRA85T10A562S'],
    ['it-cf', 'MRTMTT25D09F205Z'],
    ['nl-bsn', '111222333'],
    ['nl-bsn', '123456782'],
    ['br-cpf', '11144477735'],
    ['ca-sin', '130692544'],
    ['hk-hkid', 'A1234563'],
    ['tw-id', 'A123456789'],
    ['sg-nric', 'S1234567D'],
    // GovTech FormSG's test vector for the M series (2022).
    ['sg-nric', 'M1234567K'],
    ['sg-nric', 'G4549883U'],
  ])('%s accepts %s', (scheme, value) => {
    expect(ID_SCHEMES[scheme as keyof typeof ID_SCHEMES].problem(value)).toBeUndefined();
  });

  it.each([
    ['cn-ric', '11010519491231002Y'.replace('Y', '1')],
    ['gb-nino', 'QQ123456C'],
    ['gb-nino', 'AB123456E'],
    ['de-steuer-id', '86095742718'],
    // A digit three times in a row, and two digits twice.
    ['de-steuer-id', '11123456784'],
    ['de-steuer-id', '11223456781'],
    ['fr-nir', '295109912611194'],
    ['fr-nir', '395139912611193'],
    ['es-dni', '12345678A'],
    ['it-cf', 'RSSMRA85T10A562T'],
    ['it-cf', 'RSSMRA85F10A562S'],
    ['nl-bsn', '111222334'],
    ['br-cpf', '11144477736'],
    ['br-cpf', '11111111111'],
    ['ca-sin', '046454286'],
    ['ca-sin', '130692545'],
    ['kr-rrn', '8013011234567'],
    ['hk-hkid', 'A1234564'],
    ['tw-id', 'A123456788'],
    ['tw-id', 'A323456789'],
    ['sg-nric', 'S1234567A'],
    ['sg-nric', 'M1234567N'],
    ['in-aadhaar', '123456789012'],
  ])('%s refuses %s', (scheme, value) => {
    expect(ID_SCHEMES[scheme as keyof typeof ID_SCHEMES].problem(value)).toBeDefined();
  });

  it('Verhoeff: the worked example 236 → 3, and every single-digit error caught', () => {
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeff('2363')).toBe(true);
    const random = seeded(3);
    for (let n = 0; n < 200; n++) {
      const body = String(Math.floor(random() * 1e11)).padStart(11, '0');
      expect(verhoeffCheckDigit(body)).toBe(verhoeffDigit(body));
      const at = Math.floor(random() * 12);
      const valid = body + verhoeffCheckDigit(body);
      const typo = valid.slice(0, at) + ((Number(valid[at]) + 1 + Math.floor(random() * 9)) % 10) + valid.slice(at + 1);
      expect(verhoeff(typo), typo).toBe(false);
    }
  });

  it('ISO 7064 MOD 11,10: the check digit of the BZSt example', () => {
    expect(iso7064Mod11_10('8609574271')).toBe(9);
  });
});

describe('generated numbers of every scheme', () => {
  it.each(SCHEMES)('%s: every generated number is valid and found after its keyword, span exact', (scheme) => {
    const random = seeded(scheme.length * 7919);
    for (let n = 0; n < 60; n++) {
      const value = GENERATORS[scheme]!(random);
      expect(ID_SCHEMES[scheme as keyof typeof ID_SCHEMES].problem(value), value).toBeUndefined();
      const text = `my ${keywordOf(scheme)} is ${value} thanks`;
      expect(found(text), text).toEqual([[scheme, value]]);
      expect(ids(text)[0]!.score, text).toBeGreaterThanOrEqual(0.9);
    }
  });

  it.each(SCHEMES.filter((s) => s !== 'ng-nin'))('%s: a broken check digit is refused, and reported lower only right after a keyword', (scheme) => {
    const random = seeded(scheme.length * 104729);
    for (let n = 0; n < 30; n++) {
      const broken = breakCheck(scheme, GENERATORS[scheme]!(random));
      expect(ID_SCHEMES[scheme as keyof typeof ID_SCHEMES].problem(broken), broken).toBeDefined();
      expect(found(`see ${broken} below`), broken).toEqual([]);
      const next = `${keywordOf(scheme)}: ${broken}`;
      const [finding] = ids(next);
      expect([finding?.scheme, finding?.text], next).toEqual([scheme, broken]);
      expect(finding!.score).toBeGreaterThanOrEqual(0.5);
      expect(finding!.score).toBeLessThan(0.85);
      expect(finding!.explanation.steps.find((s) => s.kind === 'check-failed')?.note, next).toMatch(/^check failed: /);
    }
  });

  it.each(KEYWORD_REQUIRED)('%s: a valid number is not reported without a keyword of its scheme', (scheme) => {
    const random = seeded(scheme.length * 31337);
    for (let n = 0; n < 30; n++) {
      const value = GENERATORS[scheme]!(random);
      expect(found(`see ${value} below`), value).toEqual([]);
      // A word for an id of any country is not enough for a weak scheme.
      expect(found(`id number ${value}`), value).toEqual([]);
    }
  });
});

describe('how the numbers are written', () => {
  it.each([
    ['my SSN is 529-18-4420', 'us-ssn', '529-18-4420'],
    ['S.S.N. 529184420', 'us-ssn', '529184420'],
    ['s s n: 529184420', 'us-ssn', '529184420'],
    ['身 份 证 号 11010519491231002X', 'cn-ric', '11010519491231002X'],
    ['身份证号：１１０１０５１９４９１２３１００２Ｘ', 'cn-ric', '１１０１０５１９４９１２３１００２Ｘ'],
    ['身份证 110105 19491231 002X', 'cn-ric', '110105 19491231 002X'],
    ['my national insurance number is AB 12 34 56 C', 'gb-nino', 'AB 12 34 56 C'],
    ['NINO ab-12-34-56-c', 'gb-nino', 'ab-12-34-56-c'],
    ['my aadhaar no. is 2345-6789-0124', 'in-aadhaar', '2345-6789-0124'],
    ['आधार संख्या २३४५ ६७८९ ०१२४', 'in-aadhaar', '२३४५ ६७८९ ०१२४'],
    ['my aadhaar number is two three four five six seven eight nine zero one two four', 'in-aadhaar', 'two three four five six seven eight nine zero one two four'],
    ['Steuer-ID 86 095 742 719', 'de-steuer-id', '86 095 742 719'],
    ['numéro de sécurité sociale : 1 85 05 2A 006 084 35', 'fr-nir', '1 85 05 2A 006 084 35'],
    ['NIE X-1234567-L', 'es-nie', 'X-1234567-L'],
    ['codice fiscale RSSMRA85L10L219W', 'it-cf', 'RSSMRA85L10L219W'],
    ['BSN 1112.22.333', 'nl-bsn', '1112.22.333'],
    ['CPF 111 444 777 35', 'br-cpf', '111 444 777 35'],
    ['SIN: 130-692-544', 'ca-sin', '130-692-544'],
    ['HKID G123456(A)', 'hk-hkid', 'G123456(A)'],
    ['身分證 Ａ１２３４５６７８９', 'tw-id', 'Ａ１２３４５６７８９'],
    ['身分證 L123456788', 'tw-id', 'L123456788'],
    ['NRIC s1234567d', 'sg-nric', 's1234567d'],
  ])('%s', (text, scheme, span) => {
    expect(found(text)).toEqual([[scheme, span]]);
    // Valid and named, not a failed check kept for its keyword.
    expect(ids(text)[0]!.score).toBeGreaterThanOrEqual(0.9);
  });

  it('reads an id whose letters the digits view takes for digits (I, L, O)', () => {
    // Torino's place code is L219 and July's month letter is L; NRIC check letters include I.
    const random = seeded(11);
    let checked = 0;
    for (let n = 0; n < 200; n++) {
      const value = GENERATORS['sg-nric']!(random);
      if (!/I$/.test(value)) continue;
      checked++;
      expect(found(`NRIC ${value}`)).toEqual([['sg-nric', value]]);
    }
    expect(checked).toBeGreaterThan(3);
    for (const letter of 'ILO') expect(found(`身分證 ${tw(letter)}`)).toEqual([['tw-id', tw(letter)]]);
    expect(found('codice fiscale RSSMRA85L10L219W')).toEqual([['it-cf', 'RSSMRA85L10L219W']]);
  });

  it('the scheme and the kind are in the finding and its message', () => {
    const [finding] = ids('my aadhaar no is 2345 6789 0124');
    expect(finding).toMatchObject({ ruleId: 'pii/national-id', entity: 'national-id', scheme: 'in-aadhaar', message: 'Shares a national id number (Indian Aadhaar number).' });
    expect(finding!.explanation.matched).toBe('234567890124');
  });
});

/** A Taiwan id for a letter, with its check digit, from the generator's specification. */
function tw(letter: string): string {
  const random = seeded(letter.charCodeAt(0));
  for (;;) {
    const value = GENERATORS['tw-id']!(random);
    if (value.startsWith(letter)) return value;
  }
}

describe('hard negatives', () => {
  it.each([
    ['your order 20240518004712 has shipped'],
    ['order 12345678Z ships today'],
    ['tracking 1Z999AA10123456784 out for delivery'],
    ['FedEx tracking 7946 1234 5671 arrives Monday'],
    ['USPS 9400 1118 9922 3344 5566 77'],
    ['parcel RR123456789CN is in customs'],
    ['快递单号 SF1234567890123 显示已签收'],
    ['订单号 110105194912310021 已发货'],
    ['the invoice comes to ₹234567890124'],
    ['that is $123456789 in total'],
    ['model A123456789 is back in stock'],
    ['see 2345 6789 0124 on the back of the card'],
    ['batch 86095742719 passed'],
    ['SSN 000-12-3456 is not a real one'],
    ['use a fake one like 123-45-6789 for the demo'],
    ['ok 111222333 then'],
    ['room 130692544 is free'],
    ["the parcel's in 130 692 544, the locker"],
  ])('%s', (text) => {
    expect(ids(text).filter((f) => f.score >= 0.5)).toEqual([]);
  });

  it.each([
    ['call me 13812345678'],
    ['my number is +91 98765 43210'],
    ['ring 07911 123456 after 6'],
    ['+44 20 7946 0321 is the office'],
    ['(415) 555-0132 is my cell'],
    ['手机 138 1234 5678'],
  ])('a phone stays a phone: %s', (text) => {
    const findings = moderator.moderate(text).findings;
    expect(findings.filter((f) => f.entity === 'national-id')).toEqual([]);
    expect(findings.some((f) => f.entity === 'phone')).toBe(true);
  });

  it('an 11-digit mobile that happens to pass the Steuer-ID and CPF checks stays a phone', () => {
    const random = seeded(5);
    let tried = 0;
    for (let n = 0; n < 20000 && tried < 20; n++) {
      const mobile = `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
      if (ID_SCHEMES['de-steuer-id'].problem(mobile) !== undefined && ID_SCHEMES['br-cpf'].problem(mobile) !== undefined) continue;
      tried++;
      expect(found(`call me on ${mobile}`), mobile).toEqual([]);
    }
    expect(tried).toBeGreaterThan(5);
  });

  it('a keyword in another clause does not name the number', () => {
    expect(found('my NIN is private! call 12345678901')).toEqual([]);
    expect(found('call 12345678901, my NIN is on the form')).toEqual([]);
    expect(found('my NIN is 12345678901, call 08031234567 after 5')).toEqual([['ng-nin', '12345678901']]);
  });
});

describe("keywords are the policy author's", () => {
  it('an overrides file adds a word for a scheme, and takes one out', () => {
    const text = 'my identity slip says 12345678901';
    expect(found(text)).toEqual([]);
    const overrides = `
overrides: nigeria-words
description: Words our Nigerian users write for their NIN, and one we do not want.
lists:
  pii/national-id-keywords:
    add: { ng-nin: ['identity slip'] }
    remove: [nimc]
`;
    const tuned = createModerator({ ruleSets: ['pii'], overrides });
    const ours = (t: string) => tuned.moderate(t).findings.filter((f) => f.entity === 'national-id').map((f) => [f.scheme, f.text]);
    expect(ours(text)).toEqual([['ng-nin', '12345678901']]);
    expect(ours('nimc 12345678901')).toEqual([]);
    expect(found('nimc 12345678901')).toEqual([['ng-nin', '12345678901']]);
  });
});

describe('explain', () => {
  it('names the candidates it set aside and why', () => {
    const text = 'see 2345 6789 0123 and 2345 6789 0124';
    const views = createViews(text);
    const reasons = nationalIdDetector.explainRejected!({ text, views, options: {}, lists: piiLists }).map((r) => r.reason);
    expect(reasons).toContain('in-aadhaar: the Verhoeff check digit does not match');
    expect(reasons).toContain('in-aadhaar: Verhoeff check digit valid, but no keyword of the scheme names it');
  });
});
