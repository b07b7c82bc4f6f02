// Runs every example of the policy author's guide, so the guide cannot rot (see markdown-examples.ts).
import { describe, expect, it } from 'vitest';
import { describeMarkdownExamples } from './markdown-examples.js';

const GUIDE = 'docs/writing-rule-sets.md';
const blocks = describeMarkdownExamples(GUIDE);

describe(GUIDE, () => {
  it('has examples of every kind', () => {
    expect(blocks.filter((b) => /title="/.test(b.info)).length).toBeGreaterThan(3);
    expect(blocks.filter((b) => b.lang === 'console').length).toBeGreaterThan(3);
    expect(blocks.filter((b) => b.lang === 'ts' && b.info === 'run').length).toBeGreaterThan(0);
  });
});
