import type { Moderator } from '../../engine/moderator.js';
import { DEFAULT_WINDOW } from '../../conversation/state.js';
import type { Conversation, ThreadFinding } from '../../conversation/types.js';
import {
  add,
  countRecord,
  emptyCounts,
  failedRecord,
  messageRecord,
  readItem,
  type InputItem,
  type ReadMessage,
  type ScanCounts,
  type ScanRecord,
  type ScanSettings,
} from './records.js';

/** Which of `of` workers moderates what: each conversation goes whole to one of them. */
export interface Share {
  readonly index: number;
  readonly of: number;
}

/** Output lines of a share of a batch, and the input line of each. */
export interface ShareResult {
  readonly output: string;
  readonly lines: number[];
  readonly counts: ScanCounts;
}

/**
 * How long a conversation without a time field may go without a message before it is closed, in
 * input lines: without times there is no window in minutes to say it is over.
 */
export const IDLE_LINES = 100_000;
/** How often closed conversations are dropped from memory, in input lines. */
const SWEEP_LINES = 4096;
const MINUTE = 60_000;

/** The worker a conversation (or a line without one) belongs to: a hash of its id, the same in every run. */
export function shareOf(key: string, of: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % of;
}

/**
 * A message's time in milliseconds since the epoch: a number of milliseconds, or of seconds when it
 * is below 10^11 (before 1973 in milliseconds, after the year 5000 in seconds), or a date string
 * `Date.parse` reads (ISO 8601). Undefined for anything else.
 */
export function readTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? (Math.abs(value) < 1e11 ? value * 1000 : value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return readTime(Number(text));
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

interface Open {
  readonly conversation: Conversation;
  /** The newest time of its messages (or the line of its last message, without a time field). */
  last: number;
  flagged: boolean;
  readonly senders: Set<string>;
}

/**
 * Scans conversations for one share of the workers. Every worker reads every line, so that each
 * knows the archive's clock (the newest time seen so far) at every line: a conversation idle for
 * longer than the window against that clock is closed, and starts again if it comes back, however
 * the conversations are spread over the workers. Archives are expected roughly in time order.
 */
export class ConversationScan {
  private readonly open = new Map<string, Open>();
  private clock = Number.NEGATIVE_INFINITY;
  private readonly idle: number;

  constructor(
    private readonly moderator: Moderator,
    private readonly settings: ScanSettings,
    private readonly share: Share,
  ) {
    this.idle = settings.timeField === undefined ? IDLE_LINES : DEFAULT_WINDOW.minutes * MINUTE;
  }

  /** Moderates the lines of this share among `items`: one output record each (unless `onlyFlagged` leaves it out), with its line. */
  process(items: readonly InputItem[]): ShareResult {
    const counts = emptyCounts();
    let output = '';
    const lines: number[] = [];
    const timed = this.settings.timeField !== undefined;
    for (const item of items) {
      // A scan's reader numbers every item; only a queue's stream entries come without a line.
      const line = item.line ?? 0;
      const read = readItem(item, this.settings);
      const message = 'error' in read ? undefined : read;
      const at = message && timed ? readTime(message.at) : undefined;
      if (at !== undefined && at > this.clock) this.clock = at;
      if (line % SWEEP_LINES === 0) this.sweep(line);
      const conversation = message?.conversation;
      if (shareOf(conversation ?? `#${line}`, this.share.of) !== this.share.index) continue;
      const record =
        'error' in read
          ? read
          : conversation === undefined
            ? this.alone(line, read)
            : this.inConversation(line, read, conversation, at, counts);
      countRecord(counts, record);
      if (this.settings.onlyFlagged && !this.flags(record)) continue;
      output += `${JSON.stringify(record)}\n`;
      lines.push(line);
    }
    return { output, lines, counts };
  }

  /** A line without the conversation field, moderated as `chaperone scan` does without conversations. */
  private alone(line: number, message: ReadMessage): ScanRecord {
    try {
      return messageRecord(line, message, this.moderator.moderate(message.text));
    } catch (error) {
      return failedRecord(line, error);
    }
  }

  /** The record of a message of a conversation; what the conversation came to is counted here, once per conversation. */
  private inConversation(line: number, message: ReadMessage, name: string, at: number | undefined, counts: ScanCounts): ScanRecord {
    const timed = this.settings.timeField !== undefined;
    let open = this.open.get(name);
    if (open && open.last < (timed ? this.clock : line) - this.idle) {
      this.open.delete(name);
      open = undefined;
    }
    if (!open) {
      open = { conversation: this.moderator.conversation(), last: Number.NEGATIVE_INFINITY, flagged: false, senders: new Set() };
      this.open.set(name, open);
      counts.conversations++;
    }
    const id = message.id === undefined ? `#${line}` : String(message.id);
    let update;
    try {
      // Without a time field every message is at time 0: the window is counted in messages alone.
      update = open.conversation.add({ id, sender: message.sender as string, text: message.text, at: timed ? (at as number) : 0 });
    } catch (error) {
      return failedRecord(line, error);
    }
    open.last = Math.max(open.last, timed ? (at ?? open.last) : line);
    const raised = update.thread.findings.filter((f) => f.since === id && isRaised(f));
    if (update.thread.verdict !== 'allow' && !open.flagged) {
      open.flagged = true;
      counts.flaggedConversations++;
    }
    for (const finding of update.thread.findings) {
      if (finding.since !== id || finding.sender === undefined || open.senders.has(finding.sender) || !this.flagging(finding)) continue;
      open.senders.add(finding.sender);
      add(counts.conversationSenders, finding.sender);
    }
    return {
      ...messageRecord(line, message, update.result),
      conversation: name,
      thread: { verdict: update.thread.verdict, score: update.thread.score, categories: update.thread.categories, findings: raised },
      ...(update.notices.length > 0 ? { notices: update.notices } : {}),
    };
  }

  /** Whether `--only-flagged` writes a record: an error, a message flagged alone, or one that raised a thread finding that flags. */
  private flags(record: ScanRecord): boolean {
    return 'error' in record || record.verdict !== 'allow' || (record.thread?.findings.some((f) => this.flagging(f)) ?? false);
  }

  private flagging(finding: ThreadFinding): boolean {
    return finding.score >= this.moderator.thresholdsFor(finding.category).review;
  }

  /** Drops closed conversations from memory; whether now or when their next message comes, they are closed alike. */
  private sweep(line: number): void {
    const now = this.settings.timeField === undefined ? line : this.clock;
    for (const [name, open] of this.open) if (open.last < now - this.idle) this.open.delete(name);
  }
}

/** A thread finding the message alone does not show: a conversation rule's, or its own as the thread reads it (a quote, a refusal). */
function isRaised(finding: ThreadFinding): boolean {
  return finding.messages.length > 1 || finding.explanation.steps.some((step) => step.kind === 'conversation');
}

/** Puts the shares of a batch back in input order. */
export function mergeShares(shares: readonly { output: string; lines: readonly number[] }[]): string {
  const records = shares.map((share) => share.output.split('\n'));
  const at = shares.map(() => 0);
  let out = '';
  for (;;) {
    let next = -1;
    for (let s = 0; s < shares.length; s++) {
      if (at[s]! < shares[s]!.lines.length && (next < 0 || shares[s]!.lines[at[s]!]! < shares[next]!.lines[at[next]!]!)) next = s;
    }
    if (next < 0) return out;
    out += `${records[next]![at[next]!]!}\n`;
    at[next]!++;
  }
}
