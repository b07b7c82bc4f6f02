import type { ConversationContext, Entry, Live } from './live.js';
import { newestAt, threadFindingKey } from './live.js';
import { CONVERSATION_RULE_IDS } from './rule-ids.js';
import { findSenderPatterns } from './rules.js';
import { readInConversation, type Incoming } from './signals.js';
import { findSplitContact, fragmentFromState } from './split-contact.js';
import { DEFAULT_WINDOW, readState, readWindow, STATE_VERSION } from './state.js';
import { buildThread, entrySize, keepWithinBudget, sizeOf } from './thread.js';
import type {
  Conversation,
  ConversationMessage,
  ConversationNotice,
  ConversationNoticeCode,
  ConversationOptions,
  ConversationState,
  ConversationUpdate,
  ThreadFinding,
} from './types.js';

export type { ConversationContext } from './live.js';

const MINUTE = 60_000;

/** Creates a conversation, empty or restored from a state (see {@link ConversationOptions}). */
export function createConversation(context: ConversationContext, options: ConversationOptions = {}): Conversation {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`conversation() expects an options object such as { window: { messages: 50, minutes: 120 } }, got ${describe(options)}`);
  }
  const live = restore(options);
  return {
    add(message) {
      return add(context, live, message);
    },
    thread() {
      return buildThread(live, context.thresholdsFor);
    },
    toJSON() {
      return stateOf(live);
    },
    get window() {
      return live.window;
    },
  };
}

function emptyLive(window: Live['window']): Live {
  return {
    window,
    entries: [],
    byId: new Map(),
    fragments: new Map(),
    messageFindings: [],
    threadFindings: new Map(),
    nextSeq: 0,
    changes: 0,
    cached: undefined,
    keptBytes: 0,
    entryBytes: 0,
    pending: [],
  };
}

function restore(options: ConversationOptions): Live {
  if (options.state === undefined) return emptyLive(readWindow(options.window, DEFAULT_WINDOW));
  const read = readState(options.state);
  if (read.kind === 'reset') {
    const live = emptyLive(readWindow(options.window, read.window));
    live.pending.push(read.notice);
    return live;
  }
  const { state } = read;
  const live = emptyLive(readWindow(options.window, state.window));
  state.messages.forEach((message, seq) => {
    const bytes = entrySize(message.id, message.sender, message.signals);
    const entry: Entry = { id: message.id, sender: message.sender, at: message.at, signals: message.signals, seq, bytes };
    live.entries.push(entry);
    live.byId.set(entry.id, entry);
    live.entryBytes += entry.bytes;
  });
  live.nextSeq = live.entries.length;
  const seqOf = (id: string) => live.byId.get(id)!.seq;
  for (const fragment of state.fragments) {
    if (fragment.parts.length > 0) live.fragments.set(fragment.sender, fragmentFromState(fragment.sender, fragment.parts, seqOf));
  }
  const conversationRules: readonly string[] = CONVERSATION_RULE_IDS;
  for (const finding of state.findings) {
    if (conversationRules.includes(finding.ruleId) && finding.messages.length > 1) live.threadFindings.set(threadFindingKey(finding), finding);
    else live.messageFindings.push(finding);
    live.keptBytes += sizeOf(finding);
  }
  // A smaller window given with the state applies at once.
  evict(live, live.entries.length - live.window.messages);
  const newest = newestAt(live);
  if (newest !== undefined) evictOlderThan(live, newest - live.window.minutes * MINUTE);
  return live;
}

function stateOf(live: Live): ConversationState {
  return {
    version: STATE_VERSION,
    window: live.window,
    messages: live.entries.map((entry) => ({
      id: entry.id,
      ...(entry.sender === undefined ? {} : { sender: entry.sender }),
      at: entry.at,
      ...(entry.signals === undefined ? {} : { signals: entry.signals }),
    })),
    fragments: [...live.fragments.values()].map((fragment) => ({ sender: fragment.sender, parts: fragment.parts })),
    findings: [...live.messageFindings, ...live.threadFindings.values()],
  };
}

interface Input {
  readonly id: string;
  readonly sender: string | undefined;
  readonly text: string;
  readonly at: number | undefined;
  readonly problem: string | undefined;
}

/** What add() gives when there is nothing to report, shared: most messages have no notices. */
const NO_NOTICES: readonly ConversationNotice[] = Object.freeze([]);

