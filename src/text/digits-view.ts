import { classOf, isCjk, isHighSurrogate, isLowerAsciiLetter, isLowSurrogate, isMiddleDot, LETTER, SPACE } from './char-class.js';
import { CHINESE_DIGITS, decimalValue, ENCLOSED_DIGITS, splitDigitWords } from './numerals.js';
import type { TextView } from './types.js';
import { ViewBuilder } from './view-builder.js';

/** An ASCII, other-script or enclosed digit: a digit whatever surrounds it. */
const DIGIT = 0;
/** A Chinese numeral: a digit only among at least three numerals or digits. */
const CHINESE = 1;
/** An English digit word (`five`, or `double five` once merged): a digit beside another one. */
const WORD = 2;
/** `o` / `oh`: a digit beside another digit, never on its own or beside only its kind. */
const WEAK_WORD = 3;
/** `o`, `l`, `i` written inside a number (`O7700`, `l23`). */
const LOOKALIKE = 4;
/** `double` / `triple`, waiting for the digit it repeats. */
const REPEAT = 5;

/** The longest separator run that still joins two digits (`555 - 1234`). */
const MAX_GAP = 3;

function isSeparator(unit: number, comma: boolean): boolean {
  if (unit < 0x80) {
    return (
      unit === 0x20 ||
      unit === 0x09 ||
      unit === 0x2d ||
      unit === 0x2e ||
      unit === 0x28 ||
      unit === 0x29 ||
      unit === 0x2f ||
      unit === 0x5f ||
      unit === 0x7e ||
      (comma && unit === 0x2c)
    );
  }
  return (classOf(unit) & SPACE) !== 0 || isMiddleDot(unit) || (unit >= 0x2010 && unit <= 0x2015) || unit === 0x2212;
}

/** Digit candidates found in the plain text, in order, as parallel arrays. */
class Elements {
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly kind: number[] = [];
  /** How many digits the element counts for when deciding whether a group is a number. */
  readonly weight: number[] = [];
  readonly outFrom: number[] = [];
  readonly outTo: number[] = [];

  add(start: number, end: number, kind: number, weight: number, outFrom: number, outTo: number): void {
    this.start.push(start);
    this.end.push(end);
    this.kind.push(kind);
    this.weight.push(weight);
    this.outFrom.push(outFrom);
    this.outTo.push(outTo);
  }

  get length(): number {
    return this.kind.length;
  }
}

/** Output digits of all elements: the ASCII digit and the plain units `[first, last]` it maps to. */
class Digits {
  readonly code: number[] = [];
  readonly first: number[] = [];
  readonly last: number[] = [];

  add(code: number, first: number, last: number): number {
    this.code.push(code);
    this.first.push(first);
    this.last.push(last);
    return this.code.length;
  }

  get length(): number {
    return this.code.length;
  }
}

function isAsciiDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

/** True when plain unit `i` is a digit that needs no context (ASCII, other script, enclosed). */
function isPlainDigitAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const unit = text.charCodeAt(i);
  if (isAsciiDigit(unit)) return true;
  if (unit < 0x80) return false;
  if (isLowSurrogate(unit) && i > 0) return ENCLOSED_DIGITS.has(text.codePointAt(i - 1)!);
  return decimalValue(unit) >= 0 || ENCLOSED_DIGITS.has(text.codePointAt(i)!);
}

