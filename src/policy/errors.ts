/** Stable codes for every problem a rule file can have; tests assert on these, never on wording. */
export type RuleSetIssueCode =
  | 'invalid_yaml'
  | 'invalid_encoding'
  | 'yaml_too_complex'
  | 'reserved_key'
  | 'invalid_shape'
  | 'unknown_key'
  | 'duplicate_rule_id'
  | 'duplicate_rule_set'
  | 'unknown_list'
  | 'duplicate_list'
  | 'duplicate_term'
  | 'unknown_term'
  | 'unknown_label'
  | 'unknown_placeholder'
  | 'unknown_detector'
  | 'invalid_option'
  | 'missing_matcher'
  | 'conflicting_matchers'
  | 'missing_trigger'
  | 'invalid_regex'
  | 'empty_match_regex'
  | 'unsafe_regex'
  | 'invalid_pattern'
  | 'empty_term'
  | 'unknown_rule'
  | 'unknown_rule_set'
  | 'file_not_found';

/** One problem found while loading a rule set or a case file. */
export interface RuleSetIssue {
  readonly code: RuleSetIssueCode;
  /** Where in the document: `['rules', 0, 'score']`. Empty for the whole file. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly file?: string;
  /** 1-based line and column of the offending node, when the source text is known. */
  readonly line?: number;
  readonly column?: number;
}

/** Thrown when a rule set (or a case file) is broken; `issues` lists every problem at once. */
export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';
  readonly issues: readonly RuleSetIssue[];

  constructor(issues: readonly RuleSetIssue[], summary?: string) {
    super(summary ?? formatIssues(issues));
    this.issues = issues;
  }
}

/** Renders issues as `file:line:column path: message [code]`, one per line, under a heading naming `what` was invalid. */
export function formatIssues(issues: readonly RuleSetIssue[], what = 'rule set'): string {
  const lines = issues.map((issue) => {
    const where = [issue.file ?? '<rule set>', issue.line, issue.column].filter((p) => p !== undefined).join(':');
    const path = issue.path.length > 0 ? ` ${formatPath(issue.path)}:` : '';
    return `${where}${path} ${issue.message} [${issue.code}]`;
  });
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return `Invalid ${what} (${count}):\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

/** `['rules', 0, 'score']` → `rules[0].score`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}
