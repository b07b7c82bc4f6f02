import { createRequire } from 'node:module';
import type { AST } from '@eslint-community/regexpp';
import type { CharSet, Concatenation, Element, JS } from 'refa';

/**
 * Static ReDoS analysis of a rule file's regex, for V8's backtracking engine.
 *
 * A backtracking search that fails at one start position tries every path through the pattern
 * over every prefix of the rest of the text. The pattern becomes a position automaton (one state
 * per character class, transitions counted so that two routes between the same states stay two
 * paths) in which every state accepts, because the engine explores partial paths. Its number of
 * paths for a text is bounded by a constant unless (Weber and Seidl; Weideman et al. for
 * backtracking matchers):
 * - EDA: some state has two different cycles reading the same text: exponential;
 * - IDA: states p ≠ q with p→p, p→q and q→q on the same text: polynomial, one degree per link
 *   of such a chain.
 * Both are decided exactly on the automaton (pairs and triples of states reading the same text),
 * and the automaton over-approximates the engine's paths (assertions read as always true, a
 * backreference as a copy of its group, and a counted repetition with more than one iteration as a
 * loop), so an accepted regex costs at most linear time per start position. A chain of bounded
 * repetitions is refused only when the ways to split a text between them are many.
 */

/** A repetition that can read more than this many different lengths of text costs like an unbounded one. */
const UNBOUNDED_AT = 100;
/**
 * Most ways to split one text between bounded repetitions that can read the same characters: the
 * first when all of them are bounded, the second when one is unbounded (then every split is tried
 * again along the whole rest of the text).
 */
const SPLIT_LIMIT = 256;
const SPLIT_LIMIT_UNBOUNDED = 16;
/** Work units (pairs and triples of states visited) before the analysis gives up and refuses. */
const WORK_LIMIT = 2_000_000;

type Refa = typeof import('refa');

let refa: Refa | undefined;

/**
 * refa (and the regexpp parser under it) load the first time a rule file's regex is checked:
 * loading them builds Unicode tables (40-80 ms), and the built-in rule sets ship checked by the
 * build.
 */
function loadRefa(): Refa {
  refa ??= createRequire(import.meta.url)('refa') as Refa;
  return refa;
}

/** Options for {@link findBacktrackingHazard}. */
export interface BacktrackingOptions {
  /**
   * Characters that can occur in the text the regex runs on (a view's alphabet); transitions on
   * other characters are dead. Must over-approximate: a character wrongly left out could hide a
   * hazard.
   */
  readonly alphabet?: (codePoint: number) => boolean;
}

/**
 * Why a compiled-clean regex can backtrack catastrophically (super-linear time per start
 * position), as a sentence for the rule author, or undefined when it cannot.
 */
export function findBacktrackingHazard(source: string, flags: string, options: BacktrackingOptions = {}): string | undefined {
  const { JS } = loadRefa();
  let parser: JS.Parser;
  try {
    parser = JS.Parser.fromLiteral({ source, flags });
  } catch {
    return 'regex uses syntax the backtracking check cannot read, so it cannot be shown safe';
  }
  const budget = { work: 0 };
  const alive = memoAlphabet(options.alphabet);
  try {
    const main = analyse(parser, parser.ast.pattern.alternatives, false, source, alive, budget);
    if (main.hazard) return main.hazard;
    for (const look of lookarounds(parser.ast.pattern)) {
      const body = analyse(parser, look.alternatives, look.kind === 'lookbehind', source, alive, budget);
      if (body.hazard) return body.hazard;
      if (body.unbounded && !runsOncePerStart(look)) {
        return (
          `the lookaround ${quote(look.raw)} has no length limit and runs again for every way the repetition around or before it ` +
          'is tried; bound what it reads (such as {0,40}) or move it before any repetition'
        );
      }
    }
  } catch (error) {
    if (error instanceof TooComplex || (error as Error).name === 'TooManyNodesError') {
      return 'regex is too large to show safe from catastrophic backtracking; split it into smaller rules';
    }
    throw error;
  }
  return undefined;
}

class TooComplex extends Error {}

interface Budget {
  work: number;
}

function spend(budget: Budget, units: number): void {
  budget.work += units;
  if (budget.work > WORK_LIMIT) throw new TooComplex();
}

/** A loop of the automaton: a repetition of more than one iteration, or a backreference. */
interface Loop {
  /** How many different lengths of text one pass through the repetition can read. */
  readonly lengths: number;
  readonly source: string;
}

/** A state: the character class it reads and the loops around it, outermost first. */
interface State {
  readonly chars: CharSet | undefined;
  readonly loops: readonly number[];
}

