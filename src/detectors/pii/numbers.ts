import type { TextView } from '../../text/types.js';
import { eachMatch } from '../../text/regex.js';

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
  for (const match of eachMatch(RUN, text)) {
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
  if (looksLikeAmount(before, after)) return true;
  if (/(?:^|[^a-z])v\s?$/i.test(before)) return true;
  return false;
}

/** True when the text around a number makes it an amount or a measure: `$`, `usd`, `元`, `kg`. */
export function looksLikeAmount(before: string, after: string): boolean {
  if (/[$€£¥￥₹]\s?$/.test(before) || /(?:usd|rmb|eur|gbp)\s?$/i.test(before)) return true;
  return /^\s?(?:%|元|块|塊|美元|英镑|欧元|万|usd|rmb|eur|dollars?|bucks|quid|kg|km|mb|gb)/i.test(after);
}

// A digit in any form the digits view reads (digits of any width, Chinese and circled numerals,
// Arabic-Indic, Devanagari and Bengali digits, digit words, `O` for 0), then a short run of
// separators. What the plain view drops (invisible characters, hidden controls, surrogates:
// astral tags and lone halves) and U+2800 count as separators too, or they would hide a number.
const DIGIT =
  String.raw`(?:[0-9０-９一二三四五六七八九零〇幺两①-⑳\u24eb-\u24ff\u2776-\u2793\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]|` +
  String.raw`zero|one|two|three|four|five|six|seven|eight|nine|oh|o|double|triple)`;
const SEPARATORS =
  String.raw`[\s,.()\-–—/_~·*\x00-\x08\x0e-\x1f\x7f-\x9f\xad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069` +
  String.raw`\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ud800-\udfff]{0,3}`;

// Seven digits in a row: the least any phone, card or account number has. Six: the least of an
// id that mixes letters and digits (a UK National Insurance number, a Hong Kong identity card).
// Measured faster than a hand-written scan in V8. The first scan finds six, and a seventh when
// it follows them; only a message whose first six stop there is scanned again for seven.
const SIX_DIGITS = new RegExp(String.raw`(?:${DIGIT}${SEPARATORS}){6}(${DIGIT})?`, 'i');
const SEVEN_DIGITS = new RegExp(String.raw`(?:${DIGIT}${SEPARATORS}){7}`, 'i');

let lastText: string | undefined;
let lastSix = false;
let lastSeven = false;

function readDigitRuns(text: string): void {
  if (text === lastText) return;
  lastText = text;
  const six = SIX_DIGITS.exec(text);
  lastSix = six !== null;
  lastSeven = six !== null && (six[1] !== undefined || SEVEN_DIGITS.test(text));
}

/** Cheap test shared by the number detectors: could the message hold a number of seven digits or more? */
export function hasDigitRun(text: string): boolean {
  readDigitRuns(text);
  return lastSeven;
}

/** As {@link hasDigitRun}, for six digits or more: the fewest of an id that mixes letters and digits. */
export function hasSixDigitRun(text: string): boolean {
  readDigitRuns(text);
  return lastSix;
}
