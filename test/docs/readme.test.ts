// The README and the contract are read in a fresh clone: their examples must run as written there
// (see markdown-examples.ts) and every file they link to must be in the repository.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMarkdownExamples } from './markdown-examples.js';

const readme = describeMarkdownExamples('README.md');
describeMarkdownExamples('docs/contract.md');

describe('README.md', () => {
  it("runs the policy author's example: a rule file, code that loads it from the clone, and its cases", () => {
    const shown = readme.map((b) => /title="([^"]+)"/.exec(b.info)?.[1]).filter(Boolean);
    expect(shown).toEqual(expect.arrayContaining(['fixtures/house-rules.yaml', 'fixtures/house-rules.cases.yaml']));
    const code = readme.filter((b) => b.lang === 'ts' && b.info === 'run').map((b) => b.body);
    expect(code.some((c) => c.includes("loadRuleSet('fixtures/house-rules.yaml')"))).toBe(true);
    expect(readme.some((b) => b.lang === 'console' && b.body.includes('chaperone test fixtures/house-rules.cases.yaml'))).toBe(true);
  });

  it('links the contract in docs/, not a file outside the repository', () => {
    const text = readFileSync('README.md', 'utf8');
    expect(text).toContain('](docs/contract.md)');
    expect(text).not.toMatch(/DESIGN\.md/);
  });

  it.each(['README.md', 'docs/contract.md'])('%s links only to files the repository has', (file) => {
    const links = [...readFileSync(file, 'utf8').matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!);
    const local = links.filter((l) => !/^[a-z]+:/.test(l));
    expect(local.length).toBeGreaterThan(0);
    for (const link of local) expect(existsSync(join(dirname(file), link)), `${file} → ${link}`).toBe(true);
  });
});
