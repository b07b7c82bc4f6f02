import {
  classOf,
  DIGIT,
  isCjk,
  isHighSurrogate,
  isLowSurrogate,
  isMaskChar,
  isMiddleDot,
  LATIN,
  LETTER,
  NEWLINE,
  SPACE,
  SYMBOL,
} from './char-class.js';
import { CONFUSABLES, WEAK_CONFUSABLE } from './confusables.js';
import { createPlainView, originalTextOf } from './plain-view.js';
import type { SkeletonView, TextView } from './types.js';
import { allocate } from './slab.js';
import { unitsToString } from './view-builder.js';

const ALNUM = LETTER | DIGIT;
const MAX_RUN = 0xffff;

/** Working buffers for one message: 21 bytes per code unit. */
interface Scratch {
  size: number;
  units: Uint16Array;
  dropped: Uint8Array;
  breaks: Uint8Array;
  kept: Int32Array;
  out: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  runs: Uint16Array;
  outBreaks: Uint8Array;
}

function createScratch(size: number): Scratch {
  return {
    size,
    units: new Uint16Array(size),
    dropped: new Uint8Array(size),
    breaks: new Uint8Array(size),
    kept: new Int32Array(size),
    out: new Uint16Array(size),
    starts: new Int32Array(size),
    ends: new Int32Array(size),
    runs: new Uint16Array(size),
    outBreaks: new Uint8Array(size),
  };
}

/**
 * Working buffers reused from one message to the next: views are built synchronously and these
 * never outlive the call, so one set per thread serves every message. Allocating them per
 * message cost a dozen off-heap typed arrays each time, which showed in GC time and in how
 * well scanning scales across worker threads.
 */
let shared = createScratch(0);

/**
 * The shared buffers stop growing here (1.3 MB): a longer message gets buffers of its own, so
 * one very long message does not hold 21 bytes per unit of it for the rest of the process.
 */
const SHARED_LIMIT = 64 * 1024;

function reserve(n: number): Scratch {
  if (n > SHARED_LIMIT) return createScratch(n);
  if (n > shared.size) shared = createScratch(Math.min(SHARED_LIMIT, Math.max(256, n, shared.size * 2)));
  return shared;
}

/**
 * Creates the skeleton view from a plain view: homoglyphs and leetspeak mapped to Latin letters,
 * spaced-out letters rejoined, punctuation inside words dropped (with a break) and repeated
 * letters collapsed. Its maps point into the original text the plain view was made from;
 * `source` is that text (found from the plain view when `createPlainView` made it).
 */
export function createSkeletonView(plain: TextView, source?: string): SkeletonView {
  const text = plain.text;
  const n = text.length;
  const original = source ?? originalTextOf(plain);
  const buffers = reserve(n);
  const units = buffers.units.subarray(0, n);
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const unit = text.charCodeAt(i);
    units[i] = unit;
    if (unit >= 0x80) ascii = false;
  }
  if (!ascii) mapHomoglyphs(units, plain.starts, original);
  const dropped = buffers.dropped.subarray(0, n).fill(0);
  const breaks = buffers.breaks.subarray(0, n).fill(0);
  joinSingleCharacters(units, dropped, breaks);
  if (!ascii) joinCjk(units, dropped, plain.starts, original);
  const kept = buffers.kept.subarray(0, n);
  let count = 0;
  for (let i = 0; i < n; i++) if (dropped[i] === 0) kept[count++] = i;
  mapLeetspeak(units, kept, count);
  settleArticleBreaks(units, kept, count, breaks);
  dropInnerPunctuation(units, kept, count, breaks);
  return collapse(units, kept, count, breaks, plain, buffers);
}

/**
 * Normalises a rule term exactly as message text is normalised (plain, then skeleton), so a
 * term and the text it should match meet in the same form.
 */
export function skeletonize(term: string): { text: string; runs: number[] } {
  const view = createSkeletonView(createPlainView(term));
  return { text: view.text, runs: Array.from(view.runs) };
}

