import type { TermEntry } from '../../policy/load.js';
import { isLowerAsciiLetter as isLetter } from '../../text/char-class.js';
import { readLettersBack } from '../../text/index.js';
import { workMeter } from '../../text/work-meter.js';
import { plainViewOf } from '../../text/plain-view.js';
import type { ExplanationStep } from '../../engine/types.js';
import { noOptions, type Detector, type DetectorContext, type DetectorMatch, type RejectedCandidate } from '../types.js';
import { detectorSteps } from '../steps.js';
import { ID_SCHEMES, type IdScheme } from './id-schemes.js';
import { hasSixDigitRun, looksLikeAmount, originalOf } from './numbers.js';

export { isChineseResidentId, isIssuableSsn } from './id-schemes.js';

/** The rule set's list of words that name an id, labelled by scheme id (`any`: an id of any country). */
export const KEYWORD_LIST = 'national-id-keywords';
/** The rule set's list of words that may stand between such a word and the number (`number`, `is`, 是). */
export const FILLER_LIST = 'national-id-fillers';
const ANY = 'any';

/** A valid number named by a keyword of its scheme. */
const NAMED_SCORE = 0.9;
/** A number whose check fails, right after a keyword: typed as someone's id, perhaps mistyped. */
const FAILED_SCORE = 0.55;
const FAILED_DELTA = -0.35;

const S = ID_SCHEMES;
/** Schemes of numbers made only of digits, by length. */
const BY_LENGTH: Readonly<Record<number, readonly IdScheme[]>> = {
  9: [S['us-ssn'], S['ca-sin'], S['nl-bsn']],
  11: [S['ng-nin'], S['de-steuer-id'], S['br-cpf']],
  12: [S['in-aadhaar']],
  13: [S['kr-rrn']],
  15: [S['fr-nir']],
  18: [S['cn-ric']],
};

/** A span of the digits view that has the shape of one or more schemes' numbers. */
interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Upper case, without separators: `AB123456C`. */
  readonly value: string;
  readonly schemes: readonly IdScheme[];
}

const RUN = /\d+/g;
// A codice fiscale, letters in the digit places allowed (omocodia). Looked for only in messages
// with its birth date's shape, year, month letter and day (`85T10A`), in digits of either width:
// omocodia replaces digits from the right, and so reaches those four last.
const CODICE_FISCALE = /(?<![a-z0-9])[a-z]{6}[0-9lmnp-v]{2}[abcdehlmprst][0-9lmnp-v]{2}[a-z][0-9lmnp-v]{3}[a-z](?![a-z0-9])/g;
const CODICE_FISCALE_HINT = /[0-9０-９]{2}[a-zａ-ｚ][0-9０-９]{2}[a-zａ-ｚ]/i;
// Corsica's departments 2A and 2B inside a NIR: the digits view stops the number at the letter.
const NIR_CORSICA = /(\d{5})2([ab])[\s.-]?(\d{8})(?![0-9a-z])/y;

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

function isSeparator(unit: number): boolean {
  return unit === 0x20 || unit === 0x2d;
}

/** Letters, digits and the characters that glue a number into a handle or an address. */
function isGlue(unit: number): boolean {
  return isLetter(unit) || isDigit(unit) || unit === 0x40 || unit === 0x5f;
}

