/**
 * The compositional threat grammar: a threat is a few parts in an order (who, in what mood, does
 * what harm, to whom), and each kind of threat is a handful of such shapes. The shapes live here;
 * the words that fill each part are the rule file's lists, so a policy author extends the
 * vocabulary (a new group noun, a new way to say "I know where you live") without touching code,
 * and English and Chinese share every shape with their own words. A mixed message is read by the
 * same shapes: a part's list may hold words of either script.
 */
import type { ExplanationStep } from '../../engine/types.js';
import type { TermEntry } from '../../policy/load.js';
import { NEWS, SUPPORT_PLEA } from './frames.js';
import { joinedReading } from './reading.js';

/** One part of a shape: the list whose words fill it, and what it is called in explanations. */
interface Part {
  readonly list: string;
  /** Only at the start of a sentence (an imperative: "kill all of them"). */
  readonly initial?: boolean;
}

/** An order of parts that makes a threat, with at most `gap` words (or Chinese characters) between two parts. */
interface Shape {
  readonly parts: readonly Part[];
  readonly gap: number;
  /** Parts may be in different sentences of the message (a demand, then a consequence). */
  readonly acrossSentences?: boolean;
  /** Lists one of whose words must also occur somewhere in the message. */
  readonly with?: readonly string[];
  /** Change to the rule's base score, for a shape weaker than the rule's typical one. */
  readonly delta?: number;
  /** Why the shape is weaker, for the explanation. */
  readonly note?: string;
  /** A word of `negators` just before or between the parts does not cancel it. */
  readonly ignoresNegation?: boolean;
  /** Lists whose words make this shape ordinary talk whatever else the message holds. */
  readonly ordinary?: readonly string[];
  /** The family's `raisedBy`, for this shape: being at the reader's door is raised by a menace, not by "call me". */
  readonly raisedBy?: readonly string[];
}

/** A kind of threat: its shapes and the lists that, anywhere in the message, say it is not meant. */
interface Family {
  readonly shapes: readonly Shape[];
  /** Lists whose words mean the message reports, condemns or plays at the threat. */
  readonly notMeant: readonly string[];
  /** Lists whose words make a weak shape ordinary talk (a delivery, advice). */
  readonly ordinary?: readonly string[];
  /** Lists whose words, anywhere in the message, keep `ordinary` from setting a threat aside. */
  readonly ordinaryUnless?: readonly string[];
  /** Lists that, anywhere in the message, raise the score: hostility around knowledge of a place. */
  readonly raisedBy?: readonly string[];
  /** Only with words of two languages among its parts ("I'll 弄死 you"): one language's are its own rules'. */
  readonly mixedOnly?: boolean;
}

const p = (list: string, initial = false): Part => (initial ? { list, initial } : { list });

/** A shape where the reader's place is described rather than said to be known: weaker, and plain service talk whatever else is said. */
const described = (parts: readonly Part[], gap: number, delta: number, how: string): Shape => ({
  parts,
  gap,
  acrossSentences: true,
  delta,
  note: `the reader's place described, ${how}`,
  ordinary: ['service', 'advice'],
});

/** A group shape whose later parts refer back to the group named first ("them", "they"): a little weaker. */
const referring = (parts: readonly Part[], what: string): Shape => ({
  parts,
  gap: 10,
  acrossSentences: true,
  delta: -0.05,
  note: `the group named, then ${what}`,
});

