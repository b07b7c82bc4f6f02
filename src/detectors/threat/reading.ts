import { CONFUSABLES, WEAK_CONFUSABLE } from '../../text/index.js';
import { HARM_VERBS } from './lexicon.js';
import { allMatches } from '../../text/regex.js';
import { isLowerAsciiLetter } from '../../text/char-class.js';

/**
 * The text the grammar reads: the plain view with digits and symbols that stand for letters inside
 * a word read as those letters (`k1ll` → `kill`, `kn0w wh3re` → `know where`). One character for
 * one character, so offsets into it are offsets into the plain view.
 */
const LETTER_FOR: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

// A number with a unit or a flat/seat label (4b, 2am, 14th, 10min) keeps its digits.
const UNIT = /^\d+(?:st|nd|rd|th|am|pm|k|kg|km|mi|min|mins|hr|hrs|h|m|x|b|a|c|d|f|p|gb|mb|ft|lb|lbs|yo|s)?$/;

/** Reads leetspeak and look-alike letters (Cyrillic е in `whеre`) inside words, keeping the text's length. */
export function readingText(plain: string): string {
  let text = plain;
  if (/[^\x00-\x7f]/.test(text)) {
    text = text.replace(/[^\x00-\x7f]/g, (ch, at: number, source: string) => {
      // Only single UTF-16 units map one for one; astral letters keep their place.
      if (ch.length !== 1) return ch;
      const letter = lookAlike(ch);
      if (letter === undefined) return ch;
      // A weak (font-dependent) look-alike counts only inside a Latin word: `fυcking`, not Greek text.
      if ((letter & WEAK_CONFUSABLE) !== 0 && !isLowerAsciiLetter(source.charCodeAt(at - 1)) && !isLowerAsciiLetter(source.charCodeAt(at + 1))) return ch;
      return String.fromCharCode(letter & 0xff);
    });
  }
  // A comma or semicolon typed without a space after it ("ok,i'll", "迟到，I'll", which the plain
  // view folds to ",") would glue two words into one for the tokenizer: it reads as a space, and
  // the conjunctions after it ("now,or i'll") still open their clause.
  if (GLUED_PUNCTUATION.test(text)) text = text.replace(GLUED_PUNCTUATION_ALL, ' ');
  // A mask or a "!" inside a word (k!ll, h*rt, sh*t) stands for a letter: "!" for i, a star for
  // whichever letter makes the word a known harm word.
  if (/[a-z][!*]+[a-z]/.test(text)) {
    // Tried only where a run of letters starts: a match always can start there, and trying every
    // letter of every word made long texts cost a scan per letter.
    text = replaceMaskedWords(text, (word) => {
      const bang = word.replace(/!/g, 'i');
      if (!bang.includes('*')) return MASKABLE.has(bang) ? bang : word;
      const hits = MASK_WORDS.filter((w) => fitsMask(w, bang));
      return hits.length === 1 ? hits[0]! : word;
    });
  }
  // Only a word with a letter beside a digit or symbol can change; most text has none. Each such
  // place is widened to its whole word, so the rest of a long text is copied, not visited word by word.
  if (!LETTER_BESIDE_DIGIT.test(text)) return text;
  let out = '';
  let last = 0;
  for (const m of allMatches(LETTER_BESIDE_DIGIT_ALL, text)) {
    if (m.index < last) continue;
    let start = m.index;
    while (start > last && isWordUnit(text.charCodeAt(start - 1))) start--;
    let end = m.index + 2;
    while (end < text.length && isWordUnit(text.charCodeAt(end))) end++;
    out += text.slice(last, start) + readLeet(text.slice(start, end));
    last = end;
  }
  return out + text.slice(last);
}

// A comma or semicolon between a letter (or a Chinese character) and a letter, with no space.
const GLUED_PUNCTUATION = /(?<=[a-z\u3400-\u9fff])[,;](?=[a-z])/;
const GLUED_PUNCTUATION_ALL = new RegExp(GLUED_PUNCTUATION.source, 'g');

