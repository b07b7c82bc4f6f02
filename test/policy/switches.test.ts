import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinRuleSets, createModerator, loadOverrides, RuleSetError, safeLoadRuleSet } from '../../src/index.js';
import type { ModeratorOptions, RuleSetIssue } from '../../src/index.js';
import { main } from '../../src/cli/index.js';
import { overridesJsonSchema, ruleSetJsonSchema } from '../../src/policy/json-schema.js';
import { regionsOf } from '../../src/policy/switches.js';

/** Messages that each hold words of one region only, and the text of the finding each gives. */
const REGION_MESSAGES: Record<string, [string, string][]> = {
  'en-gb-ie': [['oi, you gobshite, you scratched my car', 'gobshite'], ['such a git, you parked across my drive', 'git']],
  'en-au': [['rack off you drongo', 'drongo'], ['flamin galah, you missed the turn', 'galah']],
  'en-za': [['jou poes, where is my stuff', 'jou poes'], ["you doos, that's the wrong house", 'doos']],
  'en-in': [['chutiya driver took the long route', 'chutiya'], ['bc kya kar raha hai tu, order kahan hai', 'bc']],
  'en-ng': [['you be mumu, I said gate two', 'mumu'], ['you be ode, I said gate two', 'ode']],
  'en-sg-my': [['wah you really bodoh lah', 'bodoh']],
  'en-jm': [['rassclaat, the parcel soaked through', 'rassclaat']],
  'zh-yue': [['仆街，又迟到半个钟', '仆街'], ['你个死八婆，收皮啦', '死八婆']],
  'zh-north': [['丫挺的，会不会开车', '丫挺的']],
  'zh-southwest': [['哈批，送个外卖都送错', '哈批']],
  'zh-wu': [['小赤佬，脑子瓦特了', '小赤佬']],
  'zh-min-nan': [['干你娘，又迟到', '干你娘']],
};
/** Words in no region: vulgar words, slurs and plain name-calling stay on whatever regions are off. */
const UNREGIONAL: [string, string][] = [
  ['fuck off', 'fuck'],
  ['you retard', 'retard'],
  ['you imbecile', 'imbecile'],
  ['you idiot', 'idiot'],
  ['傻逼司机', '傻逼'],
];

const base = createModerator({ ruleSets: ['profanity'] });
const flaggedTexts = (moderator: typeof base, text: string) =>
  moderator.moderate(text).findings.filter((f) => f.score >= 0.5).map((f) => f.text);

function refusal(options: ModeratorOptions): readonly RuleSetIssue[] {
  try {
    createModerator({ ruleSets: ['profanity'], ...options });
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues;
    throw error;
  }
  throw new Error('expected the options to be refused');
}

