import type { InputItem } from '../cli/scan/records.js';

/**
 * Keys the queue keeps beside the streams. An input stream's enqueue record is a hash
 * (`enqueued`: entries written so far, `complete`: set once the whole archive is in, `run`,
 * `source`); a results stream's record names the input stream its workers answer.
 */
export const queueKeys = {
  enqueue: (input: string) => `chaperone:enqueue:${input}`,
  results: (out: string) => `chaperone:results:${out}`,
  policies: (out: string) => `chaperone:policies:${out}`,
};

/** The dead-letter stream of an input stream when none is named. */
export function defaultDeadLetter(input: string): string {
  return `${input}:dead-letter`;
}

/** A stream entry's fields as a record of own properties (`__proto__` stays a field). */
export function fieldsOf(flat: readonly string[] | null): Record<string, string> | undefined {
  if (flat === null) return undefined;
  const fields: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) fields.push([flat[i]!, flat[i + 1]!]);
  return Object.fromEntries(fields);
}

/** What `chaperone enqueue` puts in an entry besides its place: the line as read, a CSV row, or why it could not be read. */
export type EnqueuedKind = 'jsonl' | 'text' | 'csv' | 'error' | 'end';

/** An input entry read back: the item to moderate, and its run and place when `chaperone enqueue` wrote it. */
export interface EntryItem {
  readonly item: InputItem;
  readonly seq?: string;
  readonly run?: string;
}

/**
 * Reads an input entry. An entry with a `seq` field was written by `chaperone enqueue`: its `line`
 * and exactly one of `jsonl` (the line as read), `text` (a plain-text line), `csv` (the row's
 * fields as a JSON object), `error` or `end` (a line the reader could not read). Any other entry
 * is a message of its own, its fields read as a record (`XADD in * id m-1 sender bob text "…"`).
 * A malformed entry becomes an item whose error is the answer.
 */
export function entryItem(fields: Record<string, string>, textField: string): EntryItem {
  if (!Object.hasOwn(fields, 'seq')) return { item: { fields } };
  const seq = fields.seq!;
  const place = { seq, ...(Object.hasOwn(fields, 'run') ? { run: fields.run! } : {}) };
  const lineNumber = Number(fields.line);
  const line = Number.isSafeInteger(lineNumber) && lineNumber > 0 ? lineNumber : undefined;
  const at = line === undefined ? {} : { line };
  if (line === undefined) {
    return { ...place, item: { error: `entry ${seq} of the archive has no line number ("line": ${JSON.stringify(fields.line ?? null)})` } };
  }
  if (Object.hasOwn(fields, 'jsonl')) return { ...place, item: { ...at, raw: fields.jsonl! } };
  if (Object.hasOwn(fields, 'text')) return { ...place, item: { ...at, fields: { [textField]: fields.text! } } };
  if (Object.hasOwn(fields, 'error')) return { ...place, item: { ...at, error: fields.error! } };
  if (Object.hasOwn(fields, 'end')) return { ...place, item: { ...at, endOfInput: fields.end! } };
  if (Object.hasOwn(fields, 'csv')) {
    let row: unknown;
    try {
      row = JSON.parse(fields.csv!);
    } catch {
      row = undefined;
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row) || !Object.values(row).every((v) => typeof v === 'string')) {
      return { ...place, item: { ...at, error: 'the entry\'s "csv" field is not a JSON object of strings' } };
    }
    return { ...place, item: { ...at, fields: row as Record<string, string> } };
  }
  return { ...place, item: { ...at, error: 'the entry has none of the fields jsonl, text, csv, error or end' } };
}

/** The fields `chaperone enqueue` writes for one item read from an archive: its line, then its kind and payload. */
export function enqueuedFields(item: InputItem, format: 'jsonl' | 'csv' | 'text'): [line: number, kind: EnqueuedKind, payload: string] {
  const line = item.line ?? 0;
  if (item.endOfInput !== undefined) return [line, 'end', item.endOfInput];
  if (item.error !== undefined) return [line, 'error', item.error];
  if (item.fields !== undefined) return [line, 'csv', JSON.stringify(item.fields)];
  return [line, format === 'text' ? 'text' : 'jsonl', item.raw ?? ''];
}
