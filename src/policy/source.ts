import type { Alias, Document, Node } from 'yaml';
import { yamlLibrary } from './yaml-lib.js';
import type { z } from 'zod';
import type { RuleSetIssue, RuleSetIssueCode } from './errors.js';
import { positionOf } from './encoding.js';
import { nearest } from './nearest.js';

type Path = readonly (string | number)[];

/** A parsed YAML document that can say where any path in it was written. */
export interface YamlSource {
  readonly file?: string;
  readonly value: unknown;
  readonly issues: RuleSetIssue[];
  /** Creates an issue located at the deepest node of `path` that exists in the document. */
  issue(code: RuleSetIssueCode, path: Path, message: string): RuleSetIssue;
}

/**
 * How many times the aliases of one anchor may be expanded (the `yaml` package's own default,
 * named here). Nine nested anchors of nine aliases each expand to 387 million nodes from 400
 * bytes ("billion laughs"); a rule file names repeated terms once in `lists` instead.
 */
const MAX_ALIAS_COUNT = 100;

/** Keys a JavaScript object cannot hold as plain data: `__proto__` sets the prototype, the others shadow it. */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Parses YAML keeping positions. Syntax errors become `invalid_yaml` issues, text that was
 * decoded with the wrong encoding `invalid_encoding`, an alias bomb `yaml_too_complex` and a
 * key JavaScript objects reserve `reserved_key`; a document with any of them has no value.
 */
export function parseYamlSource(text: string, file?: string): YamlSource {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const located = (code: RuleSetIssueCode, path: Path, message: string, offset?: number): RuleSetIssue => {
    const position = offset === undefined ? undefined : lineCounter.linePos(offset);
    return {
      code,
      path: [...path],
      message,
      ...(file === undefined ? {} : { file }),
      ...(position === undefined ? {} : { line: position.line, column: position.col }),
    };
  };
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    // YAML allows no NUL character; a UTF-16 file read as UTF-8 is full of them.
    const message = 'the text contains NUL characters (a UTF-16 file read as UTF-8?); pass the file path, or decode the file as UTF-16 first';
    const issue = { ...located('invalid_encoding', [], message), ...positionOf(text, nul) };
    return { ...(file === undefined ? {} : { file }), value: undefined, issues: [issue], issue: located };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issue = (code: RuleSetIssueCode, path: Path, message: string) => located(code, path, message, offsetOf(doc, path));
  const issues: RuleSetIssue[] = doc.errors.map((error) =>
    located('invalid_yaml', [], `YAML syntax error: ${error.message.split('\n')[0]}`, error.pos[0]),
  );
  let value: unknown;
  if (issues.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // The yaml package refuses an alias bomb with a ReferenceError, and very deep nesting can
      // overflow the stack; neither may reach a caller raw.
      const message =
        error instanceof ReferenceError && /alias/i.test(error.message)
          ? `too many aliases: expanding them would make the document far larger than the file (more than ${MAX_ALIAS_COUNT} uses of one ` +
            'anchor); write repeated terms once in `lists`'
          : `the document is too deeply nested to read (${(error as Error).message})`;
      issues.push(located('yaml_too_complex', [], message, aliasBombOffset(doc)));
    }
  }
  if (issues.length === 0) issues.push(...reservedKeys(value).map((path) => issue('reserved_key', path, reservedMessage(path.at(-1) as string))));
  return {
    ...(file === undefined ? {} : { file }),
    value: issues.length > 0 ? undefined : value,
    issues,
    issue,
  };
}

/** Why a reserved key is refused, for `reserved_key` issues. */
export function reservedMessage(key: string): string {
  return `"${key}" cannot be used as a name: JavaScript objects reserve it, so it would be lost or change other keys; rename it`;
}

/**
 * Paths of every key named `__proto__`, `constructor` or `prototype` in a parsed document (the
 * yaml package keeps them as own keys; zod would drop `__proto__` without a word). Walked without
 * recursion and each object once, since aliases share objects.
 */
