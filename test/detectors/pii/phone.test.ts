import { describe, expect, it } from 'vitest';
import { phoneDetector } from '../../../src/detectors/pii/phone.js';
import { run, texts } from './helpers.js';

describe('phone detector', () => {
  it.each([
    ['call 020 7946 0321 today', '020 7946 0321'],
    ['my cell (415) 555-0132', '(415) 555-0132'],
    ['text 415.555.0132 later', '415.555.0132'],
    ['+1 415 555 0132 is mine', '+1 415 555 0132'],
    ['+44 (0) 7911 123456', '+44 (0) 7911 123456'],
    ['0044 7911 123456 from abroad', '0044 7911 123456'],
    ['手机13800138000', '13800138000'],
    ['手机 138 0013 8000', '138 0013 8000'],
    ['电话１３８００１３８０００', '１３８００１３８０００'],
    ['电话一三八零零一三八零零零', '一三八零零一三八零零零'],
    ['电话幺三八 零零幺三 八零零零', '幺三八 零零幺三 八零零零'],
    ['call ❶❸❽⓿⓿❶❸❽⓿⓿⓿', '❶❸❽⓿⓿❶❸❽⓿⓿⓿'],
    ['four one five, five five five, zero one three two', 'four one five, five five five, zero one three two'],
    ['4one5-5five5-0one3two', '4one5-5five5-0one3two'],
    ['plus four four seven nine one one one two three four five six', 'plus four four seven nine one one one two three four five six'],
    ['wa.me/447911123456', '447911123456'],
    ['0412 345 678', '0412 345 678'],
  ])('finds the whole number in %s', (text, expected) => {
    expect(texts(phoneDetector, text)).toEqual([expected]);
  });

  it.each([
    ['order 2024051800471 shipped'],
    ['tracking 1Z999AA10123456784'],
    ['hotline 400-820-8820'],
    ['toll free 1-800-555-0199'],
    ['0800 123 4567 is free to call'],
    ['call 10086 or 911'],
    ['$1,234,567.00 total'],
    ['2025-09-14 23:56 log line'],
    ['on 03/14/1991 we met'],
    ['v2.14.3 is out'],
    ['138****5678 is masked'],
    ['jenny13800138000@qq.com'],
    ['QQ号 2847196305'],
    ['ssn 529 18 4420'],
  ])('finds no phone in %s', (text) => {
    expect(texts(phoneDetector, text)).toEqual([]);
  });

  it('scores a validated number above one that is only possible', () => {
    const [valid] = run(phoneDetector, 'call 020 7946 0321');
    const [possible] = run(phoneDetector, 'call +44 7700 900417');
    expect(valid!.score).toBeGreaterThan(possible!.score!);
    expect(possible!.score).toBeLessThan(0.5);
  });

  it('tries only the regions it is given for numbers without a country code', () => {
    expect(texts(phoneDetector, 'ring 0412 345 678', { regions: ['US'] })).toEqual([]);
    expect(texts(phoneDetector, 'ring 0412 345 678', { regions: ['AU'] })).toEqual(['0412 345 678']);
  });
});
