import { isCjk, isMaskChar, isWordChar, skeletonize } from '../text/index.js';
import type { SkeletonView } from '../text/types.js';
import { workMeter } from '../text/work-meter.js';

/** A term after normalisation, ready for the multi-pattern matcher. */
export interface CompiledTerm {
  readonly id: number;
  /** Skeleton text with repeated letters collapsed and whitespace runs as one space. */
  readonly key: string;
  /** How many identical letters each unit of `key` stands for in the term as written. */
  readonly runs: readonly number[];
  /** The term's length with repeats expanded, e.g. 3 for `ass`. */
  readonly length: number;
  /** Whether a word boundary is required before / after the match. */
  readonly startBoundary: boolean;
  readonly endBoundary: boolean;
  /** A `*` edge: the reported span grows to the whole word (`*fuck*` reports `motherfucking`). */
  readonly extendStart: boolean;
  readonly extendEnd: boolean;
}

/** One occurrence of a term in the skeleton view: `[start, end)` in view units. */
export interface TermHit {
  readonly term: number;
  readonly start: number;
  readonly end: number;
  /** True when the occurrence was read through masking characters (`f*ck`). */
  readonly masked: boolean;
}

const SPACE = 0x20;

// Bits of `termFlags`.
const START_BOUNDARY = 1;
const END_BOUNDARY = 2;
const EXTEND_START = 4;
const EXTEND_END = 8;
/** Every unit written once and four or more letters: any run of them in the text matches. */
const ANY_RUNS = 16;

/** Hash of a transition (node, unit) for the typed-array table. */
function slot(node: number, unit: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0;
}

type NormalTerm = Omit<CompiledTerm, 'id'>;

/** The trie while it is built: per node its failure link, depth, nearest output on the failure chain, parent, edge unit and own term count. */
interface Build {
  readonly fail: Int32Array;
  readonly depth: Int32Array;
  readonly dict: Int32Array;
  readonly parent: Int32Array;
  readonly unit: Uint16Array;
  readonly outCount: Int32Array;
  nodes: number;
}

/**
 * Normalised terms by `boundary + raw`. Rules share lists (every off-platform rule names the same
 * apps), so a policy normalises each term once, and moderators created later (scan workers,
 * tests) reuse the work. Bounded, since custom rule sets can be loaded without end.
 */
const normalised = new Map<string, NormalTerm>();
const NORMALISED_LIMIT = 100_000;

/** Parses `*term*` wildcards and normalises a term exactly as message text is normalised. */
export function normaliseTerm(raw: string, boundary: 'word' | 'none'): NormalTerm {
  const cacheKey = `${boundary}\u0000${raw}`;
  const cached = normalised.get(cacheKey);
  if (cached) return cached;
  if (normalised.size >= NORMALISED_LIMIT) normalised.clear();
  const normal = computeNormalTerm(raw, boundary);
  normalised.set(cacheKey, normal);
  return normal;
}

/**
 * A term body's skeleton as the build precomputes it for the built-in rule files:
 * `[body, skeleton text, runs]`, runs as a comma list, or `''` when every run is 1 (most terms).
 */
export type SkeletonEntry = readonly [body: string, text: string, runs: string];

/** Skeletons of term bodies, from the build or from earlier terms (the expensive part of a term). */
const skeletons = new Map<string, { text: string; runs: number[] }>();

/** The skeletons of a rule file's terms, for the build to ship (see tsup.config.ts). */
export function precomputeSkeletons(terms: Iterable<string>): SkeletonEntry[] {
  const out: SkeletonEntry[] = [];
  const seen = new Set<string>();
  for (const raw of terms) {
    const body = termBody(raw).body;
    if (seen.has(body)) continue;
    seen.add(body);
    const { text, runs } = skeletonize(body);
    out.push([body, text, runs.every((r) => r === 1) ? '' : runs.join(',')]);
  }
  return out;
}

/**
 * Fills the skeleton cache with what the build computed, so creating the built-in policy does not
 * normalise thousands of terms at start-up (it was most of createModerator's time).
 */
export function seedSkeletons(entries: readonly SkeletonEntry[]): void {
  for (const [body, text, runs] of entries) {
    if (skeletons.has(body)) continue;
    skeletons.set(body, { text, runs: runs === '' ? new Array<number>(text.length).fill(1) : runs.split(',').map(Number) });
  }
}

