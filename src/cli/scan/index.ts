import type { Readable, Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import { UsageError } from '../usage.js';
import { openInput, type InputBatch } from './input.js';
import { checkScanPaths } from './outputs.js';
import { createRunner, defaultWorkers, type BatchResult } from './pool.js';
import { emptyCounts, mergeCounts, type InputFormat, type ScanSettings } from './records.js';
import { formatSummary, summarise, writeSummaryFile, type ScanSummary } from './summary.js';

export type { ScanSummary } from './summary.js';

/** Options of `chaperone scan`. */
export interface ScanOptions extends Omit<ScanSettings, 'format'> {
  readonly input: string;
  readonly format?: InputFormat;
  readonly workers?: number;
  readonly summaryFile?: string;
  /** Where the worker script lives (the built `scan-worker.js`). */
  readonly workerUrl: URL;
}

/** Streams of the process running the scan. */
export interface ScanIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  /** Aborted on SIGINT/SIGTERM: the scan writes what is finished, says where it stopped, and resolves to 130. */
  readonly signal?: AbortSignal;
}

/** Exit status of an interrupted scan, as a shell reports a SIGINT. */
export const INTERRUPTED_EXIT = 130;

const INTERRUPTED = Symbol('interrupted');

/**
 * Scans an archive: one output line per input line, in input order, whatever the number of
 * workers. At most a few batches per worker are in flight, so memory stays flat on any size.
 * Resolves to the exit status: 0 when every line was read, 1 when some were errors, 130 when
 * interrupted (every line up to the one named on stderr is written, in order, and none after it).
 */
export async function runScan(options: ScanOptions, io: ScanIo): Promise<number> {
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers must be a whole number >= 0, got ${options.workers}`);
  checkScanPaths({
    input: options.input,
    rules: options.rules,
    summaryFile: options.summaryFile,
    stdinFd: fdOf(io.stdin),
    stdoutFd: fdOf(io.stdout),
  });
  const input = await openInput(options.input, options.format, io.stdin);
  if (input.format === 'text' && options.conversationField !== undefined) {
    input.close();
    throw new UsageError('--conversation-field needs records with fields (JSONL or CSV); plain text lines have none');
  }
  const settings: ScanSettings = { ...options, format: input.format };
  const runner = createRunner(settings, workers, options.workerUrl);
  const counts = emptyCounts();
  const started = Date.now();
  const progress = io.stderr.isTTY ? createProgress(io.stderr, input.totalBytes) : undefined;
  const interrupted = new Promise<typeof INTERRUPTED>((resolve) => {
    if (io.signal?.aborted) resolve(INTERRUPTED);
    io.signal?.addEventListener('abort', () => resolve(INTERRUPTED), { once: true });
  });

  const maxInFlight = Math.max(2, workers * 4);
  const inFlight = new Map<number, { lastLine: number; result: Promise<BatchResult> }>();
  // Batches that came back, so that an interrupted scan can still write the finished ones.
  const finished = new Map<number, BatchResult>();
  let nextToWrite = 0;
  let seq = 0;
  let lastLineWritten = 0;

  const write = async (result: BatchResult) => {
    lastLineWritten = inFlight.get(nextToWrite)!.lastLine;
    inFlight.delete(nextToWrite);
    finished.delete(nextToWrite);
    nextToWrite++;
    mergeCounts(counts, result.counts);
    if (result.output.length > 0 && !io.stdout.write(result.output)) {
      // What write() accepted is flushed before the process exits, even when interrupted now.
      await Promise.race([new Promise((resolve) => io.stdout.once('drain', resolve)), interrupted]);
    }
    progress?.update(input.bytesRead(), rate(counts.lines, started));
  };
  const writeNext = async (): Promise<boolean> => {
    const result = await Promise.race([inFlight.get(nextToWrite)!.result, interrupted]);
    if (result === INTERRUPTED) return false;
    await write(result);
    return true;
  };

  const batches = input.batches[Symbol.asyncIterator]();
  try {
    reading: for (;;) {
      const next = batches.next();
      // Abandoned when interrupted: closing the input may then reject it.
      next.catch(() => undefined);
      const batch = await Promise.race([next, interrupted]);
      if (batch === INTERRUPTED || batch.done) break;
      const lastLine = lastLineOf(batch.value);
      const id = seq++;
      const result = runner.run(id, batch.value);
      result.then(
        (value) => finished.set(id, value),
        () => undefined,
      );
      inFlight.set(id, { lastLine, result });
      while (inFlight.size >= maxInFlight) if (!(await writeNext())) break reading;
    }
    while (inFlight.size > 0) if (!(await writeNext())) break;
    if (io.signal?.aborted) {
      // Lines already moderated are written, as far as they run in order without a gap.
      while (finished.has(nextToWrite)) await write(finished.get(nextToWrite)!);
    }
  } finally {
    progress?.stop();
    input.close();
    await runner.close();
  }

  const seconds = (Date.now() - started) / 1000;
  const aborted = io.signal?.aborted === true;
  const summary: ScanSummary = {
    ...summarise(counts, seconds, workers, options.conversationField !== undefined),
    ...(aborted ? { interruptedAfterLine: lastLineWritten } : {}),
  };
  io.stderr.write(formatSummary(summary));
  writeSummaryFile(options.summaryFile, summary);
  if (aborted) {
    io.stderr.write(`chaperone: interrupted after line ${lastLineWritten}; no line after it was written\n`);
    return INTERRUPTED_EXIT;
  }
  return counts.errors > 0 ? 1 : 0;
}

/** The last input line a batch covers, known before its bytes go to a worker. */
function lastLineOf(batch: InputBatch): number {
  return 'items' in batch ? (batch.items.at(-1)?.line ?? 0) : batch.firstLine + batch.count - 1;
}

function fdOf(stream: Readable | Writable): number | undefined {
  const fd = (stream as { fd?: unknown }).fd;
  return typeof fd === 'number' ? fd : undefined;
}

function rate(lines: number, started: number) {
  const seconds = Math.max(0.001, (Date.now() - started) / 1000);
  return { lines, mps: Math.round(lines / seconds) };
}

function createProgress(stream: Writable, total: number | undefined) {
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: total
        ? 'scanning {bar} {percentage}% | {lines} lines | {mps} msg/s | ETA {eta_formatted}'
        : 'scanning {lines} lines | {mps} msg/s',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0, { lines: 0, mps: 0 });
  return {
    update: (bytes: number, payload: { lines: number; mps: number }) => bar.update(total ? bytes : 0, payload),
    stop: () => bar.stop(),
  };
}
