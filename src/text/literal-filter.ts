/**
 * Required literals: for a regular expression, strings of which every match contains at least one
 * (`/\b(?:see what happens|regret)\b/` → `see what happens`, `regret`), and a filter that finds
 * which of many expressions can match a text at all with one pass over it. The threat grammar's
 * ninety-odd cues are large alternations; most cannot match a given sentence, and the filter says
 * which are worth running. It replaced a hand-made index by "rare words" that was fast but not
 * sound: a cue whose matching alternative had only common words ("u up", "just for me") was
 * never tried. The same idea as the prefilters of RE2 and Hyperscan, for the subset of
 * JavaScript's syntax this project writes.
 *
 * Only what an expression consumes counts: assertions and lookarounds consume nothing, so leaving
 * them out can only let more texts through. A `\b` next to a literal is kept as a condition on the
 * literal's ends, since `\bend\b` is far rarer than `end` (in `send`, `weekend`). Anything the
 * analysis does not read (a class of many characters, `\w`, a back-reference, the `i` and `v`
 * flags) gives no literal, and an expression with none is always tried.
 */

import { isAsciiWordUnit } from './char-class.js';

/** One of the strings every match of an expression contains, with whether a `\b` sits at its start or end. */
export interface Literal {
  readonly text: string;
  readonly boundaryBefore: boolean;
  readonly boundaryAfter: boolean;
}

// Stands for `\b` inside the strings of an exact set while they are built; a noncharacter, so no
// expression of ours spells it (one that does is not analysed).
const BOUNDARY = '\ufdd0';
// An exact set larger than this is dropped (its literals are then taken from its parts).
const EXACT_LIMIT = 16;

/** What the analysis knows of a piece of an expression. */
interface Info {
  /** Every string the piece can match, when there are few (a `\b` written as BOUNDARY). */
  readonly exact: readonly string[] | undefined;
  /** Literals one of which every match of the piece contains, when the piece has them. */
  readonly literals: readonly Literal[] | undefined;
}

const UNKNOWN: Info = { exact: undefined, literals: undefined };
const EMPTY: Info = { exact: [''], literals: undefined };

class Unsupported extends Error {}

/**
 * The literals one of which every match of `regex` contains, or undefined when the analysis finds
 * none (the expression must then always be tried).
 */