function termBody(raw: string): { body: string; prefix: boolean; suffix: boolean } {
  const trimmed = raw.trim();
  const prefix = trimmed.startsWith('*');
  const suffix = trimmed.endsWith('*') && trimmed.length > 1;
  return { body: trimmed.slice(prefix ? 1 : 0, suffix ? -1 : undefined).replace(/\s+/g, ' '), prefix, suffix };
}

function computeNormalTerm(raw: string, boundary: 'word' | 'none'): NormalTerm {
  const { body, prefix, suffix } = termBody(raw);
  let skeleton = skeletons.get(body);
  if (!skeleton) {
    if (skeletons.size >= NORMALISED_LIMIT) skeletons.clear();
    skeletons.set(body, (skeleton = skeletonize(body)));
  }
  const { text, runs } = skeleton;
  const first = text.codePointAt(0) ?? 0;
  const last = text.codePointAt(text.length - 1) ?? 0;
  // Han characters carry no word boundaries; a term edge that is Han matches inside running text.
  return {
    key: text,
    runs,
    length: runs.reduce((a, b) => a + b, 0),
    startBoundary: boundary === 'word' && !prefix && !isCjk(first),
    endBoundary: boundary === 'word' && !suffix && !isCjk(last),
    extendStart: prefix && !isCjk(first),
    extendEnd: suffix && !isCjk(last),
  };
}

/** Which terms a {@link TermMatcher} finds in its first scan and which only when asked again. */
export interface TermRoles {
  /** Found by {@link TermMatcher.scan} (every term when no roles are given). */
  eager(id: number): boolean;
  /** Found by {@link TermMatcher.scanDeferred}; a term may be both. */
  deferred(id: number): boolean;
}

/**
 * The terms of every rule, found in one pass over the skeleton view: those that decide whether a
 * rule can match at all. Context and allow words (`you`, `in the app`, 我) occur in most messages
 * but matter only where their rule matched, a small share of messages, so they are kept in an
 * automaton of their own that {@link scanDeferred} runs only then: the first scan neither
 * follows nor reports them.
 */
export class TermMatcher {
  private readonly eager: Automaton;
  /** Built when first scanned for: a policy whose rules never match pays nothing for it. */
  private deferred: Automaton | undefined;
  private readonly deferredTerms: readonly CompiledTerm[];
  /**
   * `written` of each term as first asked for, in an array as long as the terms: written into
   * at random ids, an empty array turned into a dictionary and every read became a hash lookup.
   */
  private readonly writtenTerms: (string | undefined)[];

  /** Terms by id (`terms[id].id === id`); without roles every term is eager. */
  constructor(
    readonly terms: readonly CompiledTerm[],
    roles?: TermRoles,
  ) {
    this.writtenTerms = new Array<string | undefined>(terms.length).fill(undefined);
    this.eager = new Automaton(roles ? terms.filter((t) => roles.eager(t.id)) : terms);
    this.deferredTerms = roles ? terms.filter((t) => roles.deferred(t.id)) : [];
  }

  /** Every occurrence of every eager term, in order of end position (masked reads last). */
  scan(view: SkeletonView): TermHit[] {
    return this.eager.scan(view);
  }

  /**
   * Every occurrence of every deferred term, in the order in which one scan of all terms would
   * have reported them.
   */
  scanDeferred(view: SkeletonView): TermHit[] {
    if (this.deferredTerms.length === 0) return [];
    return (this.deferred ??= new Automaton(this.deferredTerms)).scan(view);
  }

  /** A term as normalised with its collapsed runs written out (`ass`, not `as`), computed once per term. */
  written(id: number): string {
    let text = this.writtenTerms[id];
    if (text === undefined) this.writtenTerms[id] = text = expandTerm(this.terms[id]!);
    return text;
  }
}

interface MaskIndex {
  readonly written: readonly string[];
  readonly byFirst: ReadonlyMap<number, readonly number[]>;
  readonly inside: readonly number[];
}

/**
 * Aho-Corasick over the skeleton view: some terms in one pass.
 * Repeated letters are collapsed in both text and terms, so after a match the run lengths are
 * checked: `as` in the text is not `ass`, while `fuuuck` is `fuck`.
 */
