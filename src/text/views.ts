import { createDigitsView } from './digits-view.js';
import { isHighSurrogate, isLowSurrogate } from './char-class.js';
import { identityMaps, plainViewOf } from './plain-view.js';
import { createSkeletonView } from './skeleton-view.js';
import type { SkeletonView, Span, TextView } from './types.js';
import { workMeter } from './work-meter.js';

/** The views of one message; `skeleton` and `digits` are built on first use and then kept. */
export interface Views {
  readonly original: TextView;
  readonly plain: TextView;
  readonly skeleton: SkeletonView;
  readonly digits: TextView;
}

/**
 * Creates the identity view of a text. A surrogate pair's two units both map to the whole pair,
 * so no span taken from this view can split it.
 */
export function createOriginalView(text: string): TextView {
  const n = text.length;
  let pairs = false;
  for (let i = 0; i + 1 < n && !pairs; i++) pairs = isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1));
  if (!pairs) return { name: 'original', text, ...identityMaps(n) };
  // A copy of the identity maps, since surrogate pairs change them.
  const identity = identityMaps(n);
  const spans = new Int32Array(2 * n);
  const starts = spans.subarray(0, n);
  const ends = spans.subarray(n);
  starts.set(identity.starts);
  ends.set(identity.ends);
  for (let i = 0; i + 1 < n; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      ends[i] = i + 2;
      starts[i + 1] = i;
      i++;
    }
  }
  return { name: 'original', text, starts, ends };
}

class LazyViews implements Views {
  readonly plain: TextView;
  #original: TextView | undefined;
  #skeleton: SkeletonView | undefined;
  #digits: TextView | undefined;

  constructor(private readonly text: string) {
    this.plain = plainViewOf(text);
    workMeter.steps += text.length;
  }

  get original(): TextView {
    return (this.#original ??= createOriginalView(this.text));
  }

  get skeleton(): SkeletonView {
    if (this.#skeleton === undefined) workMeter.steps += this.plain.text.length;
    return (this.#skeleton ??= createSkeletonView(this.plain, this.text));
  }

  get digits(): TextView {
    if (this.#digits === undefined) workMeter.steps += this.plain.text.length;
    return (this.#digits ??= createDigitsView(this.plain));
  }
}

/** Creates every view of a message; only the plain view is computed up front. */
export function createViews(text: string): Views {
  return new LazyViews(text);
}

/**
 * Maps a half-open span of view units to the half-open span of original text it came from.
 * An empty span maps to the insertion point before its position (after the last unit at the
 * end); out-of-range positions are clamped. The result never splits a surrogate pair.
 */
export function mapSpanToOriginal(view: TextView, start: number, end: number): Span {
  const length = view.starts.length;
  const from = Math.max(0, Math.min(length, Math.trunc(start) || 0));
  const to = Math.max(from, Math.min(length, Math.trunc(end) || 0));
  if (to > from) return { start: view.starts[from]!, end: view.ends[to - 1]! };
  const at = from < length ? view.starts[from]! : length > 0 ? view.ends[length - 1]! : 0;
  return { start: at, end: at };
}