/** The kinds of threat this grammar composes, by the `frame` option of a rule. */
export const FAMILIES: Readonly<Record<string, Family>> = {
  // Threats, wishes, plans, norms and incitement against a group named by an identity noun.
  group: {
    shapes: [
      { parts: [p('intents'), p('harm-acts'), p('group')], gap: 4 },
      { parts: [p('harm-acts', true), p('group')], gap: 2 },
      { parts: [p('group'), p('norms'), p('fates')], gap: 5 },
      { parts: [p('wishes'), p('group'), p('fates')], gap: 4 },
      { parts: [p('wishes'), p('fates'), p('group')], gap: 3 },
      { parts: [p('better-without'), p('group')], gap: 3, ignoresNegation: true },
      { parts: [p('group'), p('better-without')], gap: 3, ignoresNegation: true },
      { parts: [p('without'), p('group'), p('better')], gap: 6, ignoresNegation: true },
      { parts: [p('only-good'), p('group'), p('fates')], gap: 4, ignoresNegation: true },
      { parts: [p('group'), p('only-good'), p('fates')], gap: 8, acrossSentences: true, ignoresNegation: true },
      // A wish said after the fate: "X 死光了才好".
      { parts: [p('group'), p('fates'), p('only-good')], gap: 6, ignoresNegation: true },
      { parts: [p('disposal'), p('group'), p('harm-acts')], gap: 6 },
      // A verb of harm split by the group: "line the X up", "round them all up".
      { parts: [p('intents'), p('split-harms'), p('group'), p('particles')], gap: 2 },
      { parts: [p('split-harms', true), p('group'), p('particles')], gap: 2 },
      // The world better once they are gone: "a better place when the last X is dead".
      { parts: [p('better'), p('group'), p('fates')], gap: 6, ignoresNegation: true },
      { parts: [p('group'), p('harm-acts'), p('them')], gap: 10, acrossSentences: true, delta: -0.05, note: 'the group named, then harm to "them"' },
      // The group named, then a wish, a plan or a norm for "them": "X ... hope they all catch something fatal".
      referring([p('group'), p('wishes'), p('them'), p('fates')], 'a wish for "them"'),
      referring([p('group'), p('wishes'), p('harm-acts'), p('them')], 'a wish for "them"'),
      referring([p('group'), p('them'), p('norms'), p('fates')], 'a norm for "them"'),
      // The group named, then the world better without "them": "X… 少了她们路上就清净了".
      { ...referring([p('group'), p('without'), p('them'), p('better')], 'the world better without "them"'), ignoresNegation: true },
      // Harm on meeting one of them: "if I see one more X I'm gonna start swinging".
      { parts: [p('if-not'), p('group'), p('harm-acts')], gap: 8, delta: -0.05, note: 'harm on meeting one of the group' },
      // A condition on the group, then harm: "X 全部赶出去，不走就打死".
      { ...referring([p('group'), p('if-not'), p('harm-acts')], 'harm if they stay'), ignoresNegation: true },
    ],
    notMeant: ['not-meant', 'games'],
  },
  // Knowledge of where the reader lives, works or goes, held over them.
  leverage: {
    shapes: [
      { parts: [p('knows'), p('reader-places')], gap: 5 },
      { parts: [p('reader-places'), p('knows')], gap: 4 },
      // Being at the reader's place ("I'm outside your house") is how every driver arrives: only
      // a menace, a veiled turn or a dare around it makes it intimidation.
      { parts: [p('presence'), p('reader-places')], gap: 3, raisedBy: ['turns', 'veils', 'dares'], ordinary: ['service'] },
      // Knowledge shown, not said: the reader's place or routine described, with a veiled turn or a
      // demand, hostility or warning around it.
      described([p('reader-places'), p('veils')], 16, -0.1, 'then a veiled turn'),
      described([p('reader-places'), p('turns')], 16, -0.15, 'with a turn around it'),
      described([p('turns'), p('reader-places')], 10, -0.15, 'with a turn around it'),
    ],
    notMeant: ['not-meant', 'games'],
    ordinary: ['service', 'advice'],
    raisedBy: ['turns', 'demands', 'dares', 'veils'],
  },
  // Harm hinted at, never said: an accident, a shame, a regret, to the reader or what is theirs.
  veiled: {
    shapes: [
      { parts: [p('veils'), p('reader-possessions')], gap: 10, acrossSentences: true },
      { parts: [p('reader-possessions'), p('veils')], gap: 10, acrossSentences: true },
      // What happens to people who do what the reader might do: "people who complain have accidents".
      { parts: [p('dares'), p('veils')], gap: 10, acrossSentences: true },
      { parts: [p('veils-alone')], gap: 0 },
      { parts: [p('reader-possessions'), p('tag-questions')], gap: 8, delta: -0.1, note: "a remark on what is the reader's, with a knowing tag question" },
    ],
    notMeant: ['not-meant', 'games'],
    ordinary: ['advice'],
    // "Would hate for it to wander into traffic": advice words beside a menace are no advice.
    ordinaryUnless: ['menace'],
  },
  // A demand tied to a consequence, in either order.
  coercion: {
    shapes: [
      { parts: [p('demands'), p('if-not'), p('penalties')], gap: 8, acrossSentences: true, ignoresNegation: true },
      { parts: [p('if-not'), p('demands'), p('penalties')], gap: 8, acrossSentences: true, ignoresNegation: true },
      { parts: [p('penalties'), p('if-not'), p('demands')], gap: 8, acrossSentences: true, ignoresNegation: true },
      { parts: [p('demands'), p('penalties'), p('if-not')], gap: 6, acrossSentences: true, ignoresNegation: true },
      { parts: [p('dares'), p('and-then'), p('penalties')], gap: 6, ignoresNegation: true },
      { parts: [p('dares'), p('penalties')], gap: 4, ignoresNegation: true, delta: -0.05, note: 'a dare and its consequence side by side' },
      // A refusal that names the demand ("if you don't pay", 不删的话) and a consequence.
      { parts: [p('refusals'), p('penalties')], gap: 8, acrossSentences: true, ignoresNegation: true },
    ],
    notMeant: ['not-meant', 'games'],
  },
  // The reader told their fate: "you'll be dead by friday", "you're sleeping with the fishes".
  direct: {
    shapes: [{ parts: [p('reader-targets'), p('doomed')], gap: 2 }],
    notMeant: ['not-meant', 'games'],
  },
  // A direct threat whose parts are words of two languages: "I'll 弄死 you", "smash 你的车", "你 are dead".
  mixed: {
    shapes: [
      { parts: [p('intents'), p('harm-acts'), p('reader-targets')], gap: 3 },
      { parts: [p('harm-acts', true), p('reader-targets')], gap: 1, delta: -0.05, note: 'a harm said to the reader with no subject' },
      { parts: [p('intents'), p('harm-acts'), p('reader-possessions')], gap: 3 },
      { parts: [p('harm-acts', true), p('reader-possessions')], gap: 2, delta: -0.05, note: "a harm to what is the reader's with no subject" },
      { parts: [p('reader-targets'), p('doomed')], gap: 1 },
    ],
    notMeant: ['not-meant', 'games'],
    mixedOnly: true,
  },
  // Sexual advances on the reader: a remark on their body or an offer, with an invitation; a photo of them.
  advances: {
    shapes: [
      { parts: [p('body-remarks'), p('invitations')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('invitations'), p('body-remarks')], gap: 30, acrossSentences: true, ignoresNegation: true },
      // Asking the reader out is a booking beside an offer, an advance beside a remark on their body.
      { parts: [p('body-remarks'), p('asks-out')], gap: 30, acrossSentences: true, ignoresNegation: true, ordinary: ['service'] },
      { parts: [p('asks-out'), p('body-remarks')], gap: 30, acrossSentences: true, ignoresNegation: true, ordinary: ['service'] },
      { parts: [p('offers'), p('invitations')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('invitations'), p('offers')], gap: 30, acrossSentences: true, ignoresNegation: true },
      // Getting the reader alone: "come alone", "don't bring your bf", 男朋友不在, with an invitation, an offer or another such remark.
      { parts: [p('isolation'), p('invitations')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('invitations'), p('isolation')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('isolation'), p('offers')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('offers'), p('isolation')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('isolation'), p('isolation')], gap: 30, acrossSentences: true, ignoresNegation: true },
      // A wink (你懂的) is an advance beside getting the reader alone, an invitation or a remark on their body; after a price it is a deal.
      { parts: [p('isolation'), p('winks')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('winks'), p('isolation')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('invitations'), p('winks')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('body-remarks'), p('winks')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('photo-requests')], gap: 0, delta: -0.05, note: 'a request for a photo of the reader, alone' },
      { parts: [p('come-ons')], gap: 0 },
    ],
    notMeant: ['not-meant', 'games'],
  },
};