/** The confusable entry for plain unit `i`, preferring the original character's shape. */
function confusableAt(units: Uint16Array, i: number, starts: Int32Array, original: string | undefined): number {
  const unit = units[i]!;
  if (original !== undefined) {
    const source = original.codePointAt(starts[i]!)!;
    if (source >= 0x80) {
      const byShape = CONFUSABLES.get(source);
      if (byShape !== undefined) return byShape;
    }
  }
  return CONFUSABLES.get(unit) ?? 0;
}

const KIND_LATIN = 1;
const KIND_STRONG = 2;
const KIND_WEAK = 4;
const KIND_FOREIGN = 8;

/**
 * Maps look-alike letters to Latin inside words that are Latin already (`WеСhat` with Cyrillic
 * `е`, `С`) and inside words made only of strong look-alikes (`ѕех`), unless a neighbouring word
 * is in the other script: then the word is real Russian or Greek and is left alone.
 */
function mapHomoglyphs(units: Uint16Array, starts: Int32Array, original: string | undefined): void {
  const n = units.length;
  // Words are read one by one; a word is settled once the word after it is known (its kind
  // can depend on both neighbours), so no list of words is kept.
  let beforeKind = 0;
  let pendingStart = -1;
  let pendingEnd = -1;
  let pendingKind = 0;
  let i = 0;
  while (i < n) {
    if ((classOf(units[i]!) & LETTER) === 0) {
      i++;
      continue;
    }
    let j = i;
    let kind = 0;
    while (j < n) {
      const unit = units[j]!;
      const flags = classOf(unit);
      if ((flags & LETTER) === 0) break;
      if (unit < 0x80) kind |= KIND_LATIN;
      else {
        const entry = confusableAt(units, j, starts, original);
        if (entry !== 0) kind |= (entry & WEAK_CONFUSABLE) !== 0 ? KIND_WEAK : KIND_STRONG;
        else if ((flags & LATIN) !== 0) kind |= KIND_LATIN;
        else if (!isCjk(unit)) kind |= KIND_FOREIGN;
      }
      j++;
    }
    if (pendingStart >= 0) mapWord(units, starts, original, pendingStart, pendingEnd, pendingKind, beforeKind, kind);
    beforeKind = pendingKind;
    pendingStart = i;
    pendingEnd = j;
    pendingKind = kind;
    i = j;
  }
  if (pendingStart >= 0) mapWord(units, starts, original, pendingStart, pendingEnd, pendingKind, beforeKind, 0);
}

/** Maps one word's look-alikes to Latin when its kind and its neighbours' kinds say it is Latin. */
function mapWord(
  units: Uint16Array,
  starts: Int32Array,
  original: string | undefined,
  start: number,
  end: number,
  kind: number,
  before: number,
  after: number,
): void {
  if ((kind & (KIND_STRONG | KIND_WEAK)) === 0) return;
  const map = (kind & KIND_LATIN) !== 0 || (kind === KIND_STRONG && ((before | after) & (KIND_FOREIGN | KIND_WEAK)) === 0);
  if (!map) return;
  for (let k = start; k < end; k++) {
    if (units[k]! < 0x80) continue;
    const entry = confusableAt(units, k, starts, original);
    if (entry !== 0) units[k] = entry & 0xff;
  }
}

function isJoinSeparator(unit: number): boolean {
  if (unit < 0x80) return (classOf(unit) & (SPACE | SYMBOL)) !== 0;
  return (classOf(unit) & SPACE) !== 0 || isMiddleDot(unit);
}

function isSingleLatin(unit: number): boolean {
  return unit < 0x80 || (classOf(unit) & LATIN) !== 0;
}

/** True when `[from, to)` holds no whitespace, so the tokens on either side touch. */
function isTight(units: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((classOf(units[k]!) & (SPACE | NEWLINE)) !== 0) return false;
  return true;
}

/**
 * Rejoins three or more single Latin letters or digits split by short separator runs
 * (`f.u.c.k`, `w e c h a t`, `f. u. c. k`). Two are not enough (`a b` is ordinary text), a word
 * of two or more letters is never glued to a neighbour (`I am a cat`), and a letter attached to
 * such a word without a space is part of it, not a single (`a**hole`, `k.ing`).
 */
