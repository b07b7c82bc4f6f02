import type { ExplanationStep } from '../../engine/types.js';
import { parseSentences, sentenceSpans, type Clause, type Sentence, type Token } from './clauses.js';
import { ADVICE, SERVICE, HOSTILE_EMOJI, HOSTILITY, JOKE, LAUGHING, LOGISTICS, NEWS, SUPPORT_PLEA } from './frames.js';
import {
  PERSON_ONLY, PROPERTY_ONLY, BODY, CALLS_FOR, DESIRE, FAMILY, FUTURE, HARM_VERBS, IDIOM_OBJECTS, MODALS, NEEDS_PERSON, NEGATIONS,
  NEGATIVE_SUBJECTS, PEOPLE, PROPERTY, PURSUIT_VERBS, READER, READER_POSSESSIVE, SOMEONE_SUBJECTS,
  SPEAKER_SUBJECTS, THIRD_PRONOUNS, DARE_VERBS,
} from './lexicon.js';
import { CUE_READS_ASCII, CUES, cuesPossible, type Cue, type ThreatKind } from './cues.js';
import { gate, gatePasses, sexualSign, type GateFlags } from './gate.js';
import { joinedReading, latinTwin, mayBeTwoByte } from './reading.js';
import { allMatches } from '../../text/regex.js';

export type { ThreatKind } from './cues.js';

/** One threat the grammar found, in reading-text (= plain view) offsets. */
export interface ThreatEvent {
  readonly kind: ThreatKind;
  readonly start: number;
  readonly end: number;
  readonly agent: string;
  readonly patient: string;
  readonly mood: string;
  /** For the parts coercion is assembled from: what this part is (undefined for a whole threat). */
  readonly role: string | undefined;
  /** Changes to the rule's base score, each explained. */
  readonly steps: readonly ExplanationStep[];
}

/** Message-wide facts computed once from the reading text. */
interface Frames {
  readonly plea: boolean;
  readonly game: boolean;
  readonly news: boolean;
  readonly joke: boolean;
  readonly hostile: boolean;
  readonly logistics: boolean;
  readonly advice: boolean;
  readonly service: boolean;
  readonly quotes: readonly { start: number; end: number; reported: boolean }[];
}

// Words that make a sentence context for a threat elsewhere in the message (the condition of
// "…or else. I know where you live", the "unless" after "I'd never hurt you").
const CONTEXT_HINT = new RegExp(
  String.raw`\b(?:or|unless|if|otherwise|either|else|stars?|review|rating|complaint|report\w*|pay|refund|delete|remove|change|` +
    String.raw`take back|give me|rate me|think|careful|regret|shame|right|wife|husband|kids?|son|daughter|mom|mum|dad|family|alone|` +
    String.raw`never|not)\b|n't\b`,
);
/** Whether a sentence of a longer message is worth parsing. */
function sentenceWanted(
  reading: string,
  latin: string,
  spans: readonly { start: number; end: number }[],
  i: number,
  flags: GateFlags,
  core: Set<number>,
): boolean {
  const { start, end } = spans[i]!;
  const own = reading.slice(start, end);
  const ownLatin = latin.slice(start, end);
  if (gatePasses(ownLatin, own)) {
    core.add(i);
    return true;
  }
  if ((flags.coercion || flags.family || flags.intimidation) && CONTEXT_HINT.test(ownLatin)) return true;
  if (flags.sexual && sexualSign(ownLatin, own)) return true;
  return false;
}

/** Analyses a message once; the threat rules share the result through the detector's cache. */
export function analyse(plain: string, hints: () => Hints = NO_HINTS): ThreatEvent[] {
  return analyseDetailed(plain, hints).kept;
}

/** What the rule set's lists say about the whole message, read before the grammar runs. */
export interface Hints {
  /** A word of the `games` list: talk about a game, a sport or a story. */
  readonly game: boolean;
}

const NO_HINTS = (): Hints => ({ game: false });

/** Where negated threats go while `explainThreats` runs; moderation leaves it unset. */
let negatedSink: ThreatEvent[] | undefined;

/**
 * For explain only: the analysis with what it set aside, the events scored far below any base
 * score and the threats it read as negated, each with the steps that say why.
 */
export function explainThreats(plain: string, hints: () => Hints = NO_HINTS): ThreatEvent[] {
  negatedSink = [];
  try {
    const { dropped } = analyseDetailed(plain, hints);
    return [...dropped, ...negatedSink];
  } finally {
    negatedSink = undefined;
  }
}

/** How many characters of a long message are parsed at most. */
const BUDGET = 4000;

/**
 * Which sentences to parse, in order. Only the sentences that can hold a threat (and the
 * conditions and remarks around them) are parsed: compromise's cost grows with the text, and most
 * of a long message is small talk. A very long message is parsed no further than `BUDGET`
 * characters: first the sentences that could hold a threat on their own ("core") and their
 * neighbours, then context, in order.
 *
 * The sentences are gated in order, and with `stopEarly` gating stops once the core sentences and
 * neighbours already found overrun the budget: the sentences parsed are then the first of those,
 * whatever the rest of the message holds, so the choice is the same as gating every sentence
 * (the test compares the two). Searching all sentences at once, joined, was tried and dropped:
 * it was no faster, and its extra copies of the shapes' large patterns added to the regexp code
 * V8 compiles; past 1 MB of that (and 16 MB of executable memory) V8 compiles every further
 * regexp without optimisation, 10-20x slower.
 */
