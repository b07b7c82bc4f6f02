import { round } from '../engine/scoring.js';
import type { ExplanationStep, Finding } from '../engine/types.js';
import type { Severity } from '../policy/schema.js';
import { threadFinding, type ConversationContext, type Entry, type Live } from './live.js';
import type { ConversationRuleId } from './rule-ids.js';
import type { Incoming } from './signals.js';
import type { MessageSpan, ThreadFinding } from './types.js';

/** The most messages a conversation finding lists (the newest). */
const MAX_LISTED = 8;

/** What the rules below need besides the window: the message just added and its entry. */
interface Turn {
  readonly message: Incoming;
  readonly entry: Entry;
}

/** The conversation rules that follow one sender's messages, for the message just added. */
export function findSenderPatterns(context: ConversationContext, live: Live, turn: Turn): ThreadFinding[] {
  const sender = turn.message.sender;
  const signals = turn.entry.signals;
  if (sender === undefined || signals === undefined) return [];
  const mine = live.entries.filter((e) => e.sender === sender && e.signals !== undefined);
  const out: ThreadFinding[] = [];
  const add = (finding: ThreadFinding | undefined) => finding && out.push(finding);
  if (context.enabled('conversation/cancel-and-continue')) {
    const proposed = signals.cancel || signals.request ? cancelAndContinue(context, mine, turn) : undefined;
    const carried = signals.carry || signals.resume ? cancelThenCarryOn(live, turn) : undefined;
    add(proposed && carried ? (proposed.score >= carried.score ? proposed : carried) : (proposed ?? carried));
  }
  if (context.enabled('conversation/repeated-after-refusal') && (signals.request || signals.pitch)) add(repeatedAfterRefusal(context, live, mine, turn));
  if (context.enabled('conversation/escalation') && signals.hostility) add(escalation(context, mine, turn));
  return out;
}

/**
 * A request to cancel or leave the order, and a contact or payment proposal, from the same sender
 * in different messages of the window ("cancel it" … "add me, same name"). Both in one message is
 * the per-message rule `off-platform/cancel-and-continue`.
 */
function cancelAndContinue(context: ConversationContext, mine: readonly Entry[], turn: Turn): ThreadFinding | undefined {
  const cancels = mine.filter((e) => e.signals?.cancel);
  const requests = mine.filter((e) => e.signals?.request);
  if (!cancels.some((c) => requests.some((r) => r !== c))) return undefined;
  const involved = mine.filter((e) => e.signals?.cancel || e.signals?.request).slice(-MAX_LISTED);
  const spans = involved.map((e) => spanOf(e, e.signals!.cancel ?? e.signals!.request!));
  const list = involved.map((e) => {
    const what = [e.signals!.cancel ? 'cancel' : '', e.signals!.request ? e.signals!.request[3] : ''].filter(Boolean);
    return `${e.id} (${what.join(' + ')})`;
  });
  const steps: ExplanationStep[] = [base('conversation/cancel-and-continue', 0.8)];
  steps.push({ kind: 'conversation', delta: 0, note: `asks to cancel and to continue elsewhere in different messages: ${list.join(', ')}` });
  const flagged = requests.filter((e) => e.signals!.request![3] === 'off-platform' && e.signals!.request![2] >= context.thresholdsFor('off-platform').review);
  if (flagged.length > 0) {
    steps.push({ kind: 'conversation', delta: 0.1, note: `the proposal is an off-platform request of its own (${flagged.map((e) => e.id).join(', ')})` });
  }
  else if (requests.every((e) => e.signals!.request![3] === 'contact-data')) {
    steps.push({ kind: 'conversation', delta: -0.2, note: 'the only proposal is contact data, which the app\'s own contact flow may allow' });
  }
  return conversationFinding(turn, {
    ruleId: 'conversation/cancel-and-continue',
    category: 'off-platform',
    severity: 'high',
    message: `Asks to cancel the order and to continue off the platform across ${involved.length} messages (${involved.map((e) => e.id).join(', ')}).`,
    matched: 'cancel … contact',
    steps,
    messages: spans,
  });
}

/**
 * The service going ahead after a request to cancel the order, from either sender: "cancel it on
 * your side" … "done" … "still come by tomorrow, leave 120 under the mat" (照常来, 多给你十块). The
 * continuation names no app: it is the cancelled service carried on and paid by hand.
 */
