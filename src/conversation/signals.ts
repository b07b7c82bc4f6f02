import { round } from '../engine/scoring.js';
import { isCjk } from '../text/char-class.js';
import type { ExplanationStep, Finding } from '../engine/types.js';
import type { Span } from '../text/types.js';
import type { Lexicon, WordHits } from './lexicon.js';
import { threadFinding, type Entry, type Live } from './live.js';
import type { MessageSignals, RequestKind, ScoredSpan, ThreadFinding } from './types.js';

/** The score a finding keeps in the thread when it is not the sender's offence (a quote, a refusal). */
const NOT_THEIRS_SCORE = 0.2;
/** The least score of a finding that counts as a request or as hostility for the conversation rules. */
const SIGNAL_SCORE = 0.4;
/** What a contact proposal in so many words ("add me, same name") counts for. */
const WORDS_SCORE = 0.4;
/** A repeated phrase shorter than this (letters and digits, a Han character counting two) is a word said back, not a quote. */
const QUOTE_LENGTH = 8;
/**
 * A discount with its amount: `10 off`, `15% off`, 少5块, 便宜三成, 打八折. A price alone (`50 bucks`, 200块)
 * is no pitch: the app quotes prices too.
 */
const DISCOUNT = new RegExp(
  [
    '\\b\\d+(?:[.,]\\d+)?\\s?(?:%\\s?)?off\\b',
    '(?:少|减|便宜|优惠|让)你?\\s?(?:\\d+|[一二两三四五六七八九十百半]+)\\s?(?:块钱|块|元|成|折|个点)?',
    '打?(?:\\d|[一二三四五六七八九])折',
  ].join('|'),
  'iu',
);
/** A number in a message: with a time of payment ("N is fine when we get there"), the amount paid by hand. */
const NUMBER = /\d|[一二两三四五六七八九十百]+\s?(?:块|元)/u;
/** Personal data that offers a way to reach the sender outside the platform. */
const CONTACT_ENTITIES: ReadonlySet<string> = new Set(['phone', 'email', 'handle', 'url']);

/** The message being added, as the rules read it. */
export interface Incoming {
  readonly id: string;
  readonly sender: string | undefined;
  readonly text: string;
  readonly seq: number;
  /** Its findings alone, as `moderate()` gives them. */
  readonly findings: readonly Finding[];
}

const NOTHING: Reading = Object.freeze({ findings: [], signals: undefined });

/** What reading a message gave: its findings as the thread sees them, and what the rules remember of it. */
export interface Reading {
  readonly findings: readonly ThreadFinding[];
  readonly signals: MessageSignals | undefined;
}

/**
 * Reads a message in its conversation: who said it (a threat repeated from another sender's
 * message, or reported with a quote marker while another sender's threat is in the window, is a
 * quote; off-platform findings in a refusal of another sender's request are the refusal), then the
 * signals the conversation rules keep.
 */
export function readInConversation(live: Live, lexicon: Lexicon, message: Incoming, findings: readonly Finding[], hits: WordHits): Reading {
  const amount = DISCOUNT.exec(message.text);
  const listed =
    hits.refusals ?? hits['cancel-requests'] ?? hits['contact-proposals'] ?? hits['carry-on'] ?? hits['paid-by-hand'] ?? hits['paid-on-arrival'];
  if (findings.length === 0 && listed === undefined && hits.pitches === undefined && hits['contact-moves'] === undefined && amount === null) {
    return NOTHING;
  }
  const pitch = hits.pitches?.[0] ?? (amount ? { start: amount.index, end: amount.index + amount[0].length } : undefined);
  const refusal = refusalIn(hits);
  const refused = refusal && message.sender !== undefined ? latestOther(live, message.sender, (e) => e.signals?.request !== undefined) : undefined;
  const quoting = (hits['quote-markers']?.length ?? 0) > 0;
  const out: ThreadFinding[] = [];
  for (const finding of findings) {
    let step: ExplanationStep | undefined;
    const kind = lexicon.hostilityOf(finding.ruleId);
    if (refused && finding.category === 'off-platform') {
      step = notTheirs(finding, `who said it: turns down ${refused.sender}'s request in ${refused.id}, not a request`);
    } else if (kind >= 0 && message.sender !== undefined) {
      const source = quoteSource(live, lexicon, message.sender, finding, kind, quoting);
      if (source) step = notTheirs(finding, `who said it: ${source}`);
    }
    const messages = [{ id: message.id, start: finding.start, end: finding.end }];
    if (step === undefined) {
      out.push(threadFinding(finding, messages, message.id, message.sender));
      continue;
    }
    const explanation = { matched: finding.explanation.matched, steps: [...finding.explanation.steps, step] };
    out.push(threadFinding({ ...finding, score: round(finding.score + step.delta), explanation }, messages, message.id, message.sender));
  }
  return { findings: out, signals: signalsOf(lexicon, out, hits, { text: message.text, refusal, refusing: refused !== undefined, pitch }) };
}

function notTheirs(finding: Finding, note: string): ExplanationStep | undefined {
  if (finding.score <= NOT_THEIRS_SCORE) return undefined;
  return { kind: 'conversation', delta: round(NOT_THEIRS_SCORE - finding.score), note };
}

/** The first refusal in a message that is not part of a phrase like "no problem". */
function refusalIn(hits: WordHits): Span | undefined {
  const exceptions = hits['not-refusals'] ?? [];
  return hits.refusals?.find((r) => !exceptions.some((x) => x.start <= r.start && r.end <= x.end));
}