/** A threat the shapes found, in plain-view offsets. */
export interface ComposedThreat {
  readonly start: number;
  readonly end: number;
  /** The parts that fired, for the message: "intent 'i will' + harm 'kill' + group 'immigrants'". */
  readonly parts: string;
  readonly steps: readonly ExplanationStep[];
}

/** A candidate that a frame of the message set aside, for explain. */
export interface SetAside {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

/** One word of a list found in the text: its tokens, its span, and the term it is. */
interface Hit {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The term's tokens joined by spaces, the same for every spelling the tokenizer reads alike. */
  readonly term: string;
}

type Lists = Readonly<Record<string, readonly TermEntry[]>>;

/** Where a list's words are looked up from: `group` is the shared group nouns. */
const LIST_NAMES: Readonly<Record<string, string>> = { group: 'shared/group-nouns' };

/** A word (Latin letters and digits, apostrophes dropped), a Chinese character, or a symbol (an emoji, `$`). */
interface Token {
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly clause: number;
  readonly sentence: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD = /[\p{L}\p{N}]/u;
const SENTENCE_END = /[.!?。！？\n;；]/;
const CLAUSE_END = /[,，、:：]/;
// Typed inside a word or between Chinese characters to split them (加*微*信, k-i-l-l, 杀.光).
const NOISE = /[\s*_\-~·'’\u200d\ufe0f]/;

/** What a character is to the tokenizer. */
const enum Kind {
  Word,
  Han,
  SentenceEnd,
  ClauseEnd,
  Noise,
  Symbol,
}

function kindOf(code: number): Kind {
  // ASCII first: most chat text is ASCII, and a regular expression per character would dominate.
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)) return Kind.Word;
    if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x0a || code === 0x3b) return Kind.SentenceEnd;
    if (code === 0x2c || code === 0x3a) return Kind.ClauseEnd;
    if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0x2a || code === 0x5f || code === 0x2d || code === 0x7e || code === 0x27) return Kind.Noise;
    return Kind.Symbol;
  }
  if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) return Kind.Han;
  const ch = String.fromCodePoint(code);
  if (SENTENCE_END.test(ch)) return Kind.SentenceEnd;
  if (CLAUSE_END.test(ch)) return Kind.ClauseEnd;
  if (NOISE.test(ch)) return Kind.Noise;
  return WORD.test(ch) ? Kind.Word : Kind.Symbol;
}

