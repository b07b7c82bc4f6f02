import { readPolicyFile } from '../policy/encoding.js';
import { formatIssues, RuleSetError, type RuleSetIssue } from '../policy/errors.js';
import { schemas, type FindingExpectation } from '../policy/schema.js';
import { parseYamlSource, schemaIssues } from '../policy/source.js';

/** A test-case file after validation: messages that must pass and messages that must be caught. */
export interface CaseFile {
  readonly ruleSet: string;
  readonly file?: string;
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** A message the rule set must not flag. */
export interface ValidCase {
  readonly text: string;
  readonly note?: string;
  /** 1-based line in the case file, when known. */
  readonly line?: number;
}

/** A message the rule set must catch, with the findings it must produce. */
export interface InvalidCase {
  readonly text: string;
  readonly note?: string;
  readonly findings: readonly FindingExpectation[];
  readonly exact?: boolean;
  readonly line?: number;
}

/** Parses a `*.cases.yaml` file (text or path); throws {@link RuleSetError} naming every problem. */
export function loadCaseFile(source: string, options: { file?: string } = {}): CaseFile {
  let text = source;
  let file = options.file;
  if (!source.includes('\n') && /\.ya?ml$/i.test(source.trim())) {
    file = source;
    const read = readPolicyFile(source, 'case file');
    if ('issue' in read) throw caseFileError([read.issue]);
    text = read.text;
  }
  const yaml = parseYamlSource(text, file);
  if (yaml.issues.length > 0) throw caseFileError(yaml.issues);
  const parsed = schemas().caseFile.safeParse(yaml.value, { reportInput: true });
  if (!parsed.success) {
    const issues: RuleSetIssue[] = schemaIssues(yaml, parsed.error, (path) =>
      path.length === 0 ? ['ruleSet', 'valid', 'invalid'] : path[0] === 'invalid' ? ['text', 'note', 'findings', 'exact'] : [],
    );
    throw caseFileError(issues);
  }
  const lineOf = (path: (string | number)[]) => yaml.issue('invalid_shape', path, '').line;
  return {
    ruleSet: parsed.data.ruleSet,
    ...(file === undefined ? {} : { file }),
    valid: parsed.data.valid.map((entry, i) => {
      const line = lineOf(['valid', i]);
      const base = typeof entry === 'string' ? { text: entry } : entry;
      return { ...base, ...(line === undefined ? {} : { line }) };
    }),
    invalid: parsed.data.invalid.map((entry, i) => {
      const line = lineOf(['invalid', i]);
      return { ...entry, ...(line === undefined ? {} : { line }) };
    }),
  };
}

/** A {@link RuleSetError} whose message says it is the case file that is broken. */
export function caseFileError(issues: readonly RuleSetIssue[]): RuleSetError {
  return new RuleSetError(issues, formatIssues(issues, 'case file'));
}
