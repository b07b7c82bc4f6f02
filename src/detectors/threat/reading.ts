import { CONFUSABLES } from '../../text/index.js';

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
    text = text.replace(/[^\x00-\x7f]/g, (ch) => {
      const code = CONFUSABLES.get(ch.codePointAt(0)!);
      // Only single UTF-16 units map one for one; astral letters keep their place.
      return code !== undefined && ch.length === 1 ? String.fromCharCode(code & 0xffff) : ch;
    });
  }
  return text.replace(/[a-z0-9@$]+/g, (word) => {
    if (!/[0-9@$]/.test(word) || !/[a-z]/.test(word) || UNIT.test(word)) return word;
    // A word that is mostly digits (a code, a handle's number) is not leetspeak.
    const letters = word.replace(/[^a-z]/g, '').length;
    if (letters < 2 || letters < word.length / 2 - 1) return word;
    return word.replace(/[0-9@$]/g, (ch) => LETTER_FOR[ch] ?? ch);
  });
}
