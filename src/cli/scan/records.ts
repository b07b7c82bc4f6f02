import { createModerator, type Moderator } from '../../engine/moderator.js';
import type { ModerationResult } from '../../engine/types.js';
import type { ConversationNotice, ThreadFinding, ThreadResult } from '../../conversation/types.js';
import { moderatorOptionsFor } from '../../policy/files.js';

/** How input lines become messages. */
export type InputFormat = 'jsonl' | 'csv' | 'text';

/** Field names and rule files a scan uses; sent to every worker. */
export interface ScanSettings {
  readonly format: InputFormat;
  readonly textField: string;
  readonly idField: string;
  readonly senderField: string;
  readonly rules: readonly string[];
  readonly onlyRules: boolean;
  readonly onlyFlagged: boolean;
  /** Messages with this field are moderated as conversations, grouped by its value. */
  readonly conversationField?: string;
  /** The field holding a message's time (milliseconds or seconds since the epoch, or a date string). */
  readonly timeField?: string;
}

/** One unit of input: a raw JSONL/text line, or a CSV row already split into fields. */
export interface InputItem {
  /** The input line it starts on; none for a message that came alone (a stream entry of fields). */
  readonly line?: number;
  readonly raw?: string;
  readonly fields?: Record<string, string>;
  /** Set when the reader already knows the line is malformed (a CSV row of the wrong width). */
  readonly error?: string;
  /** Why the input stopped early (a truncated gzip, a read error): written as is, since it is not about this line. */
  readonly endOfInput?: string;
}

const decoder = new TextDecoder('utf-8');

/** Decodes and splits a batch of whole lines (each ending in `\n`, CR LF tolerated) into items. */
export function itemsOf(batch: { firstLine: number; bytes: Uint8Array } | { items: InputItem[] }): InputItem[] {
  if ('items' in batch) return batch.items;
  // Invalid UTF-8 becomes U+FFFD rather than an error: the line is still moderated and reported.
  const lines = decoder.decode(batch.bytes).split('\n');
  lines.pop();
  return lines.map((raw, i) => ({ line: batch.firstLine + i, raw: raw.endsWith('\r') ? raw.slice(0, -1) : raw }));
}

/**
 * Counts a scan reports at the end. Sender names, rule ids and category names come from the input
 * and rule files, so they are Map keys: as plain-object keys, `__proto__` would vanish and
 * `constructor` or `toString` would add to an inherited function. Maps also survive the trip
 * from a worker thread.
 */
export interface ScanCounts {
  lines: number;
  errors: number;
  /** Messages longer than `MAX_MODERATED_LENGTH`, moderated in their first part. */
  truncated: number;
  verdicts: Map<string, number>;
  categories: Map<string, number>;
  rules: Map<string, number>;
  senders: Map<string, number>;
  /** Conversations read (`--conversation-field`): one more each time one starts, or starts again after it was idle past the window. */
  conversations: number;
  /** Of those, the ones whose thread was flagged at some point. */
  flaggedConversations: number;
  /** For each sender, the flagged conversations in which a finding of theirs flags the thread. */
  conversationSenders: Map<string, number>;
}

/** A fresh, empty set of counts. */
export function emptyCounts(): ScanCounts {
  const verdicts = new Map([['allow', 0], ['review', 0], ['block', 0]]);
  return {
    lines: 0,
    errors: 0,
    truncated: 0,
    verdicts,
    categories: new Map(),
    rules: new Map(),
    senders: new Map(),
    conversations: 0,
    flaggedConversations: 0,
    conversationSenders: new Map(),
  };
}

/** Adds `from` into `into`. */
export function mergeCounts(into: ScanCounts, from: ScanCounts): void {
  into.lines += from.lines;
  into.errors += from.errors;
  into.truncated += from.truncated;
  into.conversations += from.conversations;
  into.flaggedConversations += from.flaggedConversations;
  for (const key of ['verdicts', 'categories', 'rules', 'senders', 'conversationSenders'] as const) {
    for (const [name, n] of from[key]) add(into[key], name, n);
  }
}

/** Adds `n` to a count by name. */
export function add(counts: Map<string, number>, name: string, n = 1): void {
  counts.set(name, (counts.get(name) ?? 0) + n);
}

/** Builds the moderator a scan uses, from built-in sets plus `--rules` files. */
export function createScanModerator(settings: ScanSettings): Moderator {
  return createModerator(moderatorOptionsFor(settings.rules, settings.onlyRules));
}

/** One output line of a scan: a moderated message, or a line that could not be read. */
export type ScanRecord = ErrorRecord | MessageRecord;

/** The record of a line that could not be read or moderated. */
export interface ErrorRecord {
  readonly line?: number;
  readonly error: string;
}

/** The record of a moderated message; with `--conversation-field`, also what it did to its conversation. */
export interface MessageRecord {
  readonly line?: number;
  readonly id?: string | number;
  readonly sender?: string;
  readonly verdict: ModerationResult['verdict'];
  readonly score: number;
  readonly categories: ModerationResult['categories'];
  readonly findings: ModerationResult['findings'];
  readonly truncated?: ModerationResult['truncated'];
  readonly conversation?: string;
  /** The thread after this message; its findings are the ones this message raised that the message alone does not show. */
  readonly thread?: Pick<ThreadResult, 'verdict' | 'score' | 'categories'> & { readonly findings: readonly ThreadFinding[] };
  readonly notices?: readonly ConversationNotice[];
}

