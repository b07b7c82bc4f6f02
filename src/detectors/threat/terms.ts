/**
 * Terms of plain chat text, read straight from compromise's model: its lexicon, tag set,
 * contraction list and aliases. The grammar needs compromise's tokenizer, contraction and lexicon
 * steps, which cost ~150 µs a piece through the library's document machinery; for text of
 * lower-case letters, digits, apostrophes, whitespace, sentence punctuation, brackets, stars and
 * emoji (nearly every chat message that reaches the grammar) the same terms are built here in
 * ~10 µs. Anything else (hyphens, slashes, currency, other scripts, a unit after a number, and the
 * rare plain text whose reading hangs on where compromise ends a sentence) returns `undefined`,
 * and the caller asks compromise. `test/detectors/threat/terms.test.ts` checks, term for term and
 * tag for tag, that both give what the grammar reads.
 */

import { isLowerAsciiAlnum } from '../../text/char-class.js';

/** One term as compromise's lexicon step leaves it, with its offset into the text it was given. */
export interface Term {
  readonly text: string;
  readonly normal: string;
  readonly implicit?: string;
  readonly machine?: string;
  readonly pre: string;
  readonly post: string;
  readonly tags: ReadonlySet<string>;
  readonly offset: { readonly start: number; readonly length: number };
}

type LexiconValue = string | readonly string[];

/** What these terms are read from: compromise's model, and its tagger for the words a contraction stands for. */
export interface TermSource {
  readonly model: TermModel;
  /**
   * compromise's terms for a short phrase, fully tagged (`nlp(text).docs[0]`): compromise parses
   * the words a contraction stands for ("you will", "right now") as a phrase of their own.
   */
  phrase(text: string): readonly { readonly text: string; readonly tags: ReadonlySet<string>; readonly alias?: readonly string[] }[];
}

/** The parts of compromise's model (`nlp.model().one`) these terms are read from. */
export interface TermModel {
  readonly lexicon: Readonly<Record<string, LexiconValue>>;
  readonly _multiCache: Readonly<Record<string, number>>;
  readonly tagSet: Readonly<Record<string, { readonly not?: readonly string[]; readonly parents?: readonly string[] }>>;
  readonly contractions: readonly { readonly word?: string; readonly after?: string; readonly before?: string; readonly out: readonly string[] }[];
  readonly aliases: Readonly<Record<string, string>>;
}

/**
 * Text this module reads itself: lower-case letters, digits, apostrophes, whitespace, sentence
 * punctuation, brackets, stars and emoji (pictographs are neither letters, numbers nor currency,
 * so compromise treats them as punctuation; © is left out, its table of accents reads it as c).
 */