class Automaton {
  /**
   * The terms: the scan's tables number them from 0 as they come here (`k`, the rows stay as
   * small as the terms chosen), and `ids[k]` is the id it reports.
   */
  private readonly terms: readonly CompiledTerm[];
  private readonly ids: Int32Array;
  private readonly maskTerms: CompiledTerm[] = [];
  /**
   * The mask terms a masked token can match, built on the first masked token: by their first
   * letter for whole-word terms (a token must begin with it, a mask never standing first), and
   * the few with a `*` start, which may sit anywhere in a token. Trying every mask term on every
   * masked token (`138****8251` among them) cost thousands of comparisons a token.
   */
  private maskIndex: MaskIndex | undefined;
  /** Transitions out of the root for every UTF-16 unit (0: none): most characters lead back to the root. */
  private readonly rootNext = new Int32Array(0x10000);
  /** 1 for every unit that occurs in some term: any other unit sends the automaton to the root. */
  private readonly alphabet = new Uint8Array(0x10000);
  /**
   * Transitions out of inner nodes while the trie is built, as an open-addressing hash table of
   * [node, unit, child] slots in one typed array. The scan reads the compressed rows below.
   */
  private table = new Int32Array(3 * 1024).fill(-1);
  private tableMask = 1023;
  private tableCount = 0;
  /**
   * The trie for scanning, children of each node side by side and sorted by unit (compressed
   * rows, bounded by `nodeInfo`). A term's nodes were made one after another, so following a term
   * reads neighbouring memory; probing the build's hash table at random had cost a cache miss per
   * character once the rest of moderation had pushed it out of the cache.
   */
  private childUnit = new Uint16Array(0);
  private childNode = new Int32Array(0);
  /** Each node's own terms, in compressed rows like the children: `outIds[outStart[node] .. outStart[node + 1])`. */
  private outStart = new Int32Array(1);
  private outIds = new Int32Array(0);
  /** What the scan checks of each term, by id, in typed arrays rather than on the term objects. */
  private keyLength = new Int32Array(0);
  private termFlags = new Uint8Array(0);
  private runsStart = new Int32Array(1);
  private runsFlat = new Uint16Array(0);
  /**
   * What the scan reads of a node at every character, side by side (one cache line, not four):
   * `nodeInfo[4 * node]` and `[4 * node + 1]` bound its children's row, `[+ 2]` is its failure
   * link and `[+ 3]` the first node on its failure chain (itself included) that has output, or -1.
   */
  private nodeInfo = new Int32Array(4);
  /** For each node, the next node on its failure chain that has output, or -1 (the scan follows these after `nodeInfo[+ 3]`). */
  private dictLinks = new Int32Array(0);
  /**
   * The automaton's moves on ASCII units as they are first made, by node and unit class (the
   * failure links followed once, then read from here): `dfa[node * asciiClasses + class]` is
   * the next node plus one, or 0 while unknown. Most text is ASCII, and most of the scan's time
   * went to following failure links and searching child rows at every character.
   */
  private dfa = new Int32Array(0);
  /** The class of each ASCII unit that occurs in some term (0 for those that do not). */
  private readonly asciiClass = new Uint8Array(128);
  private asciiClasses = 1;
  private readonly window: number;
  /** Reused by every scan: it only holds positions written earlier in the same scan. */
  private readonly fed: Int32Array;

