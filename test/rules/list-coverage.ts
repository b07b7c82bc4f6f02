import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { builtinRuleSets } from '../../src/policy/builtin.js';
import { createViews } from '../../src/text/index.js';

/**
 * Every list of a rule set's files is policy; a list no case exercises can be emptied or broken
 * without a test noticing. A list counts as covered when a case's text holds one of its terms as
 * written or in its skeleton view, which joins spelled-out letters (a whole word for Latin terms,
 * `*` at an edge for a partial word).
 */
export function describeListCoverage(ruleSetId: string, casesFile: string): void {
  describe(`${ruleSetId} lists`, () => {
    const cases = parse(readFileSync(casesFile, 'utf8')) as { valid: (string | { text: string })[]; invalid: { text: string }[] };
    const texts = [...cases.valid.map((c) => (typeof c === 'string' ? c : c.text)), ...cases.invalid.map((c) => c.text)].flatMap((t) => [
      t.toLowerCase(),
      createViews(t).skeleton.text,
    ]);
    const holds = (term: string) => {
      const bare = term.toLowerCase().replace(/^\*|\*$/g, '');
      if (/[\u3400-\u9fff]/.test(bare)) return texts.some((t) => t.includes(bare));
      const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`${term.startsWith('*') ? '' : '(?<![\\p{L}\\p{N}])'}${escaped}${term.endsWith('*') ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
      return texts.some((t) => pattern.test(t));
    };
    const lists = builtinRuleSets()
      .filter((r) => r.id === ruleSetId)
      .flatMap((r) => Object.entries(r.lists).map(([name, entries]) => [`${r.file}: ${name}`, entries] as const));
    it.each(lists)('%s has a case', (_, entries) => {
      expect(entries.some((e) => holds(e.term))).toBe(true);
    });
  });
}