/** The tokens of a text, each with its clause and sentence number. Linear in the text. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let clause = 0;
  let sentence = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const kind = kindOf(code);
    if (kind === Kind.Han) {
      out.push({ start: i, end: i + 1, key: text[i]!, clause, sentence });
      i += 1;
      // Noise or a dot between two Chinese characters splits a word, not a sentence (加*微*信, 杀.光).
      let j = i;
      while (j < text.length && (kindOf(text.charCodeAt(j)) === Kind.Noise || text.charCodeAt(j) === 0x2e)) j++;
      if (j > i && j < text.length && kindOf(text.charCodeAt(j)) === Kind.Han) i = j;
    } else if (kind === Kind.Word) {
      let j = i;
      let key = '';
      while (j < text.length) {
        const c = text.codePointAt(j)!;
        const w = c > 0xffff ? 2 : 1;
        const k = kindOf(c);
        if (k === Kind.Word) key += text.slice(j, j + w);
        // An apostrophe inside a word is dropped ("don't" reads "dont"); anything else ends it.
        else if (!((c === 0x27 || c === 0x2019) && j + 1 < text.length && kindOf(text.charCodeAt(j + 1)) === Kind.Word)) break;
        j += w;
      }
      out.push({ start: i, end: j, key: key.toLowerCase(), clause, sentence });
      i = j;
    } else {
      if (kind === Kind.SentenceEnd) sentence++;
      if (kind === Kind.SentenceEnd || kind === Kind.ClauseEnd) clause++;
      else if (kind === Kind.Symbol) out.push({ start: i, end: i + width, key: text.slice(i, i + width), clause, sentence });
      i += width;
    }
  }
  return out;
}

/** A list's terms as token sequences, looked up by their first token. */
interface Compiled {
  readonly byFirst: Map<string, { readonly keys: readonly string[]; readonly prefix: boolean; readonly term: string }[]>;
  /** Single words ending in `*` ("murder*"), tried by prefix. */
  /** By their first two characters (a one-character prefix under its character), so a token tries only its own. */
  readonly prefixes: ReadonlyMap<number, readonly { readonly prefix: string; readonly term: string }[]>;
  readonly terms: ReadonlySet<string>;
}