  constructor(terms: readonly CompiledTerm[]) {
    this.terms = terms;
    this.ids = Int32Array.from(terms, (term) => term.id);
    // Sized once for the most edges the terms can make (one per unit), so it never grows.
    let units = 0;
    for (const term of terms) units += term.key.length;
    let size = 1024;
    while (size < units * 2) size *= 2;
    this.table = new Int32Array(3 * size).fill(-1);
    this.tableMask = size - 1;
    // The trie as typed arrays sized for the most nodes the terms can make: building it from
    // growing arrays (and an array of outputs per node) was most of createModerator's garbage.
    const build: Build = {
      fail: new Int32Array(units + 1),
      depth: new Int32Array(units + 1),
      dict: new Int32Array(units + 1).fill(-1),
      parent: new Int32Array(units + 1).fill(-1),
      unit: new Uint16Array(units + 1),
      outCount: new Int32Array(units + 1),
      nodes: 1,
    };
    const { depth, parent, unit, outCount } = build;
    const termNode = new Int32Array(terms.length).fill(-1);
    let maxLength = 1;
    terms.forEach((term, k) => {
      if (term.key.length === 0) return;
      maxLength = Math.max(maxLength, term.key.length);
      let node = 0;
      for (let i = 0; i < term.key.length; i++) {
        const code = term.key.charCodeAt(i);
        this.alphabet[code] = 1;
        let next = node === 0 ? this.rootNext[code]! : this.step(node, code);
        if (next <= 0) {
          next = build.nodes++;
          if (node === 0) this.rootNext[code] = next;
          else this.insert(node, code, next);
          depth[next] = depth[node]! + 1;
          parent[next] = node;
          unit[next] = code;
        }
        node = next;
      }
      termNode[k] = node;
      outCount[node]!++;
      if (term.length >= 3 && /^[a-z]/.test(term.key)) this.maskTerms.push(term);
    });
    this.window = 1 << Math.ceil(Math.log2(maxLength + 1));
    this.fed = new Int32Array(this.window);
    this.alphabet[SPACE] = 1;
    this.linkFailures(build);
    const nodes = build.nodes;
    for (let code = 0; code < 128; code++) if (this.alphabet[code] !== 0) this.asciiClass[code] = this.asciiClasses++;
    // Zeroed pages cost nothing until a move is first made from them (22,000 nodes x 43 classes for the built-in rules).
    this.dfa = new Int32Array(nodes * this.asciiClasses);
    this.dictLinks = build.dict.slice(0, nodes);
    const firstChild = this.buildRows(nodes);
    this.nodeInfo = new Int32Array(4 * nodes);
    this.outStart = new Int32Array(nodes + 1);
    for (let node = 0; node < nodes; node++) {
      const own = outCount[node]!;
      this.nodeInfo[4 * node] = firstChild[node]!;
      this.nodeInfo[4 * node + 1] = firstChild[node + 1]!;
      this.nodeInfo[4 * node + 2] = build.fail[node]!;
      this.nodeInfo[4 * node + 3] = own > 0 ? node : build.dict[node]!;
      this.outStart[node + 1] = this.outStart[node]! + own;
    }
    // Each node's terms in the order the terms came.
    this.outIds = new Int32Array(this.outStart[nodes]!);
    const filled = this.outStart.slice(0, nodes);
    terms.forEach((term, k) => {
      if (termNode[k]! >= 0) this.outIds[filled[termNode[k]!]!++] = k;
    });
    const count = terms.length;
    this.keyLength = new Int32Array(count);
    this.termFlags = new Uint8Array(count);
    this.runsStart = new Int32Array(count + 1);
    for (let id = 0; id < count; id++) this.runsStart[id + 1] = this.runsStart[id]! + terms[id]!.runs.length;
    this.runsFlat = new Uint16Array(this.runsStart[count]!);
    terms.forEach((term, k) => {
      this.keyLength[k] = term.key.length;
      // A term of four letters or more written with no repeats takes any stretch of its letters.
      const plainRuns = term.runs.every((r) => r === 1) && term.length >= 4;
      this.termFlags[k] =
        (term.startBoundary ? START_BOUNDARY : 0) |
        (term.endBoundary ? END_BOUNDARY : 0) |
        (term.extendStart ? EXTEND_START : 0) |
        (term.extendEnd ? EXTEND_END : 0) |
        (plainRuns ? ANY_RUNS : 0);
      this.runsFlat.set(term.runs, this.runsStart[k]!);
    });
  }

  /** Lays the inner nodes' children out in compressed rows, sorted by unit; returns where each row starts. */
  private buildRows(nodes: number): Int32Array {
    const firstChild = new Int32Array(nodes + 1);
    const table = this.table;
    for (let h = 0; h < table.length; h += 3) if (table[h] !== -1) firstChild[table[h]! + 1]!++;
    for (let node = 0; node < nodes; node++) firstChild[node + 1]! += firstChild[node]!;
    const edges = firstChild[nodes]!;
    const units = new Uint16Array(edges);
    const children = new Int32Array(edges);
    const fill = firstChild.slice(0, nodes);
    for (let h = 0; h < table.length; h += 3) {
      const node = table[h]!;
      if (node === -1) continue;
      // Insertion sort into the node's row: rows are short, and the build's hash order is random.
      let at = fill[node]!++;
      const unit = table[h + 1]!;
      while (at > firstChild[node]! && units[at - 1]! > unit) {
        units[at] = units[at - 1]!;
        children[at] = children[at - 1]!;
        at--;
      }
      units[at] = unit;
      children[at] = table[h + 2]!;
    }
    this.childUnit = units;
    this.childNode = children;
    // The build's hash table is not read again.
    this.table = new Int32Array(0);
    return firstChild;
  }

