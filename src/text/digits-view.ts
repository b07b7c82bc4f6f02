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

/**
 * `outFrom` of an element whose code units are digits one for one (a run of ASCII or other-script
 * decimal digits, or of Chinese numerals): its digits are read off the text, not stored.
 */
const DIRECT = -1;

/**
 * Digit candidates found in the plain text, in order, as parallel typed arrays that double when
 * full. A run of digits is one element, so a long number costs a few bytes, not an object or
 * an array slot per digit (4 MB of digits took a gigabyte of heap as arrays of numbers).
 */
class Elements {
  start = new Int32Array(16);
  end = new Int32Array(16);
  kind = new Uint8Array(16);
  /** How many digits the element counts for when deciding whether a group is a number. */
  weight = new Int32Array(16);
  /** The element's digits in {@link Digits}, or {@link DIRECT}. */
  outFrom = new Int32Array(16);
  outTo = new Int32Array(16);
  length = 0;

  add(start: number, end: number, kind: number, weight: number, outFrom: number, outTo: number): void {
    if (this.length === this.kind.length) this.grow();
    const at = this.length++;
    this.start[at] = start;
    this.end[at] = end;
    this.kind[at] = kind;
    this.weight[at] = weight;
    this.outFrom[at] = outFrom;
    this.outTo[at] = outTo;
  }

  /** Extends the last element, a direct run, by one code unit. */
  extend(): void {
    const last = this.length - 1;
    this.end[last]!++;
    this.weight[last]!++;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    this.start = copyOf(this.start, new Int32Array(size));
    this.end = copyOf(this.end, new Int32Array(size));
    this.kind = copyOf(this.kind, new Uint8Array(size));
    this.weight = copyOf(this.weight, new Int32Array(size));
    this.outFrom = copyOf(this.outFrom, new Int32Array(size));
    this.outTo = copyOf(this.outTo, new Int32Array(size));
  }
}

/** Output digits of the elements that are not direct: the ASCII digit and the plain units `[first, last]` it maps to. */
class Digits {
  code = new Uint16Array(16);
  first = new Int32Array(16);
  last = new Int32Array(16);
  length = 0;

  add(code: number, first: number, last: number): number {
    if (this.length === this.code.length) {
      const size = this.length * 2;
      this.code = copyOf(this.code, new Uint16Array(size));
      this.first = copyOf(this.first, new Int32Array(size));
      this.last = copyOf(this.last, new Int32Array(size));
    }
    const at = this.length++;
    this.code[at] = code;
    this.first[at] = first;
    this.last[at] = last;
    return this.length;
  }
}

function copyOf<T extends Int32Array | Uint16Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The ASCII digit a code unit of a direct element stands for. */
function directDigit(unit: number): number {
  if (unit < 0x80) return unit;
  const chinese = CHINESE_DIGITS.get(unit);
  return 0x30 + (chinese ?? decimalValue(unit));
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

function scan(text: string): { elements: Elements; digits: Digits; repeats: boolean } {
  const elements = new Elements();
  const digits = new Digits();
  const n = text.length;
  let repeats = false;
  // The kind of the direct run that ends at `i`, or -1: a digit right after it joins it.
  let runKind = -1;
  let runEnd = -1;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    let kind = -1;
    if (isAsciiDigit(unit)) kind = DIGIT;
    else if (isLowerAsciiLetter(unit)) {
      let j = i + 1;
      while (j < n && isLowerAsciiLetter(text.charCodeAt(j))) j++;
      const before = elements.length;
      scanLetters(text, i, j, elements, digits);
      if (elements.length > before && elements.kind[elements.length - 1] === REPEAT) repeats = true;
      i = j;
      continue;
    } else if (unit < 0x80) {
      i++;
      continue;
    } else {
      const width = isHighSurrogate(unit) && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      const enclosed = CHINESE_DIGITS.has(unit) ? undefined : ENCLOSED_DIGITS.get(width === 2 ? text.codePointAt(i)! : unit);
      if (CHINESE_DIGITS.has(unit)) kind = CHINESE;
      else if (enclosed !== undefined) {
        const from = digits.length;
        for (let k = 0; k < enclosed.length; k++) digits.add(enclosed.charCodeAt(k), i, i + width - 1);
        elements.add(i, i + width, DIGIT, enclosed.length, from, digits.length);
        i += width;
        continue;
      } else if (width === 1 && decimalValue(unit) >= 0) kind = DIGIT;
      else {
        i += width;
        continue;
      }
    }
    // A digit or numeral of one code unit: it extends the run it touches, unless that run is
    // one `double` or `triple` waits for, which must repeat exactly one digit.
    const last = elements.length - 1;
    if (runKind === kind && runEnd === i && !(last > 0 && elements.kind[last - 1] === REPEAT && elements.weight[last] === 1)) elements.extend();
    else elements.add(i, i + 1, kind, 1, DIRECT, DIRECT);
    runKind = kind;
    runEnd = ++i;
  }
  return { elements, digits, repeats };
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

/** How many digits element `e` stands for. */
function digitCount(elements: Elements, e: number): number {
  const from = elements.outFrom[e]!;
  return from === DIRECT ? elements.end[e]! - elements.start[e]! : elements.outTo[e]! - from;
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
    if (next >= count || found.kind[next] === REPEAT || digitCount(found, next) !== 1) continue;
    if (!isGap(text, found.end[e]!, found.start[next]!, true)) continue;
    const times = found.weight[e]!;
    const nextFrom = found.outFrom[next]!;
    const code = nextFrom === DIRECT ? directDigit(text.charCodeAt(found.start[next]!)) : digits.code[nextFrom]!;
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
  // Most texts have no `double` or `triple`: then there is nothing to merge.
  const elements = found.repeats ? mergeRepeats(text, found.elements, digits) : found.elements;
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
        if (elements.outFrom[current] === DIRECT) {
          for (let k = i; k < elements.end[current]!; k++) out.push(directDigit(text.charCodeAt(k)), plainStarts[k]!, plainEnds[k]!);
        }
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

/**
 * The digits view's text with each digit the view read from a look-alike letter (`O`, `l`, `I`
 * inside a number) written as that letter again, in lower case: same length, same maps. Ids that
 * mix letters and digits need their letters (a codice fiscale born in July has an `L` between
 * digits, an NRIC may end in `I`), while phone numbers want the digits.
 */
export function readLettersBack(view: TextView, original: string): string {
  const text = view.text;
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit !== 0x30 && unit !== 0x31) continue;
    const from = view.starts[i]!;
    const to = view.ends[i]!;
    // A digit written as a digit, or spelled as a word (`one` maps to three units), stays.
    if (original.charCodeAt(from) === unit || to - from > 2) continue;
    const letter = original.slice(from, to).normalize('NFKC').toLowerCase();
    if (letter !== 'o' && letter !== 'l' && letter !== 'i') continue;
    (out ??= text.split(''))[i] = letter;
  }
  return out ? out.join('') : text;
}
