import { createReadStream, statSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { UsageError } from '../usage.js';
import type { InputFormat, InputItem } from './records.js';

/**
 * A slice of input for one batch: either whole lines as UTF-8 bytes (JSONL and text: the main
 * thread only cuts at newline bytes and hands the bytes over without copying; the worker decodes
 * and splits them) or CSV rows the main thread already parsed.
 */
export type InputBatch = { readonly firstLine: number; readonly bytes: Uint8Array; readonly count: number } | { readonly items: InputItem[] };

/** An opened input: its batches, how many bytes were read so far, and the size when known. */
export interface OpenedInput {
  readonly format: InputFormat;
  readonly batches: AsyncIterable<InputBatch>;
  readonly totalBytes: number | undefined;
  bytesRead(): number;
}

/** Opens a file (or `-` for stdin), un-gzipping and detecting the format when not given. */
export async function openInput(path: string, format: InputFormat | undefined, stdin: Readable): Promise<OpenedInput> {
  let source: Readable;
  let totalBytes: number | undefined;
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
  const head = await peek(source);
  const gzipped = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const stream = gzipped ? source.pipe(createGunzip()) : source;
  const detected = format ?? detectFormat(path, gzipped ? undefined : head);
  const batches = detected === 'csv' ? csvBatches(stream) : lineBatches(stream);
  // A 'data' listener would switch the stream to flowing before the reader is attached, so
  // progress reads the file stream's own counter instead.
  const counted = source as Readable & { bytesRead?: number };
  return { format: detected, batches, totalBytes, bytesRead: () => counted.bytesRead ?? 0 };
}

/** Reads the first chunk and puts it back, so detection does not consume input. */
async function peek(source: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const onReadable = () => {
      const chunk = source.read() as Buffer | null;
      cleanup();
      if (chunk) source.unshift(chunk);
      resolve(chunk ?? Buffer.alloc(0));
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.alloc(0));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new UsageError(`cannot read input: ${error.message}`));
    };
    const cleanup = () => {
      source.off('readable', onReadable);
      source.off('end', onEnd);
      source.off('error', onError);
    };
    source.once('readable', onReadable);
    source.once('end', onEnd);
    source.once('error', onError);
  });
}

function detectFormat(path: string, head: Buffer | undefined): InputFormat {
  const name = path.replace(/\.gz$/i, '').toLowerCase();
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json')) return 'jsonl';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.txt')) return 'text';
  const first = head?.toString('utf8').trimStart() ?? '';
  return first.startsWith('{') ? 'jsonl' : 'text';
}

const LINES_PER_BATCH = 2048;

const NEWLINE = 0x0a;

/**
 * Cuts a byte stream into batches of whole lines without decoding it: a newline byte never occurs
 * inside a multi-byte UTF-8 character, so cutting there is safe, and counting newlines with
 * `indexOf` is native. Each batch is copied once into a buffer of its own, so it can be transferred
 * to a worker thread rather than cloned.
 */
async function* lineBatches(stream: Readable): AsyncIterable<InputBatch> {
  let parts: Uint8Array[] = [];
  let partsBytes = 0;
  let pendingLines = 0;
  let firstLine = 1;
  const take = (upTo: Uint8Array | undefined): Uint8Array => {
    const bytes = new Uint8Array(partsBytes + (upTo?.length ?? 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    if (upTo) bytes.set(upTo, at);
    parts = [];
    partsBytes = 0;
    return bytes;
  };
  for await (const raw of stream as AsyncIterable<Buffer | string | undefined>) {
    if (raw === undefined || raw.length === 0) continue;
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let lines = 0;
    let last = -1;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) {
      lines++;
      last = i;
    }
    if (pendingLines + lines >= LINES_PER_BATCH && last !== -1) {
      const bytes = take(chunk.subarray(0, last + 1));
      const count = pendingLines + lines;
      yield { firstLine, bytes, count };
      firstLine += count;
      pendingLines = 0;
      if (last + 1 < chunk.length) {
        parts.push(chunk.subarray(last + 1));
        partsBytes += chunk.length - last - 1;
      }
    } else {
      parts.push(chunk);
      partsBytes += chunk.length;
      pendingLines += lines;
    }
  }
  // A last line without a newline still counts.
  if (partsBytes > 0 && (parts.at(-1)!.at(-1) !== NEWLINE)) {
    parts.push(new Uint8Array([NEWLINE]));
    partsBytes++;
    pendingLines++;
  }
  if (pendingLines > 0) yield { firstLine, bytes: take(undefined), count: pendingLines };
}

async function* csvBatches(stream: Readable): AsyncIterable<InputBatch> {
  let items: InputItem[] = [];
  for await (const item of csvItems(stream)) {
    items.push(item);
    if (items.length >= LINES_PER_BATCH) {
      yield { items };
      items = [];
    }
  }
  if (items.length > 0) yield { items };
}

async function* csvItems(stream: Readable): AsyncIterable<InputItem> {
  const parser = stream.pipe(parse({ relax_column_count: true, info: true, skip_empty_lines: false, bom: true }));
  const safe = new PassThrough({ objectMode: true });
  parser.on('error', (error) => safe.destroy(error));
  parser.pipe(safe);
  let header: string[] | undefined;
  let lastLine = 1;
  try {
    for await (const entry of safe as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = entry;
      if (!header) {
        header = record;
        lastLine = info.lines;
        continue;
      }
      const line = lastLine + 1;
      lastLine = info.lines;
      if (record.length !== header.length) {
        yield { line, error: `CSV row has ${record.length} fields, the header has ${header.length}` };
        continue;
      }
      yield { line, fields: Object.fromEntries(header.map((name, i) => [name, record[i]!])) };
    }
  } catch (error) {
    // A quote that never closes ends the file: report it on the line where parsing stopped.
    yield { line: lastLine + 1, error: `CSV could not be parsed from here on (${(error as Error).message})` };
  }
}
