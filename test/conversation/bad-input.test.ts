import { describe, expect, it } from 'vitest';
import { createModerator, STATE_VERSION, type ConversationMessage, type ConversationState } from '../../src/index.js';

const moderator = createModerator();
const START = Date.UTC(2026, 11, 1, 9, 0, 0);

describe('bad input to a conversation', () => {
  it('takes a message dated before the one before it at that time, in arrival order, with a notice', () => {
    const convo = moderator.conversation();
    convo.add({ id: 'm1', sender: 'a', text: 'hi', at: START + 60_000 });
    const update = convo.add({ id: 'm2', sender: 'b', text: 'you idiot', at: START });
    expect(update.notices.map((n) => n.code)).toEqual(['out_of_order']);
    expect(update.notices[0]!.message).toContain('m2');
    expect(update.thread.findings.map((f) => f.since)).toEqual(['m2']);
    expect(convo.toJSON().messages.map((m) => [m.id, m.at])).toEqual([
      ['m1', START + 60_000],
      ['m2', START + 60_000],
    ]);
  });

  it('keeps a message without a sender, but no rule that follows one sender counts it', () => {
    const convo = moderator.conversation();
    convo.add({ id: 'm1', sender: 'd', text: '138', at: START });
    const update = convo.add({ id: 'm2', text: '00138000', at: START + 1 } as unknown as ConversationMessage);
    expect(update.notices.map((n) => n.code)).toEqual(['missing_sender']);
    expect(update.thread.findings.filter((f) => f.ruleSet === 'conversation')).toEqual([]);
    const insult = convo.add({ id: 'm3', sender: '', text: 'you idiot', at: START + 2 });
    expect(insult.notices.map((n) => n.code)).toEqual(['missing_sender']);
    expect(insult.thread.findings[0]).not.toHaveProperty('sender');
    expect(convo.toJSON().messages[1]).toEqual({ id: 'm2', at: START + 1 });
  });

  it('reads a number id and sender as their decimal strings', () => {
    const convo = moderator.conversation();
    const update = convo.add({ id: 7, sender: 42, text: 'you idiot', at: START });
    expect(update.thread.findings[0]).toMatchObject({ since: '7', sender: '42' });
  });

  it('gives a message without a usable time the time of the message before it', () => {
    const convo = moderator.conversation();
    convo.add({ id: 'm1', sender: 'a', text: 'hi', at: START });
    for (const at of [undefined, Number.NaN, 'tomorrow', null]) {
      const update = convo.add({ id: `t-${String(at)}`, sender: 'a', text: 'ok', at } as unknown as ConversationMessage);
      expect(update.notices.map((n) => n.code)).toEqual(['missing_time']);
    }
    expect(new Set(convo.toJSON().messages.map((m) => m.at))).toEqual(new Set([START]));
    expect(convo.add({ id: 'd', sender: 'a', text: 'ok', at: new Date(START + 5) as unknown as number }).notices).toEqual([]);
  });

  it('takes a repeated id as a repeated delivery: the result is given, the thread and the state are unchanged', () => {
    const convo = moderator.conversation();
    convo.add({ id: 'm1', sender: 'a', text: 'you idiot', at: START });
    const before = JSON.stringify(convo);
    const thread = convo.thread();
    const update = convo.add({ id: 'm1', sender: 'a', text: "I'll kill you", at: START + 1 });
    expect(update.notices.map((n) => n.code)).toEqual(['repeated_id']);
    expect(update.result).toEqual(moderator.moderate("I'll kill you"));
    expect(update.thread).toEqual(thread);
    expect(JSON.stringify(convo)).toBe(before);
  });

  it.each([
    ['older', 0],
    ['newer', STATE_VERSION + 1],
  ])('starts again from a state of an %s version, keeping its window, with a notice on the next message', (_, version) => {
    const convo = moderator.conversation({ window: { messages: 7, minutes: 30 } });
    convo.add({ id: 'm1', sender: 'a', text: 'you idiot', at: START });
    const state = { ...(JSON.parse(JSON.stringify(convo)) as ConversationState), version };
    const again = moderator.conversation({ state });
    expect(again.window).toEqual({ messages: 7, minutes: 30 });
    expect(again.thread().findings).toEqual([]);
    const update = again.add({ id: 'm2', sender: 'b', text: 'hello', at: START + 1 });
    expect(update.notices.map((n) => n.code)).toEqual(['state_version']);
    expect(update.notices[0]!.message).toContain(`state version ${version}`);
    expect(again.add({ id: 'm3', sender: 'b', text: 'hello', at: START + 2 }).notices).toEqual([]);
    // A state of another version with no readable window starts with the default one.
    expect(moderator.conversation({ state: { version } as unknown as ConversationState }).window).toEqual({ messages: 50, minutes: 120 });
  });

  it.each([
    ['not an object', 'hello', /add\(\) expects a message object/],
    ['null', null, /add\(\) expects a message object/],
    ['text missing', { id: 'm1', sender: 'a', at: START }, /message.text as a string/],
    ['text a number', { id: 'm1', sender: 'a', text: 5, at: START }, /message.text as a string, got number 5/],
    ['id missing', { sender: 'a', text: 'hi', at: START }, /message.id as a non-empty string or a number, got undefined/],
    ['id empty', { id: '', sender: 'a', text: 'hi', at: START }, /message.id/],
  ])('refuses a message with %s as a TypeError, and the conversation goes on', (_, message, error) => {
    const convo = moderator.conversation();
    expect(() => convo.add(message as unknown as ConversationMessage)).toThrow(TypeError);
    expect(() => convo.add(message as unknown as ConversationMessage)).toThrow(error);
    expect(convo.add({ id: 'ok', sender: 'a', text: 'you idiot', at: START }).thread.findings).toHaveLength(1);
  });

  it('refuses options that are not an object', () => {
    expect(() => moderator.conversation(null as never)).toThrow(/conversation\(\) expects an options object/);
  });
});