  /** The automaton's move from a node on a unit in the alphabet: its child, or its failure chain's, or the root's. */
  private move(node: number, code: number): number {
    let next = node === 0 ? -1 : this.next(node, code);
    while (next === -1 && node !== 0) {
      node = this.nodeInfo[4 * node + 2]!;
      next = node === 0 ? -1 : this.next(node, code);
    }
    return next === -1 ? this.rootNext[code]! : next;
  }

  /** The child of an inner node on a unit, or -1, read from the compressed rows. */
  private next(node: number, unit: number): number {
    let lo = this.nodeInfo[4 * node]!;
    let hi = this.nodeInfo[4 * node + 1]!;
    const units = this.childUnit;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (units[lo] === unit) return this.childNode[lo]!;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = units[mid]!;
      if (at === unit) return this.childNode[mid]!;
      if (at < unit) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  private insert(node: number, unit: number, child: number): void {
    if ((this.tableCount + 1) * 2 > this.tableMask + 1) this.grow();
    this.tableCount++;
    const table = this.table;
    let h = slot(node, unit) & this.tableMask;
    while (table[3 * h] !== -1) h = (h + 1) & this.tableMask;
    table[3 * h] = node;
    table[3 * h + 1] = unit;
    table[3 * h + 2] = child;
  }

  private grow(): void {
    const old = this.table;
    const size = (this.tableMask + 1) * 2;
    this.table = new Int32Array(3 * size).fill(-1);
    this.tableMask = size - 1;
    this.tableCount = 0;
    for (let h = 0; h < old.length; h += 3) if (old[h] !== -1) this.insert(old[h]!, old[h + 1]!, old[h + 2]!);
  }

  /** The child of an inner node on a unit, or -1. */
  private step(node: number, unit: number): number {
    const table = this.table;
    const mask = this.tableMask;
    for (let h = slot(node, unit) & mask; ; h = (h + 1) & mask) {
      const at = table[3 * h]!;
      if (at === -1) return -1;
      if (at === node && table[3 * h + 1] === unit) return table[3 * h + 2]!;
    }
  }

  /** The child of any node on a unit, or -1. */
  private child(node: number, unit: number): number {
    if (node !== 0) return this.step(node, unit);
    const next = this.rootNext[unit]!;
    return next > 0 ? next : -1;
  }

  /** Failure links in order of depth, so a node's failure target (shallower) is linked first. */
  private linkFailures(build: Build): void {
    const { fail, depth, dict, parent, unit, outCount, nodes: count } = build;
    // Nodes bucketed by depth (a counting sort): every failure target is shallower than its node.
    let deepest = 0;
    for (let node = 0; node < count; node++) deepest = Math.max(deepest, depth[node]!);
    const firstAt = new Int32Array(deepest + 2);
    for (let node = 0; node < count; node++) firstAt[depth[node]! + 1]!++;
    for (let d = 1; d < firstAt.length; d++) firstAt[d]! += firstAt[d - 1]!;
    const byDepth = new Int32Array(count);
    for (let node = 0; node < count; node++) byDepth[firstAt[depth[node]!]!++] = node;
    for (const node of byDepth) {
      if (depth[node]! < 2) continue;
      const code = unit[node]!;
      let f = fail[parent[node]!]!;
      let target = this.child(f, code);
      while (target === -1 && f !== 0) {
        f = fail[f]!;
        target = this.child(f, code);
      }
      fail[node] = target !== -1 && target !== node ? target : 0;
      const fc = fail[node]!;
      dict[node] = outCount[fc]! > 0 ? fc : dict[fc]!;
    }
  }

  /** Every occurrence of every term, in order of end position, with the terms' ids in the policy. */
  scan(view: SkeletonView): TermHit[] {
    const hits: TermHit[] = [];
    const text = view.text;
    const window = this.window;
    const mask = window - 1;
    // Positions of the last `window` units fed to the automaton, so a match's start is known
    // even when whitespace runs were skipped inside it.
    const fed = this.fed;
    const { nodeInfo, dictLinks, outStart, outIds, keyLength, termFlags, dfa, asciiClass, asciiClasses } = this;
    let count = 0;
    let node = 0;
    let previousSpace = true;
    let edges: WordEdges | undefined;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (isSpace(code)) {
        if (previousSpace) continue;
        previousSpace = true;
        code = SPACE;
      } else {
        previousSpace = false;
      }
      fed[count & mask] = i;
      count++;
      if (this.alphabet[code] === 0) {
        // No term has this unit: every state falls back to the root, which has no output.
        node = 0;
        continue;
      }
      if (code < 128) {
        const slot = node * asciiClasses + asciiClass[code]!;
        let move = dfa[slot]!;
        if (move === 0) dfa[slot] = move = this.move(node, code) + 1;
        node = move - 1;
      } else node = this.move(node, code);
      for (let out = nodeInfo[4 * node + 3]!; out > 0; out = dictLinks[out]!) {
        for (let o = outStart[out]!, last = outStart[out + 1]!; o < last; o++) {
          const id = outIds[o]!;
          const first = count - keyLength[id]!;
          if (first < 0 || count - first > window) continue;
          const flags = termFlags[id]!;
          if ((flags & ANY_RUNS) === 0 && !this.runsMatch(view, id, fed, first, mask)) continue;
          let start = fed[first & mask]!;
          let end = i + 1;
          if ((flags & START_BOUNDARY) !== 0 && !isBoundaryBefore(view, start)) continue;
          if ((flags & END_BOUNDARY) !== 0 && !isBoundaryBefore(view, end)) continue;
          if ((flags & (EXTEND_START | EXTEND_END)) !== 0) {
            edges ??= new WordEdges(view);
            if ((flags & EXTEND_START) !== 0) start = edges.startOf(start);
            if ((flags & EXTEND_END) !== 0) end = edges.endOf(end);
          }
          hits.push({ term: this.ids[id]!, start, end, masked: false });
        }
      }
    }
    if (this.maskTerms.length > 0 && hasMaskChar(text)) this.scanMasked(view, hits);
    workMeter.steps += text.length + hits.length;
    return hits;
  }

