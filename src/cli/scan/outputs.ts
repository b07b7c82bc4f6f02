import { accessSync, constants, fstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../usage.js';

/** What a scan reads and writes, to check before it reads anything. */
export interface ScanPaths {
  /** The archive, or `-` for stdin. */
  readonly input: string;
  /** Rule and overrides files: inputs too, which a summary must not overwrite. */
  readonly rules: readonly string[];
  readonly summaryFile: string | undefined;
  /** File descriptors of stdin and stdout when they are the process's own (not in tests). */
  readonly stdinFd: number | undefined;
  readonly stdoutFd: number | undefined;
}

/**
 * Refuses, as a usage error, outputs that would destroy an input or fail only at the end: a
 * `--summary` file that is the input or a rule file (by path, symlink or hard link: same device and
 * inode), one in a missing or read-only directory, and stdout appending to the input it reads.
 */
export function checkScanPaths(paths: ScanPaths): void {
  const inputs: { name: string; stat: Stats; real?: string }[] = [];
  const fileInput = (name: string) => {
    const stat = statOf(name);
    if (stat?.isFile()) inputs.push({ name, stat, real: realpathSync(name) });
  };
  if (paths.input === '-') {
    const stat = paths.stdinFd === undefined ? undefined : fstatOf(paths.stdinFd);
    if (stat?.isFile()) inputs.push({ name: 'stdin', stat });
  } else {
    fileInput(paths.input);
  }
  for (const rule of paths.rules) fileInput(rule);

  const stdout = paths.stdoutFd === undefined ? undefined : fstatOf(paths.stdoutFd);
  if (stdout?.isFile()) {
    const same = inputs.find((input) => sameFile(input.stat, stdout));
    if (same) throw new UsageError(`stdout is ${same.name}, which the scan reads: write the output to another file`);
  }

  const summary = paths.summaryFile;
  if (summary === undefined) return;
  const stat = statOf(summary);
  if (stat?.isDirectory()) throw new UsageError(`--summary ${summary} is a directory; give a file name`);
  const real = stat ? realpathSync(summary) : undefined;
  const same = stat && inputs.find((input) => sameFile(input.stat, stat) || (input.real !== undefined && input.real === real));
  if (same) throw new UsageError(`--summary ${summary} is the same file as ${same.name}, which the scan reads; the summary would overwrite it`);
  if (stat && stdout && sameFile(stat, stdout)) throw new UsageError(`--summary ${summary} is also stdout; the summary would overwrite the output`);
  if (stat) {
    if (!writable(summary)) throw new UsageError(`--summary ${summary} is not writable`);
    return;
  }
  const dir = dirname(resolve(summary));
  const dirStat = statOf(dir);
  if (!dirStat) throw new UsageError(`--summary ${summary}: directory ${dir} does not exist`);
  if (!dirStat.isDirectory()) throw new UsageError(`--summary ${summary}: ${dir} is not a directory`);
  if (!writable(dir)) throw new UsageError(`--summary ${summary}: directory ${dir} is not writable`);
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function fstatOf(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
