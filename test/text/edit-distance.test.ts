import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, levenshtein } from '../../src/text/edit-distance.js';

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['ab', 'ba', 2],
    ['abcd', 'acbd', 2],
    ['messsage', 'message', 1],
    ['gumbo', 'gambol', 2],
    ['微信', '薇信', 1],
    ['😀', '😁', 1],
  ])('%j → %j is %i', (source, target, distance) => {
    expect(levenshtein(source, target)).toBe(distance);
    expect(levenshtein(target, source)).toBe(distance);
  });
});

describe('damerauLevenshtein', () => {
  it.each([
    ['', '', 0],
    ['', 'ab', 2],
    ['ab', 'ba', 1],
    ['abcd', 'acbd', 1],
    ['wechat', 'wehcat', 1],
    ['instagram', 'instagarm', 1],
    ['kitten', 'sitting', 3],
    // Unrestricted: the swapped pair may be edited again (optimal string alignment says 3).
    ['ca', 'abc', 2],
    ['abc', 'ca', 2],
    // A doubled letter is one insertion. natural's distance, used before, returned 0 for these.
    ['aa', 'aaa', 1],
    ['xa', 'xaa', 1],
    ['whatsap', 'whatsaap', 1],
    ['abcdef', 'badcfe', 3],
    ['微信', '信微', 1],
  ])('%j → %j is %i', (source, target, distance) => {
    expect(damerauLevenshtein(source, target)).toBe(distance);
  });
});
