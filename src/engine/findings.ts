import type { CompiledPolicy } from '../policy/compile.js';
import { hitsFor, type Evaluation, type RawMatch } from './evaluate.js';
import { round } from './scoring.js';
import type { ExplanationStep, Finding } from './types.js';

/** Why a raw match did not become a finding; `explain` will show these to policy authors. */
export interface Suppressed {
  readonly match: RawMatch;
  readonly reason: string;
}

/**
 * Turns raw matches into findings: exceptions cancel them, context words move the score, and
 * every change is a step in the explanation. Overlapping matches of one rule keep the best.
 */
export function buildFindings(policy: CompiledPolicy, evaluation: Evaluation, suppressed?: Suppressed[]): Finding[] {
  const findings: Finding[] = [];
  for (const match of evaluation.matches) {
    const cancelledBy = exceptionFor(policy, evaluation, match);
    if (cancelledBy !== undefined) {
      suppressed?.push({ match, reason: cancelledBy });
      continue;
    }
    findings.push(toFinding(policy, evaluation, match));
  }
  return dedupe(findings);
}

function exceptionFor(policy: CompiledPolicy, evaluation: Evaluation, match: RawMatch): string | undefined {
  if (match.rule.allow.length === 0) return undefined;
  const hits = hitsFor(policy, evaluation, match.rule.index);
  for (let slot = 0; slot < match.rule.allow.length; slot++) {
    const allow = match.rule.allow[slot]!;
    if (allow.for !== undefined && !allow.for.has(match.label)) continue;
    for (const hit of evaluation.words.candidates(hits.allow[slot] ?? [], match, allow.within ?? 0)) {
      const applies =
        allow.within === undefined
          ? hit.start < match.end && match.start < hit.end
          : evaluation.words.between(hit, match) <= allow.within;
      if (applies) return `${allow.note} ("${evaluation.text.slice(hit.start, hit.end)}")`;
    }
  }
  return undefined;
}

function toFinding(policy: CompiledPolicy, evaluation: Evaluation, match: RawMatch): Finding {
  const { rule } = match;
  const base = rule.source.score;
  const steps: ExplanationStep[] = [{ kind: 'base', delta: base, note: `base score of ${rule.id}` }];
  let score = base;
  for (const step of match.steps ?? []) {
    steps.push(step);
    score += step.delta;
  }
  if (match.score !== undefined && match.score !== score) {
    steps.push({ kind: 'detector', delta: round(match.score - score), note: `${rule.detector?.name ?? 'detector'} scored the match` });
    score = match.score;
  }
  const hits = rule.context.length > 0 ? hitsFor(policy, evaluation, rule.index) : undefined;
  for (let slot = 0; slot < rule.context.length; slot++) {
    const context = rule.context[slot]!;
    const near = evaluation.words.candidates(hits?.context[slot] ?? [], match, context.within).find(
      (hit) => evaluation.words.between(hit, match) <= context.within,
    );
    if (near) {
      steps.push({ kind: 'context', delta: context.delta, note: `${context.note}: "${evaluation.text.slice(near.start, near.end)}"` });
      score += context.delta;
    }
  }
  const clamped = Math.min(1, Math.max(0, score));
  if (clamped !== score) {
    steps.push({ kind: 'clamp', delta: round(clamped - score), note: 'scores stay between 0 and 1' });
  }
  const text = evaluation.text.slice(match.start, match.end);
  const entity = match.entity ?? rule.source.entity;
  const values: Record<string, string> = {
    match: text,
    matched: match.matched,
    term: match.label,
    list: match.list,
    rule: rule.id,
    category: rule.ruleSet.category,
    entity: entity ?? '',
    ...match.values,
  };
  return {
    ruleId: rule.id,
    ruleSet: rule.ruleSet.id,
    category: rule.ruleSet.category,
    ...(entity === undefined ? {} : { entity }),
    ...(match.scheme === undefined ? {} : { scheme: match.scheme }),
    start: match.start,
    end: match.end,
    text,
    score: round(clamped),
    severity: rule.source.severity,
    message: fillMessage(rule.source.message, values),
    explanation: { matched: match.matched, steps },
  };
}

/** Replaces `{{name}}` with its value; names were checked when the rule set loaded. */
export function fillMessage(template: string, values: Readonly<Record<string, string>>): string {
  // Own keys only: {{constructor}} must not print Object's constructor.
  const valueOf = (name: string) => (Object.hasOwn(values, name) ? values[name] : undefined);
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g, (whole, name: string) => valueOf(name) ?? whole);
}

function dedupe(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score);
  const out: Finding[] = [];
  const lastByRule = new Map<string, number>();
  for (const finding of findings) {
    const previousIndex = lastByRule.get(finding.ruleId);
    const previous = previousIndex === undefined ? undefined : out[previousIndex];
    if (previous && finding.start < previous.end) {
      // Same rule, overlapping: keep the higher score, then the longer span.
      const better =
        finding.score > previous.score ||
        (finding.score === previous.score && finding.end - finding.start > previous.end - previous.start);
      if (better) out[previousIndex!] = finding;
      continue;
    }
    lastByRule.set(finding.ruleId, out.length);
    out.push(finding);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}
