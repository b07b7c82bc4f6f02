import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet, RuleSetError, safeLoadRuleSet, type Detector, type RuleSetIssue } from '../../src/index.js';
import { builtinDetectors, optionsSchemaOf } from '../../src/detectors/index.js';
import { loadCaseFile } from '../../src/testing/index.js';

/** Four rules; the last one, rules[3], starts on line 26 and ends with the YAML given, from line 31. */
function ruleSet(detector: string): string {
  const rule = (id: string, body: string) => `  - id: ${id}
    description: d
    severity: high
    score: 0.8
    message: m
${body}`;
  return `id: options-test
category: threat
description: d
rules:
${rule('one', '    terms: [one]\n')}
${rule('two', '    terms: [two]\n')}
${rule('three', '    terms: [three]\n')}
${rule('four', detector)}`;
}

function issuesOf(text: string): readonly RuleSetIssue[] {
  const result = safeLoadRuleSet(text, { file: 'options.yaml' });
  if (result.success) throw new Error('expected the rule set to be refused');
  return result.error.issues;
}

describe('detector options are checked when a rule set loads', () => {
  // A detector without a schema takes any options, so a typo in them goes unnoticed: none may ship so.
  it.each(builtinDetectors().map((d) => [d.name, d] as const))('built-in detector %s declares its options', (_, detector) => {
    expect(optionsSchemaOf(detector)).toBeTypeOf('function');
  });

  it.each([
    // The issue's case: a kind that does not exist loads today and finds nothing, forever.
    ['a misspelled threat kind', '    detector: threat-grammar\n    options: { kind: violense }\n', ['kind'], 32, 'violence'],
    ['a misspelled option name', '    detector: threat-grammar\n    options: { knd: violence }\n', ['knd'], 32, 'kind'],
    ['a missing required option', '    detector: threat-grammar\n    options: {}\n', ['kind'], 32, undefined],
    ['no options where one is required', '    detector: threat-grammar\n', ['kind'], 26, undefined],
    ['a misspelled enum value in a list', '    detector: contact-token\n    options: { shapes: [hadle] }\n', ['shapes', 0], 32, 'handle'],
    ['a singular for a plural option', '    detector: contact-token\n    options: { shape: [handle] }\n', ['shape'], 32, 'shapes'],
    ['a code prefix that is not a word', '    detector: contact-token\n    options: { ignore: [order-no] }\n', ['ignore', 0], 32, undefined],
    ['a region libphonenumber-js does not know', '    detector: phone\n    options: { regions: [UK] }\n', ['regions', 0], 32, undefined],
    ['a lower-case region', '    detector: phone\n    options: { regions: [gb] }\n', ['regions', 0], 32, undefined],
    ['an option for a detector that takes none', '    detector: email\n    options: { strict: true }\n', ['strict'], 32, undefined],
    ['an app name too short to compare', '    detector: misspelled-app\n    options: { apps: { LINE: [line] } }\n', ['apps', 'LINE', 0], 32, undefined],
    ['misspelled-app without apps', '    detector: misspelled-app\n    options: { before: [on] }\n', ['apps'], 32, undefined],
  ])('%s is invalid_option with its path and line', (_, detector, optionPath, line, hint) => {
    const issues = issuesOf(ruleSet(detector));
    const path = ['rules', 3, 'options', ...optionPath];
    const issue = issues.find((i) => i.path.join('.') === path.join('.'));
    expect(issue).toMatchObject({ code: 'invalid_option', path, file: 'options.yaml', line });
    if (hint) expect(issue!.message).toContain(`did you mean "${hint}"?`);
    // A misspelled name is also a missing one, when the option is required; nothing else is reported.
    expect(issues.every((i) => i.code === 'invalid_option')).toBe(true);
    expect(issues.length).toBe(optionPath[0] === 'knd' ? 2 : 1);
  });

  it('options on a rule that names no detector are invalid_option', () => {
    const issues = issuesOf(ruleSet('    terms: [four]\n    options: { kind: violence }\n'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'invalid_option', path: ['rules', 3, 'options'], line: 32 });
  });

  it('is reported with every other problem of the file', () => {
    const text = ruleSet('    detector: threat-grammar\n    options: { kind: violense }\n').replace('severity: high\n    score: 0.8\n    message: m\n    detector', 'severity: hihg\n    score: 0.8\n    message: m\n    detector');
    expect(issuesOf(text).map((i) => [i.code, i.line])).toEqual([['invalid_shape', 28], ['invalid_option', 32]]);
  });

  it.each([
    ['threat-grammar', '    detector: threat-grammar\n    options: { kind: third-party }\n'],
    ['contact-token', '    detector: contact-token\n    options: { shapes: [number], ignore: [iphone] }\n'],
    ['phone', '    detector: phone\n    options: { regions: [GB, US] }\n'],
    ['phone without options', '    detector: phone\n'],
    ['misspelled-app', '    detector: misspelled-app\n    options: { apps: { WhatsApp: whatsapp, Telegram: [telegram, telegramm] } }\n'],
    ['a custom detector the loader does not know', '    detector: referral-code\n    options: { anything: [goes] }\n'],
  ])('valid options for %s load', (_, detector) => {
    expect(() => loadRuleSet(ruleSet(detector))).not.toThrow();
  });

  const shipped = [
    ...readdirSync('rules').filter((f) => /^[a-z-]+\.[a-z]+\.yaml$/.test(f) && !f.includes('.cases.')).map((f) => `rules/${f}`),
    ...readdirSync('docs/examples').filter((f) => f.endsWith('.yaml') && !f.includes('cases') && !f.includes('overrides') && !f.startsWith('broken')).map((f) => `docs/examples/${f}`),
    'fixtures/house-rules.yaml',
  ];
  it.each(shipped)('%s still loads', (file) => {
    expect(loadRuleSet(file).rules.length).toBeGreaterThan(0);
  });
  it('the case files still load', () => {
    for (const file of readdirSync('rules').filter((f) => f.endsWith('.cases.yaml'))) expect(() => loadCaseFile(`rules/${file}`)).not.toThrow();
  });
});