/**
 * Turns a batch of input items into output lines (one per item, errors included, unless
 * `onlyFlagged` drops allowed messages) and the counts for the summary.
 */
export function processBatch(moderator: Moderator, settings: ScanSettings, items: readonly InputItem[]): { output: string; counts: ScanCounts } {
  const counts = emptyCounts();
  let output = '';
  for (const item of items) {
    const record = recordFor(moderator, settings, item);
    countRecord(counts, record);
    if (settings.onlyFlagged && 'verdict' in record && record.verdict === 'allow') continue;
    output += `${JSON.stringify(record)}\n`;
  }
  return { output, counts };
}

/**
 * The output record of one input item, moderated alone. An item without a line number (a stream
 * entry that is a message of its own) gives a record without `line`, and its errors say no line.
 */
export function recordFor(moderator: Moderator, settings: ScanSettings, item: InputItem): ScanRecord {
  const message = readItem(item, settings);
  if ('error' in message) return message;
  let result: ModerationResult;
  try {
    result = moderator.moderate(message.text);
  } catch (error) {
    return failedRecord(item.line, error);
  }
  return messageRecord(item.line, message, result);
}

/** The message an input item holds, or the error record it becomes (the input ended early, the line cannot be read). */
export function readItem(item: InputItem, settings: ScanSettings): ReadMessage | ErrorRecord {
  if (item.endOfInput !== undefined) return { ...lineOf(item.line), error: item.endOfInput };
  const message = readMessage(item, settings);
  if ('error' in message) return { ...lineOf(item.line), error: `${where(item.line)}${message.error}` };
  return message;
}

/** The error record of a message whose moderation threw: moderate() is not meant to, but a custom detector can, and the line is still accounted for. */
export function failedRecord(line: number | undefined, error: unknown): ErrorRecord {
  return { ...lineOf(line), error: `${where(line)}moderation failed (${(error as Error).message})` };
}

/** The record of a message and its own result. */
export function messageRecord(line: number | undefined, message: ReadMessage, result: ModerationResult): MessageRecord {
  return {
    ...lineOf(line),
    ...(message.id === undefined ? {} : { id: message.id }),
    ...(message.sender === undefined ? {} : { sender: message.sender }),
    verdict: result.verdict,
    score: result.score,
    categories: result.categories,
    findings: result.findings,
    ...(result.truncated ? { truncated: result.truncated } : {}),
  };
}

function lineOf(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

function where(line: number | undefined): string {
  return line === undefined ? '' : `line ${line}: `;
}

/**
 * Adds one output record to the counts: from a scan's own batch, or read back from elsewhere
 * (`collect`). The message's own result is counted; what a conversation came to is counted once
 * per conversation by the conversation scan.
 */
export function countRecord(counts: ScanCounts, record: ScanRecord): void {
  counts.lines++;
  if ('error' in record) {
    counts.errors++;
    return;
  }
  add(counts.verdicts, record.verdict);
  if (record.truncated) counts.truncated++;
  for (const [category, value] of Object.entries(record.categories)) {
    if (value.verdict !== 'allow') add(counts.categories, category);
  }
  for (const finding of record.findings) add(counts.rules, finding.ruleId);
  if (record.verdict !== 'allow' && record.sender !== undefined) add(counts.senders, record.sender);
}

/** A line read as a message: its text and, when the record has them, id, sender, conversation and time as given. */
export interface ReadMessage {
  readonly text: string;
  readonly id?: string | number;
  readonly sender?: string;
  readonly conversation?: string;
  readonly at?: unknown;
}

type Message = ReadMessage | { error: string };

/** Reads one input item as a message, or says why it cannot be. */
function readMessage(item: InputItem, settings: ScanSettings): Message {
  if (item.error !== undefined) return { error: item.error };
  if (settings.format === 'text') return { text: item.raw ?? '' };
  let record: Record<string, unknown>;
  if (item.fields) {
    record = item.fields;
  } else {
    const raw = item.raw ?? '';
    if (raw.trim() === '') return { error: 'empty line' };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return { error: `not valid JSON (${(error as Error).message})` };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { error: `expected a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` };
    }
    record = value as Record<string, unknown>;
  }
  const text = field(record, settings.textField);
  if (text === undefined) return { error: `no "${settings.textField}" field` };
  if (typeof text !== 'string') return { error: `"${settings.textField}" is not a string (${text === null ? 'null' : typeof text})` };
  const id = field(record, settings.idField);
  const sender = field(record, settings.senderField);
  const conversation = settings.conversationField === undefined ? undefined : field(record, settings.conversationField);
  const at = settings.timeField === undefined ? undefined : field(record, settings.timeField);
  return {
    text,
    ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
    ...(typeof sender === 'string' || typeof sender === 'number' ? { sender: String(sender) } : {}),
    ...((typeof conversation === 'string' && conversation !== '') || typeof conversation === 'number' ? { conversation: String(conversation) } : {}),
    ...(at === undefined || at === null || at === '' ? {} : { at }),
  };
}

/** A field the record itself has: `--text-field constructor` must not find Object's constructor. */
function field(record: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
