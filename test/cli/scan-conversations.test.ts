import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus.mjs';
import { readTime, shareOf } from '../../src/cli/scan/conversations.js';
import { scanInProcess } from './scan-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'chaperone-scan-conversations-'));
const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const FLAGS = ['--conversation-field', 'conversation', '--time-field', 'at'];

type Record = {
  line: number;
  id?: string;
  error?: string;
  conversation?: string;
  verdict?: string;
  thread?: { verdict: string; findings: { ruleId: string; since: string; sender?: string; messages: { id: string }[] }[] };
  notices?: { code: string }[];
};

/** An archive of interleaved conversations: corpus messages, split numbers, an escalation, lines without a conversation, bad lines. */
function archive(count: number): string[] {
  const corpus = generateCorpus(count, { seed: 5 }) as { text: string }[];
  const rows: string[] = [];
  corpus.forEach((message, i) => {
    const conversation = `c${i % 37}`;
    const sender = i % 3 === 0 ? `driver-${i % 37}` : `customer-${i % 37}`;
    const at = new Date(START + i * 15_000).toISOString();
    if (i % 101 === 0) rows.push(JSON.stringify({ id: `x${i}`, text: message.text, sender }));
    else if (i % 211 === 0) rows.push('{"id": "broken", "text": ');
    else if (i % 97 === 0) rows.push(JSON.stringify({ conversation, id: `m${i}`, text: message.text, at }));
    else rows.push(JSON.stringify({ conversation, id: `m${i}`, sender, text: message.text, at }));
  });
  // A number split across one driver's messages, with other conversations' lines between.
  for (const [k, piece] of ['call me on 138', '0013', '8000'].entries()) {
    rows.splice(40 + k * 5, 0, JSON.stringify({ conversation: 'split', id: `s${k}`, sender: 'driver-x', text: piece, at: new Date(START + 600_000 + k * 15_000).toISOString() }));
  }
  return rows;
}

