import pc from 'picocolors';
import type { Finding, ModerationResult } from '../engine/types.js';

/** Renders a moderation result for a person: the message with spans marked, then each finding. */
export function formatCheckReport(text: string, result: ModerationResult, color: boolean): string {
  const c = pc.createColors(color);
  const verdictColor = result.verdict === 'block' ? c.red : result.verdict === 'review' ? c.yellow : c.green;
  const lines: string[] = [];
  lines.push(`${c.bold('verdict')} ${verdictColor(result.verdict)} (score ${result.score})`);
  for (const [category, value] of Object.entries(result.categories)) {
    lines.push(`  ${category}: ${value.verdict} (${value.score})`);
  }
  if (result.truncated) {
    lines.push(c.yellow(`moderated the first ${result.truncated.at} of ${result.truncated.length} characters; the rest was not read`));
  }
  lines.push('', highlight(text, result.findings, (s) => (color ? c.inverse(c.red(s)) : `[${s}]`)), '');
  if (result.findings.length === 0) lines.push('no findings');
  for (const finding of result.findings) {
    lines.push(
      `${c.bold(finding.ruleId)} ${JSON.stringify(finding.text)} [${finding.start}, ${finding.end}) ${finding.severity}, score ${finding.score}`,
    );
    lines.push(`  ${finding.message}`);
    lines.push(`  matched ${JSON.stringify(finding.explanation.matched)}`);
    for (const step of finding.explanation.steps) {
      const delta = step.kind === 'base' ? step.delta.toFixed(2) : `${step.delta >= 0 ? '+' : ''}${step.delta.toFixed(2)}`;
      lines.push(c.dim(`  ${delta.padStart(6)}  ${step.kind}: ${step.note}`));
    }
  }
  return lines.join('\n');
}

/** Wraps each flagged span (merged where they overlap) with `mark`. */
export function highlight(text: string, findings: readonly Finding[], mark: (span: string) => string): string {
  const spans = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (let i = 0; i < spans.length; ) {
    const start = Math.max(spans[i]!.start, cursor);
    let end = spans[i]!.end;
    let j = i + 1;
    while (j < spans.length && spans[j]!.start < end) end = Math.max(end, spans[j++]!.end);
    if (end > start) {
      out += text.slice(cursor, start) + mark(text.slice(start, end));
      cursor = end;
    }
    i = j;
  }
  return out + text.slice(cursor);
}