export function requiredLiterals(regex: RegExp): readonly Literal[] | undefined {
  if (/[iv]/.test(regex.flags) || regex.source.includes(BOUNDARY)) return undefined;
  try {
    const parser = new Parser(regex.source, regex.unicode);
    const info = parser.disjunction();
    if (parser.pos !== regex.source.length) return undefined;
    return info.literals ?? literalsOf(info.exact);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** All concatenations of a string of `a` with one of `b`, or undefined past the limit. */
function product(a: readonly string[], b: readonly string[]): readonly string[] | undefined {
  if (a.length === 1 && b.length === 1) return [a[0]! + b[0]!];
  if (a.length * b.length > EXACT_LIMIT) return undefined;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  // Joined to a single string, distinct strings stay distinct.
  return a.length === 1 || b.length === 1 ? out : unique(out);
}

/** An exact set as literals; undefined when one of its strings is empty (it then says nothing). */
function literalsOf(exact: readonly string[] | undefined): Literal[] | undefined {
  if (!exact) return undefined;
  const out: Literal[] = [];
  for (const s of exact) {
    // The strings of an exact set are distinct, and so are their literals (but for a `\b` inside one, which is harmless).
    const text = s.includes(BOUNDARY) ? s.split(BOUNDARY).join('') : s;
    if (text === '') return undefined;
    out.push({ text, boundaryBefore: s.startsWith(BOUNDARY), boundaryAfter: s.endsWith(BOUNDARY) });
  }
  return out;
}

/** How selective a set of literals is: its shortest literal first (a `\b` counting half a character), then fewer literals. */
function selectivity(literals: readonly Literal[] | undefined): number {
  if (!literals) return -Infinity;
  let shortest = Infinity;
  for (const l of literals) shortest = Math.min(shortest, l.text.length + (l.boundaryBefore ? 0.5 : 0) + (l.boundaryAfter ? 0.5 : 0));
  return shortest * 1000 - literals.length;
}

function better(a: readonly Literal[] | undefined, b: readonly Literal[] | undefined): readonly Literal[] | undefined {
  return selectivity(b) > selectivity(a) ? b : a;
}

/** A sequence: the exact strings of the whole, and the most selective literals of any of its runs. */
function sequence(parts: readonly Info[]): Info {
  if (parts.length === 1) return parts[0]!;
  let chosen: readonly Literal[] | undefined;
  // A run of pieces with exact sets gives the literals of their concatenation; it is cut where the
  // product would grow too large. Uncut and with every piece exact, the run is the whole.
  let run: readonly string[] | undefined = [''];
  let whole = true;
  const flush = () => {
    if (run) chosen = better(chosen, literalsOf(run));
    run = undefined;
  };
  for (const part of parts) {
    if (part.exact) {
      const joined: readonly string[] | undefined = run ? product(run, part.exact) : part.exact;
      if (joined) run = joined;
      else {
        flush();
        whole = false;
        run = part.exact;
      }
    } else {
      flush();
      whole = false;
      chosen = better(chosen, part.literals);
    }
  }
  const exact = whole ? run : undefined;
  flush();
  return { exact, literals: chosen };
}

/** Alternatives: a match is a match of one of them, so their literals together. */
function alternatives(parts: readonly Info[]): Info {
  if (parts.length === 1) return parts[0]!;
  let exact: string[] | undefined = [];
  let literals: Literal[] | undefined = [];
  for (const part of parts) {
    if (exact) {
      if (part.exact) for (const s of part.exact) if (!exact.includes(s)) exact.push(s);
      if (!part.exact || exact.length > EXACT_LIMIT) exact = undefined;
    }
    if (literals) {
      const own = part.literals ?? literalsOf(part.exact);
      if (own) for (const l of own) literals.push(l);
      else literals = undefined;
    }
    if (!exact && !literals) break;
  }
  return { exact, literals };
}

function repeated(body: Info, min: number, max: number): Info {
  if (min === 0) return { exact: max === 1 && body.exact ? unique([...body.exact, '']) : undefined, literals: undefined };
  return { exact: min === 1 && max === 1 ? body.exact : undefined, literals: body.literals ?? literalsOf(body.exact) };
}

// The characters with a meaning of their own outside a class; every other one stands for itself.
const SPECIAL: ReadonlySet<string> = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
const QUANTIFIER_START: ReadonlySet<string> = new Set(['*', '+', '?', '{']);

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/** A reader of the syntax the analysis understands; anything else throws Unsupported. */
class Parser {
  pos = 0;

  constructor(
    private readonly source: string,
    private readonly unicode: boolean,
  ) {}

  disjunction(): Info {
    const parts = [this.alternative()];
    while (this.source[this.pos] === '|') {
      this.pos++;
      parts.push(this.alternative());
    }
    return alternatives(parts);
  }

  private alternative(): Info {
    const parts: Info[] = [];
    while (this.pos < this.source.length && this.source[this.pos] !== '|' && this.source[this.pos] !== ')') {
      const atom = this.atom();
      parts.push(this.quantified(atom));
    }
    return sequence(parts);
  }

  private quantified(atom: Info): Info {
    const ch = this.source[this.pos];
    let min: number;
    let max: number;
    if (ch === '*') (min = 0), (max = Infinity), this.pos++;
    else if (ch === '+') (min = 1), (max = Infinity), this.pos++;
    else if (ch === '?') (min = 0), (max = 1), this.pos++;
    else if (ch === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.pos));
      if (!m) {
        if (this.unicode) throw new Unsupported('a lone brace');
        return atom;
      }
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.pos += m[0].length;
    } else return atom;
    if (this.source[this.pos] === '?') this.pos++;
    return repeated(atom, min, max);
  }

  private atom(): Info {
    const source = this.source;
    const ch = source[this.pos]!;
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '.':
        this.pos++;
        return UNKNOWN;
      case '^':
      case '$':
        this.pos++;
        return EMPTY;
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
        throw new Unsupported(`an unexpected ${ch}`);
      default: {
        // A run of plain characters is one piece, but for a last one a quantifier applies to.
        let end = this.pos + 1;
        while (end < source.length && !SPECIAL.has(source[end]!)) end++;
        if (end < source.length && QUANTIFIER_START.has(source[end]!) && end - this.pos > 1) end--;
        let text = source.slice(this.pos, end);
        if (this.unicode && /[\ud800-\udfff]/.test(text)) text = String.fromCodePoint(source.codePointAt(this.pos)!);
        this.pos += text.length;
        return { exact: [text], literals: undefined };
      }
    }
  }

  private group(): Info {
    const source = this.source;
    let assertion = false;
    if (source[this.pos + 1] !== '?') this.pos += 1;
    else {
      const kind = source[this.pos + 2];
      const after = source[this.pos + 3];
      if (kind === ':') this.pos += 3;
      else if (kind === '=' || kind === '!') (assertion = true), (this.pos += 3);
      else if (kind === '<' && (after === '=' || after === '!')) (assertion = true), (this.pos += 4);
      else if (kind === '<') {
        const end = source.indexOf('>', this.pos);
        if (end < 0) throw new Unsupported('an unclosed group name');
        this.pos = end + 1;
      } else throw new Unsupported('a group modifier');
    }
    const inner = this.disjunction();
    if (this.source[this.pos] !== ')') throw new Unsupported('an unclosed group');
    this.pos++;
    // A lookaround consumes nothing: what it asks of the text is left out, which only lets more through.
    return assertion ? EMPTY : inner;
  }

  /** A class: exact when it is a few single characters (`['’]`), unknown otherwise. */
  private characterClass(): Info {
    this.pos++;
    let negated = false;
    if (this.source[this.pos] === '^') (negated = true), this.pos++;
    const chars: string[] = [];
    let known = !negated;
    while (this.source[this.pos] !== ']') {
      if (this.pos >= this.source.length) throw new Unsupported('an unclosed class');
      const first = this.classAtom();
      if (this.source[this.pos] === '-' && this.source[this.pos + 1] !== ']') {
        // A range: more characters than the analysis keeps.
        this.pos++;
        this.classAtom();
        known = false;
      } else if (first === undefined) known = false;
      else chars.push(first);
    }
    this.pos++;
    return known && chars.length > 0 && chars.length <= 4 ? { exact: unique(chars), literals: undefined } : UNKNOWN;
  }

  /** One character of a class, or undefined for a class escape (`\w`, `\d`, `\p{…}`). */
  private classAtom(): string | undefined {
    const ch = this.source[this.pos]!;
    if (ch !== '\\') {
      const text = this.unicode ? String.fromCodePoint(this.source.codePointAt(this.pos)!) : ch;
      this.pos += text.length;
      return text;
    }
    const next = this.source[this.pos + 1];
    if (next === 'b') {
      this.pos += 2;
      return '\b';
    }
    if (next === '-') {
      this.pos += 2;
      return '-';
    }
    return this.escapedCharacter();
  }

  private escape(): Info {
    const next = this.source[this.pos + 1];
    if (next === 'b') {
      this.pos += 2;
      return { exact: [BOUNDARY], literals: undefined };
    }
    if (next === 'B') {
      this.pos += 2;
      return EMPTY;
    }
    if (next !== undefined && /[1-9]/.test(next)) {
      // A back-reference: what it matches is not known here.
      this.pos += 1 + /^\d+/.exec(this.source.slice(this.pos + 1))![0].length;
      return UNKNOWN;
    }
    if (next === 'k' && this.source[this.pos + 2] === '<') {
      const end = this.source.indexOf('>', this.pos);
      if (end < 0) throw new Unsupported('an unclosed group name');
      this.pos = end + 1;
      return UNKNOWN;
    }
    const ch = this.escapedCharacter();
    return ch === undefined ? UNKNOWN : { exact: [ch], literals: undefined };
  }

  /** The character an escape stands for, or undefined for a class escape; moves past it. */
  private escapedCharacter(): string | undefined {
    const source = this.source;
    const next = source[this.pos + 1];
    if (next === undefined) throw new Unsupported('a trailing backslash');
    if ('dDwWsS'.includes(next)) {
      this.pos += 2;
      return undefined;
    }
    if (next === 'p' || next === 'P') {
      if (!this.unicode) {
        this.pos += 2;
        return next;
      }
      const end = source.indexOf('}', this.pos);
      if (end < 0) throw new Unsupported('an unclosed property escape');
      this.pos = end + 1;
      return undefined;
    }
    if (Object.hasOwn(SIMPLE_ESCAPES, next) && !(next === '0' && /[0-9]/.test(source[this.pos + 2] ?? ''))) {
      this.pos += 2;
      return SIMPLE_ESCAPES[next];
    }
    if (next === 'x') {
      const hex = /^[0-9a-fA-F]{2}/.exec(source.slice(this.pos + 2));
      if (!hex) throw new Unsupported('a short \\x escape');
      this.pos += 4;
      return String.fromCharCode(parseInt(hex[0], 16));
    }
    if (next === 'u') {
      const braced = this.unicode ? /^\{([0-9a-fA-F]+)\}/.exec(source.slice(this.pos + 2)) : null;
      if (braced) {
        this.pos += 2 + braced[0].length;
        return String.fromCodePoint(parseInt(braced[1]!, 16));
      }
      const hex = /^[0-9a-fA-F]{4}/.exec(source.slice(this.pos + 2));
      if (!hex) throw new Unsupported('a short \\u escape');
      this.pos += 6;
      return String.fromCharCode(parseInt(hex[0], 16));
    }
    if (next === 'c') {
      const letter = source[this.pos + 2];
      if (letter === undefined || !/[a-zA-Z]/.test(letter)) throw new Unsupported('a \\c escape without a letter');
      this.pos += 3;
      return String.fromCharCode(letter.charCodeAt(0) % 32);
    }
    if (/[0-9]/.test(next)) throw new Unsupported('an octal escape');
    // An identity escape (`\.`, `\/`, `\$`): the character itself.
    const text = this.unicode ? String.fromCodePoint(source.codePointAt(this.pos + 1)!) : next;
    this.pos += 1 + text.length;
    return text;
  }
}

