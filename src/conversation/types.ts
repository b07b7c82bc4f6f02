import type { CategoryResult, Finding, ModerationResult, Verdict } from '../engine/types.js';

/** How much of a conversation the thread rules look at: the newest messages, up to a count and an age. */
export interface ConversationWindow {
  /** Messages kept, newest last (1 to 1,000; default 50). */
  readonly messages: number;
  /** A message older than this, measured from the newest message's `at`, leaves the window (default 120). */
  readonly minutes: number;
}

/** Options for `moderator.conversation()`. */
export interface ConversationOptions {
  /** The window; with `state`, what is given here replaces the state's window. */
  readonly window?: Partial<ConversationWindow>;
  /** A conversation saved earlier with `JSON.stringify(convo)`, parsed back. */
  readonly state?: ConversationState;
}

/** One message of a conversation, as a chat backend receives it. */
export interface ConversationMessage {
  /** Unique within the conversation (a number is read as its decimal string). */
  readonly id: string | number;
  /**
   * Who wrote it. A message without a sender is moderated and kept in the window, but no rule
   * that follows one sender's messages (split contact details, escalation, cancel-and-continue)
   * counts it; the update carries the notice `missing_sender`.
   */
  readonly sender: string | number;
  readonly text: string;
  /**
   * Milliseconds since the epoch. Missing, or earlier than the newest message so far, the message
   * takes the newest message's time (arrival order is what counts), with a notice.
   */
  readonly at: number;
}

/** Where a thread finding lies in one message: half-open UTF-16 offsets into that message's text. */
export interface MessageSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A finding over a conversation. Its top-level `start`, `end` and `text` are its span in the newest
 * message it touches; `messages` lists its span in every message it touches, oldest first.
 */
export interface ThreadFinding extends Finding {
  readonly messages: readonly MessageSpan[];
  /** The id of the message whose arrival created or last raised the finding: a backend acts on those where `since` is the message it just added. */
  readonly since: string;
  /** Whose offence it is: the sender of the messages it is about. Absent for a message that had no sender. */
  readonly sender?: string;
}

/** A conversation's findings over its window, with category scores and verdicts as for one message. */
export interface ThreadResult {
  /** The worst category verdict. */
  readonly verdict: Verdict;
  /** The highest category score, 0 when there are no findings. */
  readonly score: number;
  /**
   * Per category, the highest of: each message's findings combined as `moderate()` combines them,
   * and each finding that spans messages on its own.
   */
  readonly categories: Readonly<Record<string, CategoryResult>>;
  /** By newest message touched, then by start. */
  readonly findings: readonly ThreadFinding[];
}

/** Stable codes of the fallbacks `add()` took for input it could not use as it was. */
export type ConversationNoticeCode = 'missing_sender' | 'missing_time' | 'out_of_order' | 'repeated_id' | 'state_version';

/** A fallback `add()` took, e.g. a message that arrived with an earlier time than the one before it. */
export interface ConversationNotice {
  readonly code: ConversationNoticeCode;
  readonly message: string;
}

/** What `add()` returns. */
export interface ConversationUpdate {
  /** The message on its own, exactly as `moderate(text)` gives it. */
  readonly result: ModerationResult;
  /** The conversation's window with this message in it. */
  readonly thread: ThreadResult;
  /** Fallbacks taken for this message (usually none). */
  readonly notices: readonly ConversationNotice[];
}

/** A conversation being moderated: add its messages in the order they arrive. */
export interface Conversation {
  /**
   * Moderates one message and the thread it joins. Throws `TypeError` when the message is not an
   * object, its text not a string or its id missing; other problems are notices (see
   * {@link ConversationNoticeCode}), never a throw.
   */
  add(message: ConversationMessage): ConversationUpdate;
  /** The thread as it stands, without adding a message (after restoring a state, for one). */
  thread(): ThreadResult;
  /** The state as plain JSON: `JSON.stringify(convo)` calls this. */
  toJSON(): ConversationState;
  readonly window: ConversationWindow;
}

/** A span with a score in a stored message: `[start, end, score]`. */
export type ScoredSpan = readonly [start: number, end: number, score: number];

/** What kind of proposal a request signal is: an off-platform finding, words such as "add me", or shared contact data. */
export type RequestKind = 'off-platform' | 'words' | 'contact-data';

/** What the conversation rules remember of a message: spans in its text, no text. */
export interface MessageSignals {
  /** The strongest request to move contact or payment off the platform. */
  readonly request?: readonly [start: number, end: number, score: number, kind: RequestKind];
  /** A request to cancel or leave the order. */
  readonly cancel?: readonly [start: number, end: number];
  /** A refusal of another sender's request. */
  readonly refusal?: readonly [start: number, end: number];
  /** In a message with a refusal, where it names the app ("I'll book through the app"): the refusal sets the app against a pitch. */
  readonly app?: readonly [start: number, end: number];
  /** The service paid by hand ("leave 120 under the mat", "30 is fine when we get there", 多给你十块): after a cancel, a continuation. */
  readonly carry?: readonly [start: number, end: number];
  /** The service going ahead ("still come by", "same crew", 照常来): after a cancel, a continuation when the one who asked to cancel says it. */
  readonly resume?: readonly [start: number, end: number];
  /** A reason for contact to move off the chat ("chat closes when the trip ends", 这里回复慢). */
  readonly move?: readonly [start: number, end: number];
  /** A price, a discount or a private deal pitched ("10 off", "last offer", 便宜三成). */
  readonly pitch?: readonly [start: number, end: number];
  /** The strongest finding of each kind of hostility (`insult`, `sexual-remark`, `threat`). */
  readonly hostility?: Readonly<Record<string, ScoredSpan>>;
}

/** A message of the window in the state. */
export interface StoredMessage {
  readonly id: string;
  readonly sender?: string;
  readonly at: number;
  readonly signals?: MessageSignals;
}

/** The end of a sender's last message (and the fragments before it) that a split contact detail may continue. */
export interface StoredFragment {
  readonly sender: string;
  /** Oldest first; `text` is the message's text from `start` to its end. */
  readonly parts: readonly { readonly id: string; readonly start: number; readonly text: string }[];
}

/**
 * A conversation's state as plain JSON (see docs/contract.md): the window's message ids, senders,
 * times and signal spans; the ends of the senders' last messages that a split contact detail may
 * continue (personal data: up to 48 characters a message, 4 messages a sender); the thread's
 * findings that flag, with their text, as far as they fit in 6 KB.
 */
export interface ConversationState {
  readonly version: number;
  readonly window: ConversationWindow;
  readonly messages: readonly StoredMessage[];
  readonly fragments: readonly StoredFragment[];
  readonly findings: readonly ThreadFinding[];
}
