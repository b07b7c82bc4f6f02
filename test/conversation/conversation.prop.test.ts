import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createModerator, type ConversationMessage, type ConversationState } from '../../src/index.js';

const moderator = createModerator();
const START = Date.UTC(2026, 11, 1, 9, 0, 0);

// Pieces that set the rules to work: digits in every form, contact words, refusals, hostility, quotes.
const PIECES = [
  '138', '0013', '8000', '一三八', '零零一三', '八零零零', 'one three eight', '@gmail.com', 'jay.lee', 'my wechat is', 'lao_88',
  'cancel the order', '取消订单', 'add me, same name', '加我微信', 'no thanks', '不用了', 'no problem', 'you said',
  'you stupid bitch', '你这个贱人', 'nice body', '美女身材真好', 'I know where you live', '我知道你住哪', 'I will go after your family',
  'ok', 'on my way', '😀', '', ' ', 'ａｂｃ', '\u200b', '𝟏𝟑𝟖',
];

const message = fc.record({
  id: fc.oneof(fc.constantFrom('m1', 'm2', 'm3'), fc.integer({ min: 0, max: 40 }), fc.uuid()),
  sender: fc.oneof(fc.constantFrom('driver', 'customer', '司机'), fc.constant(undefined), fc.constant(''), fc.integer({ min: 0, max: 3 })),
  text: fc.oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((parts) => parts.join(' ')),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  ),
  at: fc.oneof(fc.integer({ min: -5, max: 200 }).map((minutes) => START + minutes * 60_000), fc.constant(undefined), fc.constant(Number.NaN)),
});

describe('a conversation of any messages', () => {
  it('never throws, keeps every thread finding well formed, and carries on exactly from its saved state', () => {
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 25 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 25 }),
        (messages, count, minutes, cut) => {
          const window = { messages: count, minutes };
          const convo = moderator.conversation({ window });
          let restored = moderator.conversation({ window });
          const texts = new Map<string, string>();
          messages.forEach((m, i) => {
            if (i === cut) restored = moderator.conversation({ state: JSON.parse(JSON.stringify(convo)) as ConversationState });
            const update = convo.add(m as ConversationMessage);
            const again = restored.add(m as ConversationMessage);
            if (i >= cut) expect(again).toEqual(update);
            if (!update.notices.some((n) => n.code === 'repeated_id')) texts.set(String(m.id), m.text);
            expect(update.result).toEqual(moderator.moderate(m.text));
            for (const finding of update.thread.findings) {
              const newest = finding.messages.at(-1)!;
              expect(finding.since).toBe(newest.id);
              expect(finding.text).toBe(texts.get(newest.id)!.slice(finding.start, finding.end));
              const sum = finding.explanation.steps.reduce((total, step) => total + step.delta, 0);
              expect(Math.abs(sum - finding.score)).toBeLessThan(1e-3);
              expect(finding.score).toBeGreaterThanOrEqual(0);
              expect(finding.score).toBeLessThanOrEqual(1);
            }
          });
          const state = convo.toJSON();
          expect(state.messages.length).toBeLessThanOrEqual(count);
          expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        },
      ),
      { numRuns: 150 },
    );
  });
});