function joinSingleCharacters(units: Uint16Array, dropped: Uint8Array, breaks: Uint8Array): void {
  const n = units.length;
  let chainFirst = 0;
  let chainLength = 0;
  let chainEnd = 0;
  let previousEnd = 0;
  let previousStart = 0;
  // Whether the chain's gaps hold whitespace (1) and/or punctuation (2): `a b-i-t-c-h` switches
  // from a space to hyphens, so the article `a` is not part of the spelled-out word.
  let chainGap = 0;
  let tokenEnd = -1;
  let tokenLong = false;
  const flush = (): void => {
    if (chainLength >= 3) {
      for (let k = chainFirst; k < chainEnd; k++) if ((classOf(units[k]!) & ALNUM) === 0) dropped[k] = 1;
      // `what a f a g g o t`: the article may be a word of its own, so a word may also start
      // after it (`i d i o t` still reads from its first letter).
      const first = units[chainFirst]!;
      if (chainLength >= 4 && (first === 0x61 || first === 0x69)) {
        let second = chainFirst + 1;
        while (second < chainEnd && (classOf(units[second]!) & ALNUM) === 0) second++;
        // Provisional (2): settled after leetspeak, since `i.1.a` must still collapse like `iia`.
        breaks[second] = 2;
      }
    }
    chainLength = 0;
  };
  let i = 0;
  while (i < n) {
    if ((classOf(units[i]!) & ALNUM) === 0) {
      i++;
      continue;
    }
    const j = tokenEndAt(units, i);
    const attached = tokenEnd >= 0 && i - tokenEnd <= 3 && isTight(units, tokenEnd, i);
    if (j - i === 1 && isSingleLatin(units[i]!) && !(attached && tokenLong)) {
      const gap = i - chainEnd;
      let joins = chainLength > 0 && gap >= 1 && gap <= 3;
      for (let k = chainEnd; joins && k < i; k++) joins = isJoinSeparator(units[k]!);
      const gapKind = joins ? gapKindOf(units, chainEnd, i) : 0;
      if (joins && chainLength === 2 && gapKind !== chainGap) {
        // The separator changed after the first single: restart the chain at the previous one.
        flush();
        chainFirst = previousStart;
        chainLength = 1;
        chainGap = gapKind;
      } else if (joins && chainLength > 2 && gapKind !== chainGap) {
        // The separator changed after a spelled-out word: `f*u*c*k b` ends at `k`.
        flush();
        chainFirst = i;
        chainGap = 0;
      } else if (!joins) {
        flush();
        chainFirst = i;
        chainGap = 0;
      } else if (chainLength === 1) {
        chainGap = gapKind;
      }
      previousEnd = chainEnd;
      previousStart = i;
      chainLength++;
      chainEnd = j;
      tokenLong = false;
    } else {
      // Only a Latin word can absorb the last single (`k.ing`); Han text after `，` cannot.
      if (chainLength > 0 && attached && isSingleLatin(units[i]!)) {
        chainLength--;
        chainEnd = previousEnd;
      }
      flush();
      tokenLong = true;
    }
    tokenEnd = j;
    i = j;
  }
  flush();
}

/** An article is never doubled, so a break between two equal letters would only stop collapsing. */
function settleArticleBreaks(units: Uint16Array, kept: Int32Array, count: number, breaks: Uint8Array): void {
  for (let j = 1; j < count; j++) {
    const at = kept[j]!;
    if (breaks[at] === 2) breaks[at] = units[at] !== units[kept[j - 1]!] ? 1 : 0;
  }
  if (count > 0 && breaks[kept[0]!] === 2) breaks[kept[0]!] = 0;
}

function gapKindOf(units: Uint16Array, from: number, to: number): number {
  let kind = 0;
  for (let k = from; k < to; k++) kind |= (classOf(units[k]!) & SPACE) !== 0 ? 1 : 2;
  return kind;
}

/**
 * End of the token starting at `i`. Mask characters attached to letters belong to the token
 * (`c**t`, `f***`), unless the token is single letters alternating with single masks
 * (`f*u*c*k`), where the masks are separators.
 */
