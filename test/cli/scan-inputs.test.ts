import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanInProcess } from './scan-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'chaperone-scan-inputs-'));

const jsonl = (n: number, text = (i: number) => `hello ${i}`) =>
  Array.from({ length: n }, (_, i) => `${JSON.stringify({ id: `m${i + 1}`, text: text(i + 1) })}\n`).join('');

/** How many whole lines zlib can recover from a cut gzip stream. */
function completeLinesIn(cut: Buffer): number {
  const partial = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  return partial.split('\n').length - 1;
}

describe('scan: truncated and compressed input', () => {
  it.each([
    ['a large archive, cut in its middle', 20000, 0.5],
    ['a small archive, cut inside the first block', 300, 0.7],
  ])('%s: every complete line, then "input truncated after line N", exit 1', async (_name, count, keep) => {
    const gz = gzipSync(jsonl(count));
    const cut = gz.subarray(0, Math.floor(gz.length * keep));
    const file = join(dir, `cut-${count}.jsonl.gz`);
    writeFileSync(file, cut);
    const n = completeLinesIn(cut);
    expect(n).toBeGreaterThan(0);
    const { code, lines, stderr } = await scanInProcess([file]);
    expect(code).toBe(1);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: n + 1 }, (_, i) => i + 1));
    expect(lines.slice(0, n).every((l, i) => l.id === `m${i + 1}` && l.verdict === 'allow')).toBe(true);
    expect(lines[n]!.error).toBe(`input truncated after line ${n} (unexpected end of file)`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a truncated CSV.gz keeps its complete rows too', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i + 1},"hello, ${i + 1}"\n`).join('');
    const gz = gzipSync(`id,text\n${rows}`);
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    const file = join(dir, 'cut.csv.gz');
    writeFileSync(file, cut);
    const n = completeLinesIn(cut);
    const { code, lines } = await scanInProcess([file]);
    expect(code).toBe(1);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: n }, (_, i) => i + 2));
    expect(lines.at(-1)!.error).toBe(`input truncated after line ${n} (unexpected end of file)`);
  });

  it.each([
    ['in one chunk', (gz: Buffer) => [gz]],
    ['one byte at a time at first', (gz: Buffer) => [gz.subarray(0, 1), gz.subarray(1, 2), gz.subarray(2)]],
  ])('gzip on stdin is un-gzipped and its format detected from the content (%s)', async (_name, chunk) => {
    const gz = gzipSync(jsonl(3, (i) => (i === 2 ? 'sh1t driver' : 'hello')));
    const { code, lines } = await scanInProcess(['-'], { stdin: chunk(gz) });
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['m1', 'm2', 'm3']);
    expect(lines[1]!.verdict).toBe('review');
  });
});

describe('scan: binary input', () => {
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), Buffer.from('\nsome text\n')]);
  it.each([
    ['NUL bytes', 'binary.dat', elf, /binary\.dat is not UTF-8 text \(a NUL byte at byte 7\)/],
    ['NUL bytes after gunzip', 'binary.gz', gzipSync(elf), /binary\.gz is not UTF-8 text \(a NUL byte at byte 7 after gunzip\)/],
    ['invalid UTF-8 (Latin-1)', 'latin1.txt', Buffer.from('caf\xe9 ol\xe9\n', 'latin1'), /latin1\.txt is not UTF-8 text \(invalid UTF-8/],
    ['a zip archive', 'export.zip', Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), /it looks like a zip archive/],
    ['UTF-16', 'utf16.txt', Buffer.from('\ufeffhello\n', 'utf16le'), /UTF-16 text \(convert it to UTF-8\)/],
  ])('%s: refused as a usage error before any output', async (_name, name, bytes, message) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const { code, stdout, stderr } = await scanInProcess([file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('a few control characters in text still scan, and a character cut at the end of the first block is not invalid', async () => {
    const { code, lines } = await scanInProcess(['-', '--format', 'text'], { stdin: 'bell\x07 and escape\x1b[0m\ndel\x7f here\n' });
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    // The first block is the first 64 KiB chunk, and it ends inside a 3-byte character.
    const bytes = Buffer.from(`${'a'.repeat(64 * 1024 - 1)}中\n`);
    const cut = await scanInProcess(['-', '--format', 'text'], { stdin: [bytes.subarray(0, 64 * 1024), bytes.subarray(64 * 1024)] });
    expect(cut.code).toBe(0);
    expect(cut.lines).toHaveLength(1);
  });
});

describe('scan: CSV parse errors and trailing blank lines', () => {
  it.each([
    ['a bad quote in the middle', 'id,text\n1,"x"\n2,"y" z\n3,ok\n', [2, 3], 'line 3: CSV could not be parsed from here on (Invalid Closing Quote'],
    ['a quote that never closes', 'id,text\n1,hi\n2,there\n3,"open\n4,x\n', [2, 3, 4], 'line 4: CSV could not be parsed from here on (Quote Not Closed'],
    ['a bad quote in the header', 'id,"text"x\n1,hi\n', [1], 'line 1: CSV could not be parsed from here on (Invalid Closing Quote'],
  ])('%s: every row before it, an error on the row where it starts, exit 1', async (_name, csv, lineNumbers, error) => {
    const { code, lines } = await scanInProcess(['-', '--format', 'csv'], { stdin: csv });
    expect(code).toBe(1);
    expect(lines.map((l) => l.line)).toEqual(lineNumbers);
    expect(lines.at(-1)!.error).toContain(error);
    expect(lines.slice(0, -1).every((l) => l.verdict === 'allow')).toBe(true);
  });

  it.each([
    ['JSONL', ['-', '--format', 'jsonl'], `${jsonl(2)}\n\n`],
    ['JSONL with blank lines of spaces, tabs and CR LF', ['-', '--format', 'jsonl'], `${jsonl(2)}  \r\n\t\n \n   `],
    ['text', ['-', '--format', 'text'], 'hello\nthere\n\n\n'],
    ['CSV', ['-', '--format', 'csv'], 'id,text\n1,hello\n2,there\n\n\n'],
  ])('trailing blank lines of %s are nothing: no record, exit 0', async (_name, args, input) => {
    const { code, lines } = await scanInProcess(args, { stdin: input });
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.error === undefined)).toBe(true);
  });

  it('blank lines before more content are still lines, across batches and in any chunking', async () => {
    // 3000 lines, 5000 blank ones (longer than a batch), one more line, then 3000 blank ones.
    const input = `${jsonl(3000)}${'\n'.repeat(5000)}${JSON.stringify({ id: 'last', text: 'bye' })}\n${' \n'.repeat(3000)}`;
    const bytes = Buffer.from(input);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 997) }, (_, i) => bytes.subarray(i * 997, i * 997 + 997));
    const { code, lines } = await scanInProcess(['-', '--format', 'jsonl'], { stdin: chunks });
    expect(code).toBe(1);
    expect(lines).toHaveLength(8001);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 8001 }, (_, i) => i + 1));
    expect(lines[3000]!.error).toBe('line 3001: empty line');
    expect(lines[8000]!.id).toBe('last');
  });
});
