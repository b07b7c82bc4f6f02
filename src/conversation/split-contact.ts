import { round } from '../engine/scoring.js';
import { classOf, DIGIT, isHighSurrogate, isLowSurrogate, LETTER, SPACE } from '../text/char-class.js';
import { CHINESE_DIGITS, ENCLOSED_DIGITS, splitDigitWords } from '../text/numerals.js';
import { createViews } from '../text/views.js';
import type { Finding } from '../engine/types.js';
import { threadFinding, type ConversationContext, type Edge, type Fragment, type FragmentPart, type Live } from './live.js';
import type { Incoming } from './signals.js';
import type { MessageSpan, ThreadFinding } from './types.js';

/** How much of a message's start or end a split contact detail is looked for in (and, at the end, kept for the next message). */
export const EDGE = 48;
/** The most messages one split detail is looked for across. */
const MAX_PARTS = 4;
/** Other senders' messages that may come between two pieces ("ok", "wait") without ending the sequence. */
const MAX_BETWEEN = 3;
/** What splitting a contact detail adds to the score of the detail: it is done to get past a filter. */
const SPLIT_DELTA = 0.1;
/** The score of a split contact detail given to move contact off the chat, as an off-platform request. */
const MOVE_SCORE = 0.8;
/** How many of the sender's messages before the first piece may carry the reason to move ("save this", "chat closes"). */
const MOVE_BEFORE = 2;
/** Personal data that is a way to reach the sender outside the platform. */
const CONTACT_ENTITIES: ReadonlySet<string> = new Set(['phone', 'email', 'handle', 'url']);

/** A piece that is the start of a handle: `@threads`. */
const HANDLE_START = /^@[\p{L}\p{N}_.]+$/u;

// Separators at the start of a piece, which say nothing about what it continues.
const SKIP_AT_START = /^[\s,，、:：;；\-–—(（+]+/u;

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

function isAsciiLetter(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a);
}

/** A digit or numeral of any kind the digits view reads, one code point. */
function isNumeral(cp: number): boolean {
  if (cp < 0x80) return isDigit(cp);
  return CHINESE_DIGITS.has(cp) || (cp < 0x10000 && (classOf(cp) & DIGIT) !== 0) || ENCLOSED_DIGITS.has(cp) || /\p{N}/u.test(String.fromCodePoint(cp));
}

/**
 * Whether the character at `i` may be a digit of a number in some form (an ASCII, Chinese,
 * enclosed or other-script digit, or the letters of a spelled-out digit), `i` being the last
 * (`atEnd`) or first visible unit. Whether the pieces make a number is for the digits view to say
 * when they are read together.
 */
function mayBeDigit(text: string, i: number, atEnd: boolean): boolean {
  const unit = text.charCodeAt(i);
  if (unit >= 0x80) return isNumeral(text.codePointAt(atEnd && isLowSurrogate(unit) && i > 0 ? i - 1 : i)!);
  if (isDigit(unit)) return true;
  if (!isAsciiLetter(unit)) return false;
  let from = i;
  let to = i + 1;
  if (atEnd) while (from > 0 && isAsciiLetter(text.charCodeAt(from - 1))) from--;
  else while (to < text.length && isAsciiLetter(text.charCodeAt(to))) to++;
  let lower = true;
  for (let k = from; k < to && lower; k++) lower = text.charCodeAt(k) >= 0x61;
  if (lower) return splitDigitWords(text, from, to) !== undefined;
  const run = text.slice(from, to).toLowerCase();
  return splitDigitWords(run, 0, run.length) !== undefined;
}

/** Separators and sentence marks at the end of a piece, which say nothing about what it continues. */
const END_NOISE = new Set(Array.from(',，、:：;；.。!！?？~-–—)）', (ch) => ch.charCodeAt(0)));

/** Where a piece's text ends once the separators after it are left off. */
function visibleEnd(text: string): number {
  let end = text.length;
  while (end > 0) {
    const unit = text.charCodeAt(end - 1);
    if ((classOf(unit) & SPACE) === 0 && !END_NOISE.has(unit)) break;
    end--;
  }
  return end;
}

