import type { Document, Node } from 'yaml';
import { yamlLibrary } from './yaml-lib.js';
import type { z } from 'zod';
import type { RuleSetIssue, RuleSetIssueCode } from './errors.js';
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

/** Parses YAML keeping positions; syntax errors become `invalid_yaml` issues. */
export function parseYamlSource(text: string, file?: string): YamlSource {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
  const issues: RuleSetIssue[] = doc.errors.map((error) =>
    located('invalid_yaml', [], `YAML syntax error: ${error.message.split('\n')[0]}`, error.pos[0]),
  );
  return {
    ...(file === undefined ? {} : { file }),
    value: issues.length > 0 ? undefined : doc.toJS(),
    issues,
    issue: (code, path, message) => located(code, path, message, offsetOf(doc, path)),
  };
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

/** Turns zod's issues into located rule-set issues, with hints for the usual mistakes. */
export function schemaIssues(source: YamlSource, error: z.ZodError, validKeysAt: (path: Path) => string[]): RuleSetIssue[] {
  const out: RuleSetIssue[] = [];
  collectIssues(source, error.issues, [], validKeysAt, out);
  return out;
}

function collectIssues(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  prefix: Path,
  validKeysAt: (path: Path) => string[],
  out: RuleSetIssue[],
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    // A union failed: report the branch that got furthest, since that is what the author meant.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0]!;
      if (depth(best) > 0) {
        collectIssues(source, best, path, validKeysAt, out);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const hint = nearest(key, validKeysAt(path));
        out.push(
          source.issue('unknown_key', [...path, key], `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : ''}`),
        );
      }
      continue;
    }
    out.push(source.issue('invalid_shape', path, describeZodIssue(issue)));
  }
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const found = issue.input === undefined ? 'nothing (the key is missing)' : describeValue(issue.input);
    return `expected ${issue.expected}, found ${found}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(issue.input)}`;
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
    const bound = issue.code === 'too_big' ? `at most ${String(issue.maximum)}` : `at least ${String(issue.minimum)}`;
    return `expected a number ${bound}, found ${describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_union') {
    return `not one of the accepted forms, found ${describeValue(issue.input)}`;
  }
  return issue.input === undefined ? issue.message : `${issue.message}, found ${describeValue(issue.input)}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}
