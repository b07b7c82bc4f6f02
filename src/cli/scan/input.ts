import { createReadStream, statSync } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { UsageError } from '../usage.js';
import type { InputFormat, InputItem } from './records.js';

/**
 * A slice of input for one batch: either whole lines as one string (JSONL and text, split by the
 * worker so the main thread only cuts at newlines) or CSV rows the main thread already parsed.
 */
export type InputBatch = { readonly firstLine: number; readonly text: string; readonly count: number } | { readonly items: InputItem[] };

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

async function* lineBatches(stream: Readable): AsyncIterable<InputBatch> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let pendingLines = 0;
  let firstLine = 1;
  let carry = '';
  for await (const chunk of stream as AsyncIterable<Buffer | string | undefined>) {
    if (chunk === undefined || chunk.length === 0) continue;
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const cut = text.lastIndexOf('\n');
    if (cut === -1) {
      carry = text;
      continue;
    }
    carry = text.slice(cut + 1);
    const whole = text.slice(0, cut + 1);
    pending += whole;
    for (let i = whole.indexOf('\n'); i !== -1; i = whole.indexOf('\n', i + 1)) pendingLines++;
    if (pendingLines >= LINES_PER_BATCH) {
      yield { firstLine, text: pending, count: pendingLines };
      firstLine += pendingLines;
      pending = '';
      pendingLines = 0;
    }
  }
  carry += decoder.end();
  if (carry !== '') {
    pending += `${carry}\n`;
    pendingLines++;
  }
  if (pendingLines > 0) yield { firstLine, text: pending, count: pendingLines };
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
