/** Flag: a letter of any script (`\p{L}`), Han included. */
export const LETTER = 1;
/** Flag: a decimal digit of any script (`\p{Nd}`). */
export const DIGIT = 2;
/** Flag: a letter of the Latin script. */
export const LATIN = 4;
/** Flag: whitespace that does not end a line. */
export const SPACE = 8;
/** Flag: a line break. */
export const NEWLINE = 16;
/** Flag: punctuation or a symbol (`\p{P}` or `\p{S}`). */
export const SYMBOL = 32;

const COMPUTED = 128;

// One byte per BMP code unit, filled on first sight: the regex tests run once per distinct
// character ever seen, never once per character of a message.
const table = new Uint8Array(0x10000);

const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\p{Nd}/u;
const LATIN_RE = /\p{Script=Latin}/u;
const SYMBOL_RE = /[\p{P}\p{S}]/u;
const SPACE_RE = /\s/u;

function compute(code: number): number {
  // Lone surrogate halves are never letters: astral characters are classified by code point.
  if (code >= 0xd800 && code <= 0xdfff) return COMPUTED;
  const ch = String.fromCharCode(code);
  let flags = COMPUTED;
  if (LETTER_RE.test(ch)) {
    flags |= LETTER;
    if (LATIN_RE.test(ch)) flags |= LATIN;
  } else if (DIGIT_RE.test(ch)) {
    flags |= DIGIT;
  } else if (isLineBreak(code)) {
    flags |= NEWLINE;
  } else if (SPACE_RE.test(ch)) {
    flags |= SPACE;
  } else if (SYMBOL_RE.test(ch)) {
    flags |= SYMBOL;
  }
  return flags;
}

function isLineBreak(code: number): boolean {
  return (code >= 0x0a && code <= 0x0d) || code === 0x85 || code === 0x2028 || code === 0x2029;
}

for (let code = 0; code < 0x80; code++) table[code] = compute(code);

/** The class flags of one UTF-16 code unit (surrogate halves have none). */
export function classOf(unit: number): number {
  const flags = table[unit]!;
  if (flags !== 0) return flags;
  const computed = compute(unit);
  table[unit] = computed;
  return computed;
}

const astralWord = new Map<number, boolean>();
const ASTRAL_WORD_RE = /[\p{L}\p{Nd}]/u;

/** True for the characters that hide letters in a word (`f*ck`, `b#tch`). */
export function isMaskChar(code: number): boolean {
  return code === 0x2a || code === 0x23;
}

/**
 * True for characters that belong inside a word: letters of any script (Han included), decimal
 * digits and mask characters. Accepts a code point or a UTF-16 code unit; a surrogate half is
 * not a word character.
 */
export function isWordChar(code: number): boolean {
  if (code <= 0xffff) return (classOf(code) & (LETTER | DIGIT)) !== 0 || isMaskChar(code);
  if (code > 0x10ffff) return false;
  let word = astralWord.get(code);
  if (word === undefined) {
    word = ASTRAL_WORD_RE.test(String.fromCodePoint(code));
    astralWord.set(code, word);
  }
  return word;
}

/** a-z. */
export function isLowerAsciiLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** What a regular expression's `\w` matches without the `i` flag: A-Z, a-z, 0-9 and `_` (NaN, past a text's end, is not). */
export function isAsciiWordUnit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** a-z and 0-9: the units of a lower-cased ASCII word. */
export function isLowerAsciiAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/**
 * True for characters of scripts written without spaces between words: Han (with radicals,
 * iteration marks and `〇`), kana and bopomofo. Hangul is excluded because Korean separates
 * words with spaces. Full-width Latin letters and digits are excluded too: every view but the
 * original folds them to ASCII.
 */
export function isCjk(code: number): boolean {
  if (code < 0x2e80) return false;
  if (code > 0xffff) return code >= 0x20000 && code <= 0x3ffff;
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff && code !== 0x3099 && code !== 0x309a && code !== 0x30a0 && code !== 0x30fb) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x2e80 && code <= 0x2fdf) ||
    (code >= 0x3005 && code <= 0x3007) ||
    (code >= 0x3021 && code <= 0x3029) ||
    (code >= 0x3038 && code <= 0x303b) ||
    (code >= 0x3100 && code <= 0x312f) ||
    (code >= 0x31a0 && code <= 0x31bf) ||
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0xff66 && code <= 0xff9d)
  );
}

/** True for a UTF-16 high (leading) surrogate. */
export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** True for a UTF-16 low (trailing) surrogate. */
export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True for the dot-like characters people put between letters or digits (`·`, `•`, `・`). */
export function isMiddleDot(code: number): boolean {
  return (
    code === 0xb7 ||
    code === 0x2022 ||
    code === 0x2027 ||
    code === 0x2219 ||
    code === 0x22c5 ||
    code === 0x30fb ||
    code === 0xff65 ||
    code === 0x387
  );
}