function isSixLetters(text: string, i: number, word: string): boolean {
  for (let k = 0; k < 6; k++) if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Finds the digit candidates of one run of ASCII letters `[i, j)`. */
function scanLetters(text: string, i: number, j: number, elements: Elements, digits: Digits): void {
  // A digit word glued to another script's letters is part of a longer word (`fiveж`).
  const before = i > 0 ? text.charCodeAt(i - 1) : 0;
  const after = j < text.length ? text.charCodeAt(j) : 0;
  if (before >= 0x80 && (classOf(before) & LETTER) !== 0 && !isCjk(before)) return;
  if (after >= 0x80 && (classOf(after) & LETTER) !== 0 && !isCjk(after)) return;
  if (j - i === 6 && (isSixLetters(text, i, 'double') || isSixLetters(text, i, 'triple'))) {
    elements.add(i, j, REPEAT, text.charCodeAt(i) === 0x64 ? 2 : 3, 0, 0);
    return;
  }
  const words = splitDigitWords(text, i, j);
  if (words) {
    for (const word of words) {
      const from = digits.length;
      digits.add(0x30 + word.digit, word.start, word.end - 1);
      elements.add(word.start, word.end, word.weak ? WEAK_WORD : WORD, 1, from, from + 1);
    }
    return;
  }
  if (!isPlainDigitAt(text, i - 1) && !isPlainDigitAt(text, j)) return;
  for (let k = i; k < j; k++) {
    const unit = text.charCodeAt(k);
    if (unit !== 0x6f && unit !== 0x6c && unit !== 0x69) return;
  }
  for (let k = i; k < j; k++) {
    const from = digits.length;
    digits.add(text.charCodeAt(k) === 0x6f ? 0x30 : 0x31, k, k);
    elements.add(k, k + 1, LOOKALIKE, 1, from, from + 1);
  }
}

function scan(text: string): { elements: Elements; digits: Digits } {
  const elements = new Elements();
  const digits = new Digits();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (isAsciiDigit(unit)) {
      const from = digits.add(unit, i, i) - 1;
      elements.add(i, i + 1, DIGIT, 1, from, from + 1);
      i++;
    } else if (isLowerAsciiLetter(unit)) {
      let j = i + 1;
      while (j < n && isLowerAsciiLetter(text.charCodeAt(j))) j++;
      scanLetters(text, i, j, elements, digits);
      i = j;
    } else if (unit < 0x80) {
      i++;
    } else {
      const width = isHighSurrogate(unit) && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      const chinese = CHINESE_DIGITS.get(unit);
      const enclosed = chinese === undefined ? ENCLOSED_DIGITS.get(width === 2 ? text.codePointAt(i)! : unit) : undefined;
      const value = width === 1 && chinese === undefined && enclosed === undefined ? decimalValue(unit) : -1;
      const from = digits.length;
      if (chinese !== undefined) {
        digits.add(0x30 + chinese, i, i);
        elements.add(i, i + 1, CHINESE, 1, from, from + 1);
      } else if (enclosed !== undefined) {
        for (let k = 0; k < enclosed.length; k++) digits.add(enclosed.charCodeAt(k), i, i + width - 1);
        elements.add(i, i + width, DIGIT, enclosed.length, from, digits.length);
      } else if (value >= 0) {
        digits.add(0x30 + value, i, i);
        elements.add(i, i + 1, DIGIT, 1, from, from + 1);
      }
      i += width;
    }
  }
  return { elements, digits };
}

function isSpelled(kind: number): boolean {
  return kind === WORD || kind === WEAK_WORD || kind === REPEAT;
}

/** True when plain text `[from, to)` is a separator run short enough to sit inside a number. */
function isGap(text: string, from: number, to: number, comma: boolean): boolean {
  if (to - from > MAX_GAP) return false;
  for (let k = from; k < to; k++) if (!isSeparator(text.charCodeAt(k), comma)) return false;
  return true;
}

/** Merges `double X` / `triple X` into one element that repeats X's digit. */
function mergeRepeats(text: string, found: Elements, digits: Digits): Elements {
  const merged = new Elements();
  const count = found.length;
  for (let e = 0; e < count; e++) {
    const kind = found.kind[e]!;
    if (kind !== REPEAT) {
      merged.add(found.start[e]!, found.end[e]!, kind, found.weight[e]!, found.outFrom[e]!, found.outTo[e]!);
      continue;
    }
    const next = e + 1;
    if (next >= count || found.kind[next] === REPEAT || found.outTo[next]! - found.outFrom[next]! !== 1) continue;
    if (!isGap(text, found.end[e]!, found.start[next]!, true)) continue;
    const times = found.weight[e]!;
    const code = digits.code[found.outFrom[next]!]!;
    const from = digits.length;
    // Every repeated digit maps to the whole phrase: no part of `double five` is one digit alone.
    for (let t = 0; t < times; t++) digits.add(code, found.start[e]!, found.end[next]! - 1);
    merged.add(found.start[e]!, found.end[next]!, WORD, times, from, digits.length);
    e = next;
  }
  return merged;
}

