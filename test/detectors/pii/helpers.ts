import type { Detector } from '../../../src/detectors/types.js';
import { loadRuleSet } from '../../../src/policy/load.js';
import { resolveShared } from '../../../src/policy/vocabulary.js';
import { createViews, mapSpanToOriginal } from '../../../src/text/index.js';

const pii = resolveShared([loadRuleSet('rules/pii.any.yaml')])[0]!;

/** The built-in pii rule set's lists with the shared ones its rules read (national-id's keywords, handle's app names). */
export const piiLists = pii.lists;

/** The built-in pii rule of that id. */
export function piiRule(ruleId: string): (typeof pii.rules)[number] {
  return pii.rules.find((rule) => rule.id === ruleId)!;
}

/** The options the built-in pii rule of that id gives its detector. */
export function piiOptions(ruleId: string): Record<string, unknown> {
  return piiRule(ruleId).options ?? {};
}

/** What a detector found in a message, as original text with its score (precheck honoured). */
export function run(detector: Detector, text: string, options: Record<string, unknown> = {}): { text: string; score?: number; entity?: string }[] {
  if (detector.precheck && !detector.precheck(text)) return [];
  const views = createViews(text);
  return detector.detect({ text, views, options, lists: piiLists }).map((m) => {
    const view = m.view === 'plain' ? views.plain : m.view === 'digits' ? views.digits : m.view === 'skeleton' ? views.skeleton : views.original;
    const span = mapSpanToOriginal(view, m.start, m.end);
    return { text: text.slice(span.start, span.end), ...(m.score === undefined ? {} : { score: m.score }), ...(m.entity ? { entity: m.entity } : {}) };
  });
}

/** The texts a detector found. */
export function texts(detector: Detector, text: string, options?: Record<string, unknown>): string[] {
  return run(detector, text, options).map((m) => m.text);
}