function cancelThenCarryOn(live: Live, turn: Turn): ThreadFinding | undefined {
  let cancel: Entry | undefined;
  for (let i = live.entries.length - 1; i >= 0 && !cancel; i--) {
    const entry = live.entries[i]!;
    if (entry.seq < turn.entry.seq && entry.sender !== undefined && entry.signals?.cancel) cancel = entry;
  }
  if (!cancel) return undefined;
  // Going ahead counts from the one who asked to cancel; paying by hand from either sender.
  const carries = (e: Entry) => e.signals?.carry !== undefined || (e.signals?.resume !== undefined && e.sender === cancel.sender);
  if (!carries(turn.entry)) return undefined;
  const carried = live.entries.filter((e) => e.seq > cancel.seq && e.sender !== undefined && carries(e)).slice(-(MAX_LISTED - 1));
  const involved = [cancel, ...carried];
  const signals = turn.entry.signals!;
  const steps: ExplanationStep[] = [base('conversation/cancel-and-continue', 0.7)];
  steps.push({
    kind: 'conversation',
    delta: 0,
    note: `${cancel.sender} asks to cancel in ${cancel.id}; the service goes ahead in ${carried.map((e) => `${e.id} (${e.sender})`).join(', ')}`,
  });
  if (cancel.sender === turn.message.sender) steps.push({ kind: 'conversation', delta: 0.1, note: 'the sender who asked to cancel carries on' });
  if (signals.pitch || signals.request) steps.push({ kind: 'conversation', delta: 0.1, note: 'with a price or a proposal of its own' });
  return conversationFinding(turn, {
    ruleId: 'conversation/cancel-and-continue',
    category: 'off-platform',
    severity: 'high',
    message: `Cancels the order and carries on with the service off the platform (${involved.map((e) => e.id).join(', ')}).`,
    matched: 'cancel … carry on',
    steps,
    messages: involved.map((e) => spanOf(e, e === cancel ? e.signals!.cancel! : (e.signals!.carry ?? e.signals!.resume)!)),
  });
}

/**
 * Asking again to move off the platform after another sender said no: the sender's requests
 * before and after the refusal, scored above either request alone. A price or a deal pitched
 * counts as asking when the refusal sets the app against it ("no, I'll book through the app" …
 * "10 off then"): the refusal says what the pitch was.
 */
function repeatedAfterRefusal(context: ConversationContext, live: Live, mine: readonly Entry[], turn: Turn): ThreadFinding | undefined {
  const sender = turn.message.sender!;
  const asks = mine.filter((e) => e.signals?.request || e.signals?.pitch);
  const first = asks[0];
  if (!first || first === turn.entry) return undefined;
  const isRequest = (e: Entry) => e.signals!.request !== undefined;
  const refusal = live.entries.find((e) => {
    if (e.seq <= first.seq || e.seq >= turn.entry.seq || e.sender === undefined || e.sender === sender || !e.signals?.refusal) return false;
    return e.signals.app !== undefined || (isRequest(turn.entry) && asks.some((a) => a.seq < e.seq && isRequest(a)));
  });
  if (!refusal) return undefined;
  const requests = refusal.signals!.app ? asks : asks.filter(isRequest);
  const before = requests.filter((e) => e.seq < refusal.seq).slice(-3);
  const after = requests.filter((e) => e.seq > refusal.seq).slice(-(MAX_LISTED - before.length));
  const involved = [...before, ...after];
  const steps: ExplanationStep[] = [base('conversation/repeated-after-refusal', 0.75)];
  const app = refusal.signals!.app ? ', for the app' : '';
  steps.push({
    kind: 'conversation',
    delta: 0,
    note: `asked in ${before.map((e) => e.id).join(', ')}; ${refusal.sender} said no in ${refusal.id}${app}; asked again in ${after
      .map((e) => e.id)
      .join(', ')}`,
  });
  const review = context.thresholdsFor('off-platform').review;
  if (involved.some((e) => e.signals!.request?.[3] === 'off-platform' && e.signals!.request[2] >= review)) {
    steps.push({ kind: 'conversation', delta: 0.1, note: 'a request is an off-platform finding of its own' });
  }
  if (after.length > 1) {
    steps.push({ kind: 'conversation', delta: round(Math.min(0.1, 0.05 * (after.length - 1))), note: `asked ${after.length} times after the refusal` });
  }
  return conversationFinding(turn, {
    ruleId: 'conversation/repeated-after-refusal',
    category: 'off-platform',
    severity: 'high',
    message: `Asks again to move off the platform after ${refusal.sender} refused (${refusal.id}): ${involved.map((e) => e.id).join(', ')}.`,
    matched: 'request … refusal … request',
    steps,
    messages: involved.map((e) => spanOf(e, e.signals!.request ?? e.signals!.pitch!)),
  });
}

/**
 * A sender's hostility rising over the window: a longer chain of kinds in rising order (insult,
 * then sexual remark, then threat) ending at this message raises the score; more hostile
 * messages beside the chain raise it a little further.
 */
