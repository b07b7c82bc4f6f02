import { classOf, DIGIT } from './char-class.js';

/** Chinese numeral characters used digit by digit (phone numbers, ids), with their digit. */
export const CHINESE_DIGITS: ReadonlyMap<number, number> = new Map(
  (
    [
      ['零', 0], ['〇', 0], ['一', 1], ['幺', 1], ['壹', 1], ['二', 2], ['两', 2], ['兩', 2], ['贰', 2], ['貳', 2],
      ['三', 3], ['叁', 3], ['參', 3], ['叄', 3], ['四', 4], ['肆', 4], ['五', 5], ['伍', 5], ['六', 6], ['陆', 6],
      ['陸', 6], ['七', 7], ['柒', 7], ['八', 8], ['捌', 8], ['九', 9], ['玖', 9],
    ] as const
  ).map(([ch, digit]) => [ch.charCodeAt(0), digit] as const),
);

/**
 * Enclosed digits that NFKC leaves alone (dingbat and negative circled, double circled), as
 * the digits they show. The ordinary circled `①` is not here because NFKC already made it `1`.
 */
export const ENCLOSED_DIGITS: ReadonlyMap<number, string> = buildEnclosed();

function buildEnclosed(): Map<number, string> {
  const map = new Map<number, string>();
  const run = (first: number, from: number, count: number): void => {
    for (let k = 0; k < count; k++) map.set(first + k, String(from + k));
  };
  run(0x2776, 1, 10); // ❶-❿
  run(0x2780, 1, 10); // ➀-➉
  run(0x278a, 1, 10); // ➊-➓
  run(0x24eb, 11, 10); // ⓫-⓴
  run(0x24f5, 1, 10); // ⓵-⓾
  map.set(0x24ff, '0'); // ⓿
  map.set(0x1f10b, '0');
  map.set(0x1f10c, '0');
  return map;
}

const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script (`٣` → 3), or -1. Unicode encodes every script's
 * digits as a contiguous 0-9 run, so the value is the distance from the run's start, mod 10.
 */
export function decimalValue(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  if ((classOf(unit) & DIGIT) === 0) return -1;
  let value = digitValues.get(unit);
  if (value === undefined) {
    let zero = unit;
    while (zero > 0 && (classOf(zero - 1) & DIGIT) !== 0) zero--;
    value = (unit - zero) % 10;
    digitValues.set(unit, value);
  }
  return value;
}

/** English digit words, longest first so a concatenation prefers `one` over `o` + ... */
const DIGIT_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['three', 3], ['seven', 7], ['eight', 8], ['zero', 0], ['four', 4], ['five', 5], ['nine', 9],
  ['one', 1], ['two', 2], ['six', 6], ['oh', 0], ['o', 0],
];

const WORD_CODES = DIGIT_WORDS.map(([word]) => Array.from(word, (ch) => ch.charCodeAt(0)));

// Bounds the split's work on a long run of letters; no spelled number is longer in practice.
const MAX_SPELLED_RUN = 48;

/** One digit word inside a run of letters: where it is and which digit it spells. */
export interface SpelledDigit {
  readonly start: number;
  readonly end: number;
  readonly digit: number;
  /** `o` and `oh` are ordinary words too; they count only beside a stronger digit. */
  readonly weak: boolean;
}

/**
 * Splits `text.slice(start, end)` (lower-case ASCII letters) into English digit words
 * (`five`, `fivefive`, `oh`), or returns undefined when it is not made only of them.
 */
/** 1 for the letters digit words are made of, 2 more for those one can start with, 4 for those one can end with. */
const LETTER_ROLE = new Uint8Array(128);
for (const [word] of DIGIT_WORDS) {
  for (const ch of word) LETTER_ROLE[ch.charCodeAt(0)]! |= 1;
  LETTER_ROLE[word.charCodeAt(0)]! |= 2;
  LETTER_ROLE[word.charCodeAt(word.length - 1)]! |= 4;
}

export function splitDigitWords(text: string, start: number, end: number): SpelledDigit[] | undefined {
  const length = end - start;
  if (length === 0 || length > MAX_SPELLED_RUN) return undefined;
  // Most words cannot be split into digit words at all: a first or last letter no digit word
  // has, or any letter none has (`a`, `b`, `c`, `d`...), settles it without the search below.
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  if (first >= 128 || last >= 128 || (LETTER_ROLE[first]! & 2) === 0 || (LETTER_ROLE[last]! & 4) === 0) return undefined;
  for (let k = start + 1; k < end - 1; k++) {
    const unit = text.charCodeAt(k);
    if (unit >= 128 || LETTER_ROLE[unit] === 0) return undefined;
  }
  // choice[p] = index of the word that starts a valid split of text[start + p, end), or -1.
  const choice = new Int8Array(length + 1).fill(-1);
  const reachable = new Uint8Array(length + 1);
  reachable[length] = 1;
  for (let p = length - 1; p >= 0; p--) {
    for (let w = 0; w < WORD_CODES.length; w++) {
      const word = WORD_CODES[w]!;
      if (p + word.length > length || reachable[p + word.length] === 0) continue;
      let same = true;
      for (let c = 0; c < word.length && same; c++) same = text.charCodeAt(start + p + c) === word[c];
      if (same) {
        choice[p] = w;
        reachable[p] = 1;
        break;
      }
    }
  }
  if (reachable[0] === 0) return undefined;
  const parts: SpelledDigit[] = [];
  for (let p = 0; p < length; ) {
    const w = choice[p]!;
    const [word, digit] = DIGIT_WORDS[w]!;
    parts.push({ start: start + p, end: start + p + word.length, digit, weak: word === 'o' || word === 'oh' });
    p += word.length;
  }
  return parts;
}
