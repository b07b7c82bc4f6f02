import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinRuleSets } from '../../src/policy/builtin.js';
import { resolveShared } from '../../src/policy/vocabulary.js';
import { createViews } from '../../src/text/index.js';

/**
 * Every list of a rule set's files (and, with `shared`, every shared list its rules read) is
 * policy; a list no case exercises can be emptied or broken without a test noticing. A list
 * counts as covered when a case's text holds one of its terms as written or in its skeleton view,
 * which joins spelled-out letters (a whole word for Latin terms, `*` at an edge for a partial word).
 */
export function itCoversEveryList(ruleSetId: string, casesFile: string, options: { shared?: boolean } = {}): void {
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
  const own = builtinRuleSets().filter((r) => r.id === ruleSetId);
  const ruleSets = options.shared ? resolveShared(own) : own;
  const lists = new Map<string, readonly { term: string }[]>();
  for (const r of ruleSets) {
    for (const [name, entries] of Object.entries(r.lists)) {
      if (name.startsWith('shared/') ? !options.shared : false) continue;
      lists.set(name.startsWith('shared/') ? `rules/shared.yaml: ${name.slice('shared/'.length)}` : `${r.file}: ${name}`, entries);
    }
  }
  it.each([...lists])('%s has a case', (_, entries) => {
    expect(entries.some((e) => holds(e.term))).toBe(true);
  });
}
