import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/index.js';

/** A writable that keeps what it is given. */
export function sink(onWrite?: () => void) {
  let data = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      data += String(chunk);
      onWrite?.();
      done();
    },
  });
  return { stream, text: () => data };
}

/** Output records of a scan, parsed. */
export type ScanRecord = { line: number; error?: string; id?: unknown; sender?: string; verdict?: string };

/** Stdin for a scan (a Buffer or string is one chunk), a signal that interrupts it, and a hook on each stdout write. */
export interface ScanRun {
  readonly stdin?: Buffer | string | readonly (Buffer | string)[];
  readonly signal?: AbortSignal;
  readonly onWrite?: () => void;
}

/** Runs `chaperone scan` in this process, with no worker threads unless `args` ask for them. */
export async function scanInProcess(args: readonly string[], run: ScanRun = {}) {
  const stdin = run.stdin ?? '';
  const out = sink(run.onWrite);
  const err = sink();
  const chunks = typeof stdin === 'string' || Buffer.isBuffer(stdin) ? [Buffer.from(stdin)] : stdin.map((c) => Buffer.from(c));
  const code = await main(['scan', '--workers', '0', ...args], {
    stdout: out.stream,
    stderr: err.stream,
    stdin: () => '',
    stdinStream: Readable.from(chunks),
    ...(run.signal ? { signal: run.signal } : {}),
  });
  const stdout = out.text();
  const lines: ScanRecord[] = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  return { code, stdout, lines, stderr: err.text() };
}