const compiled = new WeakMap<Lists, Map<string, Compiled>>();

/** A word's first one or two UTF-16 units as one number: the key prefix terms are filed under. */
function headOf(word: string, two: boolean): number {
  return word.charCodeAt(0) * 0x10000 + (two ? word.charCodeAt(1) + 1 : 0);
}

/** A list's terms compiled once per lists object; a part with no list compiles to nothing. */
function compiledList(lists: Lists, name: string): Compiled {
  let cache = compiled.get(lists);
  if (!cache) compiled.set(lists, (cache = new Map()));
  let list = cache.get(name);
  if (!list) {
    const byFirst: Compiled['byFirst'] = new Map();
    const prefixes = new Map<number, { prefix: string; term: string }[]>();
    const terms = new Set<string>();
    for (const { term } of lists[name] ?? []) {
      const prefix = term.endsWith('*');
      const keys = tokenize(term.replace(/^\*|\*$/g, '')).map((t) => t.key);
      if (keys.length === 0) continue;
      const joined = keys.join(' ');
      terms.add(joined);
      if (prefix && keys.length === 1) {
        const head = headOf(keys[0]!, keys[0]!.length >= 2);
        prefixes.set(head, [...(prefixes.get(head) ?? []), { prefix: keys[0]!, term: joined }]);
      }
      else {
        const entries = byFirst.get(keys[0]!) ?? [];
        entries.push({ keys, prefix, term: joined });
        byFirst.set(keys[0]!, entries);
      }
    }
    cache.set(name, (list = { byFirst, prefixes, terms }));
  }
  return list;
}

/**
 * Parts that are also a word of one list, then up to N tokens, then a word of another: a head or
 * tail may itself be such a part ("post" + "your" "address").
 */
const COMPOSITES: Readonly<Record<string, readonly (readonly [string, string, number])[]>> = {
  group: [['shared/group-adjectives', 'shared/people-nouns', 1]],
  'reader-possessions': [['possessives', 'possessed', 3]],
  'reader-places': [['possessives', 'places', 3]],
  // What a coercer says they will expose, and to whom: "your address" + "online", "tell" + "your wife".
  'reader-data': [['possessives', 'data', 2]],
  relations: [['possessives', 'relatives', 1]],
  penalties: [
    ['exposure-acts', 'reader-data', 3],
    ['passing-acts', 'reader-data', 3],
    ['reader-data', 'exposure-places', 5],
    ['tell-acts', 'relations', 3],
    ['relations', 'learn-acts', 3],
    ['go-acts', 'reader-places', 2],
  ],
};