function escalation(context: ConversationContext, mine: readonly Entry[], turn: Turn): ThreadFinding | undefined {
  const kinds = context.lexicon.hostility.map((name) => name.replace(/-/g, ' '));
  const events: { entry: Entry; kind: number }[] = [];
  for (const entry of mine) {
    const hostility = entry.signals?.hostility;
    if (!hostility) continue;
    for (const name of Object.keys(hostility)) {
      const kind = context.lexicon.hostility.indexOf(name);
      if (kind >= 0) events.push({ entry, kind });
    }
  }
  // The longest chain of rising kinds ending at each event: per kind, the best chain that ends in
  // it among earlier messages (a message's own events do not chain with each other).
  const length = events.map(() => 1);
  const previous = events.map(() => -1);
  const bestOfKind = kinds.map(() => -1);
  let from = 0;
  while (from < events.length) {
    let to = from;
    while (to < events.length && events[to]!.entry === events[from]!.entry) to++;
    for (let i = from; i < to; i++) {
      for (let kind = 0; kind < events[i]!.kind; kind++) {
        const j = bestOfKind[kind]!;
        if (j >= 0 && length[j]! + 1 > length[i]!) {
          length[i] = length[j]! + 1;
          previous[i] = j;
        }
      }
    }
    for (let i = from; i < to; i++) {
      const kind = events[i]!.kind;
      if (bestOfKind[kind]! < 0 || length[i]! > length[bestOfKind[kind]!]!) bestOfKind[kind] = i;
    }
    from = to;
  }
  let end = -1;
  for (let i = events.length - 1; i >= 0 && events[i]!.entry === turn.entry; i--) if (end < 0 || length[i]! > length[end]!) end = i;
  if (end < 0 || length[end]! < 2) return undefined;
  const chain: { entry: Entry; kind: number }[] = [];
  for (let i = end; i >= 0; i = previous[i]!) chain.unshift(events[i]!);
  const hostileEntries = [...new Set(events.map((e) => e.entry))];
  const extra = hostileEntries.filter((e) => !chain.some((c) => c.entry === e));
  const steps: ExplanationStep[] = [base('conversation/escalation', 0.6)];
  steps.push({ kind: 'conversation', delta: 0, note: `hostility rising: ${chain.map((c) => `${kinds[c.kind]} (${c.entry.id})`).join(' → ')}` });
  if (chain.length >= 3) steps.push({ kind: 'conversation', delta: 0.25, note: `${chain.length} kinds of hostility in rising order` });
  if (extra.length > 0) {
    steps.push({ kind: 'conversation', delta: round(Math.min(0.1, 0.05 * extra.length)), note: `hostile again in ${extra.map((e) => e.id).join(', ')}` });
  }
  const listed = hostileEntries.slice(-MAX_LISTED);
  return conversationFinding(turn, {
    ruleId: 'conversation/escalation',
    category: 'threat',
    severity: chain.length >= 3 ? 'critical' : 'high',
    message: `Hostility rising over the conversation: ${chain.map((c) => `${kinds[c.kind]} (${c.entry.id})`).join(', then ')}.`,
    matched: chain.map((c) => kinds[c.kind]).join(' → '),
    steps,
    messages: listed.map((e) => {
      const spans = Object.values(e.signals!.hostility!);
      return { id: e.id, start: Math.min(...spans.map((s) => s[0])), end: Math.max(...spans.map((s) => s[1])) };
    }),
  });
}

function base(ruleId: ConversationRuleId, score: number): ExplanationStep {
  return { kind: 'base', delta: score, note: `base score of ${ruleId}` };
}

function spanOf(entry: Entry, span: readonly [number, number, ...unknown[]]): MessageSpan {
  return { id: entry.id, start: span[0], end: span[1] };
}

interface Draft {
  readonly ruleId: ConversationRuleId;
  readonly category: string;
  readonly severity: Severity;
  readonly message: string;
  readonly matched: string;
  readonly steps: readonly ExplanationStep[];
  readonly messages: readonly MessageSpan[];
}

/** A finding of a conversation rule: its score is the sum of its steps, its top-level span the one in the message just added. */
function conversationFinding(turn: Turn, draft: Draft): ThreadFinding {
  const total = draft.steps.reduce((sum, step) => sum + step.delta, 0);
  const score = round(Math.min(0.99, Math.max(0, total)));
  const steps = score === round(total) ? draft.steps : [...draft.steps, { kind: 'cap', delta: round(score - total), note: 'scores stay within 0..0.99' }];
  const newest = draft.messages.find((m) => m.id === turn.message.id) ?? { id: turn.message.id, start: 0, end: 0 };
  const finding: Finding = {
    ruleId: draft.ruleId,
    ruleSet: 'conversation',
    category: draft.category,
    start: newest.start,
    end: newest.end,
    text: turn.message.text.slice(newest.start, newest.end),
    score,
    severity: draft.severity,
    message: draft.message,
    explanation: { matched: draft.matched, steps },
  };
  return threadFinding(finding, draft.messages, turn.message.id, turn.message.sender);
}
