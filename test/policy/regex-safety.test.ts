import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createModerator, loadRuleSet, safeLoadRuleSet, type RuleSetIssue } from '../../src/index.js';

/** A rule file with one regex rule; the regex is on line 10. */
function ruleFile(regex: string, { view, flags }: { view?: string; flags?: string } = {}): string {
  return [
    'id: house-rules',
    'category: off-platform',
    'description: One regex rule.',
    'rules:',
    '  - id: the-regex',
    '    description: d',
    '    severity: low',
    '    score: 0.5',
    '    message: m',
    `    regex: '${regex.replace(/'/g, "''")}'`,
    ...(view ? [`    view: ${view}`] : []),
    ...(flags ? [`    flags: ${flags}`] : []),
    '',
  ].join('\n');
}

function unsafeIssue(regex: string, options?: { view?: string; flags?: string }): RuleSetIssue | undefined {
  const result = safeLoadRuleSet(ruleFile(regex, options), { file: 'house-rules.yaml' });
  return result.success ? undefined : result.error.issues.find((i) => i.code === 'unsafe_regex');
}

describe('the regexes of issue 20 are refused when the file loads', () => {
  it.each([
    ['(?:a|a)*b', 'overlapping alternation under a star', 'more than one way'],
    ['(a|aa)+$', 'overlapping alternation under a plus', 'more than one way'],
    ['a*a*a*a*a*b', 'stacked quantifiers', 'every way to split'],
    ['\\d+\\d+\\d+\\d+z', 'stacked quantifiers', 'every way to split'],
  ])('%s (%s)', (regex, _kind, words) => {
    const issue = unsafeIssue(regex);
    expect(issue).toMatchObject({ code: 'unsafe_regex', path: ['rules', 0, 'regex'], file: 'house-rules.yaml', line: 10, column: 12 });
    expect(issue!.message).toContain(words);
  });
});

describe('what the regex check refuses and accepts', () => {
  it.each([
    ['(a+)+b', 'a repetition directly inside a repetition'],
    ['(a*)*b', 'a nullable repetition inside a repetition'],
    ['(?:\\w+\\s?)+$', 'words with optional spaces between them, repeated'],
    ['(?:ab|a|b)*!', 'an alternative that is two others in a row'],
    ['(?:a|a?)+!', 'an alternative and its optional twin'],
    ['\\w+\\s*\\w+!', 'two runs that an optional separator keeps in contact'],
    ['a.*b.*c', 'two wildcards that can trade the same text'],
    ['\\d{1,1000}\\d{1,1000}z', 'bounds too high to count as bounded'],
    ['\\d{0,16}\\d{0,16}\\d{0,16}z', 'bounded repetitions with too many ways to split a run'],
    ['[0-9 ]{3,24}\\d+!', 'a bounded repetition trading with an unbounded one'],
    ['\\w+(?=.*x)', 'an unbounded lookahead after a repetition'],
    ['(?:(?=\\w+x)\\w)*', 'an unbounded lookahead inside a repetition'],
    ['(?<=c(?:a|a)*)b', 'an ambiguous lookbehind'],
    ['(?=(a|a)*c)\\w', 'an ambiguous lookahead'],
    ['(?:ab|ab)*c', 'an attack string longer than one character'],
  ])('refuses %s (%s)', (regex) => {
    expect(unsafeIssue(regex)).toBeDefined();
  });

  it.each([
    ['\\w+@\\w+\\.\\w+', 'an e-mail shape: the separators are read by neither run'],
    ['(?<=\\$)\\d+(?:\\.\\d{2})?', 'lookbehind, which RE2-style engines lack'],
    ['(?<![\\w@])@[a-z0-9_]{3,30}\\b', 'negative lookbehind and a bounded run'],
    ['(?<=\\$\\s*)\\d+', 'an unbounded lookbehind at the start: once per start position'],
    ['(?=.*\\d)\\w+', 'an unbounded lookahead at the start'],
    ['foo(?=.*bar)', 'an unbounded lookahead after fixed text'],
    ['(\\w+)\\s\\1\\b', 'a backreference'],
    ['(?<amount>\\d{1,6})\\s?(?:usd|dollars)', 'a named group'],
    ['\\d{3}\\d{4}', 'fixed counts cannot trade text'],
    ['\\d{1,2}\\s?\\d+', 'a small bounded run next to an unbounded one'],
    ['(?:\\d{1,3}\\.){3}\\d{1,3}', 'an address: the dots separate the runs'],
    ['[a-z]+x', 'one run'],
    ['(?:a?)*b', 'an optional part repeated: empty iterations are rejected'],
    ['\\p{Script=Han}{2,8}(?:微信|vx)', 'a Unicode property'],
  ])('accepts %s (%s)', (regex) => {
    const result = safeLoadRuleSet(ruleFile(regex));
    expect(result.success, result.success ? '' : result.error.message).toBe(true);
  });

  it('reads a regex on the plain view over the characters that view can hold', () => {
    // `…` becomes `...` in the plain view, so the first two alternatives never overlap there.
    const regex = '不然(?:……|…|\\.\\.\\.)+!';
    expect(unsafeIssue(regex, { view: 'original' })).toBeDefined();
    expect(unsafeIssue(regex, { view: 'plain' })).toBeUndefined();
    expect(unsafeIssue(regex)).toBeUndefined();
    // Upper case never reaches the plain view either, unless the i flag brings the lower case in.
    expect(unsafeIssue('(?:A|A)+!', { view: 'original' })).toBeDefined();
    expect(unsafeIssue('(?:A|A)+!')).toBeUndefined();
    expect(unsafeIssue('(?:A|A)+!', { flags: 'i' })).toBeDefined();
  });
});

