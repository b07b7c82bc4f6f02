import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, linkSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanInProcess } from './scan-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'chaperone-scan-outputs-'));
const archive = '{"id": 1, "text": "hello"}\n{"id": 2, "text": "sh1t driver"}\n';
const rules = readFileSync('fixtures/house-rules.yaml', 'utf8');
// Root may write anywhere, so the read-only cases only mean something for other users.
const root = process.getuid?.() === 0;

/** A fresh directory with the archive, a rule file, and links to both. */
function setUp(name: string) {
  const at = join(dir, name);
  mkdirSync(at);
  const input = join(at, 'input.jsonl');
  writeFileSync(input, archive);
  const ruleFile = join(at, 'house.yaml');
  writeFileSync(ruleFile, rules);
  symlinkSync(input, join(at, 'symlink.json'));
  linkSync(input, join(at, 'hardlink.json'));
  mkdirSync(join(at, 'a-directory'));
  writeFileSync(join(at, 'a-file'), 'x');
  return { at, input, ruleFile };
}

describe('scan: output paths are checked before anything is read', () => {
  it.each([
    ['the input itself', 'input.jsonl', /--summary .*input\.jsonl is the same file as .*input\.jsonl, which the scan reads/],
    ['a symlink to the input', 'symlink.json', /--summary .*symlink\.json is the same file as .*input\.jsonl/],
    ['a hard link to the input', 'hardlink.json', /--summary .*hardlink\.json is the same file as .*input\.jsonl/],
    ['a rule file', 'house.yaml', /--summary .*house\.yaml is the same file as .*house\.yaml/],
    ['in a missing directory', 'missing/summary.json', /--summary .*missing\/summary\.json: directory .*missing does not exist/],
    ['under a file', 'a-file/summary.json', /--summary .*: .*a-file is not a directory/],
    ['a directory', 'a-directory', /--summary .*a-directory is a directory/],
  ])('--summary %s is a usage error: exit 2, no output, the input untouched', async (name, summary, message) => {
    const { at, input, ruleFile } = setUp(name.replace(/\W+/g, '-'));
    const { code, stdout, stderr } = await scanInProcess([input, '--rules', ruleFile, '--summary', join(at, summary)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(input, 'utf8')).toBe(archive);
    expect(readFileSync(ruleFile, 'utf8')).toBe(rules);
  });

  it.skipIf(root)('--summary in a directory that is not writable, or over a read-only file, is a usage error', async () => {
    const { at, input } = setUp('read-only');
    const locked = join(at, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const readOnly = join(at, 'read-only.json');
    writeFileSync(readOnly, '{}');
    chmodSync(readOnly, 0o400);
    const inLocked = await scanInProcess([input, '--summary', join(locked, 'summary.json')]);
    expect(inLocked.code).toBe(2);
    expect(inLocked.stdout).toBe('');
    expect(inLocked.stderr).toMatch(/directory .*locked is not writable/);
    const overReadOnly = await scanInProcess([input, '--summary', readOnly]);
    expect(overReadOnly.code).toBe(2);
    expect(overReadOnly.stderr).toMatch(/read-only\.json is not writable/);
  });

  it('a summary next to the input is written as before', async () => {
    const { at, input } = setUp('fine');
    const { code, lines } = await scanInProcess([input, '--summary', join(at, 'summary.json')]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(at, 'summary.json'), 'utf8'))).toMatchObject({ lines: 2, errors: 0 });
  });

  // stdin and stdout are only files when the process's own are: spawn the built CLI.
  it.runIf(existsSync('dist/cli.js'))('stdin read from the summary file, and stdout appending to the input, are refused', () => {
    const { at, input } = setUp('stdio');
    const fromInput = openSync(input, 'r');
    const viaStdin = spawnSync('node', ['bin/chaperone.js', 'scan', '-', '--workers', '0', '--summary', join(at, 'hardlink.json')], {
      stdio: [fromInput, 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fromInput);
    expect(viaStdin.status).toBe(2);
    expect(viaStdin.stdout).toBe('');
    expect(viaStdin.stderr).toMatch(/--summary .*hardlink\.json is the same file as stdin/);

    const appending = openSync(input, 'a');
    const intoInput = spawnSync('node', ['bin/chaperone.js', 'scan', input, '--workers', '0'], { stdio: ['ignore', appending, 'pipe'], encoding: 'utf8' });
    closeSync(appending);
    expect(intoInput.status).toBe(2);
    expect(intoInput.stderr).toMatch(/stdout is .*input\.jsonl, which the scan reads/);
    expect(readFileSync(input, 'utf8')).toBe(archive);
  });
});