/** Whether a word found with the joined lists is one of this file's own words for the part. */
function ownsWord(own: Lists, part: string, hit: Hit): boolean {
  if (compiledList(own, LIST_NAMES[part] ?? part).terms.has(hit.term)) return true;
  for (const [head] of COMPOSITES[part] ?? []) {
    for (const word of compiledList(own, LIST_NAMES[head] ?? head).terms) if (hit.term.startsWith(`${word} `)) return true;
    if (head in COMPOSITES && ownsWord(own, head, { ...hit, term: hit.term })) return true;
  }
  return false;
}

// Words that can come before an imperative in its clause: "so just kill them all".
const IMPERATIVE_LEAD: ReadonlySet<string> = new Set([
  'and', 'so', 'just', 'then', 'ok', 'okay', 'now', 'yes', 'yeah', 'honestly', 'seriously', 'pls', 'please', 'go', 'lets', 'simply',
]);

/** Everything one message gives the shapes: its tokens, and the words of each list found in it. */
class Reading {
  readonly tokens: readonly Token[];
  private readonly hits = new Map<string, readonly Hit[]>();
  constructor(
    readonly text: string,
    private readonly lists: Lists,
  ) {
    this.tokens = tokenize(text);
  }
  find(part: string): readonly Hit[] {
    let found = this.hits.get(part);
    if (!found) {
      found = this.match(compiledList(this.lists, LIST_NAMES[part] ?? part));
      // A part may also be two lists with a word or two between: an adjective before a word for
      // people ("Polish guys"), a possessive before what is the reader's ("ur lil shop", 你那个店).
      const composites = COMPOSITES[part];
      if (composites) {
        // Set before composing, so a composite that names its own part finds only its plain words.
        this.hits.set(part, found);
        const all = [...found];
        for (const [head, tail, between] of composites) all.push(...this.composed(head, tail, between));
        found = all.sort((a, b) => a.first - b.first || b.last - a.last);
      }
      this.hits.set(part, found);
    }
    return found;
  }
  private hit(first: number, last: number, term: string): Hit {
    const start = this.tokens[first]!.start;
    const end = this.tokens[last]!.end;
    return { first, last, start, end, text: this.text.slice(start, end), term };
  }
  private match(list: Compiled, from = 0, to = this.tokens.length - 1): Hit[] {
    const out: Hit[] = [];
    const { tokens } = this;
    for (let i = from; i <= to && i < tokens.length; i++) {
      let best: Hit | undefined;
      for (const entry of list.byFirst.get(tokens[i]!.key) ?? []) {
        const last = i + entry.keys.length - 1;
        if (last >= tokens.length || (best && best.last >= last)) continue;
        let ok = true;
        for (let k = 1; k < entry.keys.length && ok; k++) {
          const token = tokens[i + k]!;
          const key = entry.keys[k]!;
          const lastPrefix = entry.prefix && k === entry.keys.length - 1;
          ok = token.clause === tokens[i]!.clause && (token.key === key || (lastPrefix && token.key.startsWith(key)));
        }
        if (ok) best = this.hit(i, last, entry.term);
      }
      if (!best && list.prefixes.size > 0) {
        const key = tokens[i]!.key;
        const candidates = [list.prefixes.get(headOf(key, key.length >= 2)), key.length >= 2 ? list.prefixes.get(headOf(key, false)) : undefined];
        for (const entries of candidates) for (const { prefix, term } of entries ?? []) if (!best && key.startsWith(prefix)) best = this.hit(i, i, term);
      }
      if (best) out.push(best);
    }
    return out;
  }
  private composed(head: string, tail: string, between: number): Hit[] {
    const tails = this.find(tail);
    const out: Hit[] = [];
    for (const first of this.find(head)) {
      const clause = this.tokens[first.last]!.clause;
      const second = tails.find((h) => h.first > first.last && h.first <= first.last + 1 + between && this.tokens[h.first]!.clause === clause);
      if (second) out.push(this.hit(first.first, second.last, `${first.term} ${second.term}`));
    }
    return out;
  }
  /** The first word of these lists in the message, outside the given spans (the threat's own parts). */
  has(parts: readonly string[] | undefined, outside: readonly Hit[] = []): Hit | undefined {
    for (const part of parts ?? []) {
      const hit = this.find(part).find((h) => !outside.some((o) => h.first <= o.last && o.first <= h.last));
      if (hit) return hit;
    }
    return undefined;
  }
  /** Whether a hit opens its clause as an imperative does: nothing before it but lead words ("so just", "ok then"). */
  opensClause(hit: Hit): boolean {
    const clause = this.tokens[hit.first]!.clause;
    for (let j = hit.first - 1; j >= 0 && this.tokens[j]!.clause === clause; j--) if (!IMPERATIVE_LEAD.has(this.tokens[j]!.key)) return false;
    return true;
  }
}