describe('chaperone scan --conversation-field', () => {
  it('writes one record per input line, in input order, with the thread of each conversation line', async () => {
    const rows = archive(400);
    const { code, lines } = await scanInProcess([...FLAGS, '-'], { stdin: `${rows.join('\n')}\n` });
    expect(code).toBe(1);
    expect(lines.map((l) => l.line)).toEqual(rows.map((_, i) => i + 1));
    const records = lines as Record[];
    const split = records.filter((r) => r.conversation === 'split');
    expect(split).toHaveLength(3);
    expect(split[2]!.thread!.findings.map((f) => f.ruleId)).toEqual(['conversation/split-contact']);
    expect(split[2]!.thread!.findings[0]!.messages.map((m) => m.id)).toEqual(['s0', 's1', 's2']);
    // A line without the field is moderated alone, as without --conversation-field.
    const alone = records.find((r) => r.id === 'x101')!;
    expect(alone).not.toHaveProperty('conversation');
    expect(alone).not.toHaveProperty('thread');
    // A bad line is an error record; a line without a sender is moderated, with a notice.
    expect(records.filter((r) => r.error).length).toBeGreaterThan(0);
    expect(records.find((r) => r.id === 'm97')!.notices!.map((n) => n.code)).toEqual(['missing_sender']);
  });

  it('moderates the fixture conversations as the library does, message by message', async () => {
    const { lines } = await scanInProcess([...FLAGS, 'fixtures/conversations.jsonl']);
    const seed = (lines as Record[]).filter((r) => r.conversation === 'seed-en');
    expect(seed.at(-1)!.thread!.verdict).toBe('block');
    expect(seed.flatMap((r) => r.thread!.findings.map((f) => f.ruleId)).sort()).toEqual([
      'conversation/cancel-and-continue',
      'conversation/escalation',
      'conversation/escalation',
      'conversation/repeated-after-refusal',
    ]);
  });

  it('adds the conversations flagged and the senders behind them to the summary', async () => {
    const summaryFile = join(dir, 'summary.json');
    const { stderr } = await scanInProcess([...FLAGS, '--summary', summaryFile, 'fixtures/conversations.jsonl']);
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    expect(summary.conversations.total).toBe(16);
    expect(summary.conversations.flagged).toBe(12);
    expect(summary.conversations.senders).toContainEqual({ sender: 'driver-7', conversations: 1 });
    expect(summary.conversations.senders.map((s: { sender: string }) => s.sender)).not.toContain('customer-1');
    expect(stderr).toMatch(/conversations: 16, flagged 12; senders behind them: /);
  });

  it('closes a conversation idle past the window against the archive\'s clock: it starts again', async () => {
    const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();
    const rows = [
      { conversation: 'a', id: 'a1', sender: 'd', text: '138', at: at(0) },
      { conversation: 'b', id: 'b1', sender: 'e', text: 'hello', at: at(200) },
      { conversation: 'a', id: 'a1', sender: 'd', text: '00138000', at: at(201) },
    ].map((r) => JSON.stringify(r));
    const { lines } = await scanInProcess([...FLAGS, '-'], { stdin: `${rows.join('\n')}\n` });
    const last = lines[2] as Record;
    // Not a repeated id, and no split number: conversation a started again.
    expect(last.notices).toBeUndefined();
    expect(last.thread!.findings).toEqual([]);
  });

  it('counts a window of messages without a time field', async () => {
    const rows = ['138', '0013', '8000'].map((text, i) => JSON.stringify({ conversation: 'c', id: `m${i}`, sender: 'd', text }));
    const { lines } = await scanInProcess(['--conversation-field', 'conversation', '-'], { stdin: `${rows.join('\n')}\n` });
    expect((lines[2] as Record).thread!.findings.map((f) => f.ruleId)).toEqual(['conversation/split-contact']);
    expect((lines[2] as Record).notices).toBeUndefined();
  });

  it('writes a flagged thread finding with --only-flagged even when the message alone is allowed', async () => {
    const rows = ['call me on 138', 'ok', '0013', '8000'].map((text, i) => JSON.stringify({ conversation: 'c', id: `m${i}`, sender: i === 1 ? 'x' : 'd', text }));
    const { lines } = await scanInProcess(['--conversation-field', 'conversation', '--only-flagged', '-'], { stdin: `${rows.join('\n')}\n` });
    expect(lines.map((l) => l.line)).toEqual([4]);
  });

  it.each([
    [['--format', 'text', '--conversation-field', 'c'], /--conversation-field needs records with fields/],
    [['--time-field', 'at'], /--time-field is the time of messages in conversations/],
  ])('refuses %j as a usage error', async (args, message) => {
    const { code, stderr } = await scanInProcess([...args, '-'], { stdin: 'hello\n' });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  // Worker threads need the built worker script; CI builds before testing.
  it.runIf(existsSync('dist/scan-worker.js'))('gives identical output with 1 and 2 workers, conversations spread over the workers', () => {
    const file = join(dir, 'archive.jsonl');
    const rows = archive(1200);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const run = (workers: string) => {
      const result = spawnSync('node', ['bin/chaperone.js', 'scan', file, ...FLAGS, '--workers', workers, '--summary', join(dir, `s${workers}.json`)], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      return { stdout: result.stdout, summary: JSON.parse(readFileSync(join(dir, `s${workers}.json`), 'utf8')) };
    };
    const one = run('1');
    const two = run('2');
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.trim().split('\n')).toHaveLength(rows.length);
    const strip = (s: { seconds: unknown; messagesPerSecond: unknown; workers: unknown }) => ({ ...s, seconds: 0, messagesPerSecond: 0, workers: 0 });
    expect(strip(two.summary)).toEqual(strip(one.summary));
    expect(one.summary.conversations.total).toBeGreaterThanOrEqual(38);
    // Both workers had conversations to read.
    expect(new Set(Array.from({ length: 37 }, (_, i) => shareOf(`c${i}`, 2)))).toEqual(new Set([0, 1]));
    expect(spawnSync('node', ['bin/chaperone.js', 'scan', file, ...FLAGS, '--workers', '0'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout).toBe(one.stdout);
  }, 120_000);
});

describe('readTime', () => {
  it.each([
    [1_700_000_000_000, 1_700_000_000_000],
    [1_700_000_000, 1_700_000_000_000],
    ['1700000000', 1_700_000_000_000],
    ['2026-03-02T09:00:00Z', Date.UTC(2026, 2, 2, 9, 0, 0)],
    ['yesterday', undefined],
    [Number.NaN, undefined],
    [null, undefined],
  ])('reads %j as %j', (value, ms) => {
    expect(readTime(value)).toBe(ms);
  });
});
