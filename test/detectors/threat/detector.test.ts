import { describe, expect, it } from 'vitest';
import { threatGrammarDetector } from '../../../src/detectors/threat/index.js';
import { createModerator, loadRuleSet } from '../../../src/index.js';
import { createViews } from '../../../src/text/index.js';

const detect = (text: string, kind: unknown) => threatGrammarDetector.detect({ text, views: createViews(text), options: { kind }, lists: {} });

describe('the threat-grammar detector', () => {
  it.each([
    ['violence', 'I will break your legs'],
    ['intimidation', 'I know where you live'],
    ['coercion', 'give me 5 stars or else'],
    ['third-party', 'someone should shoot him'],
  ])('reports only its own kind (%s)', (kind, text) => {
    expect(detect(text, kind).length).toBeGreaterThan(0);
    for (const other of ['sexual', 'family']) expect(detect(text, other)).toEqual([]);
  });

  it('fills agent, patient and mood for the message', () => {
    const [match] = detect('I will break your legs', 'violence');
    expect(match!.values).toEqual({ agent: 'speaker', patient: 'reader', mood: 'future' });
    expect(match!.view).toBe('plain');
  });

  it('finds nothing for a kind it does not know, rather than throwing', () => {
    expect(detect('I will break your legs', 'weather')).toEqual([]);
  });

  it('maps spans back to the original text through the plain view', () => {
    const text = 'OK ＦＩＮＥ. I​ will k1ll you';
    const finding = createModerator({ ruleSets: ['threat'] }).moderate(text).findings.find((f) => f.ruleId === 'threat/violence');
    expect(finding).toBeDefined();
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.text);
    expect(finding!.text.endsWith('you')).toBe(true);
  });

  it('serves a custom rule set that uses it', () => {
    const rules = loadRuleSet(`id: house
category: threat
description: d
rules:
  - id: pursuit
    description: d
    severity: high
    score: 0.9
    message: "{{agent}} / {{patient}} / {{mood}}"
    detector: threat-grammar
    options: { kind: violence }
    trigger: [find]
`);
    const [finding] = createModerator({ ruleSets: [rules] }).moderate('I will find you, you owe me').findings;
    expect(finding!.message).toBe('speaker / reader / future');
  });
});