/** Whether the word ending at `end` is `at` or `dot` (of a spelled-out email), in any case. */
function endsWithJoinerWord(text: string, end: number): boolean {
  let from = end;
  while (from > 0 && isAsciiLetter(text.charCodeAt(from - 1))) from--;
  if (from > 0 && (classOf(text.charCodeAt(from - 1)) & LETTER) !== 0) return false;
  const word = text.slice(from, end).toLowerCase();
  return word === 'at' || word === 'dot' || /(?:艾特|爱特)$/u.test(text.slice(0, end));
}

/** Separators within a number, or between the words of a spelled-out one. */
const TOKEN_BREAK = /[\s,，、.\-–—()（）/_~·+]+/u;

/** Whether a word reads as digits: numerals, spelled-out digit words (`fivefive`), or digits with look-alike letters (`O7700`). */
function isNumericToken(token: string): boolean {
  let letters = 0;
  let numerals = 0;
  for (const ch of token) {
    const cp = ch.codePointAt(0)!;
    if (isNumeral(cp)) numerals++;
    else if (isAsciiLetter(cp)) letters++;
    else return false;
  }
  if (letters === 0) return numerals > 0;
  if (numerals > 0) return /^[0-9oOlLiI]+$/.test(token);
  const lower = token.toLowerCase();
  return splitDigitWords(lower, 0, lower.length) !== undefined;
}

/**
 * How a piece ends: `digit` when it may end in a digit however written (`一三八`, `eight`, `８`),
 * `joiner` for `@` or `_`, `joiner-word` for the `at` or `dot` of a spelled-out email, `word` for
 * a letter or a colon, `none` for anything else (an emoji, a bracket).
 */
export function tailEdge(text: string): Edge {
  const end = visibleEnd(text);
  if (end === 0) return 'none';
  const last = end - 1;
  const unit = text.charCodeAt(last);
  if (unit === 0x40 || unit === 0x5f) return 'joiner';
  if (mayBeDigit(text, last, true)) return 'digit';
  if (endsWithJoinerWord(text, end)) return 'joiner-word';
  if ((classOf(unit) & (LETTER | DIGIT)) !== 0) return 'word';
  return isLowSurrogate(unit) && last > 0 && /[\p{L}\p{N}]/u.test(text.slice(last - 1, end)) ? 'word' : 'none';
}

/**
 * Whether a message's start could continue a piece that ends as `tail` at all, from its first
 * characters and its length: most messages continue nothing, and are not read further.
 */
function mayContinue(tail: Edge, text: string): boolean {
  const start = text.length - text.replace(SKIP_AT_START, '').length;
  if (start >= text.length) return false;
  const unit = text.charCodeAt(start);
  if (unit === 0x40 || unit === 0x5f || unit === 0x2e) return true;
  const short = text.length <= EDGE;
  if (tail === 'digit') return mayBeDigit(text, start, false) || (short && isAsciiLetter(unit));
  if (tail === 'word') return /^(?:at|dot)\b/i.test(text.slice(start, start + 4)) || (short && (!/\s/.test(text.trim()) || mayBeDigit(text, start, false)));
  return short;
}

/** The start of a message; `whole` when the message is nothing but this piece. */
function headEdge(text: string): { edge: Edge; whole: boolean } {
  const trimmed = text.replace(SKIP_AT_START, '');
  if (trimmed.length === 0) return { edge: 'none', whole: false };
  const short = text.length <= EDGE;
  const single = short && /^[\p{L}\p{N}_.@-]{2,32}$/u.test(trimmed.trim());
  const first = trimmed.charCodeAt(0);
  if (first === 0x40 || first === 0x5f || first === 0x2e) return { edge: 'joiner', whole: single };
  if (/^(?:at|dot)(?:[^\p{L}]|$)|^(?:艾特|爱特)/iu.test(trimmed)) return { edge: 'joiner-word', whole: short };
  // `double`, `triple` and the like are for the digits view to read: asked only of a short start.
  const spelled = isAsciiLetter(first) && !mayBeDigit(trimmed, 0, false) && short && isDigit(createViews(trimmed).digits.text.charCodeAt(0));
  if (spelled || mayBeDigit(trimmed, 0, false)) {
    const tokens = trimmed.split(TOKEN_BREAK).filter((t) => t.length > 0);
    const numeric = tokens.length > 0 && tokens.every(isNumericToken);
    return { edge: 'digit', whole: short && (numeric || /^[\d\s.\-()+/]+$/.test(createViews(trimmed).digits.text.trim())) };
  }
  if (single && /[\d_@.]/.test(trimmed)) return { edge: 'token', whole: true };
  return { edge: /^\p{L}/u.test(trimmed) ? 'word' : 'none', whole: short };
}

