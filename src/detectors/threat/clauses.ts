import { loadCompromise } from '../../engine/compromise.js';
import { CLAUSE_OPENERS } from './lexicon.js';
import { allMatches } from '../../text/regex.js';
import { plainTerms, type TermModel, type TermSource } from './terms.js';
import { latinTwin } from './reading.js';

/** One word as the grammar sees it, with its span in the reading text. */
export interface Token {
  /** Normalised word: contractions expanded (`'ll` → `will`), chat spellings read (`u` → `you`). */
  readonly w: string;
  readonly tags: ReadonlySet<string>;
  readonly start: number;
  readonly end: number;
  readonly pre: string;
  readonly post: string;
}

/** A stretch of a sentence with one predicate, as far as punctuation and conjunctions tell. */
export interface Clause {
  readonly tokens: readonly Token[];
  /** The conjunction that opened it (`if`, `or`, `unless`, `and`), if any. */
  readonly opener: string | undefined;
  readonly sentence: number;
  /** The sentence it belongs to ends in a question mark. */
  readonly question: boolean;
}

/** A parsed sentence: its tokens, its clauses, and a line of words for phrase patterns. */
export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
  readonly clauses: readonly Clause[];
  readonly question: boolean;
  /** The normalised words joined by single spaces. */
  readonly line: string;
  /**
   * `line`'s Latin-1 twin, for the cue patterns written in ASCII (see `latinTwin`); always a copy,
   * as the words come from compromise, whose strings can be two-byte whatever they hold.
   */
  readonly latinLine: string;
  /** For each character of `line`, the index of its token. */
  readonly tokenAt: readonly number[];
  /** The conjunction the next sentence opens with ("I'd never hurt you… unless…"). */
  nextOpener?: string;
}

const CHAT: Readonly<Record<string, string>> = {
  u: 'you', ya: 'you', yu: 'you', ur: 'your', yr: 'your', urself: 'yourself', r: 'are', im: 'i',
  c: 'see', n: 'and', cuz: 'because', coz: 'because', cos: 'because', bc: 'because', pls: 'please', plz: 'please',
  gonna: 'going', wanna: 'want', gotta: 'got', ill: 'ill', ive: 'i', id: 'id', youre: 'you', dont: 'do', wont: 'will',
  cant: 'can', tho: 'though', thru: 'through', nite: 'night', b4: 'before', bf: 'bf', gf: 'gf', wit: 'with', da: 'the',
  ppl: 'people', em: 'them', "'em": 'them',
};

function normalise(term: CompromiseTerm): string {
  const word = (term.implicit ?? term.normal ?? term.text).toLowerCase().replace(/[’]/g, "'");
  if (term.implicit === undefined && word.endsWith("'s")) return word;
  // Own keys only: "constructor" or "tostring" must not read the object's prototype.
  return Object.hasOwn(CHAT, word) ? CHAT[word]! : word;
}

const PRONOUN: ReadonlySet<string> = new Set(['Noun', 'Pronoun']);
const MODAL: ReadonlySet<string> = new Set(['Verb', 'Modal', 'Auxiliary']);
const COPULA: ReadonlySet<string> = new Set(['Verb', 'Copula']);

/** What the grammar reads in the punctuation after a word: a clause break, a sentence end, a question. */
export const BOUNDARY_AFTER = /[,;:.!?…—–]|\.\.\.|\)|"|”/;
export const SENTENCE_AFTER = /[.!?…]|\n/;
export const QUESTION_AFTER = /\?/;

/**
 * Parses the given sentences of the reading text with compromise. Only the sentences that can hold
 * a threat are passed, so long messages cost no more than their suspicious parts.
 */
export function parseSentences(reading: string, spans: readonly { start: number; end: number }[]): Sentence[] {
  const out: Sentence[] = [];
  // One parse per run of neighbouring sentences: each call has a fixed cost, and a run keeps the
  // clauses of "…or else. I know where you live" together.
  const pieces: { start: number; end: number }[] = [];
  for (const span of spans) {
    const previous = pieces[pieces.length - 1];
    if (previous && /^\s*$/.test(reading.slice(previous.end, span.start)) && span.end - previous.start <= 1200) previous.end = span.end;
    else pieces.push({ ...span });
  }
  for (const span of pieces) {
    // compromise's tokenizer, contractions and lexicon give the tags the grammar reads (Verb, Noun,
    // Pronoun, Possessive, Modal, Negative, Conjunction) at about a sixth of the cost of its full
    // tagger. Its guessing passes only tag words the lexicon does not know; the grammar reads an
    // untagged word as a noun before a verb and as a verb when it is a known harm form.
    const text = reading.slice(span.start, span.end);
    const tokens: Token[] = [];
    for (const sentence of termsOf(text)) {
      for (const term of sentence) {
        const start = span.start + term.offset.start;
        const end = start + term.offset.length;
        const w = normalise(term);
        // compromise's second contraction pass is skipped for speed; its one job here, "'d" and
        // "'s" after a pronoun, is done by hand: "i'd" → i would, "he's" → he is.
        const split = /^(i|you|he|she|it|we|they|that|there|who|what|u)'([ds])$/.exec(w);
        if (split) {
          tokens.push({ w: CHAT[split[1]!] ?? split[1]!, tags: PRONOUN, start, end, pre: term.pre, post: '' });
          tokens.push({ w: split[2] === 'd' ? 'would' : 'is', tags: split[2] === 'd' ? MODAL : COPULA, start: end, end, pre: '', post: term.post });
          continue;
        }
        tokens.push({ w, tags: term.tags, start, end, pre: term.pre, post: term.post });
      }
    }
    splitSentences(tokens, out);
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const opener = out[i + 1]!.clauses[0]?.opener;
    if (opener && out[i + 1]!.start - out[i]!.end < 8) out[i]!.nextOpener = opener;
  }
  return out;
}

