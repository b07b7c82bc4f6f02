import { isHighSurrogate, isLowSurrogate } from './char-class.js';
import type { TextView } from './types.js';
import { ViewBuilder } from './view-builder.js';

// The skeleton needs a few facts the plain text has folded away (upper-case Cyrillic `В` looks
// like `B` but its lower case `в` looks like nothing Latin; `，` became `,`), so each plain view
// remembers the text it was made from without widening the public TextView shape.
const sources = new WeakMap<TextView, string>();

/** The original text a plain view was made from, when it was made by createPlainView. */
export function originalTextOf(view: TextView): string | undefined {
  return sources.get(view);
}

/** True for characters that render as nothing and are used to split words invisibly. */
export function isInvisible(cp: number): boolean {
  if (cp < 0xad) return false;
  if (cp <= 0xffff) {
    return (
      cp === 0xad ||
      cp === 0x61c ||
      cp === 0x115f ||
      cp === 0x1160 ||
      cp === 0x180e ||
      (cp >= 0x200b && cp <= 0x200f) ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2060 && cp <= 0x2064) ||
      (cp >= 0x2066 && cp <= 0x2069) ||
      cp === 0x3164 ||
      (cp >= 0xfe00 && cp <= 0xfe0f) ||
      cp === 0xfeff ||
      cp === 0xffa0
    );
  }
  return (cp >= 0xe0000 && cp <= 0xe007f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x1d173 && cp <= 0x1d17a);
}

/**
 * True for the control characters that render as nothing and hide a word from a filter
 * (`f\x01u\x01c\x01k`, `we\x00chat`): C0 controls other than tab, line feed, vertical tab, form
 * feed and carriage return (which are whitespace and stay separators), DEL, and C1 controls
 * other than NEL (a line break). Lone surrogate halves are dropped with them, in `fold`.
 */
function isHiddenControl(cp: number): boolean {
  return cp < 0x09 || (cp > 0x0d && cp < 0x20) || (cp >= 0x7f && cp <= 0x9f && cp !== 0x85);
}

/** U+2800 BRAILLE PATTERN BLANK renders as a blank and is typed as a space that filters do not split on. */
const BRAILLE_BLANK = 0x2800;

const MARKS = /\p{M}/u;
const ALL_MARKS = /\p{M}/gu;

function foldCodePoint(cp: number): string {
  // A surrogate half reaches here only unpaired: it renders as a replacement box at most.
  if (isInvisible(cp) || isHiddenControl(cp) || (cp >= 0xd800 && cp <= 0xdfff)) return '';
  if (cp === BRAILLE_BLANK) return ' ';
  let folded = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
  // Strip marks only when the decomposition has some: decomposing unconditionally would turn
  // every Hangul syllable into jamo. Lower-casing can add marks (`İ` → `i̇`), so test after it.
  const decomposed = folded.normalize('NFKD');
  if (MARKS.test(decomposed)) folded = decomposed.replace(ALL_MARKS, '').normalize('NFC');
  if (folded === 'ς') folded = 'σ';
  return folded;
}

/**
 * False for characters the plain view never holds (NFKC replaced them, or they are upper case), so
 * that the regex check can ignore them; true for every character it can hold, and for some it
 * cannot (a test walks every code point to keep this side of the line).
 */
export function canAppearInPlainView(cp: number): boolean {
  // Unpaired surrogates pass through fold unchanged.
  if (cp >= 0xd800 && cp <= 0xdfff) return true;
  const text = String.fromCodePoint(cp);
  return text.normalize('NFKC') === text && text.toLowerCase() === text;
}

// Distinct non-ASCII code points in real traffic number in the thousands; the bound only stops
// an adversarial stream of every code point from holding memory forever.
const CACHE_LIMIT = 50_000;
const cache = new Map<number, string>();

function fold(cp: number): string {
  let folded = cache.get(cp);
  if (folded === undefined) {
    folded = foldCodePoint(cp);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(cp, folded);
  }
  return folded;
}

/** Identity maps are shared up to this length (2 × 4 bytes × 8192 = 64 KiB). */
const SHARED_IDENTITY = 8192;
const identityStarts = new Int32Array(SHARED_IDENTITY);
const identityEnds = new Int32Array(SHARED_IDENTITY);
for (let i = 0; i < SHARED_IDENTITY; i++) {
  identityStarts[i] = i;
  identityEnds[i] = i + 1;
}

/**
 * Maps for a view whose unit `i` is original unit `i` (ASCII text): windows onto shared arrays,
 * so most chat messages cost no allocation or fill here. View maps are read-only by contract.
 */
export function identityMaps(n: number): { starts: Int32Array; ends: Int32Array } {
  if (n <= SHARED_IDENTITY) return { starts: identityStarts.subarray(0, n), ends: identityEnds.subarray(0, n) };
  const spans = new Int32Array(2 * n);
  const starts = spans.subarray(0, n);
  const ends = spans.subarray(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { starts, ends };
}

/**
 * Creates the plain view: NFKC, lower case, diacritics, invisible characters, hidden controls
 * and lone surrogates removed, U+2800 read as a space, one code point at a time so every view
 * unit maps to the whole code point it came from.
 */
export function createPlainView(text: string): TextView {
  const view = plainViewOf(text);
  sources.set(view, text);
  return view;
}

/**
 * An ASCII text in lower case, as a one-byte string. `toLowerCase` keeps the storage of its input,
 * and a slice of a string with an emoji elsewhere is stored two-byte; V8 compiles every regular
 * expression once for one-byte and again for two-byte subjects, and the rules' patterns are large,
 * so the plain view is one-byte whenever what it holds allows.
 */
function lowerAscii(text: string): string {
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[i] = unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
  }
  return bytes.toString('latin1');
}

/**
 * The plain view without remembering its source text: for callers that pass the source to
 * `createSkeletonView` themselves (a WeakMap entry per message showed in GC time).
 */
export function plainViewOf(text: string): TextView {
  const n = text.length;
  // Printable ASCII and whitespace keep the identity maps; DEL and the other controls are dropped.
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x7f || (unit < 0x20 && (unit < 0x09 || unit > 0x0d))) {
      ascii = false;
      break;
    }
  }
  let view: TextView;
  if (ascii) {
    const { starts, ends } = identityMaps(n);
    view = { name: 'plain', text: lowerAscii(text), starts, ends };
  } else {
    const out = new ViewBuilder(n);
    let i = 0;
    while (i < n) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        if (!isHiddenControl(unit)) out.push(unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit, i, i + 1);
        i++;
        continue;
      }
      let cp = unit;
      let width = 1;
      if (isHighSurrogate(unit) && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (isLowSurrogate(low)) {
          cp = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      const folded = fold(cp);
      if (folded.length === 1) out.push(folded.charCodeAt(0), i, i + width);
      else if (folded.length > 1) out.pushString(folded, i, i + width);
      i += width;
    }
    view = out.finish('plain');
  }
  return view;
}