export function chooseSentences(
  reading: string,
  all: readonly { start: number; end: number }[],
  flags: GateFlags,
  latin = latinTwin(reading),
  stopEarly = true,
): { start: number; end: number }[] {
  const count = all.length;
  const length = (i: number) => all[i]!.end - all[i]!.start;
  // The sentences that could hold a threat on their own; the ones gated and found worth parsing.
  const core = new Set<number>();
  const wanted: number[] = [];
  const isWanted = new Uint8Array(count);
  const near = (i: number) => isWanted[i] === 1 && (core.has(i) || core.has(i - 1) || core.has(i + 1));
  if (count === 1 || flags.byCues) {
    // A single sentence, or a message the cues let through (a short one): every sentence is wanted.
    for (let i = 0; i < count; i++) (isWanted[i] = 1), wanted.push(i);
  } else {
    // The length of the near sentences so far; a sentence's nearness is known once the next is gated.
    let nearLength = 0;
    for (let i = 0; i < count && nearLength <= BUDGET; i++) {
      if (sentenceWanted(reading, latin, all, i, flags, core)) (isWanted[i] = 1), wanted.push(i);
      if (stopEarly && i > 0 && near(i - 1)) nearLength += length(i - 1);
    }
  }
  let list = wanted;
  if (list.length === 0) return [];
  // Context (a condition, a demand, a "never") counts beside a sentence that could hold a threat
  // on its own; hint words are everyday words, and parsing every sentence that has one made
  // ordinary long messages cost milliseconds. Without such a sentence the hints are all there is.
  if (core.size > 0) {
    list = list.filter(
      (i) => near(i) || (flags.sexual && sexualSign(latin.slice(all[i]!.start, all[i]!.end), reading.slice(all[i]!.start, all[i]!.end))),
    );
  }
  if (list.reduce((n, i) => n + length(i), 0) > BUDGET) {
    const nearOnes = list.filter(near);
    list = nearOnes.length > 0 ? nearOnes : list;
  }
  let budget = BUDGET;
  const chosen = list.filter((i) => (budget -= length(i)) >= 0).map((i) => all[i]!);
  if (chosen.length === 0) chosen.push(all[list[0]!]!);
  return chosen;
}

function analyseDetailed(plain: string, hints: () => Hints): { kept: ThreatEvent[]; dropped: ThreatEvent[] } {
  const none = { kept: [], dropped: [] };
  const joined = joinedReading(plain);
  const reading = joined.text;
  // The large patterns run on the Latin-1 twin: V8 then compiles each of them once.
  // The reading text is made from the plain view by replacements, so it is stored as the plain view is.
  const twoByte = mayBeTwoByte(plain);
  const latin = latinTwin(reading, twoByte);
  const flags = gate(reading, twoByte, latin);
  if (!flags) return none;
  const all = sentenceSpans(reading);
  const chosen = chooseSentences(reading, all, flags, latin);
  if (chosen.length === 0) return none;
  const sentences = parseSentences(reading, chosen);
  // Asked only here, past the gate: reading the lists costs a tokenization of the message.
  const frames = computeFrames(reading, latin, hints());
  const events: ThreatEvent[] = [];
  for (const sentence of sentences) {
    if (flags.harm) for (const clause of sentence.clauses) harmFrames(sentence, clause, frames, events);
    cueMatches(sentence, frames, flags, events);
  }
  combine(reading, sentences, events);
  // Far below any base score: not even a hint. Spans in a joined text go back to what was typed.
  const from = joined.from;
  const typed = (list: ThreatEvent[]) => (from ? list.map((e) => ({ ...e, start: from[e.start]!, end: from[e.end - 1]! + 1 })) : list);
  if (negatedSink) negatedSink.splice(0, negatedSink.length, ...typed(negatedSink));
  return { kept: typed(events.filter((e) => score(e) > -0.6)), dropped: typed(events.filter((e) => score(e) <= -0.6)) };
}