const PLAIN_TEXT = /^(?:[a-z0-9' ,.!?;:"()*\n\t]|(?!\u00a9)\p{Extended_Pictographic})*$/u;
/** A term's text once its punctuation is off: letters and digits, with apostrophes inside or (dogs') at the end. */
const WORD = /^[a-z0-9][a-z0-9']*$/;
/** A number with a unit after it (4km), which compromise's contraction step splits in two: left to compromise. */
const NUMBER_UNIT = /^[0-9]+[a-z]/;
/** A number that keeps its brackets or sign: "(5)". */
const FULL_NUMBER = /^[(+\-]?\d+(th|st|nd|rd)?[)+\-]?$/;
/** Punctuation that, standing alone between spaces, joins the term before it (or the first term). */
const JOINS = new Set(['.', '?', '!', ':', ';', '...', '"', "'", '(', ')', '*']);
const STOPS_ONLY = /^[!?.]+$/;
/** Where compromise may end a sentence: sentence punctuation before a space, or a line break. */
const MAY_END_SENTENCE = /[.!?]\s|\n/;
/**
 * Punctuation other than stops after a place where a sentence may end: compromise gives it to
 * the next sentence, where it opens the next word's `pre` (or, alone, is a term of that sentence).
 */
const LOOSE_AFTER_END = /(?:[.!?]\s|\n)[\s.!?]*[^\s.!?]/;

const ACRONYM_START = /^[a-z]\.([a-z]\.)+/;
const S_APOSTROPHE = /[sn]'$/;

/** Verb and adjective prefixes the lexicon looks through ("re" + a known verb), and the tags they may carry. */
const PREFIX = /^(under|over|mis|re|un|dis|semi|pre|post)-?/;
const PREFIXABLE = new Set(['Verb', 'Infinitive', 'PastTense', 'Gerund', 'PresentTense', 'Adjective', 'Participle']);
/** "'d": always "did" after these, "had" before these, "would" before those. */
const D_IS_DID = new Set(['what', 'how', 'when', 'where', 'why']);
const D_IS_HAD = new Set(['been', 'gone']);
const D_IS_WOULD = new Set(['be', 'go', 'start', 'think', 'need']);

const NO_TAGS: ReadonlySet<string> = new Set();

/** A term being built; a class, so every term has one shape (object spreads made this 10x slower). */
class MutableTerm implements Term {
  implicit: string | undefined = undefined;
  machine: string | undefined = undefined;
  alias: readonly string[] | undefined = undefined;
  tags: ReadonlySet<string> = NO_TAGS;
  offset = { start: 0, length: 0 };
  constructor(
    public text: string,
    public normal: string,
    public pre: string,
    public post: string,
  ) {}
}

/** The terms a contraction's words become, as compromise parses and tags them on their own. */
interface Part {
  readonly text: string;
  readonly tags: ReadonlySet<string>;
  readonly alias?: readonly string[];
}

interface Compiled {
  readonly model: TermModel;
  readonly source: TermSource;
  /** Contraction words (joined by spaces) to their parts; a few hundred phrases in practice. */
  readonly parts: Map<string, readonly Part[]>;
  /** For each contraction key, the first entry of the model's list with it (list order decides). */
  readonly byWord: ReadonlyMap<string, number>;
  readonly byAfter: ReadonlyMap<string, number>;
  readonly byBefore: ReadonlyMap<string, number>;
  /** The tags a lexicon entry gives a word, by the entry's key, shared between all its words. */
  readonly tagged: Map<string, ReadonlySet<string>>;
}

const compiled = new WeakMap<TermSource, Compiled>();
/** How many contraction phrases are remembered; past that they are parsed each time. */
const MAX_PARTS = 4096;

function compile(source: TermSource): Compiled {
  let c = compiled.get(source);
  if (c) return c;
  const model = source.model;
  const byWord = new Map<string, number>();
  const byAfter = new Map<string, number>();
  const byBefore = new Map<string, number>();
  model.contractions.forEach((entry, i) => {
    if (entry.word !== undefined && !byWord.has(entry.word)) byWord.set(entry.word, i);
    if (entry.after !== undefined && !byAfter.has(entry.after)) byAfter.set(entry.after, i);
    if (entry.before !== undefined && !byBefore.has(entry.before)) byBefore.set(entry.before, i);
  });
  c = { model, source, parts: new Map(), byWord, byAfter, byBefore, tagged: new Map() };
  compiled.set(source, c);
  return c;
}

/** Adds `tag` to a set as compromise tags a word: first removing what it rules out, then its parents. */
function addTag(tags: Set<string>, tag: string, model: TermModel): void {
  if (tags.has(tag) || tag === '.') return;
  const known = model.tagSet[tag];
  if (known) {
    for (const not of known.not ?? []) tags.delete(not);
    for (const parent of known.parents ?? []) tags.add(parent);
  }
  tags.add(tag);
}

/** Applies a lexicon value (a tag, tags by position "#A #B", or a list of either) to terms. */
function applyValue(sets: Set<string>[], value: LexiconValue, model: TermModel): void {
  if (typeof value !== 'string') {
    for (const v of value) applyValue(sets, v, model);
    return;
  }
  const tag = value.trim();
  if (tag === '') return;
  if (/ /.test(tag)) {
    const byPosition = tag.split(/ /);
    sets.forEach((set, i) => {
      const t = byPosition[i];
      if (t) addTag(set, t.replace(/^#/, ''), model);
    });
    return;
  }
  for (const set of sets) addTag(set, tag.replace(/^#/, ''), model);
}

/** The tags one lexicon value gives a single word, shared between words with the same value. */
function tagsOfValue(c: Compiled, key: string, value: LexiconValue): ReadonlySet<string> {
  let tags = c.tagged.get(key);
  if (!tags) {
    const set = new Set<string>();
    applyValue([set], value, c.model);
    c.tagged.set(key, (tags = set));
  }
  return tags;
}

/** compromise's normal form of a term's text. */
function normalOf(text: string): string {
  let s = text.toLowerCase().trim();
  const original = s;
  s = s.replace(/[,;.!?]+$/, '');
  if (!/^[:;]/.test(s)) s = s.replace(/\.{3,}$/g, '').replace(/[",.!:;?)]+$/g, '').replace(/^['"(]+/g, '');
  s = s.trim();
  return s === '' ? original : s;
}

/** compromise's machine form of a new term's normal form, where it differs: "'s" off, "lookin'" as "looking". */
function machineOf(normal: string): string | undefined {
  // Each change needs an apostrophe; most words have none.
  if (!normal.includes("'")) return undefined;
  const s = normal.replace(/'s$/, '').replace(/s'$/, 's').replace(/([aeiou][ktrp])in'$/, '$1ing');
  return s !== normal ? s : undefined;
}

/**
 * Splits a run of text into term strings: each word with the whitespace and loose punctuation
 * after it (the first also with what comes before it). Returns the start of each.
 */
function termStarts(text: string): number[] {
  const starts: number[] = [];
  const chunk = /\S+/g;
  for (let m = chunk.exec(text); m; m = chunk.exec(text)) {
    const s = m[0];
    if (JOINS.has(s) || STOPS_ONLY.test(s)) continue;
    starts.push(starts.length === 0 ? 0 : m.index);
  }
  if (starts.length === 0) starts.push(0);
  return starts;
}

/** Pre- and post-punctuation off one term string; `undefined` when what is left is not a plain word. */
function splitPunctuation(original: string): { text: string; pre: string; post: string; alone: boolean } | undefined {
  let start = 0;
  let end = original.length;
  while (start < end && !isLowerAsciiAlnum(original.charCodeAt(start))) {
    if (original[start] === '(' && FULL_NUMBER.test(original.trim())) break;
    start++;
  }
  while (end > start) {
    const c = original[end - 1]!;
    if (isLowerAsciiAlnum(c.charCodeAt(0))) break;
    if (c === ')' && FULL_NUMBER.test(original.trim())) break;
    if (c === '.' && ACRONYM_START.test(original)) break;
    if (c === "'" && S_APOSTROPHE.test(original)) break;
    end--;
  }
  if (start === end) {
    // Punctuation alone (a lone comma): the term is the punctuation, spaces after it are its post.
    const text = original.replace(/ *$/, '');
    return { text, pre: '', post: original.slice(text.length), alone: true };
  }
  const text = original.slice(start, end);
  return WORD.test(text) && !NUMBER_UNIT.test(text) ? { text, pre: original.slice(0, start), post: original.slice(end), alone: false } : undefined;
}

/**
 * A contraction's words (`you'll` → you, will); null when the term is not one compromise splits;
 * undefined when only compromise can tell (it depends on where it ends a sentence).
 */
function contraction(c: Compiled, terms: readonly MutableTerm[], i: number, ends: ReadonlySet<number>): readonly string[] | null | undefined {
  const normal = terms[i]!.normal;
  let before: string | null = null;
  let after: string | null = null;
  if (normal.includes("'")) {
    const parts = normal.split(/'/);
    before = parts[0]!;
    after = parts[1]!;
  }
  // The model's list, first entry wins: a whole word, a known ending ('ll), a known beginning (c').
  let first = c.byWord.get(normal) ?? Infinity;
  if (after !== null) first = Math.min(first, c.byAfter.get(after) ?? Infinity);
  if (before !== null && after && after.length > 2) first = Math.min(first, c.byBefore.get(before) ?? Infinity);
  let words: readonly string[] | null = null;
  if (first !== Infinity) {
    const entry = c.model.contractions[first]!;
    if (entry.word === normal) words = entry.out;
    else if (entry.after !== undefined && entry.after === after) words = [before!, ...entry.out];
    else words = [...entry.out, after!];
  }
  if (!words && after === 't' && normal !== "ain't") words = [normal.replace(/n't/, ''), 'not'];
  if (!words && after === 'd') {
    if (D_IS_DID.has(before!)) words = [before!, 'did'];
    else {
      const next = terms[i + 1]?.normal;
      if (next !== undefined && (D_IS_HAD.has(next) || D_IS_WOULD.has(next))) {
        // The next word decides only within compromise's sentence; where one may end here, ask it.
        if (ends.has(i)) return undefined;
        words = [before!, D_IS_HAD.has(next) ? 'had' : 'would'];
      }
    }
  }
  if (!words && before === 'j') words = ['je', after!];
  if (!words && before === 'l') words = [after!.endsWith('e') ? 'la' : 'le', after!];
  if (!words && before === 'd') {
    const feminine = /(e|é|aison|sion|tion)$/.test(after!) && !/(age|isme|acle|ege|oire)$/.test(after!);
    words = [feminine ? 'du' : after!.endsWith('s') ? 'des' : 'de', after!];
  }
  // "there's" is "there has" before a "been" among the sentence's first words: compromise decides.
  if (before === 'there' && after === 's') return undefined;
  return words;
}

/**
 * compromise's terms for plain chat text, offsets relative to `text`; `undefined` when the text
 * is not plain enough to be sure of giving what compromise gives.
 */
export function plainTerms(text: string, source: TermSource): Term[] | undefined {
  if (!/[a-z]/.test(text) || !PLAIN_TEXT.test(text)) return undefined;
  const c = compile(source);
  const model = c.model;
  const starts = termStarts(text);
  const terms: MutableTerm[] = [];
  for (let k = 0; k < starts.length; k++) {
    const original = text.slice(starts[k], starts[k + 1] ?? text.length);
    const split = splitPunctuation(original);
    // Lone punctuation keeps all of its term string as its text; a word, what comes after it.
    if (!split || LOOSE_AFTER_END.test(split.alone ? original : split.post)) return undefined;
    // A word is its own normal form; only lone punctuation has any to take off.
    const normal = WORD.test(split.text) ? split.text : normalOf(split.text);
    const term = new MutableTerm(split.text, normal, split.pre, split.post);
    term.machine = machineOf(normal);
    if (Object.hasOwn(model.aliases, normal)) term.alias = [model.aliases[normal]!];
    terms.push(term);
  }
  // Where compromise may end a sentence: after these terms (by index, before contractions split).
  const endsAt = (list: readonly MutableTerm[]) => {
    const set = new Set<number>();
    for (let i = 0; i < list.length; i++) if (list[i]!.post !== ' ' && MAY_END_SENTENCE.test(list[i]!.post)) set.add(i);
    return set;
  };
  let ends = endsAt(terms);
  for (let i = terms.length - 1; i >= 0; i--) {
    const words = contraction(c, terms, i, ends);
    if (words === undefined) return undefined;
    if (words === null) continue;
    const original = terms[i]!;
    const parts: MutableTerm[] = partsOf(c, words).map((p) => {
      const part = new MutableTerm('', '', '', '');
      part.implicit = p.text;
      part.machine = p.text;
      part.tags = p.tags;
      part.alias = p.alias;
      return part;
    });
    if (parts.length === 0) continue;
    parts[0]!.pre = original.pre;
    parts[0]!.text = original.text;
    parts[0]!.normal = original.normal;
    parts[parts.length - 1]!.post = original.post;
    terms.splice(i, 1, ...parts);
  }
  ends = endsAt(terms);
  if (!tagTerms(c, terms, ends)) return undefined;
  let elapsed = 0;
  for (const term of terms) {
    term.offset.start = elapsed + term.pre.length;
    term.offset.length = term.text.length;
    elapsed += term.pre.length + term.text.length + term.post.length;
  }
  return terms;
}

function partsOf(c: Compiled, words: readonly string[]): readonly Part[] {
  const phrase = words.join(' ');
  let parts = c.parts.get(phrase);
  if (!parts) {
    parts = c.source.phrase(phrase).map((t) => ({ text: t.text, tags: t.tags, ...(t.alias ? { alias: t.alias } : {}) }));
    if (c.parts.size < MAX_PARTS) c.parts.set(phrase, parts);
  }
  return parts;
}

/** The lexicon step: multi-word entries first, then the word, its alias, or its stem after a prefix. */
function tagTerms(c: Compiled, terms: MutableTerm[], ends: ReadonlySet<number>): boolean {
  const { lexicon, _multiCache: multi } = c.model;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    if (term.tags.size > 0) continue;
    const word = term.machine || term.normal;
    if (Object.hasOwn(multi, word) && terms[i + 1]) {
      const found = multiWord(c, terms, i, multi[word]!, ends);
      if (found === undefined) return false;
      if (found) continue;
    }
    if (Object.hasOwn(lexicon, word)) {
      term.tags = tagsOfValue(c, word, lexicon[word]!);
      continue;
    }
    const alias = term.alias?.find((a) => Object.hasOwn(lexicon, a));
    if (alias !== undefined) {
      term.tags = tagsOfValue(c, alias, lexicon[alias]!);
      continue;
    }
    if (PREFIX.test(word)) {
      const stem = word.replace(PREFIX, '');
      const value = lexicon[stem];
      if (Object.hasOwn(lexicon, stem) && stem.length > 3 && typeof value === 'string' && PREFIXABLE.has(value)) term.tags = tagsOfValue(c, stem, value);
    }
  }
  return true;
}

/** Tags the longest multi-word lexicon entry starting at `i`; undefined when it would cross a possible sentence end. */
function multiWord(c: Compiled, terms: MutableTerm[], i: number, longest: number, ends: ReadonlySet<number>): boolean | undefined {
  const { lexicon } = c.model;
  for (let last = Math.min(i + longest - 1, terms.length - 1); last > i; last--) {
    const words = terms.slice(i, last + 1);
    const key = words.map((t) => t.machine || t.normal).join(' ');
    if (!Object.hasOwn(lexicon, key)) continue;
    for (let k = i; k < last; k++) if (ends.has(k)) return undefined;
    const value = lexicon[key]!;
    const sets = words.map((t) => new Set(t.tags));
    applyValue(sets, value, c.model);
    if (typeof value !== 'string' && value.length === 2 && (value[0] === 'PhrasalVerb' || value[1] === 'PhrasalVerb')) addTag(sets[1]!, 'Particle', c.model);
    words.forEach((t, k) => (t.tags = sets[k]!));
    return true;
  }
  return false;
}
