import { describe, expect, it } from 'vitest';
import { createModerator, loadOverrides, RuleSetError } from '../../src/index.js';
import { main } from '../../src/cli/index.js';

const file = 'docs/examples/marketplace-overrides.yaml';
const base = createModerator({ ruleSets: ['profanity'] });
const tuned = createModerator({ ruleSets: ['profanity'], overrides: file });
const rules = (moderator: typeof base, text: string) => moderator.moderate(text).findings.map((f) => f.ruleId);

function issuesOf(yaml: string) {
  try {
    createModerator({ ruleSets: ['profanity'], overrides: yaml });
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues;
    throw error;
  }
  throw new Error('expected the overrides to be refused');
}

describe('policy overrides', () => {
  it('disables a built-in rule', () => {
    expect(rules(base, 'damn it')).toEqual(['profanity/mild-word']);
    expect(rules(tuned, 'damn it')).toEqual([]);
  });
  it('adds terms to a built-in list, labelled like the list', () => {
    expect(rules(base, 'frakking hell')).not.toContain('profanity/vulgar-word');
    const [finding] = tuned.moderate('frakking driver').findings;
    expect(finding).toMatchObject({ ruleId: 'profanity/vulgar-word', text: 'frakking' });
    expect(finding!.message).toContain('(fuck)');
  });
  it('adds exceptions and changes severity without touching the rest of the rule', () => {
    expect(rules(base, 'you idiot, that game was rigged')).toEqual(['profanity/insult']);
    expect(rules(tuned, 'you idiot, that game was rigged')).toEqual([]);
    const [finding] = tuned.moderate('you idiot').findings;
    expect(finding).toMatchObject({ ruleId: 'profanity/insult', severity: 'high', score: 0.7 });
  });
  it('raises a threshold, and createModerator thresholds still win over the file', () => {
    expect(base.moderate('you idiot').verdict).toBe('review');
    expect(tuned.thresholdsFor('profanity').review).toBe(0.6);
    const stricter = createModerator({ ruleSets: ['profanity'], overrides: file, thresholds: { profanity: { review: 0.8 } } });
    expect(stricter.moderate('you idiot').verdict).toBe('allow');
  });
  it('changes a rule score', () => {
    const moderator = createModerator({
      ruleSets: ['profanity'],
      overrides: 'overrides: x\nrules:\n  profanity/insult:\n    score: 0.2\n',
    });
    expect(moderator.moderate('an idiot').findings[0]!.score).toBe(0.2);
  });

  it.each([
    ['disable: [profanity/mild-wrd]', 'unknown_rule', 'disable.0', 'profanity/mild-word'],
    ['rules:\n  profanity/insul:\n    score: 0.5', 'unknown_rule', 'rules.profanity/insul', 'profanity/insult'],
    ['lists:\n  profanity/vulgr: [frak]', 'unknown_list', 'lists.profanity/vulgr', 'profanity/vulgar'],
    ['rules:\n  profanity/insult:\n    message: "{{wrod}}"', 'unknown_placeholder', 'rules.profanity/insult.message', undefined],
    ['rules:\n  profanity/insult:\n    scor: 0.5', 'unknown_key', 'rules.profanity/insult.scor', 'score'],
    ['thresholds:\n  profanity: { review: 2 }', 'invalid_shape', 'thresholds.profanity.review', undefined],
  ])('refuses %j with %s at %s', (body, code, path, hint) => {
    const issues = issuesOf(`overrides: broken\n${body}\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code, path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) });
    expect(issues[0]!.line).toBeGreaterThan(1);
    if (hint) expect(issues[0]!.message).toContain(`did you mean "${hint}"`);
  });

  it('loadRuleSet points an overrides file to the right loader', () => {
    expect(() => createModerator({ ruleSets: [file] })).toThrow(/policy overrides file/);
    expect(loadOverrides(file).overrides).toBe('marketplace');
  });

  it('the command line takes an overrides file with --rules', async () => {
    let stdout = '';
    const io = { stdout: { write: (s: string) => ((stdout += s), true) }, stderr: { write: () => true }, stdin: () => '' };
    const code = await main(['check', '--json', '--rules', file, 'you idiot, that game was rigged. damn'], io as never);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings).toEqual([]);
  });
});