function computeFrames(reading: string, latin: string, hints: Hints): Frames {
  const quotes: { start: number; end: number; reported: boolean }[] = [];
  for (const m of allMatches(/["“”]([^"“”]{1,300})["“”]/g, reading)) {
    const inner = m[1]!;
    const before = reading.slice(Math.max(0, m.index - 40), m.index);
    // Single words in quotes are scare quotes ("accidentally", "lost"), not someone's words.
    const words = inner.trim().split(/\s+/).length;
    const introduced = /(?:said|says|told me|texted|wrote|messaged|threatened to|like|goes|:)\s*$/.test(before);
    quotes.push({ start: m.index, end: m.index + m[0].length, reported: introduced || words >= 4 });
  }
  return {
    plea: SUPPORT_PLEA.test(latin),
    // "irl", "in person": the game talk stops and the threat is meant for real life.
    game: hints.game && !/\b(?:irl|in real life|real life|in person|outside the game)\b/.test(latin),
    news: NEWS.test(latin),
    joke: JOKE.test(latin) || LAUGHING.test(reading),
    hostile: HOSTILITY.test(latin) || HOSTILE_EMOJI.test(reading),
    logistics: LOGISTICS.test(latin),
    advice: ADVICE.test(latin),
    service: SERVICE.test(latin),
    quotes,
  };
}

type PatientClass = 'reader' | 'family' | 'property' | 'self' | 'third' | 'group' | 'object' | 'none';
type AgentClass = 'speaker' | 'someone' | 'reader' | 'imperative' | 'third' | 'thing' | 'negated' | 'unspecified';

const SKIP_BEFORE_VERB = new Set([
  'will', 'shall', 'would', 'could', 'can', 'should', 'must', 'might', 'may', 'going', 'to', 'gonna', 'got', 'have',
  'has', 'had', 'need', 'needs', 'want', 'wants', 'be', 'been', 'being', 'am', 'is', 'are', 'was', 'were', 'do', 'does',
  'did', 'just', 'really', 'totally', 'literally', 'definitely', 'still', 'gladly', 'personally', 'actually',
  'seriously', 'so', 'fucking', 'fuckin', 'fkn', 'swear', 'promise', 'wish', 'hope', 'let', "let's", 'lets', 'make',
  'dare', 'try', 'go', 'come', 'and', 'gon', 'finna', 'about', 'ought', 'deserve', 'deserves', 'deserved', 'get',
  'gets', 'getting', 'all', 'not', "n't", 'never', 'ever', 'even', 'also', 'too', 'then', 'now', 'soon', 'gladly',
  'like', 'love', 'plan', 'intend', 'ima', 'imma', 'i', 'please', 'fantasize', 'fantasise', 'dream', 'wanna',
  'gotta', 'kinda', 'sorta', 'probably', 'prob', 'def', 'eventually', 'personally', 'one', 'day', 'seriously', 'only',
  // "I'm coming round to smash…", "let's go over and burn…": the trip on the way to the act.
  'coming', 'round', 'over', 'there',
]);
const PARTICLES = new Set([
  'up', 'down', 'out', 'off', 'in', 'over', 'around', 'apart', 'the', 'shit', 'hell', 'crap', 'fuck', 'living', 'daylights', 'of',
  'outta', 'outa', 'snot', 'piss', 'shite', 'bejesus', 'heck', 'right', 'now', 'so', 'bad', 'badly', 'again', 'too', 'real', 'good',
]);
// Verbs that also send things ("shoot you a text", "hit you up", "hit you with the details").
const MESSAGE_VERBS = new Set(['shoot', 'hit', 'get', 'find', 'blow', 'drop', 'pop', 'blast', 'belt', 'bust']);
const DESTRUCTIBLE = new Set([
  'school', 'office', 'mall', 'club', 'party', 'concert', 'workplace', 'campus', 'station', 'bar', 'warehouse', 'depot', 'hospital',
  'mosque', 'church', 'synagogue', 'temple', 'gurdwara', 'clinic', 'restaurant', 'salon', 'garage', 'door', 'doors', 'window',
  'windows', 'car', 'house', 'truck', 'van', 'tires', 'tyres', 'windscreen', 'windshield', 'shop', 'store', 'place',
]);
const COMMUNITY_PLACES = new Set([
  'mosque', 'church', 'synagogue', 'temple', 'gurdwara', 'clinic', 'school', 'office', 'mall', 'club', 'party', 'concert',
  'workplace', 'campus', 'station', 'bar', 'warehouse', 'depot', 'hospital',
]);
const INTENSIFIERS = new Set([
  'damn', 'fucking', 'fuckin', 'fkn', 'bloody', 'effing', 'stupid', 'little', 'big', 'whole', 'pretty', 'ugly', 'fat', 'new', 'own',
  'frigging', 'freaking',
]);
const BE_OR_GET = new Set(['be', 'been', 'being', 'get', 'got', 'gets', 'getting', 'is', 'are', 'was', 'were', 'am']);
const PARTICIPLE = /(?:ed|en|wn|shot|hung|cut|hurt|beat|burnt|slit|run)$/;

function isNegation(t: Token): boolean {
  return t.tags.has('Negative') || NEGATIONS.has(t.w);
}

function isHarmVerb(t: Token, following: Token | undefined, first: boolean, after?: Token): string | undefined {
  const lemma = HARM_VERBS.get(t.w);
  if (!lemma) return undefined;
  // "burn down that…", "smash up his…": the particle belongs to the verb.
  const next = following && ['down', 'up', 'out'].includes(following.w) && after ? after : following;
  // Nouns and adjectives that look like harm verbs ("a real killer", "the end", "heavy beats")
  // stay nouns unless a person or a noun phrase follows them, or they open the clause.
  // A word the lexicon does not know has no tags at all; a harm form then reads as the verb.
  if (t.tags.size > 0 && !t.tags.has('Verb') && !(t.tags.has('Imperative') || t.tags.has('Infinitive')) && !first) {
    if (
      !(
        next &&
        (READER.has(next.w) ||
          THIRD_PRONOUNS.has(next.w) ||
          READER_POSSESSIVE.has(next.w) ||
          DETERMINERS.has(next.w) ||
          ['his', 'their', 'my', 'our'].includes(next.w))
      )
    ) {
      return undefined;
    }
  }
  return lemma;
}

const DETERMINERS = new Set(['the', 'that', 'this', 'those', 'these', 'every', 'all', 'each']);

/** Who a subject token names. */
function agentOf(token: Token | undefined, clause: Clause, verbIndex: number): AgentClass {
  if (!token) {
    const first = clause.tokens[0]!;
    return verbIndex <= 2 || first.tags.has('Imperative') ? 'imperative' : 'unspecified';
  }
  const w = token.w;
  if (SPEAKER_SUBJECTS.has(w)) return 'speaker';
  if (SOMEONE_SUBJECTS.has(w)) return 'someone';
  if (NEGATIVE_SUBJECTS.has(w)) return 'negated';
  if (READER.has(w)) return 'reader';
  if (['he', 'she', 'they', 'who', 'his', 'her', 'their', 'him', 'them'].includes(w)) return 'third';
  if (PEOPLE.has(w) || token.tags.has('Person') || token.tags.has('Actor') || token.tags.has('ProperNoun')) return 'third';
  return 'thing';
}

interface Patient {
  readonly kind: PatientClass;
  readonly end: number;
  readonly label: string;
}

/** What follows a harm verb: whom or what it is done to. */
function patientAfter(tokens: readonly Token[], from: number, lemma = ''): Patient {
  let i = from;
  while (i < tokens.length && PARTICLES.has(tokens[i]!.w) && !(tokens[i]!.w === 'the' && tokens[i + 1] && !PARTICLES.has(tokens[i + 1]!.w))) i++;
  const t = tokens[i];
  if (!t) return { kind: 'none', end: tokens[tokens.length - 1]!.end, label: '' };
  const next = tokens[i + 1];
  if (READER.has(t.w) || t.w === "you're") {
    // "shoot you a text", "hit you up": the reader receives something, nothing is done to them.
    if (next && MESSAGE_VERBS.has(lemma) && (['a', 'an', 'some', 'the'].includes(next.w) || next.w === 'up' || next.w === 'with')) {
      return { kind: 'object', end: t.end, label: 'a message' };
    }
    if (t.w === 'yourself' || t.w === 'urself') return { kind: 'reader', end: t.end, label: 'reader (themself)' };
    return { kind: 'reader', end: t.end, label: 'reader' };
  }
  if (READER_POSSESSIVE.has(t.w) || t.w.startsWith('your') || t.w.startsWith("ur'")) {
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const noun = tokens[j]!.w.replace(/'s$/, '');
      if (INTENSIFIERS.has(noun)) continue;
      if (FAMILY.has(noun) && noun !== 'little' && noun !== 'girl' && noun !== 'boy') return { kind: 'family', end: tokens[j]!.end, label: `reader's ${noun}` };
      if (BODY.has(noun)) return { kind: 'reader', end: tokens[j]!.end, label: 'reader' };
      if (PROPERTY.has(noun)) return { kind: 'property', end: tokens[j]!.end, label: `reader's ${noun}` };
    }
    return { kind: 'object', end: (tokens[i + 1] ?? t).end, label: "reader's belongings" };
  }
  // "kill my neighbour", "beat my ex": a person of the speaker's is a third person.
  if (
    (t.w === 'my' || t.w === 'our') &&
    next &&
    PEOPLE.has(next.w.replace(/'s$/, '')) &&
    !['one', 'ones', 'people', 'kids', 'kid', 'children', 'child'].includes(next.w)
  ) {
    return { kind: 'third', end: next.end, label: 'a third person' };
  }
  if (['me', 'myself', 'us', 'ourselves', 'my', 'our'].includes(t.w)) return { kind: 'self', end: t.end, label: 'the speaker' };
  if (THIRD_PRONOUNS.has(t.w) || ['his', 'their'].includes(t.w) || t.w === 'her') {
    const group = ['them', 'em', "'em", 'all', 'everyone', 'everybody', 'themselves', 'their'].includes(t.w);
    if (t.w === 'all' && next && !PEOPLE.has(next.w) && !['of', 'the', 'those', 'these', 'them'].includes(next.w)) {
      return { kind: 'object', end: t.end, label: '' };
    }
    const body = next && BODY.has(next.w) ? next : undefined;
    return { kind: group ? 'group' : 'third', end: (body ?? t).end, label: group ? 'a group' : 'a third person' };
  }
  if (['the', 'that', 'this', 'those', 'these', 'every', 'each', 'any', 'some', 'a', 'an', 'all'].includes(t.w) || t.tags.has('Adjective')) {
    // The head of the noun phrase decides ("the front window", "that landlord's neck").
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const noun = tokens[j]!.w.replace(/'s$/, '');
      if (PEOPLE.has(noun) || tokens[j]!.tags.has('Person') || tokens[j]!.tags.has('Demonym')) {
        const group = ['those', 'these', 'every', 'all', 'each', 'any'].includes(t.w) || /s$/.test(noun);
        const body = tokens[j + 1] && BODY.has(tokens[j + 1]!.w) ? tokens[j + 1]! : tokens[j]!;
        return { kind: group ? 'group' : 'third', end: body.end, label: group ? 'a group' : 'a third person' };
      }
      if (DESTRUCTIBLE.has(noun)) return { kind: 'property', end: tokens[j]!.end, label: `the ${noun}` };
    }
    // "slap the taste out of your mouth", "break every bone in your body": the harm lands on the reader.
    const onReader = readerAfter(tokens, i + 1);
    if (onReader) return onReader;
    return { kind: 'object', end: t.end, label: '' };
  }
  if (PEOPLE.has(t.w) && /s$/.test(t.w)) return { kind: 'group', end: t.end, label: 'a group' };
  if (t.tags.has('Person') || t.tags.has('ProperNoun')) return { kind: 'third', end: t.end, label: 'a third person' };
  if (IDIOM_OBJECTS.has(t.w)) return { kind: 'object', end: t.end, label: '' };
  return { kind: 'none', end: tokens[i - 1]?.end ?? t.start, label: '' };
}

/** A reader's body part just after a noun phrase (`… out of your mouth`, `… in your body`). */
function readerAfter(tokens: readonly Token[], from: number): Patient | undefined {
  for (let j = from; j < Math.min(tokens.length - 1, from + 4); j++) {
    if (!['out', 'outta', 'of', 'in', 'off', 'from'].includes(tokens[j]!.w)) continue;
    const k = tokens[j + 1]?.w === 'of' ? j + 2 : j + 1;
    const owner = tokens[k];
    if (owner && (READER.has(owner.w) || (READER_POSSESSIVE.has(owner.w) && tokens[k + 1] && BODY.has(tokens[k + 1]!.w)))) {
      const end = READER.has(owner.w) ? owner.end : tokens[k + 1]!.end;
      return { kind: 'reader', end, label: 'reader' };
    }
  }
  return undefined;
}

/**
 * Harm verbs in one clause: finds the subject before the verb (skipping auxiliaries, which also
 * give the mood), the patient after it, and whether the clause is negated.
 */
function harmFrames(sentence: Sentence, clause: Clause, frames: Frames, out: ThreatEvent[]): void {
  const tokens = clause.tokens;
  for (let k = 0; k < tokens.length; k++) {
    const verb = tokens[k]!;
    const next = tokens[k + 1];
    const lemma = isHarmVerb(verb, next, k === 0, tokens[k + 2]) ?? (PURSUIT_VERBS.has(verb.w) ? PURSUIT_VERBS.get(verb.w) : undefined);
    if (!lemma) continue;
    const pursuit = PURSUIT_VERBS.has(verb.w) && !HARM_VERBS.has(verb.w);
    // Idioms with no person in them: "kill to get", "dying to", "to die for", "break a leg".
    if (next && ((next.w === 'to' && lemma !== 'die') || (lemma === 'die' && (next.w === 'for' || next.w === 'to')))) continue;
    if (lemma === 'break' && next?.w === 'a' && tokens[k + 2]?.w === 'leg') continue;
    // "beat you to the spot", "beat you at chess": a race or a game.
    if (
      lemma === 'beat' &&
      next &&
      READER.has(next.w) &&
      ['to', 'at', 'in'].includes(tokens[k + 2]?.w ?? '') &&
      !['death', 'pulp', 'bloody', 'a'].includes(tokens[k + 3]?.w ?? '')
    ) {
      continue;
    }
    // Backward: auxiliaries and the subject.
    const aux: string[] = [];
    let negated = false;
    let subject: Token | undefined;
    let j = k - 1;
    for (; j >= 0; j--) {
      const t = tokens[j]!;
      if (isNegation(t)) {
        negated = true;
        continue;
      }
      if (SKIP_BEFORE_VERB.has(t.w)) {
        if (t.w === 'i') {
          subject = t;
          break;
        }
        aux.push(t.w);
        continue;
      }
      if (t.tags.has('Adverb') && !t.tags.has('Pronoun')) continue;
      if (t.tags.has('Pronoun') || t.tags.has('Noun') || t.tags.size === 0) subject = t;
      break;
    }
    // "think I won't stab you?", "bet I wouldn't": the negation is the reader's doubt, dared.
    const dared = negated && subject !== undefined && SPEAKER_SUBJECTS.has(subject.w) && DARE_VERBS.has(tokens[j - 1]?.w ?? '');
    if (dared) {
      negated = false;
      aux.push('will');
    }
    let agent = agentOf(subject, clause, k);
    // "I'll get my boys to jump him", "I'll pay someone to…": whoever arranges it is the agent.
    if ((agent === 'third' || agent === 'thing') && subject && aux.includes('to')) {
      const arranger = tokens.slice(Math.max(0, j - 3), j).map((t) => t.w);
      if (
        arranger.some((w) => ['get', 'got', 'send', 'pay', 'paying', 'have', 'ask', 'tell', 'getting', 'sending'].includes(w)) &&
        arranger.some((w) => SPEAKER_SUBJECTS.has(w) || w === 'my')
      ) {
        agent = 'speaker';
        // The arranging verb's auxiliaries give the mood: "I'll get them to…" is future.
        aux.push(...tokens.slice(Math.max(0, j - 5), j).map((t) => t.w).filter((w) => FUTURE.has(w) || MODALS.has(w) || w === 'am'));
      }
    }
    // "let's go beat…": the speaker and the reader together, told to.
    if (subject && ['us', "'s"].includes(subject.w) && tokens[j - 1]?.w === 'let') aux.push("let's");
    if (subject?.w === 'lets') {
      subject = undefined;
      aux.push("let's");
      agent = 'imperative';
    }
    if (subject && ['ima', 'imma'].includes(subject.w)) aux.push('gonna');
    // A harm verb with no subject before it, in its base form, is an order ("kill them all").
    if (!subject && HARM_VERBS.get(verb.w) === verb.w && agent === 'unspecified') agent = 'imperative';
    // "I hope you die", "I wish he would get hit": the wish belongs to the speaker.
    let wishedBySpeaker = false;
    if (subject && j > 0) {
      const before = tokens.slice(Math.max(0, j - 3), j).map((t) => t.w);
      // "I hope you die", and "hope you die" with the I left out.
      if (
        before.some((w) => ['hope', 'wish', 'want', 'pray'].includes(w)) &&
        (before.some((w) => SPEAKER_SUBJECTS.has(w)) || ['hope', 'wish', 'pray'].includes(tokens[0]!.w))
      ) {
        wishedBySpeaker = true;
      }
    }
    // Passive only with be/get right before the participle ("you'll get hurt", "should all be shot").
    let before = k - 1;
    while (
      before >= 0 &&
      (['all', 'really', 'just', 'so', 'never', 'not', "n't", 'badly', 'seriously'].includes(tokens[before]!.w) || tokens[before]!.tags.has('Adverb'))
    ) {
      before--;
    }
    const passive = PARTICIPLE.test(verb.w) && before >= 0 && BE_OR_GET.has(tokens[before]!.w);
    let patient: Patient;
    if (passive || lemma === 'die') {
      // "you'll get hurt", "they should be shot", "you will die": the subject suffers it.
      const p = subject ? subjectAsPatient(subject) : { kind: 'none' as PatientClass, end: verb.end, label: '' };
      patient = { ...p, end: verb.end };
      // Nobody is named as doing it: the subject is the one it happens to.
      if (agent !== 'negated') agent = 'unspecified';
    } else {
      patient = patientAfter(tokens, k + 1, lemma);
    }
    if (patient.kind === 'none' && lemma === 'die' && !subject && k === 0) {
      // "die, you …" opening a clause is a curse on whoever is addressed.
      patient = { kind: 'reader', end: verb.end, label: 'reader' };
      agent = 'imperative';
    }
    if (patient.kind === 'object' || patient.kind === 'self' || patient.kind === 'none') continue;
    if (NEEDS_PERSON.has(lemma) && !['reader', 'family', 'third', 'group', 'property'].includes(patient.kind)) continue;
    if (PERSON_ONLY.has(lemma) && patient.kind === 'property') continue;
    if (PROPERTY_ONLY.has(lemma) && patient.kind !== 'property') continue;
    if (agent === 'thing' || agent === 'negated') continue;
    // The reader as agent does things to others: "you killed it" is praise, "you'll kill them" no threat.
    if (agent === 'reader') continue;
    // The patient as subject of a passive or of "die" is not an agent; otherwise the reader as
    // agent does things to others ("you killed it" is praise, "you'll kill them" is not a threat).
    if (agent === 'third' && !(passive || lemma === 'die') && !callsFor(aux)) continue;
    const mood = moodOf(aux, agent, wishedBySpeaker, clause);
    if (mood === 'statement' && !(wishedBySpeaker)) continue;
    const steps: ExplanationStep[] = [];
    if (dared) steps.push({ kind: 'dare', delta: 0, note: `"${tokens[j - 1]!.w} ${subject!.w} won't…": a dare, not a negation` });
    let kind: ThreatKind;
    if (patient.kind === 'reader') kind = 'violence';
    else if (patient.kind === 'family') kind = 'family';
    // A place of worship or a community's building belongs to a group, not to the reader.
    else if (patient.kind === 'property') kind = COMMUNITY_PLACES.has(patient.label.replace(/^the /, '')) ? 'third-party' : 'violence';
    else kind = 'third-party';
    if (agent === 'third' && (passive || lemma === 'die') && (patient.kind === 'third' || patient.kind === 'group')) {
      if (!callsFor(aux) && !wishedBySpeaker && mood !== 'future') continue;
    }
    if (patient.kind === 'property') steps.push({ kind: 'property', delta: -0.1, note: `aimed at ${patient.label}, not a person` });
    if (pursuit) {
      steps.push({ kind: 'weak-verb', delta: -0.3, note: `"${verb.w}" is a threat only with hostility around it` });
      if (frames.hostile) steps.push({ kind: 'hostility', delta: 0.3, note: 'the message is hostile (a grievance, an insult or a warning)' });
      else if (frames.logistics) steps.push({ kind: 'logistics', delta: -0.3, note: 'reads as arranging a pickup or delivery' });
    }
    const start = subject && subject.start < verb.start ? subject.start : (tokens[Math.max(0, j)] ?? verb).start;
    const span = { start: Math.min(start, verb.start), end: Math.max(patient.end, verb.end) };
    pushEvent(out, sentence, clause, frames, {
      kind,
      span,
      agent: agentLabel(agent),
      patient: patient.label || 'a third person',
      mood,
      negated,
      steps,
    });
  }
}

function callsFor(aux: readonly string[]): boolean {
  return aux.some((w) => CALLS_FOR.has(w));
}

function subjectAsPatient(subject: Token): Patient {
  const w = subject.w;
  if (READER.has(w)) return { kind: 'reader', end: subject.end, label: 'reader' };
  if (SPEAKER_SUBJECTS.has(w)) return { kind: 'self', end: subject.end, label: 'the speaker' };
  if (['they', 'them', 'those', 'these', 'all', 'everyone', 'people'].includes(w) || (PEOPLE.has(w) && /s$/.test(w))) {
    return { kind: 'group', end: subject.end, label: 'a group' };
  }
  if (['he', 'she', 'him', 'her'].includes(w) || PEOPLE.has(w) || subject.tags.has('Person') || subject.tags.has('ProperNoun')) {
    return { kind: 'third', end: subject.end, label: 'a third person' };
  }
  return { kind: 'object', end: subject.end, label: '' };
}

function moodOf(aux: readonly string[], agent: AgentClass, wished: boolean, clause: Clause): string {
  if (wished) return 'wished';
  if (aux.some((w) => FUTURE.has(w))) return 'future';
  if (aux.some((w) => CALLS_FOR.has(w))) return 'called for';
  if (aux.some((w) => DESIRE.has(w) && w !== 'got' && w !== 'have')) return 'wished';
  if (aux.some((w) => MODALS.has(w))) return 'hypothetical';
  if (agent === 'imperative') return 'imperative';
  if (aux.includes("let's") || aux.includes('lets') || aux.includes('let')) return 'imperative';
  // "I'm coming for you", "we're taking you out": the progressive speaks of what is about to happen.
  if (agent === 'speaker' && aux.some((w) => ['am', 'are'].includes(w))) return 'future';
  // "you're getting stabbed", "he's getting shot": the passive progressive is what is about to happen.
  if (aux.includes('getting') && aux.some((w) => ['am', 'are', 'is'].includes(w))) return 'future';
  if (clause.opener === 'or' || clause.opener === 'or else') return 'conditional on the reader';
  return 'statement';
}

function agentLabel(agent: AgentClass): string {
  switch (agent) {
    case 'speaker':
      return 'speaker';
    case 'someone':
      return 'someone';
    case 'imperative':
      return 'the reader, told to';
    case 'unspecified':
      return 'unnamed';
    case 'third':
      return 'a third person';
    default:
      return agent;
  }
}

interface Draft {
  kind: ThreatKind;
  span: { start: number; end: number };
  agent: string;
  patient: string;
  mood: string;
  negated: boolean;
  role?: string;
  steps: ExplanationStep[];
}

/** Applies the frames every kind shares (negation, question, quotation, report, game, joke). */
function pushEvent(out: ThreatEvent[], sentence: Sentence, clause: Clause, frames: Frames, draft: Draft): void {
  const steps = draft.steps;
  let mood = draft.mood;
  const conditional = conditionalFrame(sentence, clause);
  if (draft.negated) {
    // "I'd never hurt you… unless": a negation with an exception is a condition.
    if (conditional === 'unless') mood = 'conditional on the reader (negated, with an exception)';
    else if (conditional === 'dont-make-me') mood = 'conditional on the reader ("don\'t make me")';
    else {
      negatedSink?.push({
        kind: draft.kind,
        start: draft.span.start,
        end: draft.span.end,
        agent: draft.agent,
        patient: draft.patient,
        mood: 'negated',
        steps: [...steps, { kind: 'negated', delta: -1, note: 'negated: said not to happen' }],
        role: undefined,
      });
      return;
    }
  } else if (conditional) {
    if (!/conditional/.test(mood)) mood = `${mood}, conditional on the reader`;
    steps.push({ kind: 'conditional', delta: 0.05, note: 'depends on what the reader does' });
  }
  const tagQuestion = /\b(?:right|yeah|yes|ok|okay|huh|eh|innit|got it|understand|hear me)$/.test(sentence.line.replace(/[?!. ]+$/, ''));
  if ((clause.question || sentence.question) && !tagQuestion && (draft.kind === 'violence' || draft.kind === 'third-party' || draft.kind === 'intimidation')) {
    if (!/conditional/.test(mood) && !steps.some((s) => s.kind === 'dare')) {
      steps.push({ kind: 'question', delta: -0.45, note: 'asked as a question, not stated' });
    }
  }
  const quote = frames.quotes.find((q) => q.start <= draft.span.start && draft.span.end <= q.end);
  if (quote?.reported) steps.push({ kind: 'quotation', delta: -0.6, note: "inside someone else's quoted words" });
  const reportedBefore = reportedInSentence(sentence, draft.span.start);
  if (reportedBefore) steps.push({ kind: 'reported', delta: -0.7, note: `passed on from someone else ("${reportedBefore}")` });
  if (frames.plea) steps.push({ kind: 'report-to-support', delta: -0.5, note: 'the message asks for help: the sender is the one threatened' });
  if (draft.kind === 'violence' || draft.kind === 'third-party' || draft.kind === 'family') {
    if (frames.game) steps.push({ kind: 'game', delta: -0.6, note: 'talk about a game, film or story' });
    if (frames.news && draft.kind === 'third-party') steps.push({ kind: 'news', delta: -0.5, note: 'reads as news' });
    if (frames.joke) steps.push({ kind: 'joke', delta: -0.3, note: 'marked as a joke' });
    if (mood === 'hypothetical' && !frames.hostile) steps.push({ kind: 'hypothetical', delta: -0.2, note: 'would/could: said as a possibility' });
  }
  out.push({
    kind: draft.kind,
    start: draft.span.start,
    end: draft.span.end,
    agent: draft.agent,
    patient: draft.patient,
    mood,
    steps,
    role: draft.role || undefined,
  });
}

/** The condition a clause is under: an `if`/`or`/`unless` clause of the same sentence, or "don't make me". */
function conditionalFrame(sentence: Sentence, clause: Clause): 'if' | 'or' | 'unless' | 'dont-make-me' | 'and' | undefined {
  const index = sentence.clauses.indexOf(clause);
  if (sentence.nextOpener === 'unless' || sentence.nextOpener === 'or' || sentence.nextOpener === 'or else') {
    return sentence.nextOpener === 'unless' ? 'unless' : 'or';
  }
  if (clause.opener === 'or' || clause.opener === 'or else' || clause.opener === 'otherwise') return 'or';
  // "if you report me I'll…" with no comma: the harm is the consequent inside the if-clause.
  if (clause.opener === 'if' && clause.tokens.slice(1, 4).some((t) => READER.has(t.w) || READER_POSSESSIVE.has(t.w))) return 'if';
  const words = clause.tokens.map((t) => t.w);
  const dm = words.findIndex((w, i) => w === 'make' && words[i + 1] === 'me' && words.slice(0, i).some((x) => x === 'not' || x === "n't"));
  if (dm >= 0) return 'dont-make-me';
  for (let i = 0; i < sentence.clauses.length; i++) {
    const other = sentence.clauses[i]!;
    if (other === clause) continue;
    if (other.opener === 'unless') return 'unless';
    if (other.opener === 'if' && (i < index || i === index + 1)) {
      const ws = other.tokens.map((t) => t.w);
      if (ws.slice(1, 4).some((w) => READER.has(w) || READER_POSSESSIVE.has(w) || w === 'that' || w === 'this' || w === 'anything')) return 'if';
    }
  }
  // "report me and I'll…", "another 1-star and I'll…": an order or a rating, then "and" the harm.
  if (clause.opener === 'and' && index > 0) {
    const previous = sentence.clauses[index - 1]!;
    const first = previous.tokens[0]!;
    const ws = previous.tokens.map((t) => t.w).join(' ');
    if (
      first.tags.has('Imperative') ||
      first.tags.has('Infinitive') ||
      /\b(?:another|one more|anything|any)\b|\bstars?\b|\breview\b|\brating\b/.test(ws)
    ) {
      return 'and';
    }
  }
  return undefined;
}

function reportedInSentence(sentence: Sentence, start: number): string | undefined {
  const before = sentence.tokens.filter((t) => t.end <= start);
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i]!;
    if (['said', 'says', 'told', 'texted', 'wrote', 'messaged', 'threatened', 'claimed', 'saying', 'warned', 'yelled', 'screamed', 'asked'].includes(t.w)) {
      const subject = before[i - 1];
      if (subject && !SPEAKER_SUBJECTS.has(subject.w)) return `${subject.w} ${t.w}`;
      if (!subject) return t.w;
    }
  }
  return undefined;
}

/** Phrase cues (stalking, veiled threats, family, coercion, sexual harassment) over the sentence's words. */
function cueMatches(sentence: Sentence, frames: Frames, flags: GateFlags, out: ThreatEvent[]): void {
  // Only the cues whose literals the sentence holds can match it.
  const may = cuesPossible(sentence.latinLine);
  for (let i = 0; i < CUES.length; i++) {
    const cue = CUES[i]!;
    if (may[i] === 0 || !wanted(cue, flags)) continue;
    for (const m of allMatches(cue.pattern, CUE_READS_ASCII[i] ? sentence.latinLine : sentence.line)) {
      const first = sentence.tokenAt[m.index]!;
      const last = sentence.tokenAt[m.index + m[0].length - 1]!;
      const startToken = sentence.tokens[first]!;
      const endToken = sentence.tokens[last]!;
      const clause = sentence.clauses.find((c) => c.tokens.includes(startToken)) ?? sentence.clauses[0]!;
      const negated =
        clause.tokens.some((t) => t.end <= startToken.start && isNegation(t)) ||
        (cue.negatable !== false && sentence.tokens.slice(first, last + 1).some((t) => isNegation(t) && !cue.allowsNegation));
      const steps: ExplanationStep[] = [];
      if (cue.delta) steps.push({ kind: 'cue', delta: cue.delta, note: cue.note });
      if (cue.needsHostility) {
        if (frames.hostile) steps.push({ kind: 'hostility', delta: 0.3, note: 'the message is hostile (a grievance, an insult or a warning)' });
        else if (frames.logistics) steps.push({ kind: 'logistics', delta: -0.2, note: 'reads as arranging a pickup or delivery' });
      }
      if (cue.service && frames.service && !frames.hostile) {
        steps.push({ kind: 'service', delta: -0.6, note: 'said for the service (a delivery, directions, a repair, a pickup)' });
      }
      if (cue.advice && frames.advice) steps.push({ kind: 'advice', delta: -0.6, note: 'literal advice about lifting or moving' });
      pushEvent(out, sentence, clause, frames, {
        kind: cue.kind,
        span: { start: startToken.start, end: endToken.end },
        agent: cue.agent,
        patient: cue.patient,
        mood: cue.mood,
        negated,
        steps,
        role: cue.role,
      });
    }
  }
}

/** Whether the gate left this cue's kind possible in the message. */
function wanted(cue: Cue, flags: GateFlags): boolean {
  switch (cue.kind) {
    case 'violence':
    case 'third-party':
      return flags.harm;
    case 'intimidation':
      return flags.intimidation || flags.family;
    case 'family':
      return flags.family;
    case 'coercion':
      return flags.coercion;
    case 'sexual':
      return flags.sexual;
  }
}

const SEXUAL_EMOJI = /😏|😘|😍|🥵|😉|😜|💋|👅|🍆|🍑|;\)|;-\)/;

