import { describe, expect, it } from 'vitest';
import { createModerator, loadRuleSet, RuleSetError, type Detector, type ModerationResult } from '../../src/index.js';

const house = loadRuleSet('fixtures/house-rules.yaml');

function expectWellFormed(text: string, result: ModerationResult) {
  for (const finding of result.findings) {
    expect(finding.text).toBe(text.slice(finding.start, finding.end));
    const steps = finding.explanation.steps.reduce((sum, s) => sum + s.delta, 0);
    expect(Math.round(steps * 1e4) / 1e4).toBeCloseTo(finding.score, 3);
  }
}

describe('the smallest rule set from DESIGN.md', () => {
  it('finds "wire me" with the filled message', () => {
    const moderator = createModerator({ ruleSets: [house] });
    const result = moderator.moderate('just wire me the money');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      ruleId: 'house-rules/pay-by-bank-transfer',
      ruleSet: 'house-rules',
      category: 'off-platform',
      text: 'wire me',
      start: 5,
      end: 12,
      score: 0.9,
      severity: 'high',
      message: 'Asks to be paid by wire me outside the platform.',
    });
    expect(result.findings[0]!.explanation).toEqual({
      matched: 'wire me',
      steps: [{ kind: 'base', delta: 0.9, note: 'base score of house-rules/pay-by-bank-transfer' }],
    });
    expect(result.categories).toEqual({ 'off-platform': { score: 0.9, verdict: 'block' } });
    expect(result.verdict).toBe('block');
    expect(result.score).toBe(0.9);
  });

  it('runs alone: nothing else is flagged', () => {
    const moderator = createModerator({ ruleSets: [house] });
    expect(moderator.moderate('what the fuck').findings).toEqual([]);
    expect(moderator.moderate('').verdict).toBe('allow');
  });
});

const custom = (body: string) =>
  loadRuleSet(`id: t
category: test
description: test rules
${body}`);