/** First and last states of a sub-pattern (with how many routes reach each), and its routes through empty text. */
interface Fragment {
  readonly first: Map<number, number>;
  readonly last: Map<number, number>;
  readonly empty: number;
}

// Route counts only need to tell one from several.
const cap = (n: number) => Math.min(2, n);

class Automaton {
  readonly states: State[] = [{ chars: undefined, loops: [] }];
  readonly edges: Map<number, number>[] = [new Map()];
  readonly loops: Loop[] = [];

  private depth = 0;

  constructor(
    private readonly pattern: string,
    private readonly reverse: boolean,
    private readonly groupOf: (backreference: Element) => readonly Concatenation[] | undefined,
  ) {}

  link(from: ReadonlyMap<number, number>, to: ReadonlyMap<number, number>): void {
    for (const [p, a] of from) {
      const out = this.edges[p]!;
      for (const [q, b] of to) out.set(q, cap((out.get(q) ?? 0) + a * b));
    }
  }

  state(chars: CharSet | undefined, loops: readonly number[]): number {
    this.states.push({ chars, loops });
    this.edges.push(new Map());
    return this.states.length - 1;
  }

  sequence(concatenation: Concatenation, loops: readonly number[]): Fragment {
    const elements = this.reverse ? [...concatenation.elements].reverse() : concatenation.elements;
    let out: Fragment = { first: new Map(), last: new Map(), empty: 1 };
    for (const element of elements) {
      const next = this.element(element, loops);
      this.link(out.last, next.first);
      out = { first: add(out.first, next.first, out.empty), last: add(next.last, out.last, next.empty), empty: cap(out.empty * next.empty) };
    }
    return out;
  }

  choice(alternatives: readonly Concatenation[], loops: readonly number[]): Fragment {
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    let empty = 0;
    for (const alternative of alternatives) {
      const next = this.sequence(alternative, loops);
      addInto(first, next.first, 1);
      addInto(last, next.last, 1);
      empty = cap(empty + next.empty);
    }
    return { first, last, empty };
  }

  element(element: Element, loops: readonly number[]): Fragment {
    switch (element.type) {
      case 'CharacterClass': {
        const s = this.state(element.characters, loops);
        return { first: new Map([[s, 1]]), last: new Map([[s, 1]]), empty: 0 };
      }
      case 'Alternation':
        return this.choice(element.alternatives, loops);
      case 'Quantifier': {
        if (element.max === 0) return { first: new Map(), last: new Map(), empty: 1 };
        if (element.max === 1) {
          const body = this.choice(element.alternatives, loops);
          // An optional part that matched nothing is rejected (ECMAScript's RepeatMatcher), so
          // skipping it is its only route through empty text.
          return { ...body, empty: element.min === 0 ? 1 : body.empty };
        }
        const [shortest, longest] = lengthOf(element.alternatives);
        const loop = this.loop(element.max * longest - element.min * shortest + 1, element.source);
        const body = this.choice(element.alternatives, [...loops, loop]);
        this.link(body.last, body.first);
        return { ...body, empty: element.min === 0 ? 1 : cap(body.empty ** element.min) };
      }
      case 'Unknown': {
        // A backreference reads one text its group read (one way), or nothing when the group did
        // not take part: a copy of the group, which has at least those paths, or empty text.
        const group = this.depth < 2 ? this.groupOf(element) : undefined;
        if (group) {
          this.depth++;
          const copy = this.choice(group, loops);
          this.depth--;
          return { ...copy, empty: cap(copy.empty + 1) };
        }
        const loop = this.loop(Infinity, element.id);
        const s = this.state(undefined, [...loops, loop]);
        this.edges[s]!.set(s, 1);
        return { first: new Map([[s, 1]]), last: new Map([[s, 1]]), empty: 1 };
      }
      case 'Assertion':
        // Read as always true, which only adds paths; lookaround bodies are checked on their own.
        return { first: new Map(), last: new Map(), empty: 1 };
    }
  }

  private loop(lengths: number, source: { start: number; end: number } | string | undefined): number {
    const text = typeof source === 'string' ? source : source ? this.pattern.slice(source.start, source.end) : '?';
    this.loops.push({ lengths: Number.isFinite(lengths) ? lengths : Infinity, source: text });
    return this.loops.length - 1;
  }
}