function tokenEndAt(units: Uint16Array, i: number): number {
  const n = units.length;
  let j = i + 1;
  while (j < n && ((classOf(units[j]!) & ALNUM) !== 0 || isMaskChar(units[j]!))) j++;
  let plain = i + 1;
  while (plain < n && (classOf(units[plain]!) & ALNUM) !== 0) plain++;
  if (plain === j) return j;
  // Alternating `x*y*z`: every other unit a single mask between single letters.
  const insideAlternation = i > 0 && isMaskChar(units[i - 1]!);
  let alternating = (j - i) % 2 === 1 && (j - i >= 5 || (insideAlternation && j - i >= 3));
  for (let k = i; alternating && k < j; k++) {
    const isMask = isMaskChar(units[k]!);
    alternating = (k - i) % 2 === 1 ? isMask : !isMask;
  }
  return alternating ? plain : j;
}

/** Punctuation that ends a phrase in Chinese text and so is not evasion noise. */
function isCjkPunctuation(cp: number): boolean {
  return (
    (cp >= 0x3001 && cp <= 0x3004) ||
    (cp >= 0x3008 && cp <= 0x3011) ||
    (cp >= 0x3014 && cp <= 0x301f) ||
    cp === 0xff01 ||
    cp === 0xff08 ||
    cp === 0xff09 ||
    cp === 0xff0c ||
    cp === 0xff1a ||
    cp === 0xff1b ||
    cp === 0xff1f ||
    cp === 0x2026
  );
}

function isAsciiAlnum(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
}

/** Code-unit width of a CJK character at `i` (2 for an astral one), or 0 when there is none. */
function cjkWidth(units: Uint16Array, i: number): number {
  const unit = units[i]!;
  if (isHighSurrogate(unit) && i + 1 < units.length && isLowSurrogate(units[i + 1]!)) {
    const cp = (unit - 0xd800) * 0x400 + (units[i + 1]! - 0xdc00) + 0x10000;
    return isCjk(cp) ? 2 : 0;
  }
  return isCjk(unit) ? 1 : 0;
}

/** Code-unit width of noise at `i` that may sit between two CJK characters, or 0. */
function noiseWidth(units: Uint16Array, i: number, starts: Int32Array, original: string | undefined): number {
  const unit = units[i]!;
  if (isHighSurrogate(unit) && i + 1 < units.length && isLowSurrogate(units[i + 1]!)) {
    // Emoji and pictographs between Han characters are decoration, like `*`.
    const cp = (unit - 0xd800) * 0x400 + (units[i + 1]! - 0xdc00) + 0x10000;
    return cp >= 0x1f000 && cp <= 0x1faff ? 2 : 0;
  }
  const flags = classOf(unit);
  if ((flags & SPACE) !== 0) return 1;
  if ((flags & SYMBOL) === 0) return 0;
  if (isCjkPunctuation(unit)) return 0;
  // The plain view folded `，` into `,`; the original tells the phrase break from the noise.
  if (original !== undefined && unit < 0x80 && isCjkPunctuation(original.charCodeAt(starts[i]!))) return 0;
  return 1;
}

/**
 * Drops whitespace and symbols between two CJK characters (`加 微 信`, `加*微*信`), which have no
 * word boundaries to lose. Line breaks and Chinese phrase punctuation (`，。！？、`) stay.
 */
function joinCjk(units: Uint16Array, dropped: Uint8Array, starts: Int32Array, original: string | undefined): void {
  const n = units.length;
  let i = 0;
  while (i < n) {
    const width = cjkWidth(units, i);
    if (width === 0) {
      i++;
      continue;
    }
    const from = i + width;
    let k = from;
    while (k < n) {
      const noise = noiseWidth(units, k, starts, original);
      if (noise === 0) break;
      k += noise;
    }
    if (k > from && k < n && cjkWidth(units, k) > 0) dropped.fill(1, from, k);
    else if (k > from && k < n && isAsciiAlnum(units[k]!) && !(k + 1 < n && isAsciiAlnum(units[k + 1]!))) {
      // One Latin letter spaced out between Han characters is part of the word: `傻 B 卖家`, `加 V 信`.
      let m = k + 1;
      while (m < n) {
        const noise = noiseWidth(units, m, starts, original);
        if (noise === 0) break;
        m += noise;
      }
      if (m < n && cjkWidth(units, m) > 0) {
        dropped.fill(1, from, k);
        dropped.fill(1, k + 1, m);
        i = m;
        continue;
      }
    }
    i = k > from ? k : from;
  }
}

