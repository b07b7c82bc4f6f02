import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { scanInProcess } from './scan-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'chaperone-scan-names-'));

// Names that are also properties of Object.prototype, as senders, categories and fields.
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('scan: names from the input are keys of their own', () => {
  it('senders named like Object.prototype properties are counted in the summary, not lost or corrupted', async () => {
    const rows = NAMES.flatMap((sender, i) =>
      Array.from({ length: i + 1 }, (_, k) => JSON.stringify({ id: `${sender}-${k}`, text: 'you absolute moron', sender })),
    );
    const file = join(dir, 'senders.jsonl');
    const summary = join(dir, 'senders.summary.json');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const { code, stderr } = await scanInProcess([file, '--summary', summary]);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(summary, 'utf8'));
    expect(written.topSenders).toEqual(
      NAMES.map((sender, i) => ({ sender, flagged: i + 1 })).sort((a, b) => b.flagged - a.flagged),
    );
    expect(stderr).toContain('valueOf 5, hasOwnProperty 4, toString 3, __proto__ 2, constructor 1');
  });

  it('a custom category named constructor is counted as a number', async () => {
    const rules = join(dir, 'constructor.yaml');
    writeFileSync(
      rules,
      [
        'id: house',
        'category: constructor',
        'description: A category whose name is a property of every object.',
        'rules:',
        '  - id: hello',
        '    description: Says hello.',
        '    severity: high',
        '    score: 0.9',
        '    message: "Says {{match}}."',
        '    terms: [hello]',
        '',
      ].join('\n'),
    );
    const summary = join(dir, 'constructor.summary.json');
    const { code } = await scanInProcess(['-', '--format', 'text', '--rules', rules, '--only-rules', '--summary', summary], { stdin: 'hello\nhello there\nbye\n' });
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(summary, 'utf8'));
    expect(written.categories).toEqual({ constructor: 2 });
    expect(written.rules).toEqual({ 'house/hello': 2 });
  });

  it.each(['constructor', 'toString', '__proto__'])('--text-field %s reads only a field the record has', async (name) => {
    const input = `${JSON.stringify({ text: 'hello' })}\n${JSON.stringify({ [name]: 'you absolute moron' })}\n`;
    const { lines } = await scanInProcess(['-', '--format', 'jsonl', '--text-field', name], { stdin: input });
    expect(lines[0]!.error).toBe(`line 1: no "${name}" field`);
    expect(lines[1]!.verdict).toBe('review');
    const csv = await scanInProcess(['-', '--format', 'csv', '--text-field', name], { stdin: `id,text\n1,hello\n` });
    expect(csv.lines[0]!.error).toBe(`line 2: no "${name}" field`);
  });
});

describe('cli: commands and schema names are looked up as own keys', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const stream = (add: (s: string) => void) =>
      new Writable({
        write(chunk, _encoding, done) {
          add(String(chunk));
          done();
        },
      });
    const code = await main(args, { stdout: stream((s) => (stdout += s)), stderr: stream((s) => (stderr += s)), stdin: () => '' });
    return { code, stdout, stderr };
  }
  it.each(['constructor', 'toString', '__proto__'])('"chaperone %s" is an unknown command', async (name) => {
    const { code, stderr } = await cli([name]);
    expect(code).toBe(2);
    expect(stderr).toContain(`unknown command "${name}"`);
  });
  it.each(['constructor', 'toString'])('"chaperone schema %s" is refused', async (name) => {
    const { code, stdout, stderr } = await cli(['schema', name]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`got "${name}"`);
  });
});
