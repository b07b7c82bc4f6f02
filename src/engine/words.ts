import { isCjk } from '../text/index.js';
import type { Span } from '../text/types.js';

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

  private build(): Float32Array {
    if (this.prefix) return this.prefix;
    const text = this.text;
    const prefix = new Float32Array(text.length + 1);
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
