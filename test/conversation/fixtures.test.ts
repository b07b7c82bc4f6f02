// The conversations of fixtures/conversations.jsonl, written for the tests: the case this project
// started from in English and Chinese, split contact details, quotes and refusals of victims, and
// clean conversations with numbers, refusals and quantities in them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModerator } from '../../src/index.js';

interface Row {
  readonly conversation: string;
  readonly id: string;
  readonly sender: string;
  readonly at: string;
  readonly text: string;
}

const rows = readFileSync('fixtures/conversations.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Row);
const conversations = new Map<string, Row[]>();
for (const row of rows) conversations.set(row.conversation, [...(conversations.get(row.conversation) ?? []), row]);

/** What each conversation must come to: whether its thread is ever flagged, which conversation rules fire, whose offence it is. */
const EXPECTED: Record<string, { flagged: boolean; rules: string[]; senders: string[] }> = {
  'seed-en': { flagged: true, rules: ['conversation/cancel-and-continue', 'conversation/escalation', 'conversation/repeated-after-refusal'], senders: ['driver-7'] },
  'seed-zh': { flagged: true, rules: ['conversation/cancel-and-continue', 'conversation/escalation', 'conversation/repeated-after-refusal'], senders: ['司机-7'] },
  'split-phone-en': { flagged: true, rules: ['conversation/split-contact'], senders: ['courier-3'] },
  'split-phone-zh': { flagged: true, rules: ['conversation/split-contact'], senders: ['司机-2'] },
  'split-spelled-en': { flagged: true, rules: ['conversation/split-contact'], senders: ['seller-6'] },
  'split-email': { flagged: true, rules: ['conversation/split-contact'], senders: ['seller-2'] },
  'cancel-then-contact-en': { flagged: true, rules: ['conversation/cancel-and-continue'], senders: ['driver-4'] },
  'quote-victim-en': { flagged: true, rules: [], senders: ['driver-9'] },
  'quote-victim-zh': { flagged: true, rules: [], senders: ['司机-5'] },
  'refusal-victim-en': { flagged: true, rules: [], senders: ['driver-1'] },
  'escalation-two-kinds-en': { flagged: true, rules: ['conversation/escalation'], senders: ['rider-2'] },
  // A number given to the driver is personal data wherever it is said (a policy choice, see
  // docs/contract.md): the thread is flagged by the message's own findings, and by nothing else.
  'clean-number-in-app': { flagged: true, rules: [], senders: ['customer-7'] },
  'clean-delivery-en': { flagged: false, rules: [], senders: [] },
  'clean-zh': { flagged: false, rules: [], senders: [] },
  'clean-interleaved-digits': { flagged: false, rules: [], senders: [] },
  'clean-no-worries-en': { flagged: false, rules: [], senders: [] },
};

describe('fixtures/conversations.jsonl', () => {
  const moderator = createModerator();

  it('holds every conversation the tests expect, and no other', () => {
    expect([...conversations.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each([...conversations.keys()])('%s', (name) => {
    const convo = moderator.conversation();
    let flagged = false;
    const rules = new Set<string>();
    const senders = new Set<string>();
    for (const row of conversations.get(name)!) {
      const update = convo.add({ id: row.id, sender: row.sender, text: row.text, at: Date.parse(row.at) });
      expect(update.notices).toEqual([]);
      flagged ||= update.thread.verdict !== 'allow';
      for (const finding of update.thread.findings) {
        if (finding.since !== row.id) continue;
        if (finding.ruleSet === 'conversation') rules.add(finding.ruleId);
        if (finding.score >= moderator.thresholdsFor(finding.category).review) senders.add(finding.sender!);
      }
    }
    expect({ flagged, rules: [...rules].sort(), senders: [...senders].sort() }).toEqual(EXPECTED[name]);
  });
});