/**
 * The ASCII letter a letter looks like (with {@link WEAK_CONFUSABLE} set for a weak look-alike),
 * from the confusables data; an accented Latin, Greek or Cyrillic letter, which the plain view
 * keeps composed and the data leaves out, as its base letter (`í` → `i`, `ύ` → `u`).
 */
function lookAlike(ch: string): number | undefined {
  const unit = ch.charCodeAt(0);
  const code = CONFUSABLES.get(unit);
  if (code !== undefined || unit < 0xc0 || unit > 0x52f) return code;
  const base = ch.normalize('NFD').charCodeAt(0);
  return isLowerAsciiLetter(base) ? base : CONFUSABLES.get(base);
}

/** Whether a word fits a mask of letters and stars (`f*ck`), a star standing for one letter. */
function fitsMask(word: string, mask: string): boolean {
  if (word.length !== mask.length) return false;
  for (let i = 0; i < mask.length; i++) {
    const unit = mask.charCodeAt(i);
    if (unit === 0x2a ? !isLowerAsciiLetter(word.charCodeAt(i)) : word.charCodeAt(i) !== unit) return false;
  }
  return true;
}

// Where a mask or a "!" sits between two letters.
const MASK_BETWEEN_LETTERS = /[a-z][!*]+[a-z]/g;

/**
 * Replaces each word of letters with masks inside (`k!ll`, `f**king`: letters, then one or more
 * runs of `!`/`*` each followed by letters) by `replace(word)`. Found from the masks and widened
 * to the word, so a long text is not tried word by word; the same words as
 * `/(?<![a-z])[a-z]+(?:[!*]+[a-z]+)+/g` (the test compares the two).
 */
