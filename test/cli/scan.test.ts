import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { processBatch } from '../../src/cli/scan/records.js';
import type { Moderator } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'chaperone-scan-'));

function sink() {
  let data = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      data += String(chunk);
      done();
    },
  });
  return { stream, text: () => data };
}

async function scan(args: string[], stdin = '') {
  const out = sink();
  const err = sink();
  const code = await main(['scan', '--workers', '0', ...args], {
    stdout: out.stream,
    stderr: err.stream,
    stdin: () => stdin,
    stdinStream: Readable.from([Buffer.from(stdin)]),
  });
  return { code, lines: out.text().split('\n').filter(Boolean).map((l) => JSON.parse(l)), stderr: err.text() };
}

const malformed = [
  '{"id": "a", "text": "hello there", "sender": "s1"}',
  '{"id": "b", "text": "you absolute moron", "sender": "s2"}',
  '{"id": "c", "text": ',
  '',
  '[1, 2]',
  '{"id": "d"}',
  '{"id": "e", "text": 42}',
  '{"id": "f", "text": "sh1t driver", "sender": "s2"}',
].join('\n');

describe('chaperone scan', () => {
  it('turns a message that makes moderation throw into an error record, and goes on', () => {
    const moderator = {
      moderate: (text: string) => {
        if (text === 'boom') throw new Error('detector exploded');
        return { verdict: 'allow', score: 0, categories: {}, findings: [] };
      },
    } as unknown as Moderator;
    const settings = { format: 'text', textField: 'text', idField: 'id', senderField: 'sender', rules: [], onlyRules: false, onlyFlagged: false } as const;
    const { output, counts } = processBatch(moderator, settings, [
      { line: 1, raw: 'hi' },
      { line: 2, raw: 'boom' },
      { line: 3, raw: 'bye' },
    ]);
    const lines = output.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(lines[1].error).toBe('line 2: moderation failed (detector exploded)');
    expect(counts).toMatchObject({ lines: 3, errors: 1 });
  });
  it('cuts batches at newline bytes, whatever the chunks: characters split across chunks, CR LF, no final newline', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: i, text: i % 3 === 0 ? `加微信 ${i} 傻逼` : `héllo ${i} 👋` }));
    const bytes = Buffer.from(rows.join('\r\n'));
    // Chunks of 7 bytes split most multi-byte characters and most lines.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const out = sink();
    const code = await main(['scan', '--workers', '0', '--format', 'jsonl', '-'], {
      stdout: out.stream,
      stderr: sink().stream,
      stdin: () => '',
      stdinStream: Readable.from(chunks),
    });
    expect(code).toBe(0);
    const lines = out.text().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(rows.map((_, i) => i));
    expect(lines.map((l) => l.line)).toEqual(rows.map((_, i) => i + 1));
    expect(lines[3].findings.map((f: { text: string }) => f.text)).toContain('傻逼');
    expect(out.text()).not.toContain('\uFFFD');
  });
  it('gives one output line per input line, with error records for malformed lines', async () => {
    const file = join(dir, 'malformed.jsonl');
    writeFileSync(file, `${malformed}\n`);
    const { code, lines, stderr } = await scan([file]);
    expect(code).toBe(1);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(lines[0]).toMatchObject({ id: 'a', verdict: 'allow' });
    expect(lines[1]).toMatchObject({ id: 'b', sender: 's2' });
    expect(lines[1].verdict).not.toBe('allow');
    expect(lines[2].error).toMatch(/^line 3: not valid JSON/);
    expect(lines[3].error).toBe('line 4: empty line');
    expect(lines[4].error).toBe('line 5: expected a JSON object, found an array');
    expect(lines[5].error).toBe('line 6: no "text" field');
    expect(lines[6].error).toBe('line 7: "text" is not a string (number)');
    expect(stderr).toContain('scanned 8 lines');
    expect(stderr).toContain('5 errors');
    expect(stderr).toMatch(/senders with the most flagged messages: s2 2/);
  });

  it('reads CSV with a header, gzip and plain text, and reports ragged CSV rows', async () => {
    const csv = join(dir, 'messages.csv.gz');
    writeFileSync(csv, gzipSync('id,author,body\n1,ann,"hi, see you soon"\n2,bob,what the fuck\n3,too,many,fields\n'));
    const { code, lines } = await scan([csv, '--text-field', 'body', '--sender-field', 'author']);
    expect(code).toBe(1);
    expect(lines.map((l) => l.line)).toEqual([2, 3, 4]);
    expect(lines[1]).toMatchObject({ id: '2', sender: 'bob', verdict: 'review' });
    expect(lines[2].error).toBe('line 4: CSV row has 4 fields, the header has 3');
    const text = await scan(['-', '--format', 'text'], 'fine\nf.u.c.k off\n');
    expect(text.lines.map((l) => l.verdict)).toEqual(['allow', 'review']);
    expect(text.code).toBe(0);
  });

  it('writes only flagged messages and a JSON summary when asked', async () => {
    const file = join(dir, 'flagged.jsonl');
    writeFileSync(file, `${malformed}\n`);
    const summary = join(dir, 'summary.json');
    const { lines } = await scan([file, '--only-flagged', '--summary', summary]);
    expect(lines.every((l) => l.error || l.verdict !== 'allow')).toBe(true);
    const written = JSON.parse(readFileSync(summary, 'utf8'));
    expect(written).toMatchObject({ lines: 8, errors: 5, topSenders: [{ sender: 's2', flagged: 2 }] });
  });

  it.each([
    [['missing.jsonl'], /cannot read missing\.jsonl: no such file/],
    [['x.jsonl', '--workers', 'two'], /--workers must be a whole number/],
    [['x.jsonl', '--format', 'xml'], /--format must be jsonl, csv or text/],
    [[], /exactly one input/],
  ])('%j is a usage error', async (args, message) => {
    const { code, stderr } = await scan(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  // Worker threads need the built worker script; CI builds before testing.
  it.runIf(existsSync('dist/scan-worker.js'))('keeps input order with several worker threads', () => {
    const file = join(dir, 'many.jsonl');
    const rows = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `m${i}`, text: i % 7 === 0 ? `shit ${i}` : `hello ${i}` }));
    writeFileSync(file, `${rows.join('\n')}\n`);
    const one = execFileSync('node', ['bin/chaperone.js', 'scan', file, '--workers', '1'], { encoding: 'utf8' });
    const three = execFileSync('node', ['bin/chaperone.js', 'scan', file, '--workers', '3'], { encoding: 'utf8' });
    expect(three).toBe(one);
    expect(three.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(rows.map((_, i) => `m${i}`));
    const usage = spawnSync('node', ['bin/chaperone.js', 'scan', file, '--bogus'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