/** Shortest and longest text that one of some alternatives can read (Infinity when unbounded). */
function lengthOf(alternatives: readonly Concatenation[]): [number, number] {
  let shortest = Infinity;
  let longest = 0;
  for (const alternative of alternatives) {
    let low = 0;
    let high = 0;
    for (const element of alternative.elements) {
      const [a, b] =
        element.type === 'CharacterClass'
          ? [1, 1]
          : element.type === 'Unknown'
            ? [0, Infinity]
            : element.type === 'Assertion'
              ? [0, 0]
              : element.type === 'Quantifier'
                ? lengthOf(element.alternatives).map((x, i) => (x === 0 ? 0 : x * (i === 0 ? element.min : element.max)))
                : lengthOf(element.alternatives);
      low += a!;
      high += b!;
    }
    shortest = Math.min(shortest, low);
    longest = Math.max(longest, high);
  }
  return [shortest === Infinity ? 0 : shortest, longest];
}

function add(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>, times: number): Map<number, number> {
  return addInto(new Map(a), b, times);
}

function addInto(out: Map<number, number>, b: ReadonlyMap<number, number>, times: number): Map<number, number> {
  if (times === 0) return out;
  for (const [k, v] of b) out.set(k, cap((out.get(k) ?? 0) + v * times));
  return out;
}

