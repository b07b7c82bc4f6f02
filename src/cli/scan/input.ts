import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { UsageError } from '../usage.js';
import type { InputFormat, InputItem } from './records.js';

/** An opened input: its items, how many bytes were read so far, and the size when known. */
export interface OpenedInput {
  readonly format: InputFormat;
  readonly items: AsyncIterable<InputItem>;
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
  const items = detected === 'csv' ? csvItems(stream) : lineItems(stream);
  // A 'data' listener would switch the stream to flowing before the reader is attached, so
  // progress reads the file stream's own counter instead.
  const counted = source as Readable & { bytesRead?: number };
  return { format: detected, items, totalBytes, bytesRead: () => counted.bytesRead ?? 0 };
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

async function* lineItems(stream: Readable): AsyncIterable<InputItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) yield { line: ++line, raw };
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