export function replaceMaskedWords(text: string, replace: (word: string) => string): string {
  let out = '';
  let last = 0;
  let found = false;
  MASK_BETWEEN_LETTERS.lastIndex = 0;
  for (let m = MASK_BETWEEN_LETTERS.exec(text); m !== null; m = MASK_BETWEEN_LETTERS.exec(text)) {
    let start = m.index;
    while (start > last && isLowerAsciiLetter(text.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    for (;;) {
      let k = end;
      while (text.charCodeAt(k) === 0x21 || text.charCodeAt(k) === 0x2a) k++;
      if (k === end || !isLowerAsciiLetter(text.charCodeAt(k))) break;
      end = k;
      while (isLowerAsciiLetter(text.charCodeAt(end))) end++;
    }
    out += text.slice(last, start) + replace(text.slice(start, end));
    last = end;
    found = true;
    MASK_BETWEEN_LETTERS.lastIndex = end;
  }
  return found ? out + text.slice(last) : text;
}

const LETTER_BESIDE_DIGIT = /[a-z][0-9@$]|[0-9@$][a-z]/;
const LETTER_BESIDE_DIGIT_ALL = new RegExp(LETTER_BESIDE_DIGIT.source, 'g');

/** A unit of a word as leetspeak is read: a-z, 0-9, @ and $. */
function isWordUnit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x40 || code === 0x24;
}

/** One word with letters and digits or symbols, read as letters when it is leetspeak. */
function readLeet(word: string): string {
  if (UNIT.test(word)) return word;
  // A word that is mostly digits (a code, a handle's number) is not leetspeak.
  const letters = word.replace(/[^a-z]/g, '').length;
  if (letters < 2 || letters < word.length / 2 - 1) return word;
  return word.replace(/[0-9@$]/g, (ch) => LETTER_FOR[ch] ?? ch);
}

// Words worth unmasking: harm verbs in every form, and the few threat words that are not verbs.
const MASK_WORDS: readonly string[] = [
  ...HARM_VERBS.keys(), 'dead', 'death', 'die', 'nudes', 'naked', 'rape', 'bitch', 'regret', 'fucking', 'fuckin', 'fuck', 'fucked',
  'shit', 'damn', 'cunt',
];
const MASKABLE: ReadonlySet<string> = new Set(MASK_WORDS);
// Words joined from spaced or dotted letters: the harm words, and the words of intimidation and
// coercion typed the same way ("i know where you l i v e", "you'll r e g r e t it").
const JOINABLE: ReadonlySet<string> = new Set([
  ...MASK_WORDS, 'live', 'lives', 'where', 'know', 'find', 'watch', 'watching', 'address', 'sorry', 'careful', 'pay',
  'family', 'kids', 'wife', 'husband', 'daughter', 'son', 'house', 'home', 'outside', 'coming', 'alone',
]);

let lastJoined: { plain: string; joined: Joined } | undefined;

/**
 * The reading text of a plain view with letter runs joined, kept for the last message: the
 * threat grammar and the threat frames of one message both read it.
 */
export function joinedReading(plain: string): Joined {
  if (lastJoined?.plain !== plain) lastJoined = { plain, joined: joinLetterRuns(readingText(plain)) };
  return lastJoined.joined;
}

/** A reading text with letter runs joined, and for each of its characters the offset it came from. */
export interface Joined {
  readonly text: string;
  readonly from?: Int32Array;
}

/**
 * Joins harm words typed with dots, dashes or stars between the letters (s.t.a.b, st.a.b, k-i-l-l),
 * or as single letters between spaces (k i l l, s  t a b), into the word. The text gets shorter,
 * so `from` maps each character back to its offset in the plain view; text without such runs is
 * returned as it is. Only the words of threats are joined (`JOINABLE`), so initials, abbreviations
 * and spelled-out codes (u.s.a, e.g., "plan b", "a b c") stay as typed.
 */
export function joinLetterRuns(text: string): Joined {
  const dotted = /[a-z][.\-_*][a-z]/.test(text);
  const spaced = SPACED_LETTERS.test(text);
  if (!dotted && !spaced) return { text };
  // Each join: where it starts and ends in the text, and the word it becomes.
  const joins: { start: number; end: number; word: string }[] = [];
  if (dotted) {
    for (const m of allMatches(/\b[a-z]+(?:[.\-_*][a-z]+)+\b(?![.\-_*]?[a-z0-9])/g, text)) {
      const letters = m[0].replace(/[^a-z]/g, '');
      if (JOINABLE.has(letters)) joins.push({ start: m.index, end: m.index + m[0].length, word: letters });
    }
  }
  if (spaced) {
    for (const m of allMatches(SPACED_LETTERS_ALL, text)) {
      const join = spacedWord(m[0]);
      if (join) joins.push({ start: m.index + join.start, end: m.index + join.end, word: join.word });
    }
    if (dotted) joins.sort((a, b) => a.start - b.start);
  }
  if (joins.length === 0) return { text };
  // At most one entry per character of the text, and one for its end.
  const from = new Int32Array(text.length + 1);
  let n = 0;
  let out = '';
  let last = 0;
  for (const { start, end, word } of joins) {
    if (start < last) continue;
    for (let i = last; i < start; i++) from[n++] = i;
    out += text.slice(last, start);
    for (let i = start; i < end; i++) if (isLowerAsciiLetter(text.charCodeAt(i))) from[n++] = i;
    out += word;
    last = end;
  }
  for (let i = last; i < text.length; i++) from[n++] = i;
  from[n++] = text.length;
  return { text: out + text.slice(last), from: from.subarray(0, n) };
}

// Three or more single letters, each alone between spaces (`k i l l`): never part of a longer
// word, a number or a contraction on either side.
const SPACED_LETTERS = /(?<![a-z0-9'])[a-z](?: +[a-z]){2,}(?![a-z0-9'])/;
const SPACED_LETTERS_ALL = new RegExp(SPACED_LETTERS.source, 'g');
// The one-letter words that can stand beside a spaced-out word ("i k i l l u", "u r d e a d").
const ONE_LETTER_WORDS: ReadonlySet<string> = new Set(['i', 'u', 'a', 'r']);

/**
 * The word of `JOINABLE` a run of spaced single letters spells, with its span in the run: the whole run,
 * or the run less one-letter words at its ends ("i k i l l u": kill). A word of three letters
 * (cut, hit, end) counts only as the whole run, so "u r a c u t e" stays as typed.
 */
function spacedWord(run: string): { start: number; end: number; word: string } | undefined {
  const letters = run.replace(/ +/g, '');
  if (JOINABLE.has(letters)) return { start: 0, end: run.length, word: letters };
  if (letters.length > 24) return undefined;
  // Offsets of each letter in the run.
  const at: number[] = [];
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) !== 0x20) at.push(i);
  for (let lead = 0; lead <= 2; lead++) {
    if (lead > 0 && !ONE_LETTER_WORDS.has(letters[lead - 1]!)) break;
    for (let trail = 0; trail <= 2; trail++) {
      if (trail > 0 && !ONE_LETTER_WORDS.has(letters[letters.length - trail]!)) break;
      if (lead + trail === 0) continue;
      const word = letters.slice(lead, letters.length - trail);
      if (word.length >= 4 && JOINABLE.has(word)) return { start: at[lead]!, end: at[letters.length - trail - 1]! + 1, word };
    }
  }
  return undefined;
}

