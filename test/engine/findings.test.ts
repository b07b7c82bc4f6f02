import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/corpus.mjs';
import { createModerator, loadRuleSet, type Detector, type Finding } from '../../src/index.js';

/** The order of a finding's keys in the contract (docs/contract.md); `entity` only when set. */
const KEYS = ['ruleId', 'ruleSet', 'category', 'entity', 'scheme', 'start', 'end', 'text', 'score', 'severity', 'message', 'explanation'];

describe('findings are plain data', () => {
  const moderator = createModerator();
  const texts = [
    ...generateCorpus(3000, { seed: 7 }).map((m) => m.text),
    'add me on wechat: jay_88',
    '加我微信 jay_88，私下交易',
    'you are a f*cking idiot, I know where you live',
    'call me on 07700 900123 or mail jay@example.com',
    // Floods: their findings share what they say alike (frozen steps, explanations).
    '路1号'.repeat(40),
    'wx: abc123 '.repeat(20),
    'f*ck you, I live at 12 Main St '.repeat(10),
  ];
  const findings = texts.flatMap((text) => moderator.moderate(text).findings);

  it('covers every built-in category, with and without an entity', () => {
    expect(new Set(findings.map((f) => f.category))).toEqual(new Set(['profanity', 'threat', 'off-platform', 'pii']));
    expect(findings.some((f) => f.entity !== undefined) && findings.some((f) => !('entity' in f))).toBe(true);
    expect(findings.some((f) => f.explanation.steps.length > 1)).toBe(true);
  });

  it('has its keys in the contract order, as data properties of a plain object', () => {
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(KEYS.filter((k) => (k !== 'entity' || finding.entity !== undefined) && (k !== 'scheme' || finding.scheme !== undefined)));
      expect(Object.getPrototypeOf(finding)).toBe(Object.prototype);
      for (const object of [finding, finding.explanation, ...finding.explanation.steps]) {
        for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(object))) {
          // A getter would show as [Getter] in console.log and be skipped by some copies.
          // Shared parts (a rule's base step) are frozen: readonly data, as the contract says.
          const open = !Object.isFrozen(object);
          expect(descriptor).toMatchObject({ writable: open, enumerable: true, configurable: open });
          expect(descriptor.get).toBeUndefined();
        }
      }
    }
  });

  it('spreads, serialises, clones and prints as the same data', () => {
    for (const finding of findings) {
      const json = JSON.parse(JSON.stringify(finding)) as Finding;
      expect(json).toStrictEqual(finding);
      expect({ ...finding }).toStrictEqual(finding);
      expect(structuredClone(finding)).toStrictEqual(finding);
      expect(JSON.stringify(structuredClone(finding))).toBe(JSON.stringify(finding));
      expect(inspect(finding, { depth: 5 })).toBe(inspect(json, { depth: 5 }));
      expect(finding.message).toMatch(/\S/);
    }
  });
});

describe('findings of a long message share what they say alike', () => {
  const moderator = createModerator();

  it.each([
    ['an address', '路1号'],
    ['an account id', 'wx: abc123 '],
    ['an IP address', '1.2.3.4 '],
    ['masked profanity', 'f*ck '],
  ])('%s repeated: one explanation, text and message for all its findings', (_what, unit) => {
    const { findings } = moderator.moderate(unit.repeat(200));
    expect(findings.length).toBeGreaterThan(50);
    const [first, ...rest] = findings.filter((f) => f.ruleId === findings[0]!.ruleId);
    for (const finding of rest) {
      expect(finding.explanation).toBe(first!.explanation);
      expect(finding.text).toBe(first!.text);
      expect(finding.message).toBe(first!.message);
    }
    expect(Object.isFrozen(first!.explanation) && Object.isFrozen(first!.explanation.steps)).toBe(true);
    expect(first!.explanation.steps.every((step) => Object.isFrozen(step))).toBe(true);
  });

  it('says for each finding what the same words say alone: shared parts never mix two findings', () => {
    // Far enough apart that no context word reaches from one segment to another.
    const filler = ' and so on'.repeat(12);
    const segments = ['my address is 12 Main St', '张杨路500号', '张杨路501号', 'ship to 张杨路500号', '张杨路500号', 'x 1.2.3.4', 'server ip 10.0.0.1',
      'wx: abc123', 'wx: abc124', 'wx: abc123', 'f*ck', 'f*ck off'];
    const text = segments.join(`${filler}\n`);
    const { findings } = moderator.moderate(text);
    let at = 0;
    const alone: Finding[] = [];
    for (const segment of segments) {
      for (const finding of moderator.moderate(segment).findings) alone.push({ ...finding, start: finding.start + at, end: finding.end + at });
      at += segment.length + filler.length + 1;
    }
    expect(alone.length).toBeGreaterThanOrEqual(segments.length);
    expect(findings).toEqual(alone);
  });

  // A custom detector's steps are data the engine copies only when the copy is the same data.
  const detector: Detector = {
    name: 'marks',
    description: 'Each x, with steps that differ only in what a copy could lose.',
    detect: ({ text }) =>
      [...text.matchAll(/x/g)].map((m, i) => ({
        start: m.index,
        end: m.index + 1,
        score: 0.5,
        steps: [
          i % 3 === 0
            ? { kind: 'mark', delta: -0, note: 'n' }
            : i % 3 === 1
              ? { kind: 'mark', delta: 0, note: 'n' }
              : { note: 'n', kind: 'mark', delta: 0, extra: i },
        ],
      })),
  };
  const marks = createModerator({
    ruleSets: [
      loadRuleSet(
        ['id: marks', 'category: marks', 'description: d', 'rules:', '  - id: x', '    description: d', '    severity: low', '    score: 0.5',
          '    message: m', '    detector: marks'].join('\n'),
      ),
    ],
    detectors: [detector],
  });

  it('keeps -0 apart from 0, and a step with other keys or another key order as it was', () => {
    const { findings } = marks.moderate('x x x x x x');
    expect(findings).toHaveLength(6);
    findings.forEach((finding, i) => {
      const step = finding.explanation.steps[1]!;
      if (i % 3 === 0) expect(Object.is(step.delta, -0)).toBe(true);
      if (i % 3 === 1) expect(Object.is(step.delta, 0)).toBe(true);
      if (i % 3 === 2) expect(JSON.stringify(step)).toBe(`{"note":"n","kind":"mark","delta":0,"extra":${i}}`);
    });
    expect(findings[3]!.explanation).toBe(findings[0]!.explanation);
    expect(findings[1]!.explanation).not.toBe(findings[0]!.explanation);
  });
});