describe('regions a policy turns off', () => {
  it('the table covers every region the built-in profanity files declare', () => {
    expect(Object.keys(REGION_MESSAGES).sort()).toEqual(regionsOf(builtinRuleSets(), 'profanity'));
  });

  it.each(Object.keys(REGION_MESSAGES))('%s off stops its words matching, and only its words', (region) => {
    const moderator = createModerator({ ruleSets: ['profanity'], regions: { profanity: { exclude: [region] } } });
    for (const [text, word] of REGION_MESSAGES[region]!) {
      expect(flaggedTexts(base, text)).toContain(word);
      expect(flaggedTexts(moderator, text)).not.toContain(word);
    }
    const others = Object.entries(REGION_MESSAGES).filter(([other]) => other !== region).flatMap(([, messages]) => messages);
    for (const [text, word] of [...others, ...UNREGIONAL]) expect(flaggedTexts(moderator, text), text).toContain(word);
  });

  it('include keeps only the regions named', () => {
    const moderator = createModerator({ ruleSets: ['profanity'], regions: { profanity: { include: ['en-gb-ie', 'zh-yue'] } } });
    for (const [region, messages] of Object.entries(REGION_MESSAGES)) {
      const on = region === 'en-gb-ie' || region === 'zh-yue';
      for (const [text, word] of messages) expect(flaggedTexts(moderator, text).includes(word), `${region}: ${text}`).toBe(on);
    }
    for (const [text, word] of UNREGIONAL) expect(flaggedTexts(moderator, text)).toContain(word);
  });

  it('marks a region off on the moderator’s rule sets and empties its lists', () => {
    const moderator = createModerator({ ruleSets: ['profanity'], regions: { profanity: { exclude: ['en-au'] } } });
    const en = moderator.ruleSets.find((r) => r.locale === 'en')!;
    expect(en.regions!['en-au']).toMatchObject({ off: true, lists: ['insults-au', 'names-au'] });
    expect(en.regions!['en-gb-ie']!.off).toBeUndefined();
    expect(en.lists['insults-au']).toEqual([]);
    expect(en.lists['insults-gb-ie']!.length).toBeGreaterThan(0);
  });

  it('an overrides file turns regions off, and createModerator’s choice for the same rule set wins', () => {
    const file = 'overrides: no-australian\nregions:\n  profanity: { exclude: [en-au] }\n';
    const fromFile = createModerator({ ruleSets: ['profanity'], overrides: file });
    expect(flaggedTexts(fromFile, 'rack off you drongo')).toEqual([]);
    const both = createModerator({ ruleSets: ['profanity'], overrides: file, regions: { profanity: { exclude: ['en-in'] } } });
    expect(flaggedTexts(both, 'rack off you drongo')).toEqual(['drongo']);
    expect(flaggedTexts(both, 'chutiya driver took the long route')).toEqual([]);
  });

  it.each([
    [{ regions: { profanity: { exclude: ['en-aus'] } } }, 'invalid_option', ['regions', 'profanity', 'exclude', 0], 'en-au'],
    [{ regions: { profanity: { include: ['en-gb-ie', 'yue'] } } }, 'invalid_option', ['regions', 'profanity', 'include', 1], 'zh-yue'],
    [{ regions: { profanity: { exclude: ['klingon'] } } }, 'invalid_option', ['regions', 'profanity', 'exclude', 0], undefined],
    [{ regions: { profanty: { exclude: ['en-au'] } } }, 'unknown_rule_set', ['regions', 'profanty'], 'profanity'],
    [{ regions: { profanity: { exclude: ['au'] } } }, 'invalid_option', ['regions', 'profanity', 'exclude', 0], 'en-au'],
    [{ regions: { profanity: { exclude: [] } } }, 'invalid_option', ['regions', 'profanity', 'exclude'], undefined],
    [{ regions: { profanity: { exclud: ['en-au'] } } }, 'invalid_option', ['regions', 'profanity', 'exclud'], 'exclude'],
    [{ regions: { profanity: { exclude: 'en-au' } } }, 'invalid_option', ['regions', 'profanity', 'exclude'], undefined],
  ])('refuses %j with %s', (options, code, path, hint) => {
    const issues = refusal(options as ModeratorOptions);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code, path });
    if (hint) expect(issues[0]!.message).toContain(`did you mean "${hint}"?`);
  });

  it('names the bad value and every known region in the message', () => {
    const [issue] = refusal({ regions: { profanity: { exclude: ['en-aus'] } } });
    expect(issue!.message).toMatch(/"en-aus"/);
    for (const region of Object.keys(REGION_MESSAGES)) expect(issue!.message).toContain(region);
  });

  it('a rule set that declares no regions has none to turn off', () => {
    const issues = refusal({ ruleSets: ['threat'], regions: { threat: { exclude: ['en-au'] } } });
    expect(issues).toMatchObject([{ code: 'invalid_option', path: ['regions', 'threat', 'exclude', 0] }]);
    expect(issues[0]!.message).toContain('declares no regions');
  });

  it('an unknown region in an overrides file is located in it', () => {
    const yaml = 'overrides: typo\nregions:\n  profanity:\n    exclude: [en-au, zh-cantonese]\n';
    const issues = refusal({ overrides: yaml });
    expect(issues).toMatchObject([{ code: 'invalid_option', path: ['regions', 'profanity', 'exclude', 1], line: 4 }]);
  });

  it('the command line refuses an unknown region as a usage error', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => ((stderr += s), true) }, stdin: () => '' };
    const overrides = 'overrides: typo\nregions:\n  profanity: { exclude: [en-uk] }\n';
    const code = await main(['check', '--rules', writeTemp('typo-overrides.yaml', overrides), 'you eejit'], io as never);
    expect(code).toBe(2);
    expect(stderr).toContain('no region "en-uk"');
    expect(stderr).toContain('[invalid_option]');
  });
});