const LEET = new Uint8Array(0x80);
for (const [from, to] of [
  ['0', 'o'],
  ['1', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['7', 't'],
  ['8', 'b'],
  ['9', 'g'],
  ['@', 'a'],
  ['$', 's'],
  ['|', 'l'],
] as const) {
  LEET[from.charCodeAt(0)] = to.charCodeAt(0);
}
const EURO = 0x20ac;
const BANG = 0x21;
const PLUS = 0x2b;

function isLeetTokenChar(unit: number): boolean {
  return (classOf(unit) & ALNUM) !== 0 || isMaskChar(unit) || (unit < 0x80 && LEET[unit] !== 0) || unit === EURO || unit === BANG || unit === PLUS;
}

/** Suffixes that make a leading number a quantity, an ordinal or a time, never a letter. */
const NUMBER_SUFFIXES = new Set([
  'st', 'nd', 'rd', 'th', 'am', 'pm', 'k', 'm', 'km', 'kg', 'g', 'mg', 'mm', 'cm', 'ml', 'l', 'lb', 'lbs',
  's', 'h', 'hr', 'hrs', 'min', 'mins', 'x', 'd', 'yo', 'yr', 'yrs', 'mb', 'gb', 'tb', 'kb', 'ft', 'mph', 'p', 'px',
]);

function isLatinLetter(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x80 && (classOf(unit) & LATIN) !== 0);
}

/** True for `10am`, `90s`, `3rd`, `5km`: a number with a unit or ordinal suffix. */
function isQuantity(units: Uint16Array, kept: Int32Array, from: number, to: number): boolean {
  let k = from;
  while (k < to && units[kept[k]!]! >= 0x30 && units[kept[k]!]! <= 0x39) k++;
  const digits = k - from;
  if (digits === 0) return false;
  const lettersFrom = k;
  while (k < to && units[kept[k]!]! >= 0x61 && units[kept[k]!]! <= 0x7a) k++;
  const letters = k - lettersFrom;
  if (letters === 0) return false;
  for (let r = k; r < to; r++) if ((classOf(units[kept[r]!]!) & ALNUM) !== 0) return false;
  if (letters > 4) return false;
  let suffix = '';
  for (let r = lettersFrom; r < k; r++) suffix += String.fromCharCode(units[kept[r]!]!);
  if (NUMBER_SUFFIXES.has(suffix)) return true;
  // Two or more digits with a short tail are still a quantity (`30ish` aside); a longer word
  // after them is leetspeak (`455hole`).
  return digits >= 2 && letters <= 2;
}

/**
 * Reads digits and symbols as letters inside a token that has a Latin letter (`sh1t`, `a$$`,
 * `wh@tsapp`), so numbers on their own (`5 stars`, `1990`) and quantities (`10am`) stay digits.
 */
function mapLeetspeak(units: Uint16Array, kept: Int32Array, count: number): void {
  let k = 0;
  while (k < count) {
    if (!isLeetTokenChar(units[kept[k]!]!)) {
      k++;
      continue;
    }
    let end = k;
    let latin = false;
    let leet = false;
    while (end < count) {
      const unit = units[kept[end]!]!;
      if (!isLeetTokenChar(unit)) break;
      if (isLatinLetter(unit)) latin = true;
      else if ((unit < 0x80 && LEET[unit] !== 0) || unit === EURO || unit === BANG || unit === PLUS) leet = true;
      end++;
    }
    if (latin && leet && !isQuantity(units, kept, k, end)) {
      for (let r = k; r < end; r++) {
        const at = kept[r]!;
        const unit = units[at]!;
        if (unit < 0x80 && LEET[unit] !== 0) units[at] = LEET[unit]!;
        else if (unit === EURO) units[at] = 0x65;
      }
      // `!` and `+` are also sentence punctuation and arithmetic; only between letters are
      // they an `i` or a `t` (`sh!t`, `s+upid`).
      for (let r = k + 1; r < end - 1; r++) {
        const at = kept[r]!;
        const unit = units[at]!;
        if (unit !== BANG && unit !== PLUS) continue;
        if (!isLatinLetter(units[kept[r - 1]!]!) || !isLatinLetter(units[kept[r + 1]!]!)) continue;
        units[at] = unit === BANG ? 0x69 : 0x74;
      }
    }
    k = end;
  }
}