/** The first way the shape's parts occur in order, each part after the last within the gap. */
function place(reading: Reading, shape: Shape): Hit[] | undefined {
  const { tokens } = reading;
  const walk = (index: number, after: Hit | undefined): Hit[] | undefined => {
    if (index === shape.parts.length) return [];
    const part = shape.parts[index]!;
    for (const hit of reading.find(part.list)) {
      if (after) {
        if (hit.first <= after.last) continue;
        if (hit.first - after.last - 1 > shape.gap) break;
        if (!shape.acrossSentences && tokens[hit.first]!.sentence !== tokens[after.last]!.sentence) continue;
      }
      if (part.initial && !reading.opensClause(hit)) continue;
      // A word of harm inside an idiom is no harm: 马路杀手 (a reckless driver), "a killer deal".
      if (reading.find('idioms').some((i) => i.first <= hit.first && hit.last <= i.last && (i.first < hit.first || i.last > hit.last))) continue;
      const rest = walk(index + 1, hit);
      if (rest) return [hit, ...rest];
    }
    return undefined;
  };
  return walk(0, undefined);
}

/** A word of `negators` from a few words before the first part to the last part: "I would never …", "no one should …". */
function negatedBy(reading: Reading, placed: readonly Hit[]): Hit | undefined {
  const first = placed[0]!;
  const last = placed.at(-1)!;
  const { tokens } = reading;
  // A negator inside a condition ("if you don't pay", 再不退钱), a veil or a turn (不怕被划吗) is part of it, not the threat's.
  const conditions = [...reading.find('if-not'), ...reading.find('veils'), ...reading.find('turns')];
  return reading.find('negators').find((n) => {
    if (placed.some((h) => n.first >= h.first && n.last <= h.last)) return false;
    if (conditions.some((c) => n.first >= c.first && n.last <= c.last)) return false;
    if (n.first >= first.first) return n.last < last.first;
    return first.first - n.last - 1 <= 6 && tokens[n.first]!.sentence === tokens[first.first]!.sentence;
  });
}

// The threat rules of a message run one after another on the same text and lists: the last
// reading is kept for the next rule.
let last: { plain: string; lists: Lists; reading: Reading; from: Int32Array | undefined } | undefined;

function readingOf(plain: string, lists: Lists): { reading: Reading; from: Int32Array | undefined } {
  if (last?.plain !== plain || last.lists !== lists) {
    const joined = joinedReading(plain);
    last = { plain, lists, reading: new Reading(joined.text, lists), from: joined.from };
  }
  return last;
}

/** The first word of a list in the message (as the shapes read it), if any. */
export function listWord(plain: string, lists: Lists, name: string): string | undefined {
  return readingOf(plain, lists).reading.has([name])?.text;
}

/**
 * Finds the threats of one family in a message's plain view with one rule set's lists; what a
 * frame of the message set aside goes to `setAside` when given (explain).
 */
