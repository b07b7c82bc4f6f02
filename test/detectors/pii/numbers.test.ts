import { describe, expect, it } from 'vitest';
import { bankAccountDetector } from '../../../src/detectors/pii/bank-account.js';
import { cardDetector, cardIssuer } from '../../../src/detectors/pii/card.js';
import { isChineseResidentId, isIssuableSsn, nationalIdDetector } from '../../../src/detectors/pii/national-id.js';
import { hasDigitRun } from '../../../src/detectors/pii/numbers.js';
import { run, texts } from './helpers.js';

describe('card detector', () => {
  it.each([
    ['visa 4111 1111 1111 1111', '4111 1111 1111 1111'],
    ['mc 5105-1051-0510-5100 exp 10/27', '5105-1051-0510-5100'],
    ['amex 3714 496353 98431', '3714 496353 98431'],
    ['card 6011000990139424 please', '6011000990139424'],
    ['jcb 3530111333300000', '3530111333300000'],
    ['4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 is the card', '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1'],
    ['４１１１ １１１１ １１１１ １１１１', '４１１１ １１１１ １１１１ １１１１'],
  ])('finds %s', (text, expected) => expect(texts(cardDetector, text)).toEqual([expected]));

  it.each([
    ['4111 1111 1111 1112 fails Luhn'],
    ['IMEI 356938035643809'],
    ['card ending 4242'],
    ['4111 **** **** 1111'],
    ['9111 1111 1111 1111 has no issuer'],
    ['+44 (0) 7911 123456'],
    ['转到我的卡 6228 4804 0256 4890 018'],
  ])('finds no card in %s', (text) => expect(texts(cardDetector, text)).toEqual([]));

  it.each([
    ['4111111111111111', 'Visa'],
    ['378282246310005', 'American Express'],
    ['5105105105105100', 'Mastercard'],
    ['2221000000000009', 'Mastercard'],
    ['6212345678901234', 'UnionPay'],
    ['37828224631000', undefined],
  ])('the issuer of %s is %s', (digits, issuer) => expect(cardIssuer(digits)).toBe(issuer));
});

describe('bank-account detector', () => {
  it.each([
    ['IBAN GB82 WEST 1234 5698 7654 32 and thanks', 'GB82 WEST 1234 5698 7654 32'],
    ['de89370400440532013000', 'de89370400440532013000'],
    ['iban: NL91 ABNA 0417 1643 00', 'NL91 ABNA 0417 1643 00'],
    ['sort code 40-47-84 acc 12345678', '40-47-84 acc 12345678'],
    ['routing 011000015', '011000015'],
    ['acct no. 000123456789', '000123456789'],
    ['收款账号 6222 0212 3456 7890 128', '6222 0212 3456 7890 128'],
    ['钱打我卡上，6217001234567890123', '6217001234567890123'],
  ])('finds %s', (text, expected) => expect(texts(bankAccountDetector, text)).toContain(expected));

  it.each([
    ['GB82 WEST 1234 5698 7654 33'],
    ['routing 123456789'],
    ['order 6222021234567890128'],
    ['卡号后四位 0128，尾号 4567'],
  ])('finds no account in %s', (text) => expect(texts(bankAccountDetector, text)).toEqual([]));
});

describe('national-id detector', () => {
  it.each([
    ['ssn 123-45-6789', '123-45-6789'],
    ['SSN 123456789', '123456789'],
    ['social security number: 529 18 4420', '529 18 4420'],
    ['身份证 11010519491231002X', '11010519491231002X'],
    ['身份证号：440106199205183426', '440106199205183426'],
  ])('finds %s', (text, expected) => expect(texts(nationalIdDetector, text)).toEqual([expected]));

  // Right after "ssn" or 身份证 a number outside the issued ranges, or with a wrong check
  // character, was still typed as someone's id: reported, lower.
  it.each([
    ['ssn 000-12-3456', '000-12-3456'],
    ['ssn 666-12-3456', '666-12-3456'],
    ['ssn 912-12-3456', '912-12-3456'],
    ['ssn 123-00-3456', '123-00-3456'],
    ['ssn 123-45-0000', '123-45-0000'],
    ['身份证 440106199205183427', '440106199205183427'],
  ])('reports %s lower', (text, expected) => expect(run(nationalIdDetector, text)).toEqual([{ text: expected, score: 0.55, entity: 'national-id' }]));

  it.each([
    ['000-12-3456 is on the form'],
    ['666-12-3456 is on the form'],
    ['call 123456789 now'],
    ['440106199205183427'],
    ['单号 990106199205183426'],
    ['id 440106199213183426'],
  ])('finds no id in %s', (text) => expect(texts(nationalIdDetector, text)).toEqual([]));

  it.each([
    ['123456789', true],
    ['078051120', false],
    ['900123456', false],
  ])('isIssuableSsn(%s) is %s', (digits, expected) => expect(isIssuableSsn(digits)).toBe(expected));

  it('rejects resident ids born after the given year', () => {
    expect(isChineseResidentId('11010519491231002X', 2030)).toBe(true);
    expect(isChineseResidentId('11010519491231002X', 1940)).toBe(false);
  });
});

describe('hasDigitRun', () => {
  it.each([
    ['call 415 555 0132', true],
    ['four one five five five five zero', true],
    ['一三八零零一三八', true],
    ['①③⑧①②③④', true],
    ['3 min away, 2 bags', false],
    ['see you at one, ok?', false],
  ])('%s → %s', (text, expected) => expect(hasDigitRun(text)).toBe(expected));
});
