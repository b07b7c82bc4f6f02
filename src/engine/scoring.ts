import type { CategoryResult, Finding, Thresholds, Verdict } from './types.js';

/** Thresholds used when the policy says nothing: review at 0.5, block at 0.85. */
export const DEFAULT_THRESHOLDS: Thresholds = { review: 0.5, block: 0.85 };

/** The verdict a score earns under the given thresholds. */
export function verdictFor(score: number, thresholds: Thresholds): Verdict {
  if (score >= thresholds.block) return 'block';
  if (score >= thresholds.review) return 'review';
  return 'allow';
}

const VERDICT_RANK: Record<Verdict, number> = { allow: 0, review: 1, block: 2 };

/** The more severe of two verdicts. */
export function worstVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_RANK[a] >= VERDICT_RANK[b] ? a : b;
}

/**
 * Combines findings per category with a noisy-OR over rules: independent rules that fire make
 * a message more likely to be bad, while the same rule firing twice does not.
 */
export function scoreCategories(
  findings: readonly Finding[],
  thresholdsFor: (category: string) => Thresholds,
): Record<string, CategoryResult> {
  const best = new Map<string, Map<string, number>>();
  for (const finding of findings) {
    let rules = best.get(finding.category);
    if (!rules) best.set(finding.category, (rules = new Map()));
    rules.set(finding.ruleId, Math.max(rules.get(finding.ruleId) ?? 0, finding.score));
  }
  const out: Record<string, CategoryResult> = {};
  for (const [category, rules] of best) {
    let keep = 1;
    for (const score of rules.values()) keep *= 1 - score;
    const score = round(1 - keep);
    out[category] = { score, verdict: verdictFor(score, thresholdsFor(category)) };
  }
  return out;
}

/** A result's verdict and score over its categories: the worst verdict and the highest score. */
export function overallOf(categories: Readonly<Record<string, CategoryResult>>): { verdict: Verdict; score: number } {
  let verdict: Verdict = 'allow';
  let score = 0;
  for (const category of Object.values(categories)) {
    verdict = worstVerdict(verdict, category.verdict);
    score = Math.max(score, category.score);
  }
  return { verdict, score };
}

/** Scores are reported to 4 decimals so results compare and serialise cleanly. */
export function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
