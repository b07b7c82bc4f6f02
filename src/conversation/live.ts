import type { ModerationResult, Thresholds } from '../engine/types.js';
import type { Lexicon, WordHits } from './lexicon.js';
import type { ConversationRuleId } from './rule-ids.js';
import type { Finding } from '../engine/types.js';
import type { ConversationNotice, ConversationWindow, MessageSpan, StoredMessage, ThreadFinding, ThreadResult } from './types.js';

/** What a conversation needs of its moderator. */
export interface ConversationContext {
  /** `moderator.moderate`, for text the conversation puts together (split contact details). */
  moderate(text: string): ModerationResult;
  /** `moderate`, with the conversation's words that its one scan found. */
  moderateWithWords(text: string): { result: ModerationResult; words: WordHits };
  thresholdsFor(category: string): Thresholds;
  readonly lexicon: Lexicon;
  /** False for a conversation rule that the policy disabled. */
  enabled(ruleId: ConversationRuleId): boolean;
}

/** A message of the window, with its place in the conversation (not stored: it is the order of the messages). */
export interface Entry extends StoredMessage {
  readonly seq: number;
  /** Its size in the state, estimated once (see `entrySize`). */
  readonly bytes: number;
}

/** A piece of a sender's message that a split contact detail may continue. */
export interface FragmentPart {
  readonly id: string;
  /** Where `text` starts in the message. */
  readonly start: number;
  readonly text: string;
}

/**
 * How a piece of text ends or starts, for joining it to the next or previous piece: `digit` (in
 * any form the digits view reads), `joiner` (`@`, `_`; at a start `.` too), `joiner-word` (`at`,
 * `dot` of a spelled-out email), `token` (a whole message that looks like an id: `jay_88`), `word`.
 */
export type Edge = 'digit' | 'joiner' | 'joiner-word' | 'token' | 'word' | 'none';

/** The pieces a sender's next message may continue, the place of the last one and how it ends. */
export interface Fragment {
  readonly sender: string;
  readonly parts: readonly FragmentPart[];
  readonly seq: number;
  readonly edge: Edge;
}

/** A conversation's working state; the stored state is this without the indexes. */
export interface Live {
  window: ConversationWindow;
  readonly entries: Entry[];
  readonly byId: Map<string, Entry>;
  readonly fragments: Map<string, Fragment>;
  /** Findings of single messages that flag, oldest message first. */
  messageFindings: ThreadFinding[];
  /** Findings of the conversation rules, by what they are about (rule, sender, and for split contact details the first piece). */
  readonly threadFindings: Map<string, ThreadFinding>;
  nextSeq: number;
  /** Bumped whenever the kept findings change, so that a thread built before can be given again. */
  changes: number;
  /** The thread as last built from the kept findings alone, and the `changes` it was built at. */
  cached: { readonly changes: number; readonly thread: ThreadResult } | undefined;
  /** Estimated UTF-8 JSON size of the kept findings. */
  keptBytes: number;
  /** Estimated UTF-8 JSON size of the window's message entries. */
  entryBytes: number;
  /** Notices to give with the next update (a state that could not be restored). */
  readonly pending: ConversationNotice[];
}

/** The newest message's time, or undefined in an empty window. */
export function newestAt(live: Live): number | undefined {
  return live.entries.length === 0 ? undefined : live.entries[live.entries.length - 1]!.at;
}

/**
 * A thread finding with its fields in one order, whatever the finding it is made from: thread
 * findings are read over and over (the thread, its scores, the state's budget), and objects of
 * one shape are read fastest.
 */
export function threadFinding(finding: Finding, messages: readonly MessageSpan[], since: string, sender: string | undefined): ThreadFinding {
  const out = {
    ruleId: finding.ruleId,
    ruleSet: finding.ruleSet,
    category: finding.category,
    ...(finding.entity === undefined ? {} : { entity: finding.entity }),
    start: finding.start,
    end: finding.end,
    text: finding.text,
    score: finding.score,
    severity: finding.severity,
    message: finding.message,
    explanation: finding.explanation,
    messages,
    since,
    ...(sender === undefined ? {} : { sender }),
  };
  return out;
}

/** The key a conversation finding is kept under: one finding per rule and sender, one per split detail. */
export function threadFindingKey(finding: ThreadFinding): string {
  const first = finding.ruleId === 'conversation/split-contact' ? `${finding.messages[0]?.id ?? ''}\u0000${finding.category}` : '';
  return `${finding.ruleId}\u0000${finding.sender ?? ''}\u0000${first}`;
}