/**
 * The reading text with every unit above U+00FF replaced by a Latin-1 stand-in, as a one-byte
 * string, for the threat patterns written in ASCII.
 *
 * V8 compiles a regular expression once for one-byte subjects and again for two-byte ones, and a
 * chat message with one emoji is two-byte; the threat patterns are large (100-600 KB of machine
 * code each), and past 1 MB of regexp code and 16 MB of executable memory V8 compiles every
 * further regexp without optimisation (10-20x slower, measured). Run on this twin, each pattern
 * is compiled for one-byte text only. `twoByte` says whether the text may be stored two-byte (see
 * `mayBeTwoByte`); when it may not, the text is its own twin.
 *
 * For a pattern whose source is ASCII (no `u` flag), the twin matches at the same places as the
 * text: such a pattern reads a unit above U+00FF only as "not any ASCII character I name", and
 * as a space (`\s`) or a line terminator, so a line terminator stands in for a line terminator
 * (U+2028, U+2029 -> CR), a space for a space (-> NBSP) and U+0080 for everything else.
 * test/detectors/threat/latin.test.ts checks this for every ASCII cue, frame and shape pattern.
 */
export function latinTwin(text: string, twoByte = mayBeTwoByte(text)): string {
  if (!twoByte) return text;
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[i] = unit <= 0xff ? unit : unit === 0x2028 || unit === 0x2029 ? 0x0d : isWideSpace(unit) ? 0xa0 : 0x80;
  }
  return bytes.toString('latin1');
}

/**
 * Whether a text read from a message may be stored two-byte: when it has a unit above U+00FF,
 * or is long (a long view is decoded from a buffer). A string made from such a text (a slice, a
 * replacement, its words lower-cased) may be two-byte whatever it holds, so `latinTwin` is told
 * about the message rather than left to look at the string.
 */
export function mayBeTwoByte(text: string): boolean {
  if (text.length > LONG_TEXT) return true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return true;
  return false;
}

/** From this length on, a text counts as possibly two-byte whatever it holds. */
const LONG_TEXT = 8192;

/** The units above U+00FF that `\s` matches, besides the line terminators. */
function isWideSpace(unit: number): boolean {
  return unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

/** Whether a pattern reads only ASCII, so it can run on `latinTwin` of a text instead of the text. */
export function isAsciiPattern(pattern: RegExp): boolean {
  return !pattern.unicode && !pattern.flags.includes('v') && !/[^\x00-\x7f]|\\u|\\x[89a-fA-F]|\\[pPk]|\\c/.test(pattern.source);
}