  private runsMatch(view: SkeletonView, id: number, fed: Int32Array, first: number, mask: number): boolean {
    const from = this.runsStart[id]!;
    const length = this.runsStart[id + 1]! - from;
    const term = this.terms[id]!;
    for (let j = 0; j < length; j++) {
      const want = this.runsFlat[from + j]!;
      const position = fed[(first + j) & mask]!;
      const got = view.runs[position] ?? 1;
      if (want === got) continue;
      if (want >= 2) {
        if (got < want) return false;
        continue;
      }
      // A single letter written twice is a stretch only in longer words: `fuuck` is `fuck`,
      // but `good` is not `god`. Han characters repeat freely.
      if (got === 2 && term.length < 4 && !isCjk(term.key.charCodeAt(j))) return false;
    }
    return true;
  }

  /** Reads masked tokens (`f*ck`, `a**hole`, `motherf***er`) against the Latin terms. */
  private scanMasked(view: SkeletonView, hits: TermHit[]): void {
    const text = view.text;
    let i = 0;
    while (i < text.length) {
      if (!isWordChar(text.charCodeAt(i)) || isCjk(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i;
      let masks = 0;
      while (j < text.length && isWordChar(text.charCodeAt(j)) && !isCjk(text.charCodeAt(j))) {
        if (isMaskChar(text.charCodeAt(j))) masks++;
        j++;
      }
      if (masks > 0 && masks < j - i) this.matchMaskedToken(view, i, j, hits);
      i = j;
    }
  }

  private indexMaskTerms(): MaskIndex {
    const byFirst = new Map<number, number[]>();
    const inside: number[] = [];
    const written = this.maskTerms.map(expandTerm);
    this.maskTerms.forEach((term, t) => {
      if (!term.startBoundary) return void inside.push(t);
      const first = written[t]!.charCodeAt(0);
      const list = byFirst.get(first);
      if (list) list.push(t);
      else byFirst.set(first, [t]);
    });
    return { written, byFirst, inside };
  }

  private matchMaskedToken(view: SkeletonView, from: number, to: number, hits: TermHit[]): void {
    // Expand collapsed runs so `a**hole` is compared letter by letter with `asshole`.
    let expanded = '';
    for (let k = from; k < to; k++) expanded += view.text[k]!.repeat(Math.min(view.runs[k] ?? 1, 4));
    workMeter.steps += expanded.length;
    const index = (this.maskIndex ??= this.indexMaskTerms());
    const byFirst = index.byFirst.get(expanded.charCodeAt(0)) ?? [];
    // The two lists merged in term order, so hits come in the order every term was tried before.
    for (let a = 0, b = 0; a < byFirst.length || b < index.inside.length; ) {
      const t = b >= index.inside.length || (a < byFirst.length && byFirst[a]! < index.inside[b]!) ? byFirst[a++]! : index.inside[b++]!;
      const term = this.maskTerms[t]!;
      const written = index.written[t]!;
      if (written.length > expanded.length) continue;
      if (term.startBoundary && expanded.charCodeAt(0) !== written.charCodeAt(0)) continue;
      const last = expanded.length - written.length;
      workMeter.steps += term.startBoundary ? 1 : last + 1;
      // A whole-word term must fill the token at that edge; a wildcard edge may sit inside it.
      for (let offset = 0; offset <= last; offset++) {
        if (term.startBoundary && offset !== 0) break;
        if (term.endBoundary && offset !== last) continue;
        if (!alignsWithMask(expanded, offset, written)) continue;
        // A masked read covers the whole token: `motherf***er` is one word as written.
        hits.push({ term: term.id, start: from, end: to, masked: true });
      }
    }
  }
}

/** The term as normalised, with collapsed runs written out again (`ass`, not `as`). */
export function expandTerm(term: CompiledTerm): string {
  let out = '';
  for (let j = 0; j < term.key.length; j++) out += term.key[j]!.repeat(term.runs[j] ?? 1);
  return out;
}

/** The window must show its first letter and hide at least one other behind a mask character. */
function alignsWithMask(token: string, offset: number, term: string): boolean {
  let masked = 0;
  for (let k = 0; k < term.length; k++) {
    const code = token.charCodeAt(offset + k);
    if (isMaskChar(code)) {
      if (k === 0) return false;
      masked++;
    } else if (code !== term.charCodeAt(k)) {
      return false;
    }
  }
  return masked > 0;
}

function hasMaskChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isMaskChar(text.charCodeAt(i))) return true;
  return false;
}

