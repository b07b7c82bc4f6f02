import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { RuleSetIssue } from './errors.js';

/** A policy file read from disk: its text, or why it could not be read as text. */
export type ReadPolicyFile = { readonly text: string } | { readonly issue: RuleSetIssue };

/**
 * Reads a rule, overrides or case file as text. UTF-8 (with or without a byte-order mark) and
 * UTF-16 are decoded, as the YAML 1.2 spec asks of every reader (5.2: a BOM, or the NUL byte
 * next to the first ASCII character, tells them apart; a YAML file always starts with one).
 * Anything else is an `invalid_encoding` issue at the first byte that is not UTF-8: decoding
 * it with replacement characters would load a Latin-1 `café` as `caf�`, which matches nothing.
 */
export function readPolicyFile(path: string, what: string): ReadPolicyFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    return { issue: { code: 'file_not_found', path: [], message: `cannot read ${what}: ${reason}`, file: path } };
  }
  return decodePolicyFile(bytes, path);
}

/** Decodes the bytes of a policy file; see {@link readPolicyFile}. */
export function decodePolicyFile(bytes: Uint8Array, file?: string): ReadPolicyFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = detectEncoding(buffer);
  const fail = (message: string, at?: { line: number; column: number }): ReadPolicyFile => ({
    issue: { code: 'invalid_encoding', path: [], message, ...(file === undefined ? {} : { file }), ...at },
  });
  if (encoding === 'utf-32') {
    return fail('the file is UTF-32, which chaperone does not read; save it as UTF-8');
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const name = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
    if (buffer.length % 2 !== 0) return fail(`the file looks like ${name} but has an odd number of bytes; save it as UTF-8`);
    const units = Buffer.from(buffer);
    if (encoding === 'utf-16be') units.swap16();
    const text = units.toString('utf16le');
    // A lone surrogate is a broken character, not text: refuse it where it is.
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
    if (lone) return fail(`the file is ${name} with a broken character (an unpaired surrogate); save it as UTF-8`, positionOf(text, lone.index));
    return { text: stripBom(text) };
  }
  if (isUtf8(buffer)) return { text: stripBom(buffer.toString('utf8')) };
  const { index, byte } = firstInvalidUtf8(buffer);
  const valid = buffer.subarray(0, index).toString('utf8');
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  const message = `the file is not UTF-8: byte 0x${hex} is not part of a UTF-8 character (Latin-1 or Windows-1252 text?); save it as UTF-8`;
  return fail(message, positionOf(valid, valid.length));
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32';

/** The YAML 1.2 encoding detection table (5.2), by the first four bytes. */
function detectEncoding(b: Buffer): Encoding {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if ((b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) || (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)) return 'utf-32';
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== undefined && b3 !== 0) return 'utf-32';
  if (b0 !== undefined && b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return 'utf-32';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0 && b1 !== undefined && b1 !== 0) return 'utf-16be';
  if (b0 !== undefined && b0 !== 0 && b0 < 0x80 && b1 === 0) return 'utf-16le';
  return 'utf-8';
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The first byte that is not part of a well-formed UTF-8 sequence. Node's decoder replaces each
 * bad sequence with U+FFFD; everything before the first replacement is well formed, so its
 * length in bytes is where the bad byte is. A U+FFFD written in the file is kept in its place.
 */
function firstInvalidUtf8(buffer: Buffer): { index: number; byte: number } {
  const decoded = buffer.toString('utf8');
  for (let at = decoded.indexOf('\uFFFD'); at !== -1; at = decoded.indexOf('\uFFFD', at + 1)) {
    const index = Buffer.byteLength(decoded.slice(0, at), 'utf8');
    if (!(buffer[index] === 0xef && buffer[index + 1] === 0xbf && buffer[index + 2] === 0xbd)) return { index, byte: buffer[index]! };
  }
  return { index: buffer.length, byte: 0 };
}

/** 1-based line and column (in UTF-16 code units, like the YAML parser's) of `index` in `text`. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}