/** How messages were filled before templates were split once per rule: the reference. */
function fillMessage(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? whole) : whole,
  );
}

describe('messages', () => {
  const base = ['match', 'matched', 'term', 'list', 'rule', 'category', 'entity'];
  const placeholder = (names: string[]) =>
    fc
      .record({ name: fc.constantFrom(...names), before: fc.constantFrom('', ' ', '  '), after: fc.constantFrom('', ' ', '\t') })
      .map(({ name, before, after }) => `{{${before}${name}${after}}}`);
  // Stray braces, `$&` and `$1` (special in a replacement string, not here) and names that are not placeholders.
  const literal = fc.string({ unit: fc.constantFrom('a', ' ', '.', '{', '}', '$', '&', '1', '{{1x}}', '{{ }}', '中'), maxLength: 6 });
  const template = (names: string[]) =>
    fc.array(fc.oneof(placeholder(names), literal), { minLength: 1, maxLength: 8 }).map((parts) => `M ${parts.join('')}`);

  const ruleSet = (listMessage: string, regexMessage: string) =>
    [
      'id: house',
      'category: house',
      'description: Every placeholder a message can name.',
      'lists:',
      '  transfers:',
      '    Bank Wire: [wire me]',
      'rules:',
      '  - id: by-list',
      '    description: d',
      '    severity: high',
      '    score: 0.9',
      `    message: ${JSON.stringify(listMessage)}`,
      '    terms: ["@transfers"]',
      '  - id: by-regex',
      '    description: d',
      '    severity: low',
      '    score: 0.3',
      '    entity: amount',
      `    message: ${JSON.stringify(regexMessage)}`,
      "    regex: '(?<amount>\\d+) ?(?<unit>usd)(?<__proto__>!)?(?<constructor>\\?)?'",
    ].join('\n');

  const list = { match: 'WIRE me', matched: 'wire me', term: 'Bank Wire', list: 'transfers', rule: 'house/by-list', category: 'house', entity: '' };
  const regex = { match: '20 USD!', matched: '20 usd!', term: '20 usd!', list: '', rule: 'house/by-regex', category: 'house', entity: 'amount' };
  const groups = { amount: '20', unit: 'usd', constructor: '' };

  it('fills every placeholder as the message template says, whatever surrounds it', () => {
    fc.assert(
      fc.property(template(base), template([...base, 'amount', 'unit', 'constructor', '__proto__']), (listMessage, regexMessage) => {
        const moderator = createModerator({ ruleSets: [loadRuleSet(ruleSet(listMessage, regexMessage))] });
        const [byList, byRegex] = moderator.moderate('just WIRE me 20 USD! today').findings;
        expect(byList!.message).toBe(fillMessage(listMessage, list));
        // A regex group named __proto__ is an own value like any other.
        expect(byRegex!.message).toBe(fillMessage(regexMessage, Object.fromEntries([...Object.entries({ ...regex, ...groups }), ['__proto__', '!']])));
      }),
      { numRuns: 150 },
    );
  });
});
