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
import { GAME, NEWS, SUPPORT_PLEA } from './frames.js';
import { joinLetterRuns, readingText } from './reading.js';

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
}

/** A kind of threat: its shapes and the lists that, anywhere in the message, say it is not meant. */
interface Family {
  readonly shapes: readonly Shape[];
  /** Lists whose words mean the message reports, condemns or plays at the threat. */
  readonly notMeant: readonly string[];
  /** Lists whose words make a weak shape ordinary talk (a delivery, advice). */
  readonly ordinary?: readonly string[];
  /** Lists that, anywhere in the message, raise the score: hostility around knowledge of a place. */
  readonly raisedBy?: readonly string[];
}

const p = (list: string, initial = false): Part => (initial ? { list, initial } : { list });

/** The kinds of threat this grammar composes, by the `frame` option of a rule. */
export const FAMILIES: Readonly<Record<string, Family>> = {
  // Threats, wishes, plans, norms and incitement against a group named by an identity noun.
  group: {
    shapes: [
      { parts: [p('intents'), p('harm-acts'), p('group')], gap: 4 },
      { parts: [p('harm-acts', true), p('group')], gap: 2 },
      { parts: [p('group'), p('norms'), p('fates')], gap: 3 },
      { parts: [p('wishes'), p('group'), p('fates')], gap: 4 },
      { parts: [p('wishes'), p('fates'), p('group')], gap: 3 },
      { parts: [p('better-without'), p('group')], gap: 3, ignoresNegation: true },
      { parts: [p('group'), p('better-without')], gap: 3, ignoresNegation: true },
      { parts: [p('without'), p('group'), p('better')], gap: 6, ignoresNegation: true },
      { parts: [p('only-good'), p('group'), p('fates')], gap: 4, ignoresNegation: true },
      { parts: [p('group'), p('only-good'), p('fates')], gap: 8, acrossSentences: true, ignoresNegation: true },
      { parts: [p('disposal'), p('group'), p('harm-acts')], gap: 6 },
      { parts: [p('group'), p('harm-acts'), p('them')], gap: 10, acrossSentences: true, delta: -0.05, note: 'the group named, then harm to "them"' },
    ],
    notMeant: ['not-meant'],
  },
  // Knowledge of where the reader lives, works or goes, held over them.
  leverage: {
    shapes: [
      { parts: [p('knows'), p('reader-places')], gap: 5 },
      { parts: [p('reader-places'), p('knows')], gap: 4 },
      // Knowledge shown, not said: the reader's place or routine described, then a veiled turn.
      {
        parts: [p('reader-places'), p('veils')],
        gap: 12,
        acrossSentences: true,
        delta: -0.1,
        note: "the reader's place described, then a veiled turn",
        ordinary: ['service', 'advice'],
      },
      // The reader's place or routine described, with a demand, hostility or a warning around it.
      {
        parts: [p('reader-places'), p('turns')],
        gap: 10,
        acrossSentences: true,
        delta: -0.15,
        note: "the reader's place described, with a turn around it",
        ordinary: ['service', 'advice'],
      },
      {
        parts: [p('turns'), p('reader-places')],
        gap: 10,
        acrossSentences: true,
        delta: -0.15,
        note: "the reader's place described, with a turn around it",
        ordinary: ['service', 'advice'],
      },
    ],
    notMeant: ['not-meant'],
    ordinary: ['service', 'advice'],
    raisedBy: ['turns'],
  },
  // Harm hinted at, never said: an accident, a shame, a regret, to the reader or what is theirs.
  veiled: {
    shapes: [
      { parts: [p('veils'), p('reader-possessions')], gap: 10, acrossSentences: true },
      { parts: [p('reader-possessions'), p('veils')], gap: 10, acrossSentences: true },
      // What happens to people who do what the reader might do: "people who complain have accidents".
      { parts: [p('dares'), p('veils')], gap: 10, acrossSentences: true },
      { parts: [p('veils-alone')], gap: 0 },
    ],
    notMeant: ['not-meant'],
    ordinary: ['advice'],
  },
  // A demand tied to a consequence, in either order.
  coercion: {
    shapes: [
      { parts: [p('demands'), p('if-not'), p('penalties')], gap: 8, acrossSentences: true, ignoresNegation: true },
      { parts: [p('if-not'), p('demands'), p('penalties')], gap: 8, acrossSentences: true, ignoresNegation: true },
      { parts: [p('penalties'), p('if-not'), p('demands')], gap: 8, acrossSentences: true, ignoresNegation: true },
      { parts: [p('dares'), p('and-then'), p('penalties')], gap: 6, ignoresNegation: true },
      { parts: [p('dares'), p('penalties')], gap: 4, ignoresNegation: true, delta: -0.05, note: 'a dare and its consequence side by side' },
    ],
    notMeant: ['not-meant'],
  },
  // Sexual advances on the reader: a remark on their body or an offer, with an invitation; a photo of them.
  advances: {
    shapes: [
      { parts: [p('body-remarks'), p('invitations')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('invitations'), p('body-remarks')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('offers'), p('invitations')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('invitations'), p('offers')], gap: 30, acrossSentences: true, ignoresNegation: true },
      { parts: [p('photo-requests')], gap: 0, delta: -0.05, note: 'a request for a photo of the reader, alone' },
      { parts: [p('come-ons')], gap: 0 },
    ],
    notMeant: ['not-meant'],
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

/** One word of a list found in the text. */
interface Hit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

type Lists = Readonly<Record<string, readonly TermEntry[]>>;

/** Where a list's words are looked up from: `group` is the shared group nouns. */
const LIST_NAMES: Readonly<Record<string, string>> = { group: 'shared/group-nouns' };

const compiled = new WeakMap<Lists, Map<string, RegExp | null>>();

/** The list's words as one regular expression (null for an absent or empty list), compiled once per rule set. */
function listPattern(lists: Lists, part: string): RegExp | null {
  let cache = compiled.get(lists);
  if (!cache) compiled.set(lists, (cache = new Map()));
  let pattern = cache.get(part);
  if (pattern === undefined) {
    const sources = sourcesOf(lists, LIST_NAMES[part] ?? part);
    // A group is named by a noun ("immigrants") or by an adjective before a word for people ("Polish guys").
    if (part === 'group') {
      const adjectives = sourcesOf(lists, 'shared/group-adjectives');
      const people = sourcesOf(lists, 'shared/people-nouns');
      if (adjectives.length > 0 && people.length > 0) sources.unshift(`(?:${adjectives.join('|')})\\s+(?:[\\p{L}'-]+\\s+)?(?:${people.join('|')})`);
    }
    pattern = sources.length === 0 ? null : new RegExp(sources.join('|'), 'gu');
    cache.set(part, pattern);
  }
  return pattern;
}

/** A list's words as regular-expression sources, longest first. */
function sourcesOf(lists: Lists, name: string): string[] {
  return [...new Set((lists[name] ?? []).map((e) => termSource(e.term)))].sort((a, b) => b.length - a.length);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// Between the characters of a Chinese term: the noise people type to split it (加 微 信, 杀*光).
const CJK_NOISE = '[\\s*._\\-~·]{0,2}';

/** A term as a regular-expression source: whole words for Latin terms (`*` at an edge for a partial word), anywhere for Chinese. */
function termSource(term: string): string {
  const folded = term.toLowerCase().trim();
  let body = '';
  for (const ch of folded.replace(/^\*|\*$/g, '')) {
    if (ch === ' ') body += "[\\s\\-']+";
    else if (ch === "'" || ch === '\u2019') body += "['\u2019]?";
    else if (CJK.test(ch)) body += (body === '' ? '' : CJK_NOISE) + ch;
    else body += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const first = folded.replace(/^\*/, '')[0] ?? '';
  const last = folded.replace(/\*$/, '').at(-1) ?? '';
  const before = folded.startsWith('*') || CJK.test(first) ? '' : '(?<![\\p{L}\\p{N}])';
  const after = folded.endsWith('*') ? '[\\p{L}\\p{N}]*' : CJK.test(last) ? '' : "(?![\\p{L}\\p{N}]|['\u2019][a-z])";
  return `${before}${body}${after}`;
}

const owned = new WeakMap<Lists, Map<string, RegExp | null>>();

/** Whether a word found with the joined lists is one of this file's own words for the part. */
function ownsWord(own: Lists, part: string, word: string): boolean {
  let cache = owned.get(own);
  if (!cache) owned.set(own, (cache = new Map()));
  let whole = cache.get(part);
  if (whole === undefined) {
    const pattern = listPattern(own, part);
    whole = pattern ? new RegExp(`^(?:${pattern.source})$`, 'u') : null;
    cache.set(part, whole);
  }
  return whole !== null && whole.test(word);
}

// Words that can come before an imperative in its sentence: "so just kill them all".
const IMPERATIVE_LEAD: ReadonlySet<string> = new Set(['and', 'so', 'just', 'then', 'ok', 'okay', 'now', 'yes', 'yeah', 'honestly', 'seriously', 'pls', 'please', 'go', 'lets', "let's", 'simply']);

/** Word and sentence numbers of a text, so gaps are counted in words (or Chinese characters). */
class Units {
  private readonly word: Int32Array;
  private readonly sentence: Int32Array;
  constructor(text: string) {
    this.word = new Int32Array(text.length + 1);
    this.sentence = new Int32Array(text.length + 1);
    let words = 0;
    let sentences = 0;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      this.word[i] = words;
      this.sentence[i] = sentences;
      if (CJK.test(ch)) {
        words++;
        inWord = false;
      } else if (/[\p{L}\p{N}'’]/u.test(ch)) {
        if (!inWord) words++;
        inWord = true;
      } else {
        inWord = false;
        if (/[.!?。！？\n;；]/.test(ch)) sentences++;
      }
    }
    this.word[text.length] = words;
    this.sentence[text.length] = sentences;
  }
  /** Words that start between two offsets. */
  between(end: number, start: number): number {
    return this.word[start]! - this.word[end]!;
  }
  sentenceAt(offset: number): number {
    return this.sentence[offset]!;
  }
  /**
   * Whether `offset` opens its sentence as an imperative does: nothing before it in the sentence
   * but the words that lead one in ("so just", "and", "ok then").
   */
  startsSentence(offset: number, text: string): boolean {
    let start = offset;
    while (start > 0 && !/[.!?。！？\n;；,，]/.test(text[start - 1]!)) start--;
    return text.slice(start, offset).split(/[^\p{L}']+/u).every((word) => word === '' || IMPERATIVE_LEAD.has(word));
  }
}

/** Everything one message gives the shapes of one rule set's lists. */
class Reading {
  readonly units: Units;
  private readonly hits = new Map<string, readonly Hit[]>();
  constructor(
    readonly text: string,
    private readonly lists: Lists,
  ) {
    this.units = new Units(text);
  }
  find(part: string): readonly Hit[] {
    let found = this.hits.get(part);
    if (!found) {
      const pattern = listPattern(this.lists, part);
      const out: Hit[] = [];
      if (pattern) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
          if (m[0].length === 0) pattern.lastIndex++;
          else out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
        }
      }
      this.hits.set(part, (found = out));
    }
    return found;
  }
  /** The first word of these lists in the message, outside the given spans (the threat's own parts). */
  has(parts: readonly string[] | undefined, outside: readonly Hit[] = []): Hit | undefined {
    for (const part of parts ?? []) {
      const hit = this.find(part).find((h) => !outside.some((o) => h.start < o.end && o.start < h.end));
      if (hit) return hit;
    }
    return undefined;
  }
}

/** The first way the shape's parts occur in order, each part after the last within the gap. */
function place(reading: Reading, shape: Shape): Hit[] | undefined {
  const { units, text } = reading;
  const walk = (index: number, after: Hit | undefined): Hit[] | undefined => {
    if (index === shape.parts.length) return [];
    const part = shape.parts[index]!;
    for (const hit of reading.find(part.list)) {
      if (after) {
        if (hit.start < after.end) continue;
        if (units.between(after.end, hit.start) > shape.gap) break;
        if (!shape.acrossSentences && units.sentenceAt(hit.start) !== units.sentenceAt(after.end - 1)) continue;
      }
      if (part.initial && !units.startsSentence(hit.start, text)) continue;
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
  return reading.find('negators').find((n) => {
    if (placed.some((h) => n.start >= h.start && n.end <= h.end)) return false;
    if (n.start >= first.start) return n.end <= last.start;
    return reading.units.between(n.end, first.start) <= 4 && reading.units.sentenceAt(n.start) === reading.units.sentenceAt(first.start);
  });
}

/**
 * Finds the threats of one family in a message's plain view with one rule set's lists; what a
 * frame of the message set aside goes to `setAside` when given (explain).
 */
export function compose(plain: string, lists: Lists, familyName: string, setAside?: SetAside[], own: Lists = lists): ComposedThreat[] {
  const family = FAMILIES[familyName];
  if (!family) return [];
  const joined = joinLetterRuns(readingText(plain));
  const reading = new Reading(joined.text, lists);
  const from = joined.from;
  const typed = (offset: number, end = false) => (from ? (end ? from[offset - 1]! + 1 : from[offset]!) : offset);
  const out: ComposedThreat[] = [];
  for (const shape of family.shapes) {
    const placed = place(reading, shape);
    if (!placed) continue;
    // Read with the lists of every language of the rule set (a mixed message), a threat is
    // reported by the rule of each file that has one of its words (shared lists aside), so a
    // message in one language is reported once and a mixed one by either file's rule that ran.
    if (own !== lists && !placed.some((hit, i) => !(shape.parts[i]!.list in LIST_NAMES) && ownsWord(own, shape.parts[i]!.list, hit.text))) continue;
    if (shape.with && !reading.has(shape.with)) continue;
    const start = typed(placed[0]!.start);
    const end = typed(placed.at(-1)!.end, true);
    if (out.some((t) => t.start < end && start < t.end)) continue;
    const parts = placed.map((h, i) => `${shape.parts[i]!.list} '${h.text}'`).join(' + ');
    const negation = shape.ignoresNegation ? undefined : negatedBy(reading, placed);
    const notMeant = reading.has(family.notMeant, placed) ?? frameOf(reading.text);
    const ordinary = reading.has(family.ordinary, placed);
    const ordinaryHere = reading.has(shape.ordinary, placed);
    const reason = negation
      ? `negated ("${negation.text}")`
      : notMeant
        ? `reported, condemned or played ("${notMeant.text}")`
        : ordinaryHere
          ? `ordinary talk ("${ordinaryHere.text}")`
          : ordinary && !reading.has(family.raisedBy)
            ? `ordinary talk ("${ordinary.text}")`
            : undefined;
    if (reason) {
      setAside?.push({ start, end, reason: `${parts}: ${reason}` });
      continue;
    }
    const steps: ExplanationStep[] = [{ kind: 'frame', delta: shape.delta ?? 0, note: shape.note ?? `the parts of a ${familyName} threat: ${parts}` }];
    const raised = reading.has(family.raisedBy);
    if (family.raisedBy && !raised) steps.push({ kind: 'frame', delta: -0.4, note: 'no demand, hostility or veiled turn around it' });
    else if (raised) steps.push({ kind: 'context', delta: 0, note: `with "${raised.text}" around it` });
    out.push({ start, end, parts, steps });
  }
  return out;
}

/** Reports to support, the news and games in English, read by the frames every threat shares. */
function frameOf(text: string): Hit | undefined {
  for (const frame of [SUPPORT_PLEA, NEWS, GAME]) {
    const m = frame.exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length, text: m[0] };
  }
  return undefined;
}