describe('terms', () => {
  const words = custom(`rules:
  - id: whole
    description: d
    severity: high
    score: 0.9
    message: "{{term}}"
    terms: [ass]
  - id: prefix
    description: d
    severity: high
    score: 0.9
    message: "{{term}}"
    terms: ['*fuck*']
`);
  const moderator = createModerator({ ruleSets: [words] });
  const found = (text: string) => moderator.moderate(text).findings.map((f) => `${f.ruleId}:${f.text}`);

  it.each([
    ['class', []],
    ['assess the damage', []],
    ['as I said', []],
    ['kick his ass', ['t/whole:ass']],
    ['kick his a$$', ['t/whole:a$$']],
    ['kick his asssss', ['t/whole:asssss']],
    ['fucking hell', ['t/prefix:fucking']],
    ['motherfucker', ['t/prefix:motherfucker']],
    ['f.u.c.k', ['t/prefix:f.u.c.k']],
    ['f\u200Buck', ['t/prefix:f\u200Buck']],
    ['fuuuuck', ['t/prefix:fuuuuck']],
    ['f*ck', ['t/prefix:f*ck']],
    ['ＦＵＣＫ', ['t/prefix:ＦＵＣＫ']],
  ])('%s → %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('near, context and allow', () => {
  const rules = custom(`lists:
  apps: { WeChat: [wechat, weixin, 微信], WhatsApp: [whatsapp] }
rules:
  - id: move-app
    description: d
    severity: high
    score: 0.6
    message: "Asks to move to {{term}}."
    near:
      groups: [[add me, message me, 加], ['@apps']]
      within: 3
      ordered: true
    context:
      - terms: [private, privately, 私下]
        within: 6
        delta: 0.2
        note: private deal
    allow:
      - terms: [support, 客服]
        within: 4
        note: talking about support
`);
  const moderator = createModerator({ ruleSets: [rules] });

  it('fires when the groups are close and in order, naming the label', () => {
    const [finding] = moderator.moderate('add me on wechat pls').findings;
    expect(finding).toMatchObject({ text: 'add me on wechat', message: 'Asks to move to WeChat.', score: 0.6 });
  });
  it('does not fire when the groups are too far apart or out of order', () => {
    expect(moderator.moderate('add me later when you are done with the wechat thing').findings).toEqual([]);
    expect(moderator.moderate('wechat? add me').findings).toEqual([]);
  });
  it('raises the score for context words, as an explanation step', () => {
    const [finding] = moderator.moderate('add me on weixin, we do it privately').findings;
    expect(finding!.score).toBe(0.8);
    expect(finding!.explanation.steps.map((s) => s.kind)).toEqual(['base', 'context']);
  });
  it('works in Chinese without spaces', () => {
    const [finding] = moderator.moderate('取消订单，加我微信私下交易').findings;
    expect(finding).toMatchObject({ text: '加我微信', score: 0.8 });
  });
  it('is cancelled by an allow exception nearby', () => {
    expect(moderator.moderate('support said add me on wechat').findings).toEqual([]);
  });
  it('applies an exception with `for` only to matches with those labels', () => {
    const scoped = createModerator({
      ruleSets: [custom(`lists:
  words: { bitch: [bitch], shit: [shit] }
rules:
  - id: vulgar
    description: d
    severity: high
    score: 0.8
    message: m
    terms: ['@words']
    allow:
      - terms: [dog, puppies]
        within: 5
        for: [bitch]
        note: a female dog
`)],
    });
    expect(scoped.moderate('our bitch had puppies').findings).toEqual([]);
    expect(scoped.moderate('shit, the dog ran off').findings.map((f) => f.text)).toEqual(['shit']);
  });
  it('refuses `for` naming a label the rule does not have', () => {
    const rules = custom(`rules:
  - id: vulgar
    description: d
    severity: high
    score: 0.8
    message: m
    terms: [bitch]
    allow:
      - terms: [dog]
        within: 5
        for: [bitchh]
`);
    expect(() => createModerator({ ruleSets: [rules] })).toThrow(/no term of this rule is labelled "bitchh"; did you mean "bitch"/);
  });
  it('takes the longer of two terms that start at the same place', () => {
    const both = createModerator({
      ruleSets: [custom(`rules:
  - id: tip
    description: d
    severity: low
    score: 0.6
    message: m
    near:
      groups: [[小费], [微信转, 微信转账]]
`)],
    });
    expect(both.moderate('小费用微信转账给我').findings[0]).toMatchObject({ text: '小费用微信转账' });
  });
});

describe('regex and detector rules', () => {
  const detector: Detector = {
    name: 'order-number',
    description: 'Order numbers like ORD-1234.',
    placeholders: ['digits'],
    precheck: (text) => text.includes('ORD'),
    detect: ({ text }) =>
      [...text.matchAll(/ORD-(\d+)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, values: { digits: m[1]! }, score: 0.55 })),
  };
  const rules = custom(`rules:
  - id: code
    description: d
    severity: low
    score: 0.5
    message: "code {{num}}"
    regex: 'code (?<num>[0-9]{4})'
    view: digits
  - id: order
    description: d
    severity: medium
    score: 0.7
    message: "order {{digits}}"
    detector: order-number
    entity: order
`);
  const moderator = createModerator({ ruleSets: [rules], detectors: [detector] });

  it('runs a regex on the digits view and maps the span back', () => {
    const text = 'my code 1 2 3 4 ok';
    const [finding] = moderator.moderate(text).findings;
    expect(finding).toMatchObject({ text: 'code 1 2 3 4', message: 'code 1234' });
    expectWellFormed(text, moderator.moderate(text));
  });
  it('runs a custom detector with its own score and placeholders', () => {
    const result = moderator.moderate('see ORD-5521');
    expect(result.findings[0]).toMatchObject({ text: 'ORD-5521', message: 'order 5521', entity: 'order', score: 0.55 });
    expect(result.findings[0]!.explanation.steps.map((s) => s.kind)).toEqual(['base', 'detector']);
  });
  it('refuses an unknown detector at createModerator', () => {
    const broken = custom(`rules:
  - id: x
    description: d
    severity: low
    score: 0.5
    message: m
    detector: fone
`);
    expect(() => createModerator({ ruleSets: [broken] })).toThrow(RuleSetError);
  });
});

describe('verdicts and thresholds', () => {
  const rules = custom(`rules:
  - id: a
    description: d
    severity: low
    score: 0.3
    message: m
    terms: [alpha]
  - id: b
    description: d
    severity: low
    score: 0.4
    message: m
    terms: [beta]
`);
  it('combines rules with a noisy-OR, but not repeats of one rule', () => {
    const moderator = createModerator({ ruleSets: [rules] });
    expect(moderator.moderate('alpha alpha alpha').categories.test).toEqual({ score: 0.3, verdict: 'allow' });
    expect(moderator.moderate('alpha beta').categories.test).toEqual({ score: 0.58, verdict: 'review' });
  });
  it('lets a policy move thresholds per category', () => {
    const moderator = createModerator({ ruleSets: [rules], thresholds: { test: { review: 0.2, block: 0.5 } } });
    expect(moderator.moderate('alpha beta').verdict).toBe('block');
    expect(moderator.moderate('alpha').verdict).toBe('review');
  });
  it('can disable a rule', () => {
    const moderator = createModerator({ ruleSets: [rules], disable: ['t/b'] });
    expect(moderator.moderate('alpha beta').findings.map((f) => f.ruleId)).toEqual(['t/a']);
  });
});