describe('options of a custom detector', () => {
  const referral = (optionsSchema?: Detector['optionsSchema']): Detector => ({
    name: 'referral-code',
    description: 'A referral code such as RIDE-4821.',
    ...(optionsSchema ? { optionsSchema } : {}),
    detect: ({ text, options }) => {
      const prefix = typeof options.prefix === 'string' ? options.prefix : 'RIDE';
      return [...text.matchAll(new RegExp(`${prefix}-\\d{4}`, 'g'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    },
  });
  const rules = (options: string) => loadRuleSet(ruleSet(`    detector: referral-code\n    options: ${options}\n`), { file: 'referral.yaml' });

  it('are checked by createModerator against the schema the detector declares', () => {
    const detector = referral((z) => z.strictObject({ prefix: z.string().regex(/^[A-Z]+$/) }));
    let error: unknown;
    try {
      createModerator({ ruleSets: [rules('{ prefx: CAB }')], detectors: [detector] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleSetError);
    const issues = (error as RuleSetError).issues;
    expect(issues.map((i) => [i.code, i.path.join('.'), i.file, i.line])).toEqual([
      ['invalid_option', 'rules.3.options.prefix', 'referral.yaml', 32],
      ['invalid_option', 'rules.3.options.prefx', 'referral.yaml', 32],
    ]);
    expect(issues[1]!.message).toContain('did you mean "prefix"?');
    const moderator = createModerator({ ruleSets: [rules('{ prefix: CAB }')], detectors: [detector] });
    expect(moderator.moderate('use CAB-1234').findings.map((f) => f.text)).toEqual(['CAB-1234']);
  });

  it('are taken as they are when the detector declares no schema', () => {
    const moderator = createModerator({ ruleSets: [rules('{ prefix: CAB, colour: red }')], detectors: [referral()] });
    expect(moderator.moderate('use CAB-1234').findings).toHaveLength(1);
  });
});
