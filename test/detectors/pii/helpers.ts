import type { Detector } from '../../../src/detectors/types.js';
import { loadRuleSet } from '../../../src/policy/load.js';
import { createViews, mapSpanToOriginal } from '../../../src/text/index.js';

/** The built-in pii rule set's lists, which some detectors read (national-id's keywords). */
export const piiLists = loadRuleSet('rules/pii.any.yaml').lists;

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
