import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { UsageError } from '../usage.js';
import type { InputFormat, InputItem } from './records.js';

/**
 * A slice of input for one batch: either whole lines as UTF-8 bytes (JSONL and text: the main
 * thread only cuts at newline bytes and hands the bytes over without copying; the worker decodes
 * and splits them) or items the main thread already made (CSV rows, and the record that says the
 * input ended early).
 */
export type InputBatch = { readonly firstLine: number; readonly bytes: Uint8Array; readonly count: number } | { readonly items: InputItem[] };

/** An opened input: its batches, how many bytes were read so far, and the size when known. */
export interface OpenedInput {
  readonly format: InputFormat;
  readonly batches: AsyncIterable<InputBatch>;
  readonly totalBytes: number | undefined;
  bytesRead(): number;
  /** Stops reading (an interrupted scan): the file or stdin is released. */
  close(): void;
}

/** How much of the (decompressed) input is looked at before scanning: format, and whether it is text at all. */
const HEAD_BYTES = 64 * 1024;

/**
 * Opens a file (or `-` for stdin), un-gzipping and detecting the format when not given. Gzip is
 * recognised by its magic bytes on any input, stdin included, and the format and the text check
 * look at the decompressed bytes. An input that is not text is a usage error before any output.
 */
export async function openInput(path: string, format: InputFormat | undefined, stdin: Readable): Promise<OpenedInput> {
  let source: Readable;
  let totalBytes: number | undefined;
  const name = path === '-' ? 'stdin' : path;
  if (path === '-') {
    source = stdin;
  } else {
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw new UsageError(`${path} is a directory, not an archive`);
      totalBytes = stat.size;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read ${path}: no such file`);
    }
    source = createReadStream(path);
  }
  let raw: Head;
  try {
    raw = await readHead(source, true);
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as Error).message}`);
  }
  let stream = source;
  let text = raw;
  const gzipped = isGzip(raw.head);
  if (gzipped) {
    const gunzip = createGunzip();
    // pipe() does not pass errors on: a read error on the file must reach the reader as well.
    const compressed = Readable.from(raw.chunks);
    compressed.on('error', (error) => gunzip.destroy(error));
    gunzip.on('close', () => compressed.destroy());
    stream = compressed.pipe(gunzip);
    // A truncated or corrupt stream is reported after the lines before the damage, even when
    // there are none, so it fails the same way whatever its size.
    text = await readHead(stream, false);
  }
  refuseBinary(name, text.head, gzipped);
  const detected = format ?? detectFormat(path, text.head);
  const batches = detected === 'csv' ? csvBatches(text.chunks) : lineBatches(text.chunks);
  // A 'data' listener would switch the stream to flowing before the reader is attached, so
  // progress reads the file stream's own counter instead.
  const counted = source as Readable & { bytesRead?: number };
  return {
    format: detected,
    batches,
    totalBytes,
    bytesRead: () => counted.bytesRead ?? 0,
    close: () => {
      stream.destroy();
      source.destroy();
    },
  };
}

/** The first bytes of a stream, and every chunk of it (the head first) to read on with. */
interface Head {
  readonly head: Buffer;
  readonly chunks: AsyncIterable<Buffer>;
}

/**
 * Reads at least {@link HEAD_BYTES} (or up to the end), however the stream is chunked: a pipe may
 * deliver one byte first, and the gzip magic is two. A read error before the head is complete
 * comes after the head's chunks, so the lines read so far are still scanned; with `throwFirst`,
 * an error before any byte (a file that cannot be read at all) throws instead.
 */
async function readHead(stream: Readable, throwFirst: boolean): Promise<Head> {
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let ended = false;
  let failure: unknown;
  try {
    while (size < HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
      parts.push(chunk);
      size += chunk.length;
    }
  } catch (error) {
    if (throwFirst && parts.length === 0) throw error;
    failure = error;
    ended = true;
  }
  const head = Buffer.concat(parts);
  async function* chunks(): AsyncIterable<Buffer> {
    if (head.length > 0) yield head;
    if (failure !== undefined) throw failure;
    if (ended) return;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
      }
    } finally {
      // A reader that stops early (a CSV parse error) releases the file.
      await iterator.return?.();
    }
  }
  return { head, chunks: chunks() };
}