/** What goes between two pieces when they are read as one text, or undefined when they do not continue each other. */
function joiner(tail: Edge, head: { edge: Edge; whole: boolean }, text: string, before: string): string | undefined {
  const edge = head.edge;
  if (tail === 'digit' && edge === 'digit') return ' ';
  // A handle in pieces after its `@`: `@threads` + `byanna` + `_official`.
  if (tail === 'word' && edge === 'word' && head.whole && HANDLE_START.test(before.trim()) && /^[\p{L}\p{N}]+$/u.test(text.trim())) return '';
  // A handle after a sentence ("ping me" + `@threads…`), a number after the app or word that names it (企鹅 + `3 8 2`).
  if (tail === 'word' && edge === 'joiner' && head.whole && /\s/.test(before.trim()) && text.trim().startsWith('@')) return ' ';
  if (tail === 'word' && edge === 'digit' && head.whole) return ' ';
  // An id or email in pieces: `jay.lee` + `@gmail.com`, `jay_` + `88`, `lee at` + `gmail dot com`.
  if (edge === 'joiner' && head.whole && (tail === 'digit' || tail === 'word' || tail === 'joiner-word')) return '';
  if (tail === 'joiner' && (edge === 'token' || (edge === 'digit' && head.whole))) return '';
  if (tail === 'joiner-word' && (edge === 'token' || edge === 'digit' || (edge === 'word' && head.whole && /\bdot\b|\./i.test(text)))) return ' ';
  if (edge === 'joiner-word' && head.whole && (tail === 'word' || tail === 'digit')) return ' ';
  // An app named at the end of one message, the id alone in the next.
  if (tail === 'word' && edge === 'token') return ' ';
  return undefined;
}

/** The end of a message kept for the next one: at most {@link EDGE} units, never half a surrogate pair. */
function tailOf(id: string, text: string): FragmentPart {
  let start = Math.max(0, text.length - EDGE);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start++;
  return { id, start, text: text.slice(start) };
}