/** Numbers made only of digits: runs of the digits view. */
function numericCandidates(dv: string, runs: readonly RegExpExecArray[], out: Candidate[]): void {
  for (const match of runs) {
    const start = match.index;
    const end = start + match[0].length;
    const digits = match[0];
    const before = dv.charCodeAt(start - 1);
    // A `+` starts a phone number; a letter or `HL-` before the digits makes a code of them.
    if (before === 0x2b || isGlue(before) || (/[-_#]/.test(dv[start - 1] ?? '') && isLetter(dv.charCodeAt(start - 2)))) continue;
    const after = dv.charCodeAt(end);
    if (digits.length === 17 && after === 0x78 && !isGlue(dv.charCodeAt(end + 1))) {
      out.push({ start, end: end + 1, value: `${digits}X`, schemes: BY_LENGTH[18]! });
    } else if (digits.length === 6 && digits.endsWith('2') && (after === 0x61 || after === 0x62)) {
      NIR_CORSICA.lastIndex = start;
      const nir = NIR_CORSICA.exec(dv);
      if (nir) out.push({ start, end: start + nir[0].length, value: `${nir[1]}2${nir[2]!.toUpperCase()}${nir[3]}`, schemes: BY_LENGTH[15]! });
    } else if (!isGlue(after)) {
      const schemes = BY_LENGTH[digits.length];
      if (schemes) out.push({ start, end, value: digits, schemes });
    }
  }
}

/** Runs of six digits or more: the fewest an id has. */
function runsOfSix(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  RUN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = RUN.exec(text)) !== null) if (match[0].length >= 6) out.push(match);
  return out;
}

/** Where the letters glued before `start` begin, or -1 when they are part of a longer word. */
function lettersBefore(al: string, start: number): number {
  let from = start;
  while (from > 0 && isLetter(al.charCodeAt(from - 1)) && start - from < 3) from--;
  if (start - from === 3 || isGlue(al.charCodeAt(from - 1))) return -1;
  return from;
}

/**
 * Numbers with letters, read where the digits view's look-alike digits are letters again:
 * `AB 12 34 56 C`, `A123456(3)`, `X1234567L`, `S1234567D`, `12345678Z`, `A123456789`.
 */
function alphanumericCandidates(al: string, runs: readonly RegExpExecArray[], out: Candidate[]): void {
  for (const match of runs) {
    const start = match.index;
    const end = start + match[0].length;
    const digits = match[0];
    let from = lettersBefore(al, start);
    if (from < 0) continue;
    // A prefix written apart: a NINO's after a space or dash (`QQ 12 34 56 C`), one letter after a dash (`X-1234567-L`).
    if (from === start && isSeparator(al.charCodeAt(start - 1))) {
      const letters = lettersBefore(al, start - 1);
      if ((digits.length === 6 && letters === start - 3) || (al.charCodeAt(start - 1) === 0x2d && letters === start - 2)) from = letters;
    }
    const prefix = al.slice(from, start).replace(/[^a-z]/g, '').toUpperCase();
    // One letter after, glued, after a space or dash, or in brackets; then a boundary.
    let to = end;
    let suffix = '';
    const next = al.charCodeAt(end);
    const bracket = next === 0x28;
    if (isLetter(next) || ((bracket || isSeparator(next)) && isLetter(al.charCodeAt(end + 1)))) {
      const at = isLetter(next) ? end : end + 1;
      const close = bracket && al.charCodeAt(at + 1) === 0x29 ? 1 : 0;
      if (!isGlue(al.charCodeAt(at + 1 + close)) && (!bracket || close === 1)) {
        suffix = al[at]!.toUpperCase();
        to = at + 1 + close;
      } else if (at === end) continue;
    } else if (isGlue(next)) continue;
    // A check digit in brackets joins the digits in the digits view: `a1234567)`.
    if (!suffix && next === 0x29) to = end + 1;
    const schemes = alphanumericSchemes(prefix, digits.length, suffix);
    if (schemes.length > 0) out.push({ start: from, end: to, value: prefix + digits + suffix, schemes });
  }
}

function alphanumericSchemes(prefix: string, length: number, suffix: string): readonly IdScheme[] {
  const letters = prefix.length;
  if (letters === 2 && length === 6) return suffix === 'A' ? [S['gb-nino'], S['hk-hkid']] : [S['gb-nino']];
  if (letters === 1 && length === 6 && suffix === 'A') return [S['hk-hkid']];
  if (letters >= 1 && letters <= 2 && length === 7 && !suffix) return [S['hk-hkid']];
  if (letters === 1 && length === 7 && suffix) {
    if ('XYZ'.includes(prefix)) return [S['es-nie']];
    if ('STFGM'.includes(prefix)) return [S['sg-nric']];
  }
  if (letters === 0 && length === 8 && suffix) return [S['es-dni']];
  if (letters === 1 && length === 9 && !suffix) return [S['tw-id']];
  return [];
}

/** The words of the rule set's lists, compiled once per rule set. */
interface Keywords {
  /** The keywords that start with a letter or digit, global; the longest first. */
  readonly words: RegExp | undefined;
  /** The others (身份证, 주민등록번호, आधार), looked for only in a message that has such letters. */
  readonly others: RegExp | undefined;
  /** A keyword without its separators → the schemes it names. */
  readonly schemes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Only separators and filler words. */
  readonly fillers: RegExp;
}

const compiled = new WeakMap<object, Keywords>();

function normalise(term: string): string {
  return plainViewOf(term).text.trim().replace(/\s+/g, ' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * A keyword as a pattern: an acronym may be dotted or spaced letter by letter (`s.s.n`, `S S N`,
 * but not `it's in` for `sin`), words joined or hyphenated, Chinese spaced (`身 份 证`). The
 * word boundary before a keyword is the caller's, once for all of them.
 */
function keywordPattern(term: string): string {
  const tail = /[a-z0-9]$/.test(term) ? '(?![a-z])' : '';
  if (/^[a-z]{2,4}$/.test(term)) return `(?:${[...term].join('\\.?')}|${[...term].join(' ')})${tail}`;
  const chars = [...term];
  let body = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (/[\s._-]/.test(ch)) {
      if (!/[\s._-]/.test(chars[i - 1] ?? '')) body += '[\\s._-]{0,2}';
      continue;
    }
    if (i > 0 && /[^\x00-\x7f]/.test(ch) && !/[\s._-]/.test(chars[i - 1]!)) body += '\\s?';
    body += escape(ch);
  }
  return body + tail;
}

function keywordKey(text: string): string {
  return text.replace(/[\s._-]/g, '');
}

function keywordsOf(lists: Readonly<Record<string, readonly TermEntry[]>>): Keywords {
  const cached = compiled.get(lists);
  if (cached) return cached;
  const schemes = new Map<string, Set<string>>();
  const terms = new Set<string>();
  for (const { term, label } of lists[KEYWORD_LIST] ?? []) {
    const normal = normalise(term);
    if (normal === '') continue;
    terms.add(normal);
    const key = keywordKey(normal);
    const named = schemes.get(key) ?? new Set<string>();
    named.add(label);
    schemes.set(key, named);
  }
  // Longest first, so `social security number` wins over `social security`; one lookbehind for
  // the words that start with a letter or digit, so that V8 tries them only at a word's start.
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const words = sorted.filter((t) => /^[a-z0-9]/.test(t)).map(keywordPattern);
  const others = sorted.filter((t) => !/^[a-z0-9]/.test(t)).map(keywordPattern);
  const fillers = [...new Set((lists[FILLER_LIST] ?? []).map(({ term }) => normalise(term)).filter((t) => t !== ''))]
    .sort((a, b) => b.length - a.length)
    .map((t) => escape(t) + (/[a-z0-9]$/.test(t) ? '(?![a-z])' : ''));
  const keywords: Keywords = {
    words: words.length > 0 ? new RegExp(`(?<![a-z0-9])(?:${words.join('|')})`, 'g') : undefined,
    others: others.length > 0 ? new RegExp(others.join('|'), 'g') : undefined,
    schemes,
    fillers: new RegExp(`^(?:[\\s:：#=.,\\-–—()'"/№]${fillers.map((f) => `|${f}`).join('')})*$`),
  };
  compiled.set(lists, keywords);
  return keywords;
}

/** A keyword in the message: where, and the schemes it names. */
interface KeywordHit {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  readonly schemes: ReadonlySet<string>;
}

/** Every keyword in the message, in order: a message with numbers often has several. */
function keywordHits(al: string, keywords: Keywords): KeywordHit[] {
  const out: KeywordHit[] = [];
  collectHits(al, keywords.words, keywords, out);
  if (keywords.others && NOT_ASCII.test(al)) {
    collectHits(al, keywords.others, keywords, out);
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

const NOT_ASCII = /[^\x00-\x7f]/;

function collectHits(al: string, find: RegExp | undefined, keywords: Keywords, out: KeywordHit[]): void {
  if (!find) return;
  find.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = find.exec(al)) !== null) {
    const schemes = keywords.schemes.get(keywordKey(match[0]));
    if (schemes) out.push({ start: match.index, end: match.index + match[0].length, word: match[0], schemes });
  }
}

/** The keywords around a candidate: those in its clause before it or just after it, and the one next to it. */
interface Naming {
  readonly near: readonly KeywordHit[];
  /** The last keyword before the number, when only separators and filler words stand between. */
  readonly next: KeywordHit | undefined;
}

const NOBODY: Naming = { near: [], next: undefined };
/** How far before a number a keyword still names it, and how far after. */
const BEFORE = 48;
const AFTER = 16;

function isClauseBreak(unit: number, after: boolean): boolean {
  if (unit === 0x0a || unit === 0x21 || unit === 0x3f || unit === 0x3b || unit === 0x3002 || unit === 0xff01 || unit === 0xff1f || unit === 0xff1b) return true;
  // After the number a comma or full stop ends its clause; before it `no.` and `#,` are common.
  return after && (unit === 0x2c || unit === 0x2e || unit === 0xff0c);
}

function namingOf(al: string, candidate: Candidate, hits: readonly KeywordHit[], keywords: Keywords): Naming {
  if (hits.length === 0) return NOBODY;
  let from = candidate.start;
  while (from > 0 && candidate.start - from < BEFORE && !isDigit(al.charCodeAt(from - 1)) && !isClauseBreak(al.charCodeAt(from - 1), false)) from--;
  let to = candidate.end;
  while (to < al.length && to - candidate.end < AFTER && !isDigit(al.charCodeAt(to)) && !isClauseBreak(al.charCodeAt(to), true)) to++;
  const near: KeywordHit[] = [];
  let last: KeywordHit | undefined;
  // Only the hits inside the window: a long message can hold thousands of numbers and keywords.
  for (let h = firstHitFrom(hits, from); h < hits.length && hits[h]!.start < to; h++) {
    const hit = hits[h]!;
    workMeter.steps++;
    if (hit.end <= candidate.start) {
      near.push(hit);
      last = hit;
    } else if (hit.start >= candidate.end) near.push(hit);
  }
  const next = last && keywords.fillers.test(al.slice(last.end, candidate.start)) ? last : undefined;
  return near.length === 0 ? NOBODY : { near, next };
}

/** The index of the first hit that starts at or after `from` (hits are in order). */
function firstHitFrom(hits: readonly KeywordHit[], from: number): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (hits[middle]!.start < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The word in `hits` that names `scheme` itself, or else (when `any` counts) any id. */
function wordFor(hits: readonly (KeywordHit | undefined)[], scheme: string, any: boolean): string | undefined {
  let word: string | undefined;
  for (const hit of hits) {
    if (hit?.schemes.has(scheme)) return hit.word;
    if (any && hit?.schemes.has(ANY)) word ??= hit.word;
  }
  return word;
}

/** The decision for one scheme's reading of a candidate: a match, or why there is none. */
type Reading = { readonly score: number; readonly steps: readonly ExplanationStep[] } | { readonly rejected: string };

function read(scheme: IdScheme, candidate: Candidate, written: string, naming: () => Naming): Reading {
  const problem = scheme.problem(candidate.value);
  // The form it was written in could be reported without a keyword, had its check passed; then
  // a word for any id (`id number`) names it too. A weak scheme needs a word of its own.
  const alone = scheme.alone?.(candidate.value, written);
  if (problem === undefined) {
    const word = wordFor(naming().near, scheme.id, alone !== undefined);
    if (word !== undefined) {
      return { score: NAMED_SCORE, steps: detectorSteps(`${scheme.name}: ${scheme.checked} valid, named by "${word}"`) };
    }
    if (alone !== undefined) return { score: alone, steps: detectorSteps(`${scheme.name}: ${scheme.checked} valid`) };
    return { rejected: `${scheme.id}: ${scheme.checked} valid, but no keyword of the scheme names it` };
  }
  const word = wordFor([naming().next], scheme.id, alone !== undefined);
  if (word === undefined) return { rejected: `${scheme.id}: ${problem}` };
  return {
    score: FAILED_SCORE,
    steps: [
      { kind: 'detector', delta: 0, note: `${scheme.name}, right after "${word}"` },
      { kind: 'check-failed', delta: FAILED_DELTA, note: `check failed: ${problem}; kept, since it was given as an id` },
    ],
  };
}

function scan(context: DetectorContext, rejected?: RejectedCandidate[]): DetectorMatch[] {
  const { text, views } = context;
  const view = views.digits;
  const dv = view.text;
  const al = readLettersBack(view, text);
  const candidates: Candidate[] = [];
  const runs = runsOfSix(dv);
  numericCandidates(dv, runs, candidates);
  alphanumericCandidates(al, al === dv ? runs : runsOfSix(al), candidates);
  if (CODICE_FISCALE_HINT.test(al)) {
    CODICE_FISCALE.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = CODICE_FISCALE.exec(al)) !== null) {
      candidates.push({ start: match.index, end: match.index + 16, value: match[0].toUpperCase(), schemes: [S['it-cf']] });
    }
  }
  const keywords = keywordsOf(context.lists);
  let hits: KeywordHit[] | undefined;
  const out: DetectorMatch[] = [];
  // The scans above: runs of digits, letters read back, the codice fiscale's and the keywords'.
  workMeter.steps += 4 * dv.length;
  for (const candidate of candidates) {
    workMeter.steps++;
    const written = originalOf(view, text, candidate.start, candidate.end);
    let naming: Naming | undefined;
    const named = () => (naming ??= namingOf(al, candidate, (hits ??= keywordHits(al, keywords)), keywords));
    let best: { scheme: IdScheme; score: number; steps: readonly ExplanationStep[] } | undefined;
    for (const scheme of candidate.schemes) {
      const reading = read(scheme, candidate, written, named);
      if ('rejected' in reading) rejected?.push({ view: 'digits', start: candidate.start, end: candidate.end, reason: reading.rejected });
      else if (!best || reading.score > best.score) best = { scheme, score: reading.score, steps: reading.steps };
    }
    if (!best) continue;
    // Asked only of a number that would be reported: most candidates are not.
    const before = dv.slice(Math.max(0, candidate.start - 4), candidate.start);
    if (/^\d/.test(candidate.value) && looksLikeAmount(before, dv.slice(candidate.end, candidate.end + 8))) {
      rejected?.push({ view: 'digits', start: candidate.start, end: candidate.end, reason: 'an amount, not an id' });
      continue;
    }
    out.push({
      view: 'digits',
      start: candidate.start,
      end: candidate.end,
      entity: 'national-id',
      scheme: best.scheme.id,
      score: best.score,
      matched: candidate.value,
      values: { kind: best.scheme.name },
      steps: best.steps,
    });
  }
  return out;
}

/**
 * National id numbers of many countries (ID_SCHEMES), read in the digits view so spaced,
 * dashed and full-width digits count: each scheme's shape, then its check (digit, letter, birth
 * date, issued range). A scheme whose check is weak or absent (a UK NINO, a 9-digit number with a
 * 1-in-10 check) is reported only near one of its words in the rule set's `national-id-keywords`
 * list; a number whose check fails is reported, lower, right after one (`my SSN is`, 身份证号).
 */
export const nationalIdDetector: Detector = {
  name: 'national-id',
  optionsSchema: noOptions,
  description:
    `A national id number (${Object.keys(ID_SCHEMES).join(', ')}): shape, check digit, and the words of the rule set's ` +
    `${KEYWORD_LIST} list (labelled by scheme, or any) and ${FILLER_LIST} list.`,
  placeholders: ['kind'],
  precheck: (text) => hasSixDigitRun(text) || CODICE_FISCALE_HINT.test(text),
  detect: (context) => scan(context),
  explainRejected(context) {
    const rejected: RejectedCandidate[] = [];
    scan(context, rejected);
    return rejected;
  },
};