export function compose(plain: string, lists: Lists, familyName: string, setAside?: SetAside[], own: Lists = lists): ComposedThreat[] {
  const family = FAMILIES[familyName];
  if (!family) return [];
  const { reading, from } = readingOf(plain, lists);
  const typed = (offset: number, end = false) => (from ? (end ? from[offset - 1]! + 1 : from[offset]!) : offset);
  const out: ComposedThreat[] = [];
  for (const shape of family.shapes) {
    const placed = place(reading, shape);
    if (!placed) continue;
    // Read with the lists of every language of the rule set (a mixed message), a threat is
    // reported by the rule of each file that has one of its words (shared lists aside), so a
    // message in one language is reported once and a mixed one by either file's rule that ran.
    const owned = placed.map((hit, i) => !(shape.parts[i]!.list in LIST_NAMES) && ownsWord(own, shape.parts[i]!.list, hit));
    if (own !== lists && !owned.includes(true)) continue;
    // A mixed threat needs a part that is not this file's word: a word of the other language.
    if (family.mixedOnly && (own === lists || !owned.includes(false))) continue;
    if (shape.with && !reading.has(shape.with)) continue;
    const start = typed(placed[0]!.start);
    const end = typed(placed.at(-1)!.end, true);
    if (out.some((t) => t.start < end && start < t.end)) continue;
    const parts = placed.map((h, i) => `${shape.parts[i]!.list} '${h.text}'`).join(' + ');
    const negation = shape.ignoresNegation ? undefined : negatedBy(reading, placed);
    const notMeant = reading.has(family.notMeant, placed) ?? frameOf(reading.text) ?? quotedAround(reading.text, placed);
    const ordinary = reading.has(family.ordinary, placed);
    const ordinaryHere = reading.has(shape.ordinary, placed);
    const reason = negation
      ? `negated ("${negation.text}")`
      : notMeant
        ? `reported, condemned or played ("${notMeant.text}")`
        : ordinaryHere
          ? `ordinary talk ("${ordinaryHere.text}")`
          : ordinary && !reading.has(shape.raisedBy ?? family.raisedBy) && !reading.has(family.ordinaryUnless)
            ? `ordinary talk ("${ordinary.text}")`
            : undefined;
    if (reason) {
      setAside?.push({ start, end, reason: `${parts}: ${reason}` });
      continue;
    }
    const steps: ExplanationStep[] = [{ kind: 'frame', delta: shape.delta ?? 0, note: shape.note ?? `the parts of a ${familyName} threat: ${parts}` }];
    const raisedBy = shape.raisedBy ?? family.raisedBy;
    const raised = reading.has(raisedBy);
    if (raisedBy && !raised) steps.push({ kind: 'frame', delta: -0.4, note: 'no demand, hostility or veiled turn around it' });
    else if (raised) steps.push({ kind: 'context', delta: 0, note: `with "${raised.text}" around it` });
    out.push({ start, end, parts, steps });
  }
  return out;
}

// Someone's words in quotes: straight, curly or corner quotes around at least a few words.
const QUOTED = /["“”「『]([^"“”「」『』]{1,300})["“”」』]/g;

/**
 * The quotation that holds every part of a threat, when the message also has words of its own
 * outside it: the reader quotes what they were sent ("he wrote 'rate me or …', is that allowed").
 */
function quotedAround(text: string, placed: readonly Hit[]): { readonly text: string } | undefined {
  const first = placed[0]!.start;
  const end = placed.at(-1)!.end;
  for (const m of text.matchAll(QUOTED)) {
    const open = m.index;
    const close = open + m[0].length;
    if (first <= open || end >= close) continue;
    const inner = m[1]!.trim();
    const outside = (text.slice(0, open) + text.slice(close)).replace(/[\s\p{P}\p{S}]+/gu, '');
    if (outside.length >= 4 && (inner.split(/\s+/).length >= 4 || /\p{Script=Han}{4}/u.test(inner))) return { text: m[0] };
  }
  return undefined;
}

/** Reports to support and the news in English, read by the frames every threat shares (games are in the not-meant lists). */
function frameOf(text: string): { readonly text: string } | undefined {
  for (const frame of [SUPPORT_PLEA, NEWS]) {
    const m = frame.exec(text);
    if (m) return { text: m[0] };
  }
  return undefined;
}