describe('input contract', () => {
  const moderator = createModerator();
  it.each([[undefined], [null], [42], [{ text: 'x' }], [['x']]])('throws a TypeError naming %j', (value) => {
    expect(() => moderator.moderate(value as unknown as string)).toThrow(TypeError);
    expect(() => moderator.moderate(value as unknown as string)).toThrow(/expects the message as a string, got/);
  });
  it.each([[''], ['\u0000\uD800'], ['🙂'.repeat(1000)], ['a'.repeat(100_000)], ['\u200B'.repeat(50)]])('returns a result for any string', (text) => {
    const result = moderator.moderate(text);
    expect(['allow', 'review', 'block']).toContain(result.verdict);
    expectWellFormed(text, result);
  });
  it('mixes built-in and custom rule sets', () => {
    const moderator = createModerator({ ruleSets: ['profanity', house] });
    const ids = moderator.moderate('wire me the fucking money').findings.map((f) => f.ruleSet);
    expect(new Set(ids)).toEqual(new Set(['profanity', 'house-rules']));
  });
  it('names an unknown built-in rule set', () => {
    expect(() => createModerator({ ruleSets: ['profanty'] })).toThrow(/no built-in rule set "profanty"/);
  });
});

describe('redact', () => {
  const moderator = createModerator({ ruleSets: ['profanity', house] });
  it('masks chosen categories with labels or a length-keeping mask', () => {
    expect(moderator.redact('wire me the fucking money', { categories: ['profanity'] }).text).toBe('wire me the [profanity] money');
    expect(moderator.redact('wire me the fucking money', { categories: ['profanity'], style: 'mask' }).text).toBe(
      'wire me the ******* money',
    );
    expect(moderator.redact('wire me the fucking money', { categories: ['profanity', 'off-platform'], style: (f) => `<${f.ruleSet}>` }).text).toBe(
      '<house-rules> the <profanity> money',
    );
  });
  it('leaves text alone when nothing is chosen', () => {
    expect(moderator.redact('wire me the fucking money').text).toBe('wire me the fucking money');
  });
});

describe('pattern rules', () => {
  const rules = custom(`rules:
  - id: will-hurt
    description: d
    severity: high
    score: 0.8
    message: "{{match}}"
    trigger: [hurt, kill]
    pattern: '(i|we) will (hurt|kill) you'
`);
  const moderator = createModerator({ ruleSets: [rules] });
  it('runs compromise only when the trigger fired, and maps its span back', () => {
    const text = 'ok so I will hurt you later';
    const [finding] = moderator.moderate(text).findings;
    expect(finding).toMatchObject({ text: 'I will hurt you', start: 6, end: 21 });
    expect(moderator.moderate('I will see you later').findings).toEqual([]);
  });
});

describe('explain', () => {
  const rules = custom(`lists:
  apps: [wechat, whatsapp]
rules:
  - id: move-app
    description: d
    severity: high
    score: 0.8
    message: m
    near:
      groups: [[add me], ['@apps']]
      within: 3
    allow:
      - terms: [support]
        within: 5
  - id: weak
    description: d
    severity: low
    score: 0.3
    message: m
    terms: [meh]
  - id: absent
    description: d
    severity: low
    score: 0.9
    message: m
    terms: [zebra]
`);
  const moderator = createModerator({ ruleSets: [rules] });
  const outcome = (text: string) => Object.fromEntries(moderator.explain(text).map((e) => [e.ruleId, e.outcome]));

  it('says why each rule fired or not', () => {
    expect(outcome('add me on wechat, meh')).toEqual({ 't/move-app': 'flagged', 't/weak': 'below-threshold', 't/absent': 'not-triggered' });
    expect(outcome('support: add me on wechat')['t/move-app']).toBe('suppressed');
    expect(outcome('wechat is down')['t/move-app']).toBe('not-triggered');
    expect(outcome('add me later, after we talk about it, on wechat')['t/move-app']).toBe('no-match');
  });
  it('names the exception that cancelled a match', () => {
    const explanation = moderator.explain('support: add me on wechat').find((e) => e.ruleId === 't/move-app')!;
    expect(explanation.reason).toContain('"support"');
  });
});
