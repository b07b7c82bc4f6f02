import { splitDigitWords } from '../../text/numerals.js';
import type { TextView } from '../../text/types.js';

/** A run of ASCII digits in the digits view, where every way of writing a number ended up. */
export interface DigitRun {
  /** Digits-view offsets of the digits (a leading `+` not included). */
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

const RUN = /\d+/g;

/**
 * Runs of at least `min` digits in the digits view that stand alone: not glued to letters
 * (`1z999aa10123456784`, `jenny13812345678`), nor part of an email address.
 */
export function digitRuns(view: TextView, min: number, max: number): DigitRun[] {
  const text = view.text;
  const out: DigitRun[] = [];
  RUN.lastIndex = 0;
  for (const match of text.matchAll(RUN)) {
    const digits = match[0];
    if (digits.length < min || digits.length > max) continue;
    const start = match.index;
    const end = start + digits.length;
    if (isGlued(text.charCodeAt(start - 1)) || isGlued(text.charCodeAt(end))) continue;
    // A code with a prefix (HL-0893-75964, CS-2726387, order#12345678) is a reference; after a
    // `/` the digits may be a link's (wa.me/447…), so that is left to the detectors.
    if (/[-_#]/.test(text[start - 1] ?? '') && /[a-z]/i.test(text[start - 2] ?? '')) continue;
    out.push({ start, end, digits });
  }
  return out;
}

function isGlued(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || unit === 0x40 || unit === 0x5f;
}

/** The original text a digits-view span came from. */
export function originalOf(view: TextView, original: string, start: number, end: number): string {
  if (end <= start) return '';
  return original.slice(view.starts[start]!, view.ends[end - 1]!);
}

// Shapes a number's written form takes when it is not personal data, whatever its digits.
const DATE = /^\d{1,4}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{1,4}$/;
const DATE_START = /^(?:19|20)\d{2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{1,2}(?!\d)/;
const TIME = /^\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/;
const DECIMAL_MONEY = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d{2}$/;
const VERSION = /^\d{1,2}(?:\.\d{1,3}){2,}$/;

/** True when a number as written is a date, a time, an amount or a version, not an identifier. */
export function looksLikeQuantity(written: string, before: string, after: string): boolean {
  const w = written.trim();
  if (DATE.test(w) || DATE_START.test(w) || TIME.test(w) || DECIMAL_MONEY.test(w) || VERSION.test(w)) return true;
  // A time after the number: `2018-09-14 23:56` read on as one run of digits.
  if (/^\s?[:：]\d{2}/.test(after)) return true;
  if (/[$€£¥￥₹]\s?$/.test(before) || /(?:usd|rmb|eur|gbp)\s?$/i.test(before)) return true;
  if (/^\s?(?:%|元|块|塊|美元|英镑|欧元|万|usd|rmb|eur|dollars?|bucks|quid|kg|km|mb|gb)/i.test(after)) return true;
  if (/(?:^|[^a-z])v\s?$/i.test(before)) return true;
  return false;
}

let lastText: string | undefined;
let lastResult = false;

/**
 * Cheap test shared by the number detectors: could the message hold a number of seven digits
 * or more, in any form the digits view reads (digits of any width, Chinese and circled numerals,
 * digit words, `O`/`l` for 0/1), with short separator runs between them? One pass, no regex.
 */
export function hasDigitRun(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastResult = scanDigitRun(text);
  }
  return lastResult;
}

function scanDigitRun(text: string): boolean {
  let run = 0;
  let gap = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const unit = text.charCodeAt(i);
    const lower = unit | 0x20;
    if (lower >= 0x61 && lower <= 0x7a) {
      let j = i + 1;
      while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
      // Most words cannot be digit words: look at the word only when its first letter could start one.
      const words = DIGIT_WORD_START.has(lower) ? spelledDigits(text, i, j) : 0;
      if (words > 0) {
        run += words;
        gap = 0;
        if (run >= 7) return true;
      } else {
        run = 0;
      }
      i = j - 1;
    } else if (isNumeral(unit)) {
      run++;
      gap = 0;
      if (run >= 7) return true;
    } else if (run > 0 && gap < 3 && isRunSeparator(unit)) {
      gap++;
    } else {
      run = 0;
      gap = 0;
    }
  }
  return false;
}

function isAsciiLetter(unit: number): boolean {
  const lower = unit | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

// First letters of the digit words (zero, one, two, …, oh, double) and of the look-alikes l and i.
const DIGIT_WORD_START = new Set(Array.from('zotfsendli', (ch) => ch.charCodeAt(0)));

/** Digit words by length, for comparing in place without slicing the message. */
const WORDS_BY_LENGTH: readonly (readonly string[])[] = [[], ['o', 'l', 'i'], ['oh'], ['one', 'two', 'six'], ['zero', 'four', 'five', 'nine'], ['three', 'seven', 'eight'], ['double', 'triple']];

/** How many digits `text[start, end)` spells (`five` 1, `fivefive` 2, `l`/`o` 1), or 0. */
function spelledDigits(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < WORDS_BY_LENGTH.length) {
    for (const word of WORDS_BY_LENGTH[length]!) if (sameLetters(text, start, word)) return word === 'triple' ? 2 : 1;
  }
  // Only a word made of digit words (`fivefive`) is worth splitting.
  if (length < 6 || length > 48 || !WORDS_BY_LENGTH.some((words) => words.some((w) => w.length >= 3 && sameLetters(text, start, w)))) return 0;
  return splitDigitWords(text.slice(start, end).toLowerCase(), 0, length)?.length ?? 0;
}

function sameLetters(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(start + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

function isNumeral(unit: number): boolean {
  return (
    (unit >= 0x30 && unit <= 0x39) ||
    (unit >= 0xff10 && unit <= 0xff19) ||
    (unit >= 0x2460 && unit <= 0x2473) ||
    (unit >= 0x24eb && unit <= 0x24ff) ||
    (unit >= 0x2776 && unit <= 0x2793) ||
    CJK_NUMERALS.has(unit)
  );
}

const CJK_NUMERALS = new Set(Array.from('一二三四五六七八九零〇幺两', (ch) => ch.charCodeAt(0)));

function isRunSeparator(unit: number): boolean {
  return (
    unit === 0x20 || unit === 0x2c || unit === 0x2e || unit === 0x28 || unit === 0x29 || unit === 0x2d || unit === 0x2f ||
    unit === 0x5f || unit === 0x7e || unit === 0x2a || unit === 0xb7 || unit === 0x09 || unit === 0xa0 || unit === 0x3000 ||
    (unit >= 0x2010 && unit <= 0x2015)
  );
}
