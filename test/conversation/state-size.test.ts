import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus.mjs';
import { createModerator, type ConversationState } from '../../src/index.js';

const moderator = createModerator();
const START = Date.UTC(2026, 11, 1, 9, 0, 0);
const LIMIT = 16 * 1024;

// Chat-length messages at the 200-character limit that give the state the most to keep: the
// offender's flagged with several findings, Chinese (three bytes a character in UTF-8) beside English,
// digits at the ends for split contact details, requests, refusals and hostility for the signals. The
// victim's (the third: refusals, a quoted threat, an insult reported) is clean alone.
const HOSTILE = [
  'Cancel the order and add me on WeChat, private deal, cheaper for you. You stupid bitch, I know where you live and where you work, I will go after your family. My number 138',
  '你把订单取消吧，加我微信，私下交易。你这个贱人，美女身材真好，晚上陪我喝一杯。我知道你家和你公司在哪，我会去找你家人算账。你给我等着，小心点。我电话一三八零零一三',
  "No thanks, I'll use the app. You said \"I know where you live\"?? I'm reporting you. Stop calling me a bitch. 不用了，我就用平台，别再问了。",
  'send me pics babe, you have a nice body. give me 5 stars or else. add me on whatsapp +44 7700 900123 or telegram @mover_uk, pay me cash directly, skip the app fees. jay.lee',
];

function fill(text: string, i: number): string {
  const padded = `${text} ${i} `.repeat(3);
  return [...padded].slice(0, 200).join('');
}

function bytes(state: ConversationState): number {
  return Buffer.byteLength(JSON.stringify(state), 'utf8');
}

describe('conversation state size', () => {
  it(`stays under 16 KB for a 50-message window of 200-character messages, the most hostile included`, () => {
    const convo = moderator.conversation({ window: { messages: 50, minutes: 120 } });
    let largest = 0;
    for (let i = 0; i < 200; i++) {
      const text = fill(HOSTILE[i % HOSTILE.length]!, i);
      expect([...text].length).toBeLessThanOrEqual(200);
      const update = convo.add({ id: `msg-${String(i).padStart(6, '0')}`, sender: i % 2 === 0 ? 'driver-4471' : 'customer-2093', text, at: START + i * 20_000 });
      if (i % HOSTILE.length === 2) expect(update.result.verdict).toBe('allow');
      else expect(update.result.verdict).not.toBe('allow');
      largest = Math.max(largest, bytes(convo.toJSON()));
    }
    expect(convo.toJSON().messages).toHaveLength(50);
    expect(largest).toBeLessThan(LIMIT);
    // What the budget keeps is the strongest: the thread still blocks.
    expect(convo.thread().verdict).toBe('block');
    expect(convo.thread().findings.length).toBeGreaterThan(0);
  });

  it('stays under 16 KB for a 50-message window of ordinary chat', () => {
    const convo = moderator.conversation();
    const texts = (generateCorpus(400, { seed: 3 }) as { text: string }[]).map((m) => [...m.text].slice(0, 200).join(''));
    let largest = 0;
    texts.forEach((text, i) => {
      convo.add({ id: `m-${i}`, sender: `sender-${i % 3}`, text, at: START + i * 10_000 });
      largest = Math.max(largest, bytes(convo.toJSON()));
    });
    expect(largest).toBeLessThan(LIMIT);
  });
});