function isInnerPunctuation(unit: number): boolean {
  return (
    unit === 0x2e ||
    unit === 0x2d ||
    unit === 0x5f ||
    unit === 0x27 ||
    unit === 0x7e ||
    unit === 0x2019 ||
    unit === 0x2018 ||
    unit === 0x02bc ||
    unit === 0x2010 ||
    unit === 0x2011 ||
    unit === 0xb7
  );
}

/**
 * Drops a single punctuation character between two letters or digits (`fu.ck`, `dumb-ass`,
 * `don't`) and records a break before the next unit, so `dumb-ass` still ends a word at `ass`.
 */
function dropInnerPunctuation(units: Uint16Array, kept: Int32Array, count: number, breaks: Uint8Array): void {
  for (let k = 1; k + 1 < count; k++) {
    const at = kept[k]!;
    if (!isInnerPunctuation(units[at]!)) continue;
    const before = kept[k - 1]!;
    const after = kept[k + 1]!;
    if (before < 0 || (classOf(units[before]!) & ALNUM) === 0 || (classOf(units[after]!) & ALNUM) === 0) continue;
    kept[k] = -1;
    breaks[after] = 1;
  }
}

/** Collapses runs of one repeated letter into one unit and writes the finished view. */
function collapse(units: Uint16Array, kept: Int32Array, count: number, breaks: Uint8Array, plain: TextView, buffers: Scratch): SkeletonView {
  const { out, starts, ends, runs, outBreaks } = buffers;
  const plainStarts = plain.starts;
  const plainEnds = plain.ends;
  let length = 0;
  let k = 0;
  while (k < count) {
    const first = kept[k]!;
    if (first < 0) {
      k++;
      continue;
    }
    const unit = units[first]!;
    let last = first;
    let run = 1;
    k++;
    if ((classOf(unit) & LETTER) !== 0) {
      while (k < count && run < MAX_RUN) {
        const next = kept[k]!;
        if (next < 0) {
          k++;
          continue;
        }
        if (units[next] !== unit || breaks[next] === 1) break;
        last = next;
        run++;
        k++;
      }
    }
    out[length] = unit;
    starts[length] = plainStarts[first]!;
    ends[length] = plainEnds[last]!;
    runs[length] = run;
    outBreaks[length] = breaks[first]!;
    length++;
  }
  // The finished maps are copied out of the scratch buffers into one piece of a shared slab
  // (starts, ends, runs, breaks side by side), by plain loops: on a chat message the typed-array
  // objects that `set(subarray(...))` creates cost more than the copying.
  const { buffer, offset } = allocate(11 * length);
  const finalStarts = new Int32Array(buffer, offset, length);
  const finalEnds = new Int32Array(buffer, offset + 4 * length, length);
  const finalRuns = new Uint16Array(buffer, offset + 8 * length, length);
  const finalBreaks = new Uint8Array(buffer, offset + 10 * length, length);
  for (let k = 0; k < length; k++) {
    finalStarts[k] = starts[k]!;
    finalEnds[k] = ends[k]!;
    finalRuns[k] = runs[k]!;
    finalBreaks[k] = outBreaks[k]!;
  }
  return {
    name: 'skeleton',
    text: unitsToString(out, length),
    starts: finalStarts,
    ends: finalEnds,
    runs: finalRuns,
    breaks: finalBreaks,
  };
}