/** The newest message of another sender that passes `test`. */
function latestOther(live: Live, sender: string, test: (entry: Entry) => boolean): Entry | undefined {
  for (let i = live.entries.length - 1; i >= 0; i--) {
    const entry = live.entries[i]!;
    if (entry.sender !== undefined && entry.sender !== sender && test(entry)) return entry;
  }
  return undefined;
}

/** Why a hostile finding is a quote of another sender, or undefined when it is the sender's own. */
function quoteSource(live: Live, lexicon: Lexicon, sender: string, finding: Finding, kind: number, quoting: boolean): string | undefined {
  const own = lettersOf(finding.text);
  if (quoteLength(own) >= QUOTE_LENGTH) {
    for (let i = live.messageFindings.length - 1; i >= 0; i--) {
      const earlier = live.messageFindings[i]!;
      if (earlier.sender === undefined || earlier.sender === sender || lexicon.hostilityOf(earlier.ruleId) < 0) continue;
      const theirs = lettersOf(earlier.text);
      if (quoteLength(theirs) >= QUOTE_LENGTH && (theirs.includes(own) || own.includes(theirs))) {
        return `repeats what ${earlier.sender} wrote in ${earlier.since}, not a threat of their own`;
      }
    }
  }
  if (!quoting) return undefined;
  const name = lexicon.hostility[kind]!;
  const hostile = latestOther(live, sender, (e) => e.signals?.hostility !== undefined && Object.hasOwn(e.signals.hostility, name));
  return hostile ? `reports what ${hostile.sender} said in ${hostile.id} (a quote marker), not their own` : undefined;
}

/** How long a phrase is for telling a quote from a word said back: a Han character says as much as two letters. */
function quoteLength(letters: string): number {
  let length = letters.length;
  for (let i = 0; i < letters.length; i++) if (isCjk(letters.charCodeAt(i))) length++;
  return length;
}

const letters = new Map<string, string>();

/** A text's letters and digits, lower-cased: what is compared to tell a quote (kept for the texts of kept findings). */
function lettersOf(text: string): string {
  let out = letters.get(text);
  if (out === undefined) {
    out = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (letters.size >= 4096) letters.clear();
    letters.set(text, out);
  }
  return out;
}

function signalsOf(
  lexicon: Lexicon,
  findings: readonly ThreadFinding[],
  hits: WordHits,
  said: { readonly text: string; readonly refusal: Span | undefined; readonly refusing: boolean; readonly pitch: Span | undefined },
): MessageSignals | undefined {
  const { text, refusal, refusing, pitch } = said;
  let request: [number, number, number, RequestKind] | undefined;
  const hostility: Record<string, ScoredSpan> = {};
  let hostile = false;
  for (const finding of findings) {
    if (finding.score < SIGNAL_SCORE) continue;
    if (!refusing) {
      const contact = finding.entity !== undefined && CONTACT_ENTITIES.has(finding.entity);
      const kind: RequestKind | undefined = finding.category === 'off-platform' ? 'off-platform' : contact ? 'contact-data' : undefined;
      if (kind && (!request || finding.score > request[2])) request = [finding.start, finding.end, finding.score, kind];
    }
    const kind = lexicon.hostilityOf(finding.ruleId);
    if (kind < 0) continue;
    const name = lexicon.hostility[kind]!;
    const known = Object.hasOwn(hostility, name) ? hostility[name] : undefined;
    // A kind is a name from the vocabulary (`__proto__` included): an own property, never the prototype.
    const span: ScoredSpan = [finding.start, finding.end, finding.score];
    if (!known || finding.score > known[2]) Object.defineProperty(hostility, name, { value: span, enumerable: true, writable: true, configurable: true });
    hostile = true;
  }
  const words = hits['contact-proposals']?.[0];
  if (!refusing && !request && words) request = [words.start, words.end, WORDS_SCORE, 'words'];
  const cancel = refusing ? undefined : hits['cancel-requests']?.[0];
  const app = refusal ? hits['app-mentions']?.[0] : undefined;
  // The service carried on or paid by hand, unless the message is about the app or booking again there.
  const elsewhere = hits['app-mentions'] !== undefined || hits.rebook !== undefined;
  const onArrival = hits['paid-on-arrival']?.[0];
  const carry = elsewhere ? undefined : (hits['paid-by-hand']?.[0] ?? (onArrival && NUMBER.test(text) ? onArrival : undefined));
  const resume = elsewhere ? undefined : hits['carry-on']?.[0];
  const move = hits['contact-moves']?.[0];
  if (!request && !cancel && !refusal && !hostile && !carry && !resume && !pitch && !move) return undefined;
  return {
    ...(request ? { request } : {}),
    ...(cancel ? { cancel: [cancel.start, cancel.end] as const } : {}),
    ...(refusal ? { refusal: [refusal.start, refusal.end] as const } : {}),
    ...(app ? { app: [app.start, app.end] as const } : {}),
    ...(carry ? { carry: [carry.start, carry.end] as const } : {}),
    ...(resume ? { resume: [resume.start, resume.end] as const } : {}),
    ...(pitch ? { pitch: [pitch.start, pitch.end] as const } : {}),
    ...(move ? { move: [move.start, move.end] as const } : {}),
    ...(hostile ? { hostility } : {}),
  };
}