function quote(text: string): string {
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

/** Memoised "can this code point occur", and "can some code point of this set occur". */
function memoAlphabet(alphabet: ((codePoint: number) => boolean) | undefined): (set: CharSet) => boolean {
  if (!alphabet) return (set) => !set.isEmpty;
  const seen = new Map<number, boolean>();
  const allowed = (cp: number) => {
    let yes = seen.get(cp);
    if (yes === undefined) seen.set(cp, (yes = alphabet(cp)));
    return yes;
  };
  return (set) => {
    for (const range of set.ranges) {
      // Long ranges are taken as occurring after a sample: erring that way can only refuse more.
      const stop = Math.min(range.max, range.min + 512);
      for (let cp = range.min; cp <= stop; cp++) if (allowed(cp)) return true;
      if (stop < range.max) return true;
    }
    return false;
  };
}

interface Analysis {
  readonly hazard?: string;
  /** Some reachable loop has no bound (so a lookaround with this body reads without limit). */
  readonly unbounded: boolean;
}

// Literal (no simplification), so that `a|a` stays two alternatives; large, so that a long list of words still parses.
const PARSE = { assertions: 'ignore', backreferences: 'unknown', maxBackreferenceWords: 0, simplify: false, maxNodes: 200_000 } as const;

function analyse(
  parser: JS.Parser,
  alternatives: readonly AST.Alternative[],
  reverse: boolean,
  pattern: string,
  alive: (set: CharSet) => boolean,
  budget: Budget,
): Analysis {
  const groups = new Map<number, AST.CapturingGroup>();
  visit(parser.ast.pattern, (node) => {
    if (node.type === 'Backreference' && !Array.isArray(node.resolved)) groups.set(node.start, node.resolved as AST.CapturingGroup);
  });
  const groupOf = (element: Element) => {
    const group = element.source ? groups.get(element.source.start) : undefined;
    return group ? parser.parseElement(group, PARSE).expression.alternatives : undefined;
  };
  const automaton = new Automaton(pattern, reverse, groupOf);
  const root = automaton.choice(
    alternatives.map((alternative) => {
      const { expression } = parser.parseElement(alternative, PARSE);
      return { type: 'Concatenation', elements: [{ type: 'Alternation', alternatives: expression.alternatives }] } as unknown as Concatenation;
    }),
    [],
  );
  automaton.link(new Map([[0, 1]]), root.first);
  return new Checker(automaton, alive, budget).check();
}

class Checker {
  private readonly n: number;
  private readonly live: boolean[];
  private readonly succ: number[][];
  private readonly pairOk = new Map<number, boolean>();
  private predecessors: number[][] | undefined;

  constructor(
    private readonly automaton: Automaton,
    private readonly alive: (set: CharSet) => boolean,
    private readonly budget: Budget,
  ) {
    const { states, edges } = automaton;
    this.n = states.length;
    this.live = states.map((s, i) => i === 0 || s.chars === undefined || alive(s.chars));
    this.succ = edges.map((out) => [...out.keys()].filter((q) => this.live[q]));
  }

  check(): Analysis {
    const next = (p: number) => this.succ[p]!;
    // Tarjan gives components in reverse topological order: every link below goes to an earlier one.
    const cyclic = components([0], next).filter((c) => c.length > 1 || this.succ[c[0]!]!.includes(c[0]!));
    const unbounded = cyclic.some((c) => this.weight(c) === Infinity);
    for (const c of cyclic) {
      if (this.exponential(c)) return { hazard: this.edaMessage(c), unbounded };
    }
    const worst: { unbounded: number; splits: number; loops: string[] }[] = [];
    for (let i = 0; i < cyclic.length; i++) {
      const w = this.weight(cyclic[i]!);
      const own = { unbounded: w === Infinity ? 1 : 0, splits: w === Infinity ? 1 : w, loops: [this.loopSource(cyclic[i]!)] };
      let best = own;
      const downstream = reachable(cyclic[i]!, next);
      for (let j = 0; j < i; j++) {
        if (!downstream.has(cyclic[j]![0]!) || !this.trades(cyclic[i]!, cyclic[j]!, downstream)) continue;
        const tail = worst[j]!;
        const chain = { unbounded: own.unbounded + tail.unbounded, splits: own.splits * tail.splits, loops: [...own.loops, ...tail.loops] };
        const parts = chain.loops.map(quote).join(' and ');
        if (chain.unbounded >= 2) {
          return {
            hazard:
              `${parts} can match the same text, so a failed match tries every way to split it between them (time grows as the ` +
              `text's length to the power ${chain.unbounded}); separate them with something neither can match, or bound them`,
            unbounded,
          };
        }
        const limit = chain.unbounded > 0 ? SPLIT_LIMIT_UNBOUNDED : SPLIT_LIMIT;
        if (chain.splits > limit) {
          return {
            hazard:
              `${parts} can split the same text between them in more than ${limit} ways, all tried when a match fails; ` +
              'separate them with something neither can match, or lower their bounds',
            unbounded,
          };
        }
        if (chain.unbounded > best.unbounded || chain.splits > best.splits) best = chain;
      }
      worst.push(best);
    }
    return { unbounded };
  }

  private compatible(p: number, q: number): boolean {
    if (p === q) return true;
    const key = p < q ? p * this.n + q : q * this.n + p;
    let ok = this.pairOk.get(key);
    if (ok === undefined) {
      const a = this.automaton.states[p]!.chars;
      const b = this.automaton.states[q]!.chars;
      ok = a === undefined || b === undefined ? true : !a.isDisjointWith(b) && this.alive(a.intersect(b));
      this.pairOk.set(key, ok);
    }
    return ok;
  }

  private common(a: number, b: number, c: number): boolean {
    const [x, y, z] = [a, b, c].map((s) => this.automaton.states[s]!.chars);
    if (x === undefined || y === undefined || z === undefined) return true;
    return this.alive(x.intersect(y).intersect(z));
  }

  /**
   * Two different cycles from some state back to it reading the same text (EDA): two routes on
   * one transition, or a component of the pair graph (two states reading the same text) holding
   * a diagonal pair and an off-diagonal one.
   */
  private exponential(component: number[]): boolean {
    const inside = new Set(component);
    for (const p of component) {
      for (const [q, routes] of this.automaton.edges[p]!) if (routes > 1 && inside.has(q) && this.live[q]) return true;
    }
    const n = this.n;
    const next = (key: number) => {
      const p = Math.floor(key / n);
      const q = key % n;
      const out: number[] = [];
      for (const p2 of this.succ[p]!) {
        if (!inside.has(p2)) continue;
        for (const q2 of this.succ[q]!) if (inside.has(q2) && this.compatible(p2, q2)) out.push(p2 * n + q2);
      }
      spend(this.budget, out.length + 1);
      return out;
    };
    for (const pairs of components(component.map((p) => p * n + p), next)) {
      const diagonal = pairs.some((k) => Math.floor(k / n) === k % n);
      if (diagonal && pairs.some((k) => Math.floor(k / n) !== k % n)) return true;
    }
    return false;
  }

  private edaMessage(component: number[]): string {
    return (
      `the repetition ${quote(this.loopSource(component))} can match the same text in more than one way, so a failed match ` +
      'tries exponentially many of them; make what it repeats unambiguous (alternatives that cannot match the same text, ' +
      'no repetition directly inside a repetition)'
    );
  }

  /** Some p in `from` and q in `to` with p→p, p→q and q→q on one text (IDA), found in the graph of state triples. */
  private trades(from: number[], to: number[], downstream: Set<number>): boolean {
    const upstream = reachable(to, (p) => this.pred(p));
    const inFrom = new Set(from);
    const inTo = new Set(to);
    const n = this.n;
    const key = (a: number, b: number, c: number) => (a * n + b) * n + c;
    const next = (k: number) => {
      const c = k % n;
      const b = Math.floor(k / n) % n;
      const a = Math.floor(k / (n * n));
      const out: number[] = [];
      for (const a2 of this.succ[a]!) {
        if (!inFrom.has(a2)) continue;
        for (const c2 of this.succ[c]!) {
          if (!inTo.has(c2) || !this.compatible(a2, c2)) continue;
          for (const b2 of this.succ[b]!) {
            if (!downstream.has(b2) || !upstream.has(b2)) continue;
            if (this.compatible(a2, b2) && this.compatible(b2, c2) && this.common(a2, b2, c2)) out.push(key(a2, b2, c2));
          }
        }
      }
      spend(this.budget, out.length + 1);
      return out;
    };
    for (const p of from) for (const q of to) if (reachable([key(p, p, q)], next).has(key(p, q, q))) return true;
    return false;
  }

  private pred(p: number): number[] {
    if (!this.predecessors) {
      const lists: number[][] = Array.from({ length: this.n }, () => []);
      this.succ.forEach((out, from) => out.forEach((to) => lists[to]!.push(from)));
      this.predecessors = lists;
    }
    return this.predecessors[p]!;
  }

  /** How many different lengths of text one pass through a cycle can read (Infinity above {@link UNBOUNDED_AT}). */
  private weight(component: number[]): number {
    const outer = this.automaton.states[component[0]!]!.loops[0];
    const lengths = outer === undefined ? Infinity : this.automaton.loops[outer]!.lengths;
    return lengths > UNBOUNDED_AT ? Infinity : lengths;
  }

  private loopSource(component: number[]): string {
    const outer = this.automaton.states[component[0]!]!.loops[0];
    return outer === undefined ? '?' : this.automaton.loops[outer]!.source;
  }
}

function reachable(starts: readonly number[], next: (node: number) => readonly number[]): Set<number> {
  const seen = new Set(starts);
  const stack = [...starts];
  while (stack.length > 0) {
    for (const m of next(stack.pop()!)) {
      if (!seen.has(m)) {
        seen.add(m);
        stack.push(m);
      }
    }
  }
  return seen;
}

/**
 * Strongly connected components of the nodes reachable from `starts` (Tarjan's algorithm, without
 * recursion so that a regex of thousands of states cannot overflow the stack), in reverse
 * topological order.
 */
function components(starts: readonly number[], next: (node: number) => readonly number[]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  const open = (v: number, work: { v: number; out: readonly number[]; i: number }[]) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    work.push({ v, out: next(v), i: 0 });
  };
  for (const root of starts) {
    if (index.has(root)) continue;
    const work: { v: number; out: readonly number[]; i: number }[] = [];
    open(root, work);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.out.length) {
        const w = frame.out[frame.i++]!;
        if (!index.has(w)) open(w, work);
        else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      const v = frame.v;
      if (work.length > 0) {
        const parent = work[work.length - 1]!.v;
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        out.push(component);
      }
    }
  }
  return out;
}