/**
 * Evidence that only counts together: sexual remarks need two signals (a compliment and an
 * invitation, a photo request and a wink), family mentions need a menace, coercion needs a
 * condition or demand and a harm.
 */
function combine(reading: string, sentences: readonly Sentence[], events: ThreatEvent[]): void {
  const sexual = events.filter((e) => e.kind === 'sexual');
  if (sexual.length > 0) {
    const best = sexual.reduce((a, b) => (score(b) > score(a) ? b : a));
    const steps = [...best.steps];
    // Signs count once each: two patterns over the same words are one sign.
    const distinct = sexual.filter((e, i) => !sexual.slice(0, i).some((o) => o.start < e.end && e.start < o.end));
    const extra = distinct.length - 1;
    if (extra > 0) steps.push({ kind: 'corroborated', delta: Math.min(0.45, 0.25 * extra), note: `${extra + 1} sexual signals in one message` });
    if (SEXUAL_EMOJI.test(reading)) steps.push({ kind: 'emoji', delta: 0.1, note: 'a flirting emoji' });
    const start = Math.min(...sexual.map((e) => e.start));
    const end = Math.max(...sexual.map((e) => e.end));
    const mood = [...new Set(sexual.map((e) => e.mood))].join(', ');
    removeWhere(events, (e) => e.kind === 'sexual');
    events.push({ ...best, start, end, mood, steps });
  }
  // Two weak signs of intimidation together ("I've got your address… think about it") are one strong one.
  const intimidation = events.filter(
    (e) => e.kind === 'intimidation' && score(e) > -0.6 && !e.steps.some((x) => x.kind === 'reported' || x.kind === 'report-to-support'),
  );
  const distinct = intimidation.filter((e, i) => !intimidation.slice(0, i).some((o) => o.mood === e.mood || (o.start < e.end && e.start < o.end)));
  if (distinct.length >= 2) {
    const best = intimidation.reduce((a, b) => (score(b) > score(a) ? b : a));
    (best.steps as ExplanationStep[]).push({ kind: 'corroborated', delta: 0.3, note: `${distinct.length} signs of intimidation in one message` });
  }
  // Coercion's parts (a demand, "tell your wife") are not a menace on their own.
  const menace = events.some((e) => e.kind !== 'family' && e.kind !== 'sexual' && e.role === undefined && score(e) > -0.5);
  const family = events.filter((e) => e.kind === 'family');
  for (const e of family) {
    if (e.role !== 'mentioned' && e.role !== 'detail') continue;
    if (!menace && family.length < 2) {
      (e.steps as ExplanationStep[]).push({ kind: 'alone', delta: -0.35, note: 'a mention of family with no menace around it' });
    }
  }
  // Coercion: a condition on the reader or a demand, and a harm (named, or any threat in the message).
  const isPart = (e: ThreatEvent) => e.role !== undefined && e.kind === 'coercion';
  const live = (e: ThreatEvent) => score(e) > -0.5;
  const conditions = events.filter((e) => e.kind === 'coercion' && (e.role === 'condition' || e.role === 'condition and harm') && live(e));
  const demands = events.filter((e) => e.kind === 'coercion' && e.role === 'demand' && live(e));
  const harms = events.filter(
    (e) =>
      (e.kind === 'coercion' && (e.role === 'consequence' || e.role === 'condition and harm')) ||
      (!isPart(e) && e.kind !== 'sexual' && e.kind !== 'third-party'),
  );
  const liveHarms = harms.filter(live);
  // A harm said in an "or" clause ("…or we unload your stuff") is conditional on an unsaid demand.
  const orClauses = sentences.flatMap((s) => s.clauses.filter((c) => ['or', 'or else', 'otherwise', 'unless'].includes(c.opener ?? '')));
  // …and so is one in a clause after it in the same sentence ("or I call the cops and say you…").
  const orStarts = orClauses.map((c) => ({ start: c.tokens[0]!.start, end: sentences[c.sentence]?.end ?? c.tokens[c.tokens.length - 1]!.end }));
  const harmAfterOr = liveHarms.some((h) => orStarts.some((c) => c.start <= h.start && h.start <= c.end));
  if ((conditions.length > 0 || demands.length > 0 || harmAfterOr) && liveHarms.length > 0) {
    const parts = [...conditions, ...demands, ...liveHarms];
    const start = Math.min(...parts.map((e) => e.start));
    const end = Math.max(...parts.map((e) => e.end));
    const steps: ExplanationStep[] = [];
    if (conditions.length === 0 && !harmAfterOr) steps.push({ kind: 'demand', delta: -0.1, note: 'a demand beside a threat, with no condition said outright' });
    const harm = liveHarms[0]!;
    const carried = harm.steps.filter((s) => ['reported', 'quotation', 'report-to-support', 'question'].includes(s.kind));
    steps.push(...carried);
    removeWhere(events, isPart);
    events.push({ kind: 'coercion', start, end, agent: 'speaker', patient: 'reader', mood: 'a condition on the reader and a harm', steps, role: undefined });
  } else {
    removeWhere(events, isPart);
  }
}

function score(e: ThreatEvent): number {
  return e.steps.reduce((s, x) => s + x.delta, 0);
}

function removeWhere(events: ThreatEvent[], predicate: (e: ThreatEvent) => boolean): void {
  for (let i = events.length - 1; i >= 0; i--) if (predicate(events[i]!)) events.splice(i, 1);
}

export type { Cue };
