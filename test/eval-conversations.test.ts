// scripts/eval-conversations.mjs on fixtures/conversations.jsonl converted to the set format (one
// conversation a line, labelled here per ../shared/eval/LABELLING.md), run as a user runs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Row {
  readonly conversation: string;
  readonly id: string;
  readonly sender: string;
  readonly at: string;
  readonly text: string;
}

/** Labels, thread_only and kind of each fixture conversation. */
const LABELS: Record<string, { lang: string; labels: string[]; threadOnly: boolean; kind: string }> = {
  'seed-en': { lang: 'en', labels: ['off-platform', 'profanity', 'threat'], threadOnly: false, kind: 'seed' },
  'seed-zh': { lang: 'zh', labels: ['off-platform', 'profanity', 'threat'], threadOnly: false, kind: 'seed' },
  'split-phone-en': { lang: 'en', labels: ['off-platform', 'pii'], threadOnly: true, kind: 'split-contact' },
  'split-phone-zh': { lang: 'zh', labels: ['off-platform', 'pii'], threadOnly: true, kind: 'split-contact' },
  'split-spelled-en': { lang: 'en', labels: ['off-platform', 'pii'], threadOnly: false, kind: 'split-contact' },
  'split-email': { lang: 'en', labels: ['pii'], threadOnly: true, kind: 'split-contact' },
  'cancel-then-contact-en': { lang: 'en', labels: ['off-platform'], threadOnly: true, kind: 'cancel-and-continue' },
  'quote-victim-en': { lang: 'en', labels: ['threat'], threadOnly: false, kind: 'quoted-back' },
  'quote-victim-zh': { lang: 'zh', labels: ['threat'], threadOnly: false, kind: 'quoted-back' },
  'refusal-victim-en': { lang: 'en', labels: ['off-platform'], threadOnly: false, kind: 'refused' },
  'escalation-two-kinds-en': { lang: 'en', labels: ['profanity', 'threat'], threadOnly: false, kind: 'rising-hostility' },
  // The number is given inside the app's flow: clean by the fixture's intent, flagged as personal
  // data by the default policy (a policy choice): the one false alarm.
  'clean-number-in-app': { lang: 'en', labels: [], threadOnly: false, kind: 'numbers' },
  'clean-delivery-en': { lang: 'en', labels: [], threadOnly: false, kind: 'numbers' },
  'clean-zh': { lang: 'zh', labels: [], threadOnly: false, kind: 'numbers' },
  'clean-interleaved-digits': { lang: 'en', labels: [], threadOnly: false, kind: 'numbers' },
  'clean-no-worries-en': { lang: 'en', labels: [], threadOnly: false, kind: 'refusals-support' },
};

const rows = readFileSync('fixtures/conversations.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Row);
const byConversation = new Map<string, Row[]>();
for (const row of rows) byConversation.set(row.conversation, [...(byConversation.get(row.conversation) ?? []), row]);
const set = [...byConversation].map(([name, messages]) => ({
  id: name,
  lang: LABELS[name]!.lang,
  messages: messages.map((m, i) => ({ id: `m${i + 1}`, sender: m.sender, text: m.text, at: Date.parse(m.at) })),
  labels: LABELS[name]!.labels,
  thread_only: LABELS[name]!.threadOnly,
  kind: LABELS[name]!.kind,
  note: 'converted from fixtures/conversations.jsonl',
}));

const dir = mkdtempSync(join(tmpdir(), 'eval-conversations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(existsSync('dist/index.js'))('scripts/eval-conversations.mjs', () => {
  it('labels every fixture conversation', () => {
    expect([...byConversation.keys()].sort()).toEqual(Object.keys(LABELS).sort());
  });

  it('scores the fixture conversations, prints aggregates only and writes the misses and false alarms', () => {
    const file = join(dir, 'set.jsonl');
    const misses = join(dir, 'misses.json');
    writeFileSync(file, set.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const stdout = execFileSync('node', ['scripts/eval-conversations.mjs', '--file', file, '--misses', misses], { encoding: 'utf8' });
    expect(stdout).toMatch(/^16 conversations \(11 positive, 5 clean\), 70 messages/);
    expect(stdout).toMatch(/ {2}overall +P 0\.917 {2}R 1\.000 {2}F1 0\.957 {3}\(tp 11, fp 1, fn 0, tn 4; 11\/16 positive\)/);
    expect(stdout).toMatch(/ {2}lang zh +P 1\.000 {2}R 1\.000/);
    expect(stdout).toMatch(/ {2}kind split-contact +R 1\.000 {3}\(4\/4\)/);
    expect(stdout).toMatch(/ {2}thread_only +R 1\.000 {3}\(4\/4\)/);
    expect(stdout).toMatch(/ {2}kind numbers +1\/4/);
    expect(stdout).toMatch(/ {2}kind refusals-support +0\/1/);
    for (const category of ['profanity', 'threat', 'off-platform', 'pii']) expect(stdout).toMatch(new RegExp(`\\n {2}${category} +P `));
    // No message text (nor any id) reaches stdout: the set may be blind.
    for (const row of rows) expect(stdout).not.toContain(row.text.slice(0, 12));
    expect(stdout).not.toContain('clean-number-in-app');
    const written = JSON.parse(readFileSync(misses, 'utf8'));
    expect(written.misses).toEqual([]);
    expect(written.falseAlarms).toEqual(['clean-number-in-app']);
    expect(written.categoryFalseAlarms.pii).toContain('clean-number-in-app');
  });

  it('gives the same scores as JSON, and counts a conversation flagged for a category only when its thread was', () => {
    const file = join(dir, 'set.jsonl');
    writeFileSync(file, set.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const report = JSON.parse(execFileSync('node', ['scripts/eval-conversations.mjs', '--file', file, '--json'], { encoding: 'utf8' }));
    expect(report.overall).toMatchObject({ tp: 11, fp: 1, fn: 0, tn: 4 });
    expect(report.byLang.en.n + report.byLang.zh.n).toBe(16);
    // Every labelled category is counted once per conversation that carries it.
    for (const category of ['profanity', 'threat', 'off-platform', 'pii']) {
      const carrying = set.filter((c) => c.labels.includes(category)).length;
      expect(report.byCategory[category].positives).toBe(carrying);
      expect(report.byCategory[category].tp + report.byCategory[category].fn).toBe(carrying);
    }
  });

  it('names unreadable lines by number only, leaves them out and exits 1', () => {
    const file = join(dir, 'broken.jsonl');
    const secret = 'my secret text';
    writeFileSync(file, [JSON.stringify(set[0]), `{"id": "x", "messages": [{"id": "m1", "text": "${secret}"`, JSON.stringify({ id: 'y', labels: [] }), ''].join('\n'));
    const run = spawnSync('node', ['scripts/eval-conversations.mjs', '--file', file], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('line 2: not valid JSON');
    expect(run.stderr).toContain('line 3: "messages" is not a non-empty array');
    expect(run.stderr + run.stdout).not.toContain(secret);
    expect(run.stdout).toMatch(/^1 conversations \(1 positive, 0 clean\), 10 messages, [\d.]+ ms per message; 2 lines unreadable and left out/);
  });

  it('is a usage error without --file', () => {
    const run = spawnSync('node', ['scripts/eval-conversations.mjs'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--file PATH is required/);
  });
});
