import { isHighSurrogate, isLowSurrogate } from '../text/char-class.js';
import type { Finding } from './types.js';

/**
 * The most UTF-16 code units of one message that `moderate()` reads: 1 MiB (1,048,576). A longer
 * message is moderated in its first `MAX_MODERATED_LENGTH` units (one fewer when that would cut a
 * surrogate pair) and its result says so in `truncated`. No chat message comes near it; the bound
 * keeps the time and memory of one call in proportion to what a caller can expect of it.
 */
export const MAX_MODERATED_LENGTH = 1_048_576;

/**
 * How far the windows in which `redact` reads a longer message overlap: a finding that one
 * window's end cuts is read whole in the next, as long as it is shorter than this.
 */
export const WINDOW_OVERLAP = 4096;

/**
 * Where moderation of `text` from `from` stops: its end, or the last code-point boundary at or
 * before `from + limit`.
 */
export function moderatedLength(text: string, limit: number = MAX_MODERATED_LENGTH, from = 0): number {
  const end = from + limit;
  if (text.length <= end) return text.length - from;
  return isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end)) ? limit - 1 : limit;
}

/**
 * The findings of a message of any length, read in windows of `limit` units that overlap by
 * `overlap` (no window starts or ends inside a surrogate pair), with offsets into the whole text.
 * A finding that two windows both hold whole is reported once; the result is sorted by start.
 */
export function findingsByWindow(
  text: string,
  findingsOf: (part: string) => readonly Finding[],
  limit: number = MAX_MODERATED_LENGTH,
  overlap: number = WINDOW_OVERLAP,
): Finding[] {
  if (!(overlap >= 0 && limit > overlap + 1)) throw new RangeError(`windows of ${limit} cannot overlap by ${overlap}`);
  const out: Finding[] = [];
  // Keys of the previous window's findings that lie where this window starts: only those can repeat.
  let previous = new Set<string>();
  for (let start = 0; ; ) {
    const end = start + moderatedLength(text, limit, start);
    const next = end >= text.length ? end : nextWindowStart(text, end - overlap);
    const tail = new Set<string>();
    for (const finding of findingsOf(text.slice(start, end))) {
      const shifted = start === 0 ? finding : { ...finding, start: finding.start + start, end: finding.end + start };
      const key = `${shifted.ruleId}\u0000${shifted.start}\u0000${shifted.end}`;
      if (previous.has(key)) continue;
      if (shifted.start >= next) tail.add(key);
      out.push(shifted);
    }
    if (end >= text.length) break;
    previous = tail;
    start = next;
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** `at`, or one unit earlier when `at` is inside a surrogate pair. */
function nextWindowStart(text: string, at: number): number {
  return isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1)) ? at - 1 : at;
}
