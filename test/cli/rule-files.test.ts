// A broken --rules file is a usage error (exit 2) printed as file:line:column and a code, for
// every command that takes one; never an unexpected error (exit 70) with a stack.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';

const dir = mkdtempSync(join(tmpdir(), 'chaperone-cli-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

async function cli(args: string[]) {
  const out = sink();
  const err = sink();
  const io = { stdout: out.stream, stderr: err.stream, stdin: () => '', stdinStream: Readable.from([Buffer.from('')]) };
  const code = await main(args, io);
  return { code, stdout: out.text(), stderr: err.text() };
}

const rule = (body: string) => `id: house
category: off-platform
description: d
rules:
  - id: r
    description: d
    severity: medium
    score: 0.6
    message: m
${body}`;

const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
for (const [prev, next] of [...'abcdefgh'].map((c, i) => [c, 'bcdefghi'[i]!])) laughs.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`);

const files: [string, string | Buffer, string, number][] = [
  ['latin1.yaml', Buffer.from(rule('    terms: [café]\n'), 'latin1'), 'invalid_encoding', 10],
  ['bomb.yaml', `${laughs.join('\n')}\n`, 'yaml_too_complex', 3],
  ['proto.yaml', 'overrides: x\nrules:\n  __proto__:\n    score: 0.1\n', 'reserved_key', 3],
  ['kind.yaml', rule('    detector: threat-grammar\n    options: { kind: violense }\n'), 'invalid_option', 11],
  ['profanity.yaml', rule('    terms: [xyzzy]\n').replace('id: house\ncategory: off-platform', 'id: profanity\ncategory: house'), 'duplicate_rule_set', 2],
];

describe('chaperone with a broken --rules file', () => {
  const table = files.flatMap(([name, content, code, line]) => [
    ['check', name, code, line, content] as const,
    ['scan', name, code, line, content] as const,
  ]);
  it.each(table)('%s --rules %s exits 2 with %s at line %i', async (command, name, code, line, content) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const args = command === 'scan' ? ['scan', '--workers', '0', '--rules', file, 'fixtures/sample-archive.jsonl'] : ['check', '--rules', file, 'hi'];
    const { code: exit, stderr, stdout } = await cli(args);
    expect(exit).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}:${line}:`);
    expect(stderr).toContain(`[${code}]`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