function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Formats a scan cannot read, by their first bytes, to say what a binary input probably is. */
const MAGIC: readonly [string, readonly number[]][] = [
  ['gzip data (compressed twice?)', [0x1f, 0x8b]],
  ['a zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['bzip2 data', [0x42, 0x5a, 0x68]],
  ['xz data', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd data', [0x28, 0xb5, 0x2f, 0xfd]],
  ['UTF-16 text (convert it to UTF-8)', [0xff, 0xfe]],
  ['UTF-16 text (convert it to UTF-8)', [0xfe, 0xff]],
];

/**
 * Refuses input that is not UTF-8 text: a NUL byte or invalid UTF-8 in the first block. Control
 * characters alone are allowed (chat archives carry a stray one), and a character cut at the end
 * of the block is not an error. Invalid UTF-8 further on becomes U+FFFD in its line.
 */
function refuseBinary(name: string, head: Buffer, gzipped: boolean): void {
  const nul = head.indexOf(0);
  let problem: string | undefined;
  if (nul !== -1) {
    problem = `a NUL byte at byte ${nul}`;
  } else {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      problem = `invalid UTF-8 in its first ${HEAD_BYTES / 1024} KiB`;
    }
  }
  if (problem === undefined) return;
  const kind = MAGIC.find(([, bytes]) => bytes.every((b, i) => head[i] === b))?.[0];
  throw new UsageError(
    `${name} is not UTF-8 text (${problem}${gzipped ? ' after gunzip' : ''}${kind ? `; it looks like ${kind}` : ''}): ` +
      'scan reads JSONL, CSV or plain text, gzip-compressed or not',
  );
}

function detectFormat(path: string, head: Buffer): InputFormat {
  const name = path.replace(/\.gz$/i, '').toLowerCase();
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json')) return 'jsonl';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.txt')) return 'text';
  const first = head.toString('utf8').trimStart();
  return first.startsWith('{') ? 'jsonl' : 'text';
}

const LINES_PER_BATCH = 2048;

const NEWLINE = 0x0a;

/** Bytes a blank line may hold: a trailing blank line is nothing, not an empty message. */
function isBlankByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

/** The record for an input that stopped early: zlib's "unexpected end of file" is a truncated gzip. */
function endOfInput(line: number, error: unknown): InputItem {
  const { code, message } = error as NodeJS.ErrnoException;
  const what = code === 'Z_BUF_ERROR' ? 'truncated' : 'unreadable';
  return { line: line + 1, endOfInput: `input ${what} after line ${line} (${message})` };
}

/**
 * Cuts a byte stream into batches of whole lines without decoding it: a newline byte never occurs
 * inside a multi-byte UTF-8 character, so cutting there is safe, and counting newlines with
 * `indexOf` is native. Each batch is copied once into a buffer of its own, so it can be transferred
 * to a worker thread rather than cloned.
 *
 * A batch ends after a line with content: blank lines after it wait until more content comes, and
 * at the end of the input they are dropped. A read error (a truncated gzip) ends the input after
 * the last complete line, with a record that says so.
 */
async function* lineBatches(chunks: AsyncIterable<Buffer>): AsyncIterable<InputBatch> {
  let parts: Buffer[] = [];
  let partsBytes = 0;
  // Complete lines held in `parts`, and how many of them (and bytes) end with a line that has content.
  let lines = 0;
  let contentLines = 0;
  let contentBytes = 0;
  // Whether the line not yet ended by a newline has content so far.
  let partialContent = false;
  let firstLine = 1;
  const take = (size: number, count: number): InputBatch => {
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const part = parts[0]!;
      const used = Math.min(part.length, size - at);
      bytes.set(part.subarray(0, used), at);
      at += used;
      if (used === part.length) parts.shift();
      else parts[0] = part.subarray(used);
    }
    partsBytes -= size;
    const batch = { firstLine, bytes, count };
    firstLine += count;
    lines -= count;
    contentLines = 0;
    contentBytes = 0;
    return batch;
  };
  try {
    for await (const chunk of chunks) {
      if (chunk.length === 0) continue;
      const offset = partsBytes;
      parts.push(chunk);
      partsBytes += chunk.length;
      let lineStart = 0;
      for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) {
        // Looking stops at the first byte that is not blank, so a line of content costs one byte.
        let k = lineStart;
        while (!partialContent && k < i && isBlankByte(chunk[k]!)) k++;
        lines++;
        if (partialContent || k < i) {
          contentLines = lines;
          contentBytes = offset + i + 1;
        }
        partialContent = false;
        lineStart = i + 1;
      }
      for (let k = lineStart; !partialContent && k < chunk.length; k++) partialContent = !isBlankByte(chunk[k]!);
      if (contentLines >= LINES_PER_BATCH) yield take(contentBytes, contentLines);
    }
  } catch (error) {
    // Every complete line is scanned (blank ones too: the input did not end there); a cut line is not.
    let complete = partsBytes;
    while (complete > 0 && byteAt(parts, complete - 1) !== NEWLINE) complete--;
    const lastLine = firstLine + lines - 1;
    if (lines > 0) yield take(complete, lines);
    yield { items: [endOfInput(lastLine, error)] };
    return;
  }
  // A last line without a newline still counts.
  if (partialContent) {
    parts.push(Buffer.from([NEWLINE]));
    partsBytes++;
    lines++;
    contentLines = lines;
    contentBytes = partsBytes;
  }
  if (contentLines > 0) yield take(contentBytes, contentLines);
}

