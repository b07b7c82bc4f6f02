/** Names of the normalised views a rule can match against. */
export type ViewName = 'original' | 'plain' | 'skeleton' | 'digits';

/**
 * A normalised copy of a message with a map back to the original text.
 * View code unit `i` came from `original.slice(starts[i], ends[i])`.
 * Both arrays are monotone non-decreasing and every `starts[i]`/`ends[i]` is a code-point
 * boundary of the original (never inside a surrogate pair).
 */
export interface TextView {
  readonly name: ViewName;
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * The skeleton view adds what lexical matching needs to undo the collapsing it did.
 * `runs[i]` is how many identical letters were collapsed into view code unit `i` (1 when none).
 * `breaks[i]` is 1 when a word boundary that the view removed lies just before code unit `i`
 * (punctuation dropped inside a word such as `fu.ck` or `dumb-ass`), 0 otherwise.
 */
export interface SkeletonView extends TextView {
  readonly runs: Uint16Array;
  readonly breaks: Uint8Array;
}

/** A half-open span of UTF-16 code units. */
export interface Span {
  readonly start: number;
  readonly end: number;
}