/**
 * compromise's terms for a run of text: for plain chat text read from its model directly (the
 * same terms, in a fraction of the time; see terms.ts), otherwise from its tokenizer, contraction
 * and lexicon steps.
 */
function termsOf(text: string): readonly (readonly CompromiseTerm[])[] {
  const plain = plainTerms(text, termSource());
  return plain ? [plain] : compromiseTerms(text);
}

/** compromise's own terms for a run of text: tokenizer, contractions, lexicon, offsets. */
export function compromiseTerms(text: string): readonly (readonly CompromiseTerm[])[] {
  const doc = (loadCompromise() as unknown as CompromiseInternals).tokenize(text);
  doc.compute(['lexicon', 'offset']);
  return doc.docs;
}

/** compromise's term objects, read directly: cheaper than building its JSON. */
interface CompromiseTerm {
  readonly text: string;
  readonly alias?: readonly string[];
  readonly normal: string;
  readonly implicit?: string;
  readonly pre: string;
  readonly post: string;
  readonly tags: ReadonlySet<string>;
  readonly offset: { readonly start: number; readonly length: number };
}

let source: TermSource | undefined;

/** compromise's model, and its parse of the words a contraction stands for (`View.fromText`, as its contraction step does). */
export function termSource(): TermSource {
  if (source) return source;
  const nlp = loadCompromise() as unknown as CompromiseInternals;
  const view = nlp.tokenize('');
  return (source = {
    model: nlp.model().one,
    phrase(phrase) {
      const doc = view.fromText(phrase);
      doc.compute(['id', 'alias']);
      return doc.docs[0] ?? [];
    },
  });
}

interface CompromiseView {
  compute(steps: readonly string[]): void;
  fromText(text: string): CompromiseView;
  readonly docs: readonly (readonly CompromiseTerm[])[];
}

/** The parts of compromise below its one-call API that the grammar uses. */
interface CompromiseInternals {
  tokenize(text: string): CompromiseView;
  model(): { readonly one: TermModel };
}

function splitSentences(tokens: Token[], out: Sentence[]): void {
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const post = tokens[i]!.post;
    const last = i === tokens.length - 1;
    if (last || SENTENCE_AFTER.test(post)) {
      const slice = tokens.slice(first, i + 1);
      if (slice.length > 0) out.push(makeSentence(out.length, slice));
      first = i + 1;
    }
  }
}

function makeSentence(index: number, tokens: Token[]): Sentence {
  const question = QUESTION_AFTER.test(tokens[tokens.length - 1]!.post);
  const clauses: Clause[] = [];
  let current: Token[] = [];
  let opener: string | undefined;
  const flush = () => {
    // One shape for every clause, opener or not (a spread in the middle of the literal took a slow path).
    if (current.length > 0) clauses.push({ tokens: current, opener, sentence: index, question });
    current = [];
    opener = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (CLAUSE_OPENERS.has(token.w) && token.tags.has('Conjunction') || (token.w === 'or' || token.w === 'unless' || token.w === 'if')) {
      flush();
      opener = token.w;
      if (token.w === 'or' && tokens[i + 1]?.w === 'else') opener = 'or else';
    }
    current.push(token);
    if (BOUNDARY_AFTER.test(token.post)) flush();
  }
  flush();
  let line = '';
  const tokenAt: number[] = [];
  tokens.forEach((token, i) => {
    if (i > 0) {
      line += ' ';
      tokenAt.push(i);
    }
    line += token.w;
    for (let k = 0; k < token.w.length; k++) tokenAt.push(i);
  });
  return { index, start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens, clauses, question, line, latinLine: latinTwin(line, true), tokenAt };
}

const MAX_PIECE = 600;

/** Splits the reading text into sentence spans without parsing it (cheap; used to pick what to parse). */
export function sentenceSpans(reading: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /[^.!?\n…]+(?:[.!?…]+|\n|$)/g;
  for (const m of allMatches(re, reading)) {
    if (m[0].trim().length === 0) continue;
    // Text without punctuation is cut into pieces at spaces, so no one piece costs a long parse.
    let start = m.index;
    const end = m.index + m[0].length;
    while (end - start > MAX_PIECE) {
      const space = reading.lastIndexOf(' ', start + MAX_PIECE);
      const cut = space > start + MAX_PIECE / 2 ? space + 1 : start + MAX_PIECE;
      spans.push({ start, end: cut });
      start = cut;
    }
    spans.push({ start, end });
  }
  return spans;
}