/** Calls `see` on every node of a pattern below `node` (not inside character classes). */
function visit(node: AST.Node, see: (node: AST.Node) => void): void {
  see(node);
  if ('alternatives' in node) for (const a of node.alternatives) visit(a, see);
  if (node.type === 'Alternative') for (const e of node.elements) visit(e, see);
  if (node.type === 'Quantifier') visit(node.element, see);
}

/** Every lookahead and lookbehind of a pattern, nested ones included. */
function lookarounds(pattern: AST.Pattern): AST.LookaroundAssertion[] {
  const out: AST.LookaroundAssertion[] = [];
  visit(pattern, (node) => {
    if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind')) out.push(node);
  });
  return out;
}

/**
 * True when a lookaround runs a bounded number of times per start position: no repetition around
 * it and none matched before it (inside a lookbehind, matching runs right to left).
 */
function runsOncePerStart(node: AST.LookaroundAssertion): boolean {
  let child: AST.Node = node;
  let parent: AST.Node | null = node.parent;
  while (parent !== null && parent.type !== 'Pattern') {
    if (parent.type === 'Alternative') {
      const at = parent.elements.indexOf(child as AST.Element);
      const backwards = parent.parent.type === 'Assertion' && parent.parent.kind === 'lookbehind';
      const before = backwards ? parent.elements.slice(at + 1) : parent.elements.slice(0, at);
      if (before.some(repeats)) return false;
    } else if (parent.type === 'Quantifier' && parent.max > 1) {
      return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return true;
}

/** True when a part of a pattern holds a repetition of more than one iteration or a backreference. */
function repeats(node: AST.Node): boolean {
  if (node.type === 'Quantifier') return node.max > 1 || repeats(node.element);
  if (node.type === 'Backreference') return true;
  if ('alternatives' in node) return node.alternatives.some(repeats);
  if (node.type === 'Alternative') return node.elements.some(repeats);
  return false;
}
