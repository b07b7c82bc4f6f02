import { isCjk } from '../text/index.js';
import type { Span } from '../text/types.js';
import { workMeter } from '../text/work-meter.js';

/**
 * Counts words in the original text so rules can say "within N words". A run of letters or
 * digits is one word; Han text has no spaces, so every two characters count as one word.
 */
export class WordIndex {
  private prefix: Float32Array | undefined;

  constructor(private readonly text: string) {}

  /** Words strictly between two spans; 0 when they touch or overlap. */
  between(a: Span, b: Span): number {
    const [first, second] = a.start <= b.start ? [a, b] : [b, a];
    if (second.start <= first.end) return 0;
    const prefix = this.build();
    return Math.max(0, prefix[second.start]! - prefix[first.end]!);
  }

  /**
   * The spans of `spans` that can be within `within` words of `span` (a superset, in their
   * original order; callers still check with {@link between}). Short lists come back whole;
   * long ones, as on a very long message, are searched through an index sorted by start, so
   * looking up neighbours costs the neighbourhood, not the whole message.
   */
  candidates<T extends Span>(spans: readonly T[], span: Span, within: number): readonly T[] {
    if (spans.length <= LINEAR_LIMIT) return spans;
    // A Map, made on first need: one index lives only as long as its message's evaluation.
    this.indexes ??= new Map();
    let index = this.indexes.get(spans);
    if (!index) {
      index = sortSpans(spans);
      this.indexes.set(spans, index);
    }
    const prefix = this.build();
    // A span before `span` is near when its end is at or after lowPos, one after it when its
    // start is at or before highPos (the word counts are monotone in position).
    const lowPos = firstAtLeast(prefix, prefix[Math.min(span.start, prefix.length - 1)]! - within);
    const highPos = lastAtMost(prefix, prefix[Math.min(span.end, prefix.length - 1)]! + within);
    const { order, starts, maxLength } = index;
    let i = firstStartAtLeast(starts, lowPos - maxLength);
    if (index.inOrder) {
      // Already by start (hits arrive in text order): the neighbours are a run of the list itself.
      const near: T[] = [];
      const from = i;
      for (; i < spans.length && starts[i]! <= highPos; i++) if (spans[i]!.end >= lowPos) near.push(spans[i]!);
      workMeter.steps += i - from;
      return near;
    }
    const picked: number[] = [];
    const from = i;
    for (; i < order.length && starts[i]! <= highPos; i++) if (spans[order[i]!]!.end >= lowPos) picked.push(order[i]!);
    workMeter.steps += i - from;
    picked.sort((a, b) => a - b);
    return picked.map((k) => spans[k]!);
  }

  private indexes: Map<readonly Span[], SortedSpans> | undefined;

  private build(): Float32Array {
    if (this.prefix) return this.prefix;
    const text = this.text;
    const prefix = new Float32Array(text.length + 1);
    workMeter.steps += text.length;
    let words = 0;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      prefix[i] = words;
      const code = text.charCodeAt(i);
      if (isCjk(code)) {
        words += 0.5;
        inWord = false;
      } else if (isWordUnit(code)) {
        if (!inWord) words += 1;
        inWord = true;
        // The count at i is taken before i, so a word starting here counts only after it.
      } else if (code < 0xd800 || code > 0xdfff) {
        inWord = false;
      }
    }
    prefix[text.length] = words;
    this.prefix = prefix;
    return prefix;
  }
}

function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x27;
  return code !== 0x3000 && !(code >= 0x2000 && code <= 0x206f) && !(code >= 0x3001 && code <= 0x303f) && !(code >= 0xff01 && code <= 0xff0f);
}

/** Lists up to this long are scanned whole: an index would cost more than it saves. */
const LINEAR_LIMIT = 32;

interface SortedSpans {
  /** Positions in the original list, by start. */
  readonly order: Int32Array;
  readonly starts: Int32Array;
  readonly maxLength: number;
  /** The list was sorted by start already: `order` is the identity. */
  readonly inOrder: boolean;
}

function sortSpans(spans: readonly Span[]): SortedSpans {
  // A plain loop: Int32Array.from over the keys' iterator was most of this function on long texts.
  const order = new Int32Array(spans.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Hits mostly arrive in text order already; the comparator sort is for the rest.
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++) sorted = spans[i - 1]!.start <= spans[i]!.start;
  if (!sorted) order.sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  const starts = new Int32Array(order.length);
  let maxLength = 0;
  for (let i = 0; i < order.length; i++) {
    const s = spans[order[i]!]!;
    starts[i] = s.start;
    if (s.end - s.start > maxLength) maxLength = s.end - s.start;
  }
  return { order, starts, maxLength, inOrder: sorted };
}

function firstStartAtLeast(starts: Int32Array, value: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position whose word count is at least `value` (prefix is non-decreasing). */
function firstAtLeast(prefix: Float32Array, value: number): number {
  let lo = 0;
  let hi = prefix.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (prefix[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last position whose word count is at most `value`, or -1. */
function lastAtMost(prefix: Float32Array, value: number): number {
  let lo = 0;
  let hi = prefix.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (prefix[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