/** Every `regex` of a rule file, with its view and flags. */
function regexesOf(document: unknown): { regex: string; view?: string; flags?: string }[] {
  const rules = (document as { rules?: unknown[] } | null)?.rules ?? [];
  return rules.flatMap((r) => {
    const rule = r as { regex?: unknown; view?: string; flags?: string };
    return typeof rule.regex === 'string' ? [{ regex: rule.regex, view: rule.view, flags: rule.flags }] : [];
  });
}

const yamlFiles = (dir: string) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${dir}/${f}`);
// broken-rules.yaml, broken.yaml and the like are broken on purpose, to show load errors.
const isBroken = (file: string) => /\/broken[^/]*$/.test(file);

describe('nothing good is refused', () => {
  const files = [...yamlFiles('rules'), ...yamlFiles('fixtures'), ...yamlFiles('docs/examples')].filter(
    (f) => !isBroken(f) && Array.isArray((parse(readFileSync(f, 'utf8')) as { rules?: unknown }).rules),
  );
  const fromFiles = files.flatMap((file) => regexesOf(parse(readFileSync(file, 'utf8'))).map((r) => ({ ...r, where: file })));
  // The guide's YAML blocks, whole files or fragments of one.
  const guide = readFileSync('docs/writing-rule-sets.md', 'utf8');
  const fromGuide = [...guide.matchAll(/^\s*regex: '((?:[^']|'')*)'$/gm)].map((m) => ({
    regex: m[1]!.replace(/''/g, "'"),
    where: 'docs/writing-rule-sets.md',
    view: undefined,
    flags: undefined,
  }));

  it('finds the regexes to check', () => {
    expect(fromFiles.filter((r) => r.where.startsWith('rules/')).length).toBeGreaterThan(3);
    expect(fromGuide.length).toBeGreaterThan(2);
  });

  it.each([...fromFiles, ...fromGuide].map((r) => [r.where, r.regex.slice(0, 50), r] as const))('%s: %s loads', (_where, _short, r) => {
    expect(unsafeIssue(r.regex, { view: r.view, flags: r.flags })).toBeUndefined();
  });

  it.each(files)('%s loads', (file) => {
    expect(loadRuleSet(file).rules.length).toBeGreaterThan(0);
  });

  it('the built-in policy loads (run from sources, it is validated here)', () => {
    expect(() => createModerator()).not.toThrow();
  });
});