function headOf(text: string): string {
  let end = Math.min(text.length, EDGE);
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

const NOUNS: Readonly<Record<string, string>> = {
  phone: 'a phone number',
  email: 'an email address',
  handle: 'an account id',
  card: 'a payment card number',
  'bank-account': 'a bank account',
  'national-id': 'a national id number',
  url: 'a personal link',
  address: 'a street address',
  ip: 'an IP address',
};

/**
 * Split contact details: the pieces of one sender's consecutive messages (another sender's few
 * messages in between do not end the sequence) read as one text by the moderator's own rules, so
 * every form the views read (spaced, spelled-out, Chinese or full-width digits, an email in
 * pieces) is found. A finding of personal data that the pieces make only together is returned,
 * with its span in each message. Updates the sender's fragment either way.
 */
export function findSplitContact(context: ConversationContext, live: Live, message: Incoming): ThreadFinding[] {
  const sender = message.sender;
  if (sender === undefined) return [];
  const previous = live.fragments.get(sender);
  let found: ThreadFinding[] = [];
  let parts: FragmentPart[] = [];
  if (
    previous !== undefined &&
    message.seq - previous.seq - 1 <= MAX_BETWEEN &&
    previous.parts.every((p) => live.byId.has(p.id)) &&
    mayContinue(previous.edge, message.text)
  ) {
    const head = headEdge(message.text);
    const last = joiner(previous.edge, head, message.text, previous.parts[previous.parts.length - 1]!.text);
    if (last !== undefined) {
      const pieces = [...previous.parts, { id: message.id, start: 0, text: headOf(message.text) }];
      const joints = [...pieces.slice(1, -1).map((piece, i) => joiner(tailEdge(pieces[i]!.text), headEdge(piece.text), piece.text, pieces[i]!.text)), last];
      if (context.enabled('conversation/split-contact')) {
        // Earlier joints that do not continue start the pieces after them.
        const from = joints.lastIndexOf(undefined) + 1;
        found = detailsAcross(context, pieces.slice(from), joints.slice(from), message);
        found = [...found, ...found.map((f) => movedOff(live, f)).filter((f) => f !== undefined)];
      }
      if (head.whole) parts = [...previous.parts, { id: message.id, start: 0, text: message.text }].slice(-MAX_PARTS);
    }
  }
  if (parts.length === 0) parts = [tailOf(message.id, message.text)];
  const edge = tailEdge(parts[parts.length - 1]!.text);
  if (edge === 'none') live.fragments.delete(sender);
  else live.fragments.set(sender, { sender, parts, seq: message.seq, edge });
  return found;
}

function detailsAcross(
  context: ConversationContext,
  pieces: readonly FragmentPart[],
  joints: readonly (string | undefined)[],
  message: Incoming,
): ThreadFinding[] {
  let text = '';
  const offsets: number[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) text += joints[i - 1]!;
    offsets.push(text.length);
    text += piece.text;
  });
  const best = new Map<string, ThreadFinding>();
  const spelled = spelledOut(text);
  // A request without personal data counts only when pieces were glued into one token (`lily_` + `8823`):
  // a number in pieces is for the personal-data rules to read.
  const glued = joints.some((j) => j === '');
  for (const found of context.moderate(spelled.text).findings) {
    const finding = spelled.map ? { ...found, start: spelled.map[found.start]!, end: spelled.map[found.end - 1]! + 1 } : found;
    // Personal data, or an off-platform request that only the pieces together make ("add me" … `lily_` … `8823`).
    if (finding.entity === undefined && (finding.category !== 'off-platform' || !glued)) continue;
    const messages: MessageSpan[] = [];
    pieces.forEach((piece, i) => {
      const offset = offsets[i]!;
      const span = trimmed(piece.text, Math.max(finding.start, offset) - offset, Math.min(finding.end, offset + piece.text.length) - offset);
      if (span) messages.push({ id: piece.id, start: piece.start + span.start, end: piece.start + span.end });
    });
    if (messages[messages.length - 1]?.id !== message.id) continue;
    if (finding.entity === undefined && messages.length === 1) continue;
    if (messages.length === 1) {
      // Within this message, but only a detail with what came before (an id after the app's name
      // in the message before): new when the message alone has no such finding there.
      const alone = message.findings.some((f) => f.entity === finding.entity && f.start < messages[0]!.end && messages[0]!.start < f.end);
      const before = pieces.length >= 2 ? pieces[pieces.length - 2]! : undefined;
      const whole = before && trimmed(before.text, 0, before.text.length);
      if (alone || !before || !whole) continue;
      messages.unshift({ id: before.id, start: before.start + whole.start, end: before.start + whole.end });
    }
    const key = `${finding.category}\u0000${finding.entity ?? ''}`;
    const known = best.get(key);
    if (known && known.score >= finding.score) continue;
    const score = round(Math.min(0.99, finding.score + SPLIT_DELTA));
    const note = `split across ${messages.length} messages of ${message.sender}: ${messages.map((m) => m.id).join(', ')} (${finding.ruleId})`;
    const newest = messages[messages.length - 1]!;
    const split: Finding = {
      ruleId: 'conversation/split-contact',
      ruleSet: 'conversation',
      category: finding.category,
      ...(finding.entity === undefined ? {} : { entity: finding.entity }),
      start: newest.start,
      end: newest.end,
      text: message.text.slice(newest.start, newest.end),
      score,
      severity: finding.severity,
      message:
        finding.entity === undefined
          ? `Asks to move off the platform with a contact detail split across ${messages.length} messages: '${finding.text}'.`
          : `Shares ${NOUNS[finding.entity] ?? `personal data (${finding.entity})`} split across ${messages.length} messages: '${finding.text}'.`,
      explanation: {
        matched: finding.explanation.matched,
        steps: [...finding.explanation.steps, { kind: 'conversation', delta: round(score - finding.score), note }],
      },
    };
    best.set(key, threadFinding(split, messages, message.id, message.sender));
  }
  return [...best.values()];
}