/**
 * Decides which candidates are digits: each group of candidates joined by short separator
 * runs must look like a number as a whole (three Chinese numerals, two spelled digits).
 */
function validate(text: string, elements: Elements, valid: Uint8Array, group: Int32Array): void {
  const count = elements.length;
  let g = 0;
  while (g < count) {
    let h = g + 1;
    while (h < count) {
      const comma = isSpelled(elements.kind[h - 1]!) || isSpelled(elements.kind[h]!);
      if (!isGap(text, elements.end[h - 1]!, elements.start[h]!, comma)) break;
      h++;
    }
    let digitCount = 0;
    let chinese = 0;
    let words = 0;
    let strongWords = 0;
    let lookalikes = 0;
    for (let e = g; e < h; e++) {
      const weight = elements.weight[e]!;
      switch (elements.kind[e]) {
        case DIGIT:
          digitCount += weight;
          break;
        case CHINESE:
          chinese += weight;
          break;
        case WORD:
          words += weight;
          strongWords += weight;
          break;
        case WEAK_WORD:
          words += weight;
          break;
        default:
          lookalikes += weight;
      }
    }
    const chineseOk = chinese === 0 || chinese + digitCount >= 3;
    const total = digitCount + lookalikes + words + (chineseOk ? chinese : 0);
    const wordsOk = words === 0 || total >= 2;
    const strong = digitCount + (chineseOk ? chinese : 0) + (wordsOk ? strongWords : 0);
    for (let e = g; e < h; e++) {
      group[e] = g;
      switch (elements.kind[e]) {
        case DIGIT:
          valid[e] = 1;
          break;
        case CHINESE:
          valid[e] = chineseOk ? 1 : 0;
          break;
        case LOOKALIKE:
          valid[e] = digitCount > 0 ? 1 : 0;
          break;
        default:
          valid[e] = wordsOk && strong > 0 ? 1 : 0;
      }
    }
    g = h;
  }
}

/**
 * Creates the digits view from a plain view: numbers written in any form (full-width, circled,
 * Chinese numerals, spelled-out English, `O`/`l` for 0/1) become ASCII digits, and separators
 * inside a number are dropped so `138 1234-5678` reads `13812345678`. Other text is unchanged.
 */
export function createDigitsView(plain: TextView): TextView {
  const text = plain.text;
  const n = text.length;
  const plainStarts = plain.starts;
  const plainEnds = plain.ends;
  const found = scan(text);
  const digits = found.digits;
  const elements = mergeRepeats(text, found.elements, digits);
  const count = elements.length;
  const valid = new Uint8Array(count);
  const group = new Int32Array(count);
  validate(text, elements, valid, group);
  // No number at all (the usual case): the view is the plain view, maps and all.
  if (valid.indexOf(1) === -1) return { name: 'digits', text, starts: plainStarts, ends: plainEnds };
  const out = new ViewBuilder(n);
  let e = 0;
  let i = 0;
  while (i < n) {
    if (e < count && i === elements.start[e]) {
      const current = e++;
      if (valid[current] === 1) {
        for (let d = elements.outFrom[current]!; d < elements.outTo[current]!; d++) {
          out.push(digits.code[d]!, plainStarts[digits.first[d]!]!, plainEnds[digits.last[d]!]!);
        }
        i = elements.end[current]!;
        if (e < count && valid[e] === 1 && group[e] === group[current]) i = elements.start[e]!;
        continue;
      }
    }
    out.push(text.charCodeAt(i), plainStarts[i]!, plainEnds[i]!);
    i++;
  }
  return out.finish('digits');
}
