import { nearest } from '../policy/nearest.js';
import { isHighSurrogate, isLowSurrogate } from '../text/char-class.js';
import { OptionError, type OptionErrorCode } from './errors.js';
import type { Finding } from './types.js';

/** How redacted spans are written. */
export type RedactStyle = 'label' | 'mask' | ((finding: Finding, text: string) => string);

/** Which findings to mask and how. */
export interface RedactOptions {
  /** Categories to redact; default `['pii']`. */
  readonly categories?: readonly string[];
  /** Personal-data kinds to redact (`phone`, `email`, …); default all. */
  readonly entities?: readonly string[];
  /**
   * `label` writes `[phone]` (the entity, or the category for findings without one), `mask`
   * writes `maskChar` once per code point so the text keeps its length in code points, a
   * function writes what it returns for each masked span (given the span's first finding).
   * Default `label`.
   */
  readonly style?: RedactStyle;
  /**
   * One character for `mask`: the first code point of the string, astral ones (`🔒`) included;
   * default `*`, also when the string is empty or starts with a lone surrogate.
   */
  readonly maskChar?: string;
  /** Findings scoring below this stay visible; default 0.5 (the review threshold). */
  readonly minScore?: number;
}

/** A redacted message and the findings that were masked. */
export interface RedactResult {
  readonly text: string;
  readonly findings: readonly Finding[];
}

/** The names `categories` and `entities` accept on one moderator: what its rules can produce. */
export interface RedactNames {
  readonly categories: readonly string[];
  readonly entities: readonly string[];
}

/**
 * Throws {@link OptionError} when `categories` or `entities` names something no loaded rule can
 * produce (a typo would otherwise redact nothing and leak what it was meant to hide), and a
 * `TypeError` when either is not an array of strings.
 */
export function checkRedactOptions(options: RedactOptions | undefined, names: RedactNames): void {
  if (options === undefined || options === null) return;
  checkNames(options.categories, 'categories', 'unknown_category', names.categories);
  checkNames(options.entities, 'entities', 'unknown_entity', names.entities);
}

function checkNames(given: unknown, option: string, code: OptionErrorCode, known: readonly string[]): void {
  if (given === undefined) return;
  if (!Array.isArray(given) || !given.every((name) => typeof name === 'string')) {
    throw new TypeError(`redact() expects ${option} as an array of names, got ${JSON.stringify(given) ?? typeof given}`);
  }
  for (const [index, value] of (given as string[]).entries()) {
    if (known.includes(value)) continue;
    const suggestion = nearest(value, known);
    throw new OptionError('redact', { code, path: [option, index], value, known, ...(suggestion === undefined ? {} : { suggestion }) });
  }
}

/** The findings `options` chooses to mask: of the chosen categories and entities, scoring at least `minScore`. */
export function chooseFindings(findings: readonly Finding[], options: RedactOptions = {}): Finding[] {
  const categories = options.categories ?? ['pii'];
  return findings.filter(
    (f) =>
      categories.includes(f.category) &&
      (options.entities === undefined || (f.entity !== undefined && options.entities.includes(f.entity))) &&
      f.score >= (options.minScore ?? 0.5),
  );
}

/** Masks the chosen findings; overlapping spans merge, everything else is left as it was. */
export function redactFindings(text: string, findings: readonly Finding[], options: RedactOptions = {}): RedactResult {
  const chosen = chooseFindings(findings, options);
  const style = options.style ?? 'label';
  const maskChar = firstCharacter(options.maskChar ?? '*');
  const sorted = [...chosen].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i]!;
    let end = first.end;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start < end) end = Math.max(end, sorted[j++]!.end);
    const span = text.slice(first.start, end);
    out += text.slice(cursor, first.start);
    if (typeof style === 'function') out += style(first, span);
    else if (style === 'mask') out += maskChar.repeat(countCodePoints(span));
    else out += `[${first.entity ?? first.category}]`;
    cursor = end;
    i = j;
  }
  out += text.slice(cursor);
  return { text: out, findings: chosen };
}

/** The first code point of `text` as a string; `*` when there is none or it is a lone surrogate. */
function firstCharacter(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined || (first >= 0xd800 && first <= 0xdfff)) return '*';
  return String.fromCodePoint(first);
}

/** Code points in `text`, a lone surrogate counting as one: masking per UTF-16 unit would write two masks for `😀`. */
function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    count++;
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return count;
}
