import type { CompiledPolicy } from '../policy/compile.js';
import { mapSpanToOriginal, type Views } from '../text/index.js';
import type { TextView, ViewName } from '../text/types.js';
import { evaluate } from './evaluate.js';
import { buildFindings, type Suppressed } from './findings.js';
import type { Finding, Thresholds } from './types.js';

/** What happened to one rule on one message. */
export type RuleOutcome =
  | 'flagged'
  | 'below-threshold'
  | 'suppressed'
  | 'not-triggered'
  | 'no-match';

/** Why a rule did or did not produce a finding on a message. */
export interface RuleExplanation {
  readonly ruleId: string;
  readonly outcome: RuleOutcome;
  /** One sentence for a policy author. */
  readonly reason: string;
  readonly findings: readonly Finding[];
}

/** Explains, for every rule of the policy, why it fired on a message or why not. */
export function explainMessage(
  policy: CompiledPolicy,
  text: string,
  thresholdsFor: (category: string) => Thresholds,
): RuleExplanation[] {
  const evaluation = evaluate(policy, text);
  const suppressed: Suppressed[] = [];
  const findings = buildFindings(policy, evaluation, suppressed);
  return policy.rules.map((rule) => {
    const own = findings.filter((f) => f.ruleId === rule.id);
    const review = thresholdsFor(rule.ruleSet.category).review;
    if (own.some((f) => f.score >= review)) {
      return { ruleId: rule.id, outcome: 'flagged', reason: `matched ${own.map((f) => `"${f.text}" (score ${f.score})`).join(', ')}`, findings: own };
    }
    if (own.length > 0) {
      return {
        ruleId: rule.id,
        outcome: 'below-threshold',
        reason: `matched ${own.map((f) => `"${f.text}" (score ${f.score})`).join(', ')}, under the review threshold ${review}`,
        findings: own,
      };
    }
    const cancelled = suppressed.filter((s) => s.match.rule === rule);
    if (cancelled.length > 0) {
      return {
        ruleId: rule.id,
        outcome: 'suppressed',
        reason: cancelled.map((s) => `"${text.slice(s.match.start, s.match.end)}" cancelled by ${s.reason}`).join('; '),
        findings: [],
      };
    }
    const hits = evaluation.hits.get(rule.index);
    switch (rule.kind) {
      case 'terms':
        return { ruleId: rule.id, outcome: 'not-triggered', reason: 'none of its terms occur', findings: [] };
      case 'near': {
        const groups = rule.source.near!.groups;
        const missing = groups.map((_, i) => i).filter((i) => (hits?.near[i] ?? []).length === 0);
        const reason =
          missing.length > 0
            ? `no term of group${missing.length > 1 ? 's' : ''} ${missing.map((i) => i + 1).join(', ')} occurs ` +
              `(${missing.map((i) => groups[i]!.slice(0, 3).join(', ')).join('; ')})`
            : `every group occurs, but not within ${rule.source.near!.within} words${rule.source.near!.ordered ? ' in order' : ''}`;
        return { ruleId: rule.id, outcome: missing.length > 0 ? 'not-triggered' : 'no-match', reason, findings: [] };
      }
      default: {
        const triggered = rule.always || (hits?.trigger.length ?? 0) > 0;
        if (!triggered) return { ruleId: rule.id, outcome: 'not-triggered', reason: 'its trigger terms do not occur', findings: [] };
        if (rule.detector?.precheck && !rule.detector.precheck(text)) {
          return { ruleId: rule.id, outcome: 'not-triggered', reason: `detector "${rule.detector.name}" found nothing worth looking at`, findings: [] };
        }
        const what = rule.kind === 'pattern' ? 'the grammar pattern' : rule.kind === 'regex' ? 'the regex' : `detector "${rule.detector?.name}"`;
        const ran = rule.always ? 'ran' : 'triggered';
        const context = { text, views: evaluation.views, options: rule.source.options ?? {}, lists: rule.ruleSet.lists, ruleSetLists: rule.ruleSetLists };
        const rejected = rule.detector?.explainRejected?.(context) ?? [];
        if (rejected.length > 0) {
          const listed = rejected.map((r) => {
            const span = mapSpanToOriginal(pickView(evaluation.views, r.view), r.start, r.end);
            return `"${text.slice(span.start, span.end)}" (${r.reason})`;
          });
          return { ruleId: rule.id, outcome: 'no-match', reason: `${ran}, but ${what} set aside ${listed.join('; ')}`, findings: [] };
        }
        return { ruleId: rule.id, outcome: 'no-match', reason: `${ran}, but ${what} found nothing`, findings: [] };
      }
    }
  });
}

function pickView(views: Views, name: ViewName | undefined): TextView {
  return name === undefined ? views.original : views[name];
}
