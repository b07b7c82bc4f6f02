import { formatCaseFailure, runCaseFile, type CaseRunOptions } from './runner.js';
import { loadCaseFile } from './cases.js';

export { loadCaseFile } from './cases.js';
export type { CaseFile, InvalidCase, ValidCase } from './cases.js';
export { formatCaseFailure, runCaseFile } from './runner.js';
export type { CaseFileResult, CaseResult, CaseRunOptions } from './runner.js';

type Suite = (name: string, body: () => void) => void;
type Test = (name: string, body: () => void) => void;

/** The test functions to register cases with; vitest's, Jest's or node:test's all fit. */
export interface TestFunctions {
  readonly describe: Suite;
  readonly it: Test;
}

/**
 * Registers one test per case of a case file with your test runner, so a failing case shows
 * up by name. Pass `{ describe, it }` from vitest, or rely on test globals.
 */
export function describeCases(file: string, options: CaseRunOptions & Partial<TestFunctions> = {}): void {
  const globals = globalThis as unknown as Partial<TestFunctions>;
  const describe = options.describe ?? globals.describe;
  const it = options.it ?? globals.it;
  if (!describe || !it) {
    throw new Error('describeCases needs describe() and it(): pass { describe, it } from your test runner');
  }
  const cases = loadCaseFile(file);
  const outcome = runCaseFile(cases, options);
  describe(`${cases.ruleSet} cases (${file})`, () => {
    for (const result of outcome.results) {
      it(`${result.kind}: ${result.text}`, () => {
        if (!result.passed) throw new Error(formatCaseFailure(result, file));
      });
    }
  });
}
