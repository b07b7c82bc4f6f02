import { describe, expect, it } from 'vitest';
import { abaRouting, chineseIdCheckChar, ibanMod97, isDate, luhn } from '../../../src/detectors/pii/checks.js';

describe('checksums', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['378282246310005', true],
    ['79927398713', true],
    ['79927398710', false],
    ['', false],
    ['12a4', false],
  ])('luhn(%s) is %s', (digits, expected) => expect(luhn(digits)).toBe(expected));

  it.each([
    ['GB82WEST12345698765432', true],
    ['GB82WEST12345698765433', false],
    ['DE89370400440532013000', true],
    ['NL91ABNA0417164300', true],
    ['FR1420041010050500013M02606', true],
    ['FR1420041010050500013M02607', false],
  ])('ibanMod97(%s) is %s', (iban, expected) => expect(ibanMod97(iban)).toBe(expected));

  it.each([
    ['011000015', true],
    ['021000021', true],
    ['021000022', false],
    ['123456789', false],
    ['99100001x', false],
  ])('abaRouting(%s) is %s', (digits, expected) => expect(abaRouting(digits)).toBe(expected));

  it.each([
    ['11010519491231002', 'X'],
    ['44010619920518342', '6'],
  ])('the Chinese id check character of %s is %s', (first17, expected) => expect(chineseIdCheckChar(first17)).toBe(expected));

  it.each([
    ['19920518', true],
    ['20000229', true],
    ['19000229', false],
    ['20231301', false],
    ['20230431', false],
    ['18991231', false],
    ['21000101', false],
  ])('isDate(%s) is %s', (date, expected) => expect(isDate(date, 2099)).toBe(expected));
});