function byteAt(parts: readonly Buffer[], at: number): number {
  for (const part of parts) {
    if (at < part.length) return part[at]!;
    at -= part.length;
  }
  return -1;
}

async function* csvBatches(chunks: AsyncIterable<Buffer>): AsyncIterable<InputBatch> {
  let items: InputItem[] = [];
  for await (const item of csvItems(chunks)) {
    items.push(item);
    if (items.length >= LINES_PER_BATCH) {
      yield { items };
      items = [];
    }
  }
  if (items.length > 0) yield { items };
}

type CsvEntry = { record: string[]; info: { lines: number } } | { stop: 'parse' | 'read'; error: Error };

/**
 * CSV rows as items, each on the line where it starts. A parse error ends the input (csv-parse's
 * skipping cannot find the next row after a bad quote), but only after every row before it: the
 * error goes into the parser's own output, behind the rows it already produced, rather than
 * destroying the stream and the rows waiting in it. A read error does the same.
 */
async function* csvItems(chunks: AsyncIterable<Buffer>): AsyncIterable<InputItem> {
  const parser = parse({ relax_column_count: true, info: true, skip_empty_lines: false, bom: true, skip_records_with_error: true });
  let stopped = false;
  const stop = (entry: CsvEntry) => {
    if (stopped) return;
    stopped = true;
    parser.push(entry);
  };
  // With skip_records_with_error, an error is reported here, synchronously, as the parser meets it.
  parser.on('skip', (error: Error) => stop({ stop: 'parse', error }));
  // Not awaited: it may wait on a slow stdin; closing the input ends it.
  void (async () => {
    try {
      for await (const chunk of chunks) {
        if (stopped || parser.destroyed) return;
        if (!parser.write(chunk)) {
          await new Promise((resolve) => {
            parser.once('drain', resolve);
            parser.once('close', resolve);
          });
        }
      }
      if (!stopped) parser.end();
    } catch (error) {
      stop({ stop: 'read', error: error as Error });
    }
  })();
  let header: string[] | undefined;
  let lastLine = 0;
  // Blank rows wait until a row with content comes; at the end of the input they are nothing.
  let blank: InputItem[] = [];
  try {
    for await (const entry of parser as AsyncIterable<CsvEntry>) {
      if ('stop' in entry) {
        yield* blank;
        if (entry.stop === 'read') yield endOfInput(lastLine, entry.error);
        else yield { line: lastLine + 1, error: `CSV could not be parsed from here on (${entry.error.message})` };
        return;
      }
      const { record, info } = entry;
      const line = lastLine + 1;
      lastLine = info.lines;
      if (!header) {
        header = record;
        continue;
      }
      const item: InputItem =
        record.length === header.length
          ? { line, fields: Object.fromEntries(header.map((name, i) => [name, record[i]!])) }
          : { line, error: `CSV row has ${record.length} fields, the header has ${header.length}` };
      if (record.length === 1 && record[0]!.trim() === '') {
        blank.push(item);
        continue;
      }
      yield* blank;
      blank = [];
      yield item;
    }
  } finally {
    parser.destroy();
  }
}