function add(context: ConversationContext, live: Live, message: ConversationMessage): ConversationUpdate {
  const input = readInput(message);
  let notices: ConversationNotice[] | undefined = live.pending.length > 0 ? live.pending.splice(0) : undefined;
  const notice = (code: ConversationNoticeCode, text: string) => (notices ??= []).push({ code, message: text });
  const { result, words } = context.moderateWithWords(input.text);
  if (input.sender === undefined) {
    notice('missing_sender', `message ${input.id} has no sender: moderated, but no rule that follows one sender's messages counts it`);
  }
  if (live.byId.has(input.id)) {
    notice('repeated_id', `message id ${input.id} is already in the window: taken as a repeated delivery, and the thread is unchanged`);
    return { result, thread: buildThread(live, context.thresholdsFor), notices: notices ?? NO_NOTICES };
  }
  const newest = newestAt(live);
  let at = input.at;
  if (at === undefined) {
    at = newest ?? 0;
    notice('missing_time', `message ${input.id} has no usable time (${input.problem}): it takes the time of the message before it`);
  } else if (newest !== undefined && at < newest) {
    notice('out_of_order', `message ${input.id} is dated before the message before it: it takes that message's time`);
    at = newest;
  }
  evictOlderThan(live, at - live.window.minutes * MINUTE);
  evict(live, live.entries.length - live.window.messages + 1);

  const incoming: Incoming = { id: input.id, sender: input.sender, text: input.text, seq: live.nextSeq++, findings: result.findings };
  const reading = readInConversation(live, context.lexicon, incoming, result.findings, words);
  // One shape for every entry (absent sender and signals are undefined): entries are read at every message.
  const bytes = entrySize(input.id, input.sender, reading.signals);
  const entry: Entry = { id: input.id, sender: input.sender, at, signals: reading.signals, seq: incoming.seq, bytes };
  live.entries.push(entry);
  live.byId.set(entry.id, entry);
  live.entryBytes += entry.bytes;
  for (const finding of findSplitContact(context, live, incoming)) keep(live, finding);
  if (entry.signals !== undefined) for (const finding of findSenderPatterns(context, live, { message: incoming, entry })) keep(live, finding);
  for (const finding of reading.findings) if (finding.score >= context.thresholdsFor(finding.category).review) keep(live, finding);
  keepWithinBudget(live);
  const current = reading.findings.length === 0 ? undefined : { id: incoming.id, findings: reading.findings };
  return { result, thread: buildThread(live, context.thresholdsFor, current), notices: notices ?? NO_NOTICES };
}

/** Keeps a finding in the state: one of the conversation rules replaces the one it raises. */
function keep(live: Live, finding: ThreadFinding): void {
  live.changes++;
  live.keptBytes += sizeOf(finding);
  if (finding.messages.length < 2) {
    live.messageFindings.push(finding);
    return;
  }
  const key = threadFindingKey(finding);
  const before = live.threadFindings.get(key);
  if (before) live.keptBytes -= sizeOf(before);
  live.threadFindings.set(key, finding);
}

/** Takes the oldest `count` messages out of the window, with everything that is about them. */
function evict(live: Live, count: number): void {
  if (count <= 0) return;
  const gone = live.entries.splice(0, count);
  // Everything about a message that left has a place at or before the last of them.
  const last = gone[gone.length - 1]!.seq;
  const isGone = (id: string) => (live.byId.get(id)?.seq ?? -1) <= last;
  for (const entry of gone) live.entryBytes -= entry.bytes;
  // Findings of single messages are in the order of their messages: the oldest come first.
  let n = 0;
  while (n < live.messageFindings.length && isGone(live.messageFindings[n]!.since)) live.keptBytes -= sizeOf(live.messageFindings[n++]!);
  let changed = n > 0;
  if (n > 0) live.messageFindings.splice(0, n);
  for (const [key, finding] of live.threadFindings) {
    if (!isGone(finding.since)) continue;
    live.threadFindings.delete(key);
    live.keptBytes -= sizeOf(finding);
    changed = true;
  }
  if (changed) live.changes++;
  for (const [sender, fragment] of live.fragments) {
    if (!isGone(fragment.parts[0]!.id)) continue;
    const parts = fragment.parts.filter((p) => !isGone(p.id));
    if (parts.length === 0) live.fragments.delete(sender);
    else live.fragments.set(sender, { ...fragment, parts });
  }
  for (const entry of gone) live.byId.delete(entry.id);
}

function evictOlderThan(live: Live, cutoff: number): void {
  let n = 0;
  while (n < live.entries.length && live.entries[n]!.at < cutoff) n++;
  evict(live, n);
}

function readInput(message: ConversationMessage): Input {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    throw new TypeError(`add() expects a message object { id, sender, text, at }, got ${describe(message)}`);
  }
  const { text, id, sender, at } = message as unknown as Record<string, unknown>;
  if (typeof text !== 'string') throw new TypeError(`add() expects message.text as a string, got ${describe(text)}`);
  const readId = typeof id === 'string' && id.length > 0 ? id : typeof id === 'number' && Number.isFinite(id) ? String(id) : undefined;
  if (readId === undefined) throw new TypeError(`add() expects message.id as a non-empty string or a number, got ${describe(id)}`);
  const readSender =
    typeof sender === 'string' && sender.length > 0 ? sender : typeof sender === 'number' && Number.isFinite(sender) ? String(sender) : undefined;
  const time = at instanceof Date ? at.getTime() : at;
  const usable = typeof time === 'number' && Number.isFinite(time);
  return { id: readId, sender: readSender, text, at: usable ? time : undefined, problem: usable ? undefined : describe(at) };
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