export function reservedKeys(value: unknown): Path[] {
  const found: Path[] = [];
  const seen = new Set<object>();
  const stack: [unknown, Path][] = [[value, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, [...path, i]]));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (RESERVED_KEYS.includes(key)) found.push([...path, key]);
      else stack.push([(node as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return found;
}

/** Where an alias bomb starts: the first alias of an anchor that itself holds aliases, else the first alias. */
function aliasBombOffset(doc: Document): number | undefined {
  const { isAlias, visit } = yamlLibrary();
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_, node) => void aliases.push(node) });
  const nested = new Map<unknown, boolean>();
  const holdsAlias = (node: unknown): boolean => {
    if (!nested.has(node)) {
      let found = false;
      if (node && typeof node === 'object') visit(node as Node, { Alias: () => ((found = true), visit.BREAK) });
      nested.set(node, found);
    }
    return nested.get(node)!;
  };
  const bomb = aliases.find((alias) => isAlias(alias) && holdsAlias(alias.resolve(doc))) ?? aliases[0];
  return bomb?.range?.[0];
}

function offsetOf(doc: Document, path: Path): number | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair === undefined) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      // Point at the value for a leaf, at the key for a missing or nested value.
      if (isScalar(node) && node.range) offset = node.range[0];
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

/** How {@link schemaIssues} reports a value that sits inside a document, such as a rule's `options`. */
export interface SchemaIssueOptions {
  /** The value's path in the document; zod's paths are relative to it. */
  readonly prefix?: Path;
  /** One code for every issue, instead of `unknown_key` and `invalid_shape`. */
  readonly code?: RuleSetIssueCode;
  /** Says that `key` is unknown, given the known keys and the one it is probably a typo of (default: `unknown key "x"`). */
  readonly unknownKey?: (key: string, known: readonly string[], hint: string | undefined) => string;
}

/** Turns zod's issues into located rule-set issues, with hints for the usual mistakes. */
export function schemaIssues(
  source: Pick<YamlSource, 'issue'>,
  error: z.ZodError,
  validKeysAt: (path: Path) => string[],
  options: SchemaIssueOptions = {},
): RuleSetIssue[] {
  const out: RuleSetIssue[] = [];
  collectIssues(source, error.issues, options.prefix ?? [], validKeysAt, options, out);
  return out;
}

function collectIssues(
  source: Pick<YamlSource, 'issue'>,
  issues: readonly z.core.$ZodIssue[],
  prefix: Path,
  validKeysAt: (path: Path) => string[],
  options: SchemaIssueOptions,
  out: RuleSetIssue[],
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    // A union failed: report the branch that got furthest, since that is what the author meant.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0]!;
      if (depth(best) > 0) {
        collectIssues(source, best, path, validKeysAt, options, out);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const valid = validKeysAt(path);
      for (const key of issue.keys) {
        const hint = nearest(key, valid);
        const unknown = options.unknownKey?.(key, valid, hint) ?? `unknown key "${key}"`;
        const message = `${unknown}${hint ? `; did you mean "${hint}"?` : ''}`;
        out.push(source.issue(options.code ?? 'unknown_key', [...path, key], message));
      }
      continue;
    }
    out.push(source.issue(options.code ?? 'invalid_shape', path, describeZodIssue(issue)));
  }
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const found = issue.input === undefined ? 'nothing (the key is missing)' : describeValue(issue.input);
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected}, found ${found}`;
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.filter((v): v is string => typeof v === 'string');
    const hint = typeof issue.input === 'string' ? nearest(issue.input, values) : undefined;
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${found}${hint ? `; did you mean "${hint}"?` : ''}`;
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
    const bound = issue.code === 'too_big' ? `at most ${String(issue.maximum)}` : `at least ${String(issue.minimum)}`;
    return `expected a number ${bound}, found ${found}`;
  }
  if (issue.code === 'invalid_union') {
    return `not one of the accepted forms, found ${found}`;
  }
  return issue.input === undefined ? issue.message : `${issue.message}, found ${found}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}