/** One literal in the filter's index: where its anchoring trigram sits in it, and whose it is. */
interface Entry {
  readonly literal: Literal;
  /** Offset in the literal of the three units it is found by (0 for the short ones). */
  readonly offset: number;
  readonly patterns: number[];
}

const TRIGRAM_BITS = 14;
const trigramHash = (a: number, b: number, c: number) => (Math.imul(a, 0x3c1) + Math.imul(b, 0x1f) + c) & ((1 << TRIGRAM_BITS) - 1);

/**
 * Which of a list of expressions can match a text, from their required literals, in one pass.
 * Each literal of three units or more is filed under the hash of one of its trigrams; a position
 * whose trigram hash files nothing costs two array reads, and the literals filed under one that
 * does are compared in full. An expression without literals is always reported as possible.
 * `mayMatch` never leaves out an expression that matches the text (the property tests check it
 * against the expressions themselves).
 */
export class LiteralFilter {
  /** How many expressions the filter was built for. */
  readonly size: number;
  /** The entries filed under hash h are `entries[first[h]]` up to `entries[first[h + 1]]`. */
  private readonly first = new Int32Array((1 << TRIGRAM_BITS) + 1);
  /** One bit per hash, set when something is filed under it: 2 KB that stay in cache, where `first` is 64 KB. */
  private readonly filedBits = new Int32Array((1 << TRIGRAM_BITS) >>> 5);
  private readonly entries: readonly Entry[];
  /** Per entry: its one expression (-1 for a literal of several), its trigram's offset, and where its expression's run in the bucket ends. */
  private readonly pattern: Int32Array;
  private readonly offset: Int32Array;
  private readonly runEnd: Int32Array;
  /** Per entry: 1 to compare the unit after its trigram, -1 the unit before it, 0 when the literal is the trigram; and that unit. */
  private readonly checkAt: Int8Array;
  private readonly checkUnit: Int32Array;
  /** The expressions without literals, reported possible for every text. */
  private readonly always: number[] = [];
  /** Literals shorter than three units, found with indexOf. */
  private readonly short: readonly Entry[];