/** Walks longer than this remember what they found, so that no position is walked twice. */
const SHORT_WALK = 64;

/**
 * The edges of the word around a position, for `*` terms that report the whole word. A long word
 * holds a match at nearly every letter (`*fuck*` in `fuckfuckfuck…`, `f u c k` repeated): walking
 * to its edges from each one was quadratic. Walks are short in chat; a long one fills a memo, so
 * each position of a long word is walked at most once per direction.
 */
class WordEdges {
  private before: Int32Array | undefined;
  private after: Int32Array | undefined;

  constructor(private readonly view: SkeletonView) {}

  /** The last position at or before `index` where a word may start. */
  startOf(index: number): number {
    let k = index;
    let steps = 0;
    while (!isBoundaryBefore(this.view, k)) {
      const known = this.before === undefined ? 0 : this.before[k]!;
      if (known > 0) {
        k = known - 1;
        break;
      }
      k--;
      if (++steps === SHORT_WALK) this.before = new Int32Array(this.view.text.length + 1);
    }
    workMeter.steps += steps;
    if (this.before !== undefined) for (let j = index; j > k && this.before[j] === 0; j--) this.before[j] = k + 1;
    return k;
  }

  /** The first position at or after `index` where a word may end. */
  endOf(index: number): number {
    let k = index;
    let steps = 0;
    while (!isBoundaryBefore(this.view, k)) {
      const known = this.after === undefined ? 0 : this.after[k]!;
      if (known > 0) {
        k = known - 1;
        break;
      }
      k++;
      if (++steps === SHORT_WALK) this.after = new Int32Array(this.view.text.length + 1);
    }
    workMeter.steps += steps;
    if (this.after !== undefined) for (let j = index; j < k && this.after[j] === 0; j++) this.after[j] = k + 1;
    return k;
  }
}

/** True when a word may start or end at `index` of the view. */
export function isBoundaryBefore(view: SkeletonView, index: number): boolean {
  if (index <= 0 || index >= view.text.length) return true;
  if (view.breaks[index] === 1) return true;
  const before = view.text.charCodeAt(index - 1);
  const after = view.text.charCodeAt(index);
  if (!isWordChar(before) || !isWordChar(after)) return true;
  return isCjk(before) || isCjk(after);
}
