import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanInProcess } from './scan-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'chaperone-scan-interrupt-'));

/** An archive far longer than a scan gets through before the first output is seen. */
function archive(lines: number): string {
  const file = join(dir, `archive-${lines}.jsonl`);
  const rows = Array.from({ length: lines }, (_, i) => JSON.stringify({ id: i + 1, text: i % 5 === 0 ? `sh1t driver ${i}` : `see you at ${i}` }));
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

/** Checks that stdout holds exactly input lines 1..N in order, complete, and that stderr names N. */
function expectLinesUpTo(stdout: string, stderr: string, total: number): number {
  const named = /interrupted after line (\d+)/.exec(stderr);
  expect(named, stderr).not.toBeNull();
  const n = Number(named![1]);
  expect(stdout.endsWith('\n') || stdout === '').toBe(true);
  const lines = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { line: number; id: number });
  expect(lines.map((l) => l.line)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(lines.every((l) => l.id === l.line)).toBe(true);
  expect(n).toBeLessThan(total);
  return n;
}

describe('scan: an interrupted scan says where it stopped', () => {
  it('in-process: every finished line in order, "interrupted after line N" on stderr, exit 130', async () => {
    const total = 30000;
    const file = archive(total);
    const controller = new AbortController();
    const { code, stdout, stderr } = await scanInProcess([file], { signal: controller.signal, onWrite: () => controller.abort() });
    expect(code).toBe(130);
    const n = expectLinesUpTo(stdout, stderr, total);
    expect(n).toBeGreaterThan(0);
    expect(stderr).toContain(`scanned ${n} lines`);
  });

  it('in-process: the --summary file says it covers lines up to N', async () => {
    const file = archive(20000);
    const summary = join(dir, 'summary.json');
    const controller = new AbortController();
    const { code, stderr } = await scanInProcess([file, '--summary', summary], { signal: controller.signal, onWrite: () => controller.abort() });
    expect(code).toBe(130);
    const n = Number(/interrupted after line (\d+)/.exec(stderr)![1]);
    expect(JSON.parse(readFileSync(summary, 'utf8'))).toMatchObject({ lines: n, interruptedAfterLine: n });
  });

  // Signals reach the built CLI in a process of its own; CI builds before testing.
  describe.runIf(existsSync('dist/cli.js'))('the built CLI, signalled once its first output arrives', () => {
    const total = 200000;
    let file: string | undefined;
    it.each([
      ['SIGINT', '1'],
      ['SIGINT', '2'],
      ['SIGTERM', '1'],
      ['SIGTERM', '2'],
    ] as const)('%s with --workers %s: lines 1..N written in order, N named, exit 130', async (signal, workers) => {
      file ??= archive(total);
      const child = spawn('node', ['bin/chaperone.js', 'scan', file, '--workers', workers], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        if (stdout === '') child.kill(signal);
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
      expect(killedBy).toBeNull();
      expect(code).toBe(130);
      expectLinesUpTo(stdout, stderr, total);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  });
});