  /** `patterns[k]` undefined: expression k is always reported as possible. */
  constructor(patterns: readonly (RegExp | undefined)[]) {
    this.size = patterns.length;
    const byId = new Map<string, Entry>();
    const load = new Int32Array(1 << TRIGRAM_BITS);
    const uses = new Int32Array(1 << TRIGRAM_BITS);
    const hashes: number[] = [];
    const long: Entry[] = [];
    const short: Entry[] = [];
    patterns.forEach((pattern, k) => {
      const literals = pattern && requiredLiterals(pattern);
      if (!literals) {
        this.always.push(k);
        return;
      }
      for (const literal of literals) {
        const id = `${+literal.boundaryBefore}${+literal.boundaryAfter}${literal.text}`;
        const known = byId.get(id);
        if (known) {
          if (!known.patterns.includes(k)) known.patterns.push(k);
          continue;
        }
        const text = literal.text;
        const entry = { literal, offset: 0, patterns: [k] };
        byId.set(id, entry);
        (text.length < 3 ? short : long).push(entry);
        for (let i = 0; i + 3 <= text.length; i++) uses[trigramHash(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2))]!++;
      }
    });
    // Each literal is filed under its trigram that the fewest literals contain: a trigram common
    // among the literals ("the", "you") is common in text too. Spaces are avoided, as they begin
    // and end most words.
    const filed: Entry[] = long.map((entry) => {
      const text = entry.literal.text;
      let offset = 0;
      let cost = Infinity;
      for (let i = 0; i + 3 <= text.length; i++) {
        const hash = trigramHash(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2));
        const here = uses[hash]! + (text.slice(i, i + 3).includes(' ') ? 100000 : 0);
        if (here < cost) (cost = here), (offset = i);
      }
      const hash = trigramHash(text.charCodeAt(offset), text.charCodeAt(offset + 1), text.charCodeAt(offset + 2));
      load[hash]!++;
      hashes.push(hash);
      return { ...entry, offset };
    });
    // Filed by hash, each bucket ordered by expression so that the literals of an expression
    // already found possible are stepped over together.
    const single = (entry: Entry) => (entry.patterns.length === 1 ? entry.patterns[0]! : -1);
    const order = filed.map((_, i) => i).sort((x, y) => hashes[x]! - hashes[y]! || single(filed[x]!) - single(filed[y]!));
    const sorted = order.map((i) => filed[i]!);
    const sortedHash = order.map((i) => hashes[i]!);
    for (let h = 0; h < load.length; h++) this.first[h + 1] = this.first[h]! + load[h]!;
    for (const h of sortedHash) this.filedBits[h >>> 5]! |= 1 << (h & 31);
    this.runEnd = new Int32Array(sorted.length);
    for (let j = sorted.length - 1; j >= 0; j--) {
      const p = single(sorted[j]!);
      const same = j + 1 < sorted.length && sortedHash[j + 1] === sortedHash[j] && single(sorted[j + 1]!) === p;
      this.runEnd[j] = p >= 0 && same ? this.runEnd[j + 1]! : j + 1;
    }
    this.entries = sorted;
    this.pattern = Int32Array.from(sorted, single);
    this.offset = Int32Array.from(sorted, (entry) => entry.offset);
    this.checkAt = new Int8Array(sorted.length);
    this.checkUnit = new Int32Array(sorted.length).fill(-1);
    sorted.forEach(({ literal, offset }, j) => {
      if (offset + 3 < literal.text.length) (this.checkAt[j] = 1), (this.checkUnit[j] = literal.text.charCodeAt(offset + 3));
      else if (offset > 0) (this.checkAt[j] = -1), (this.checkUnit[j] = literal.text.charCodeAt(offset - 1));
    });
    this.short = short;
  }

  /** For each expression, 1 when it can match `text` (its literals allow it), else 0. */
  mayMatch(text: string): Uint8Array {
    const out = new Uint8Array(this.size);
    for (const k of this.always) out[k] = 1;
    const { first, entries, filedBits, pattern, offset, runEnd, checkAt, checkUnit } = this;
    const length = text.length;
    if (length >= 3) {
      let b = text.charCodeAt(0);
      let c = text.charCodeAt(1);
      for (let i = 2; i < length; i++) {
        const a = b;
        b = c;
        c = text.charCodeAt(i);
        const h = trigramHash(a, b, c);
        if ((filedBits[h >>> 5]! & (1 << (h & 31))) === 0) continue;
        const end = first[h + 1]!;
        for (let j = first[h]!; j < end; j++) {
          const p = pattern[j]!;
          // The literals of an expression already found possible need no look.
          if (p >= 0 && out[p] === 1) {
            j = runEnd[j]! - 1;
            continue;
          }
          // The unit after the trigram (or, at a literal's end, before it) rules out most places at once.
          const o = offset[j]!;
          const check = checkAt[j]!;
          if (check !== 0 && text.charCodeAt(check > 0 ? i + 1 : i - 3) !== checkUnit[j]) continue;
          if (!occursAt(text, entries[j]!.literal, i - 2 - o)) continue;
          if (p >= 0) out[p] = 1;
          else for (const k of entries[j]!.patterns) out[k] = 1;
        }
      }
    }
    for (const entry of this.short) {
      if (entry.patterns.every((k) => out[k] === 1)) continue;
      const { text: literal } = entry.literal;
      for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + 1)) {
        if (occursAt(text, entry.literal, at)) {
          for (const k of entry.patterns) out[k] = 1;
          break;
        }
      }
    }
    return out;
  }
}

/** Whether `literal` occurs in `text` at `start`, with the `\b` it asks for at either end. */
function occursAt(text: string, literal: Literal, start: number): boolean {
  const s = literal.text;
  if (start < 0 || !text.startsWith(s, start)) return false;
  if (literal.boundaryBefore && isAsciiWordUnit(text.charCodeAt(start - 1)) === isAsciiWordUnit(s.charCodeAt(0))) return false;
  const end = start + s.length;
  if (literal.boundaryAfter && isAsciiWordUnit(text.charCodeAt(end)) === isAsciiWordUnit(s.charCodeAt(s.length - 1))) return false;
  return true;
}