describe('severity tiers a policy turns off', () => {
  it.each([
    [{ min: 'medium' }, ['medium', 'high', 'critical']],
    [{ min: 'high' }, ['high', 'critical']],
    [{ exclude: ['low', 'medium'] }, ['high', 'critical']],
    [{ min: 'medium', exclude: ['critical'] }, ['medium', 'high']],
  ] as const)('%j leaves rules of %j only', (choice, kept) => {
    const moderator = createModerator({ ruleSets: ['profanity'], severity: { profanity: choice } });
    const severities = new Set(moderator.ruleSets.flatMap((r) => r.rules.map((rule) => rule.severity)));
    expect([...severities].sort()).toEqual([...kept].sort());
  });

  it('a tier off stops its findings; the others stay', () => {
    const moderator = createModerator({ ruleSets: ['profanity'], severity: { profanity: { min: 'high' } } });
    expect(flaggedTexts(base, 'you idiot')).toEqual(['idiot']);
    expect(flaggedTexts(moderator, 'you idiot')).toEqual([]);
    expect(base.moderate('damn it').findings.map((f) => f.severity)).toEqual(['low']);
    expect(moderator.moderate('damn it').findings).toEqual([]);
    expect(flaggedTexts(moderator, 'fuck off')).toEqual(['fuck']);
    expect(flaggedTexts(moderator, 'you retard')).toEqual(['retard']);
  });

  it('applies to the rule set named, not to the others', () => {
    const moderator = createModerator({ ruleSets: ['profanity', 'threat'], severity: { profanity: { min: 'critical' } } });
    const threat = moderator.ruleSets.filter((r) => r.id === 'threat').flatMap((r) => r.rules.map((rule) => rule.severity));
    expect(threat).toContain('high');
  });

  it('reads severities after an overrides file changed them', () => {
    const yaml = 'overrides: stricter\nrules:\n  profanity/insult:\n    severity: high\nseverity:\n  profanity: { min: high }\n';
    const moderator = createModerator({ ruleSets: ['profanity'], overrides: yaml });
    expect(flaggedTexts(moderator, 'you idiot')).toEqual(['idiot']);
    expect(flaggedTexts(moderator, 'you imbecile')).toEqual([]);
  });

  it.each([
    [{ severity: { profanity: { min: 'hihg' } } }, ['severity', 'profanity', 'min'], 'high'],
    [{ severity: { profanity: { exclude: ['lo'] } } }, ['severity', 'profanity', 'exclude', 0], 'low'],
    [{ severity: { profanity: { mni: 'high' } } }, ['severity', 'profanity', 'mni'], 'min'],
  ])('refuses %j with invalid_option', (options, path, hint) => {
    const issues = refusal(options as ModeratorOptions);
    expect(issues.find((i) => i.path.join('.') === path.join('.'))).toMatchObject({ code: 'invalid_option' });
    expect(issues.map((i) => i.message).join('\n')).toContain(`did you mean "${hint}"?`);
  });

  it('an overrides file with a bad tier is refused at its line', () => {
    expect(() => loadOverrides('overrides: x\nseverity:\n  profanity: { min: severe }\n')).toThrow(RuleSetError);
    try {
      loadOverrides('overrides: x\nseverity:\n  profanity: { min: severe }\n');
    } catch (error) {
      expect((error as RuleSetError).issues).toMatchObject([{ code: 'invalid_shape', path: ['severity', 'profanity', 'min'], line: 3 }]);
    }
  });

  it('an unknown rule set is refused with a hint', () => {
    expect(refusal({ severity: { profanit: { min: 'high' } } })).toMatchObject([{ code: 'unknown_rule_set', path: ['severity', 'profanit'] }]);
  });
});

describe('regions in a rule file', () => {
  const ruleFile = (regions: string) =>
    `id: x\ncategory: profanity\ndescription: d\nlists:\n  a: [one]\n  b: [two]\n${regions}rules:\n  - id: r\n    description: d\n    severity: high\n    score: 0.8\n    message: m\n    terms: ['@a', '@b']\n`;
  const issuesOf = (source: string) => {
    const result = safeLoadRuleSet(source);
    if (result.success) throw new Error('expected the rule set to be refused');
    return result.error.issues;
  };

  it('loads the regions a file declares and turns one off', () => {
    const result = safeLoadRuleSet(ruleFile('regions:\n  north: { description: the north, lists: [a] }\n'));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.ruleSet.regions).toEqual({ north: { description: 'the north', lists: ['a'] } });
    const moderator = createModerator({ ruleSets: [result.ruleSet], regions: { x: { exclude: ['north'] } } });
    expect(moderator.moderate('one two').findings.map((f) => f.text)).toEqual(['two']);
  });

  it.each([
    ['regions:\n  north: { description: n, lists: [c] }\n', 'unknown_list', 'regions.north.lists.0'],
    ['regions:\n  north: { description: n, lists: [a] }\n  south: { description: s, lists: [b, a] }\n', 'invalid_shape', 'regions.south.lists.1'],
    ['regions:\n  north: { description: n, list: [a] }\n', 'unknown_key', 'regions.north.list'],
    ['regions:\n  North: { description: n, lists: [a] }\n', 'invalid_shape', 'regions.North'],
  ])('refuses %j with %s at %s', (regions, code, path) => {
    const issues = issuesOf(ruleFile(regions));
    expect(issues.map((i) => [i.code, i.path.join('.')])).toContainEqual([code, path]);
  });
});

describe('the JSON Schemas (npm run schema)', () => {
  const ajv = () => new Ajv2020({ strict: false, allErrors: true });

  it('the overrides schema takes regions and severity, and refuses a bad tier', () => {
    const validate = ajv().compile(overridesJsonSchema());
    const good = parse('overrides: x\nregions:\n  profanity: { exclude: [en-in] }\nseverity:\n  profanity: { min: medium, exclude: [critical] }\n');
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse('overrides: x\nseverity:\n  profanity: { min: severe }\n'))).toBe(false);
    expect(validate(parse('overrides: x\nregions:\n  profanity: { exlude: [en-in] }\n'))).toBe(false);
  });

  it('the rule-set schema takes regions', () => {
    const schema = ruleSetJsonSchema() as { properties: Record<string, unknown> };
    expect(schema.properties.regions).toBeDefined();
    const validate = ajv().compile(ruleSetJsonSchema());
    const file = parse('id: x\ncategory: c\ndescription: d\nregions:\n  north: { description: n, lists: [a], extra: 1 }\nrules: []\n');
    expect(validate(file)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain('/regions/north');
  });
});

function writeTemp(name: string, text: string): string {
  const path = `${tmpdir()}/chaperone-switches-${process.pid}-${name}`;
  writeFileSync(path, text);
  return path;
}
