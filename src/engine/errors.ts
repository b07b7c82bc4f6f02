import { formatPath } from '../policy/errors.js';

/** Stable codes for an option naming something the moderator does not know; callers branch on these, never on wording. */
export type OptionErrorCode = 'unknown_category' | 'unknown_entity';

/** What an {@link OptionError} carries besides its message. */
export interface OptionProblem {
  readonly code: OptionErrorCode;
  /** Where in the options: `['entities', 0]`. */
  readonly path: readonly (string | number)[];
  /** The name as given. */
  readonly value: string;
  /** Every name the option accepts on this moderator, sorted. */
  readonly known: readonly string[];
  /** The known name closest to `value`, when `value` looks like a typo of it. */
  readonly suggestion?: string;
}

const NOUNS: Record<OptionErrorCode, string> = { unknown_category: 'category', unknown_entity: 'entity' };

/**
 * Thrown when an option names a category or entity the moderator cannot produce, e.g.
 * `redact(text, { entities: ['phon'] })`: carried out, it would match nothing and leave the
 * personal data it was meant to hide in the message. A `RangeError`, with a stable `code`.
 */
export class OptionError extends RangeError {
  override readonly name = 'OptionError';
  readonly code: OptionErrorCode;
  readonly path: readonly (string | number)[];
  readonly value: string;
  readonly known: readonly string[];
  readonly suggestion: string | undefined;

  constructor(method: string, problem: OptionProblem) {
    super(`${method}(): ${describeProblem(problem)}`);
    this.code = problem.code;
    this.path = problem.path;
    this.value = problem.value;
    this.known = problem.known;
    this.suggestion = problem.suggestion;
  }
}

/** `unknown entity "phon" in entities[0] (did you mean "phone"?); known: …`, without the method name. */
export function describeProblem(problem: OptionProblem, where = formatPath(problem.path)): string {
  const hint = problem.suggestion === undefined ? '' : ` (did you mean "${problem.suggestion}"?)`;
  const known = problem.known.length === 0 ? 'none' : problem.known.join(', ');
  return `unknown ${NOUNS[problem.code]} "${problem.value}" in ${where}${hint}; known: ${known}`;
}
