import { describe, expect, it } from 'vitest';
import {
  ConversationStateError,
  createModerator,
  STATE_VERSION,
  type ConversationMessage,
  type ConversationState,
  type ThreadFinding,
  type ThreadResult,
} from '../../src/index.js';

const moderator = createModerator();
const START = Date.UTC(2026, 11, 1, 9, 0, 0);

/** Messages a minute apart, alternating between a driver and a customer unless a sender is given. */
function messages(texts: readonly (string | [sender: string, text: string])[], from = 0): ConversationMessage[] {
  return texts.map((entry, i) => {
    const [sender, text] = typeof entry === 'string' ? [(from + i) % 2 === 0 ? 'driver-7' : 'customer-1', entry] : entry;
    return { id: `m${from + i + 1}`, sender, text, at: START + (from + i) * 60_000 };
  });
}

/** Every thread finding is well formed: its top-level span is its span in the newest message, its steps add up. */
function expectWellFormed(thread: ThreadResult, texts: ReadonlyMap<string, string>) {
  for (const finding of thread.findings) {
    expect(finding.messages.length).toBeGreaterThan(0);
    const newest = finding.messages[finding.messages.length - 1]!;
    expect(finding.since).toBe(newest.id);
    expect([finding.start, finding.end]).toEqual([newest.start, newest.end]);
    expect(finding.text).toBe(texts.get(newest.id)!.slice(finding.start, finding.end));
    for (const span of finding.messages) expect(span.end).toBeGreaterThan(span.start);
    const sum = finding.explanation.steps.reduce((total, step) => total + step.delta, 0);
    expect(Math.round(sum * 1e4) / 1e4).toBeCloseTo(finding.score, 3);
  }
}

describe('moderator.conversation()', () => {
  const chat = messages([
    'hi, I am outside the building',
    'ok coming down',
    'you stupid bitch, hurry up',
    'excuse me?',
    'I know where you live. I will go after your family',
  ]);

  it("gives each message's own result exactly as moderate() does", () => {
    const convo = moderator.conversation();
    for (const message of chat) expect(convo.add(message).result).toEqual(moderator.moderate(message.text));
  });

  it('gives a thread over the window whose findings say which messages they are about and since when', () => {
    const convo = moderator.conversation({ window: { messages: 50, minutes: 120 } });
    const texts = new Map(chat.map((m) => [String(m.id), m.text]));
    let thread: ThreadResult | undefined;
    for (const message of chat) {
      thread = convo.add(message).thread;
      expectWellFormed(thread, texts);
    }
    // The insult of m3 is still in the thread when m5 arrives, and m5 raised the escalation.
    expect(thread!.findings.some((f) => f.since === 'm3' && f.category === 'profanity')).toBe(true);
    const raised = thread!.findings.filter((f) => f.since === 'm5');
    expect(raised.map((f) => f.ruleId)).toContain('conversation/escalation');
    expect(thread!.categories.threat!.verdict).toBe('block');
    expect(thread!.verdict).toBe('block');
    for (const finding of thread!.findings) expect(finding.sender).toBe('driver-7');
  });

  it('is allow with no findings for a clean conversation', () => {
    const convo = moderator.conversation();
    let last;
    for (const message of messages(['on my way', 'great, see you soon', 'two minutes away', 'ok'])) last = convo.add(message);
    expect(last!.thread).toEqual({ verdict: 'allow', score: 0, categories: {}, findings: [] });
    expect(last!.notices).toEqual([]);
  });

  it('saves its state as plain JSON with a version, and carries on from it exactly', () => {
    const first = chat.slice(0, 3);
    const rest = messages(['sorry, where are you?', 'I know where you live. I will go after your family', 'blocked'], 3);
    const convo = moderator.conversation();
    for (const message of first) convo.add(message);
    const saved = JSON.stringify(convo);
    const state = JSON.parse(saved) as ConversationState;
    expect(state.version).toBe(STATE_VERSION);
    expect(state.window).toEqual({ messages: 50, minutes: 120 });
    expect(state.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    const again = moderator.conversation({ state });
    expect(again.thread()).toEqual(convo.thread());
    for (const message of rest) expect(again.add(message)).toEqual(convo.add(message));
    expect(JSON.stringify(again)).toBe(JSON.stringify(convo));
  });

  it('keeps only the newest messages of the window', () => {
    const convo = moderator.conversation({ window: { messages: 3, minutes: 120 } });
    const updates = messages(['you idiot', 'ok', 'fine', 'see you', 'bye']).map((m) => convo.add(m));
    expect(updates[2]!.thread.categories.profanity?.verdict).toBe('review');
    // m1 left the window with m4: its insult is no longer in the thread.
    expect(updates[3]!.thread.findings).toEqual([]);
    expect((convo.toJSON() as ConversationState).messages.map((m) => m.id)).toEqual(['m3', 'm4', 'm5']);
  });

  it('drops messages older than the window in minutes, measured from the newest message', () => {
    const convo = moderator.conversation({ window: { messages: 50, minutes: 10 } });
    convo.add({ id: 'a', sender: 'x', text: 'you idiot', at: START });
    expect(convo.add({ id: 'b', sender: 'y', text: 'hey', at: START + 9 * 60_000 }).thread.findings).toHaveLength(1);
    expect(convo.add({ id: 'c', sender: 'y', text: 'hey', at: START + 11 * 60_000 }).thread.findings).toHaveLength(0);
  });

  it.each([
    [{ messages: 0 }, /window.messages must be a whole number from 1 to 1000/],
    [{ messages: 2.5 }, /window.messages/],
    [{ messages: 5000 }, /window.messages/],
    [{ minutes: 0 }, /window.minutes must be a number above 0/],
    [{ minutes: Number.NaN }, /window.minutes/],
  ])('refuses the window %o with a RangeError', (window, message) => {
    expect(() => moderator.conversation({ window })).toThrow(RangeError);
    expect(() => moderator.conversation({ window })).toThrow(message);
  });

  it('lets a window given with a state replace the saved one', () => {
    const convo = moderator.conversation();
    for (const message of chat) convo.add(message);
    const smaller = moderator.conversation({ state: JSON.parse(JSON.stringify(convo)), window: { messages: 2 } });
    expect(smaller.window).toEqual({ messages: 2, minutes: 120 });
    expect(smaller.toJSON().messages.map((m) => m.id)).toEqual(['m4', 'm5']);
    // A finding stays while the message that raised it is in the window, with the spans it had.
    expect(smaller.thread().findings.map((f: ThreadFinding) => f.since)).toEqual(expect.arrayContaining(['m5']));
    expect(smaller.thread().findings.every((f: ThreadFinding) => f.since === 'm4' || f.since === 'm5')).toBe(true);
  });

  it('refuses a state that is not one, naming the path', () => {
    const convo = moderator.conversation();
    for (const message of chat) convo.add(message);
    const state = JSON.parse(JSON.stringify(convo)) as { messages: { at: unknown }[] };
    state.messages[1]!.at = 'yesterday';
    try {
      moderator.conversation({ state: state as unknown as ConversationState });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConversationStateError);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as ConversationStateError).code).toBe('invalid_state');
      expect((error as ConversationStateError).path).toEqual(['messages', 1, 'at']);
    }
    expect(() => moderator.conversation({ state: null as unknown as ConversationState })).toThrow(ConversationStateError);
    expect(() => moderator.conversation({ state: [] as unknown as ConversationState })).toThrow(/state must be an object/);
  });
});