/**
 * A split contact detail given with a reason to move contact off the chat or a proposal in so many
 * words ("save this", "chat closes when the trip ends", 打这个, 这里回复慢) in the sender's pieces or
 * their messages just before: an off-platform request as well as personal data.
 */
function movedOff(live: Live, split: ThreadFinding): ThreadFinding | undefined {
  if (split.entity === undefined || !CONTACT_ENTITIES.has(split.entity) || split.sender === undefined) return undefined;
  const first = live.byId.get(split.messages[0]!.id);
  if (!first) return undefined;
  const mine = live.entries.filter((e) => e.sender === split.sender);
  const from = Math.max(0, mine.indexOf(first) - MOVE_BEFORE);
  const cue = mine.slice(from).find((e) => e.signals?.move || (e.signals?.request && e.signals.request[3] !== 'contact-data'));
  if (!cue) return undefined;
  const said = cue.signals!.move ? 'a reason to move off the chat' : 'a proposal';
  const score = Math.max(MOVE_SCORE, split.score);
  const steps = [
    ...split.explanation.steps,
    { kind: 'conversation' as const, delta: round(score - split.score), note: `given with ${said} in ${cue.id}: a way to move contact off the platform` },
  ];
  return {
    ...split,
    category: 'off-platform',
    score,
    message: `${split.message.replace(/\.$/, '')}, to move contact off the platform.`,
    explanation: { matched: split.explanation.matched, steps },
  };
}

/**
 * An email spelled the Chinese way (`xiaoming点chen艾特qq点com`) written with `@` and `.`, with the
 * place in `text` of each unit of the result (`map`), or `text` itself when nothing is spelled so.
 */
function spelledOut(text: string): { text: string; map: number[] | undefined } {
  if (!/艾特|爱特/u.test(text)) return { text, map: undefined };
  let out = '';
  const map: number[] = [];
  const spelled = /([A-Za-z0-9])\s*(?:(艾特|爱特)|点)\s*(?=[A-Za-z0-9])/gu;
  let last = 0;
  for (let m = spelled.exec(text); m; m = spelled.exec(text)) {
    const end = m.index + 1;
    for (let i = last; i < end; i++) {
      out += text[i]!;
      map.push(i);
    }
    out += m[2] ? '@' : '.';
    map.push(end);
    last = m.index + m[0].length;
  }
  for (let i = last; i < text.length; i++) {
    out += text[i]!;
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

// What is left off the ends of a piece's span: spaces and the separators between pieces (`- 8000`).
const SPAN_EDGE = /[\s\-–—,，、:：]/u;

/** `[from, to)` of a piece's text without separators at either end, or undefined when nothing is left. */
function trimmed(text: string, from: number, to: number): { start: number; end: number } | undefined {
  let start = Math.max(0, from);
  let end = Math.min(text.length, to);
  while (start < end && SPAN_EDGE.test(text[start]!)) start++;
  while (end > start && SPAN_EDGE.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/** A fragment as stored, with its place (that of its last piece in the window) and how it ends. */
export function fragmentFromState(sender: string, parts: readonly FragmentPart[], seqOf: (id: string) => number): Fragment {
  return { sender, parts, seq: seqOf(parts[parts.length - 1]!.id), edge: tailEdge(parts[parts.length - 1]!.text) };
}
