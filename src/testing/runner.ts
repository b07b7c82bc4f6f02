import { createModerator, type Moderator } from '../engine/moderator.js';
import type { Finding } from '../engine/types.js';
import { builtinRuleSets } from '../policy/builtin.js';
import { loadRuleSet, type RuleSet } from '../policy/load.js';
import type { FindingExpectation } from '../policy/schema.js';
import type { Detector } from '../detectors/types.js';
import { caseFileError, loadCaseFile, type CaseFile } from './cases.js';

/** Where the rule set under test comes from. */
export interface CaseRunOptions {
  /** Rule sets (loaded, paths or YAML text) to look for the case file's `ruleSet` in; default the built-in ones. */
  readonly ruleSets?: readonly (RuleSet | string)[];
  readonly detectors?: readonly Detector[];
}

/** The outcome of one case. */
export interface CaseResult {
  readonly kind: 'valid' | 'invalid';
  readonly text: string;
  readonly note?: string;
  readonly line?: number;
  readonly passed: boolean;
  /** What differed, one sentence per problem; empty when the case passed. */
  readonly problems: readonly string[];
  readonly expected: readonly FindingExpectation[];
  /** Findings of the rule set under test. */
  readonly actual: readonly Finding[];
}

/** The outcome of a whole case file. */
export interface CaseFileResult {
  readonly file?: string;
  readonly ruleSet: string;
  readonly results: readonly CaseResult[];
  readonly passed: number;
  readonly failed: number;
  /** Rule ids of the rule set that no invalid case expects. */
  readonly uncoveredRules: readonly string[];
  /** Case texts that appear more than once. */
  readonly duplicates: readonly string[];
}

/** Runs every case of a case file against the rule set it names. */
export function runCaseFile(caseFile: CaseFile | string, options: CaseRunOptions = {}): CaseFileResult {
  const cases = typeof caseFile === 'string' ? loadCaseFile(caseFile) : caseFile;
  const moderator = moderatorFor(cases.ruleSet, options, cases.file);
  const review = moderator.thresholdsFor(moderator.ruleSets[0]!.category).review;
  const results: CaseResult[] = [];
  for (const entry of cases.valid) {
    const actual = ownFindings(moderator, entry.text, cases.ruleSet);
    const flagged = actual.filter((f) => f.score >= review);
    results.push({
      kind: 'valid',
      text: entry.text,
      ...(entry.note === undefined ? {} : { note: entry.note }),
      ...(entry.line === undefined ? {} : { line: entry.line }),
      passed: flagged.length === 0,
      problems: flagged.map((f) => `unexpected ${f.ruleId} on "${f.text}" (score ${f.score})`),
      expected: [],
      actual,
    });
  }
  for (const entry of cases.invalid) {
    const actual = ownFindings(moderator, entry.text, cases.ruleSet);
    const problems: string[] = [];
    const used = new Set<Finding>();
    for (const expected of entry.findings) {
      const found = actual.find((f) => !used.has(f) && matches(f, expected));
      if (found) used.add(found);
      else problems.push(`missing ${describeExpectation(expected)}`);
    }
    if (entry.exact) {
      for (const f of actual) if (!used.has(f)) problems.push(`unexpected ${f.ruleId} on "${f.text}" (exact: true)`);
    }
    results.push({
      kind: 'invalid',
      text: entry.text,
      ...(entry.note === undefined ? {} : { note: entry.note }),
      ...(entry.line === undefined ? {} : { line: entry.line }),
      passed: problems.length === 0,
      problems,
      expected: entry.findings,
      actual,
    });
  }
  const covered = new Set(cases.invalid.flatMap((c) => c.findings.map((f) => f.ruleId)));
  const allRules = moderator.ruleSets.flatMap((r) => r.rules.map((rule) => `${r.id}/${rule.id}`));
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const text of [...cases.valid, ...cases.invalid].map((c) => c.text)) {
    if (seen.has(text)) duplicates.add(text);
    seen.add(text);
  }
  const failed = results.filter((r) => !r.passed).length;
  return {
    ...(cases.file === undefined ? {} : { file: cases.file }),
    ruleSet: cases.ruleSet,
    results,
    passed: results.length - failed,
    failed,
    uncoveredRules: allRules.filter((id) => !covered.has(id)),
    duplicates: [...duplicates],
  };
}

const moderators = new WeakMap<readonly (RuleSet | string)[], Map<string, Moderator>>();
const defaultModerators = new Map<string, Moderator>();

function moderatorFor(ruleSetId: string, options: CaseRunOptions, file: string | undefined): Moderator {
  const cache = options.ruleSets ? (moderators.get(options.ruleSets) ?? new Map<string, Moderator>()) : defaultModerators;
  if (options.ruleSets) moderators.set(options.ruleSets, cache);
  const cached = cache.get(ruleSetId);
  if (cached && !options.detectors) return cached;
  const candidates = (options.ruleSets ?? builtinRuleSets()).map((r) => (typeof r === 'string' ? loadRuleSet(r) : r));
  const chosen = candidates.filter((r) => r.id === ruleSetId);
  if (chosen.length === 0) {
    const known = [...new Set(candidates.map((r) => r.id))].join(', ') || 'none';
    throw caseFileError([
      {
        code: 'unknown_rule_set',
        path: ['ruleSet'],
        message: `the cases are for rule set "${ruleSetId}", which is not loaded (loaded: ${known}); pass its file with --rules`,
        ...(file === undefined ? {} : { file }),
      },
    ]);
  }
  const moderator = createModerator({ ruleSets: chosen, ...(options.detectors ? { detectors: options.detectors } : {}) });
  cache.set(ruleSetId, moderator);
  return moderator;
}

function ownFindings(moderator: Moderator, text: string, ruleSetId: string): Finding[] {
  return moderator.moderate(text).findings.filter((f) => f.ruleSet === ruleSetId);
}

function matches(finding: Finding, expected: FindingExpectation): boolean {
  return (
    finding.ruleId === expected.ruleId &&
    (expected.text === undefined || finding.text === expected.text) &&
    (expected.start === undefined || finding.start === expected.start) &&
    (expected.end === undefined || finding.end === expected.end) &&
    (expected.entity === undefined || finding.entity === expected.entity) &&
    (expected.scheme === undefined || finding.scheme === expected.scheme) &&
    (expected.severity === undefined || finding.severity === expected.severity) &&
    (expected.message === undefined || finding.message === expected.message)
  );
}

function describeExpectation(expected: FindingExpectation): string {
  const parts = Object.entries(expected)
    .filter(([key]) => key !== 'ruleId')
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`);
  return `${expected.ruleId}${parts.length > 0 ? ` with ${parts.join(', ')}` : ''}`;
}

/** One readable report of a failed case: the text, what was expected and what was found. */
export function formatCaseFailure(result: CaseResult, file?: string): string {
  const where = file ? `${file}${result.line ? `:${result.line}` : ''}` : '';
  const found =
    result.actual.length === 0
      ? '    (no findings)'
      : result.actual.map((f) => `    ${f.ruleId} "${f.text}" [${f.start}, ${f.end}) score ${f.score}`).join('\n');
  return [
    `✗ ${result.kind} ${where} ${JSON.stringify(result.text)}`.replace(/\s+/, ' '),
    ...result.problems.map((p) => `  ${p}`),
    ...(result.expected.length > 0 ? ['  expected:', ...result.expected.map((e) => `    ${describeExpectation(e)}`)] : []),
    '  actual:',
    found,
  ].join('\n');
}
