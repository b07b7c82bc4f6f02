// Rule, overrides and case files as they arrive from editors and from strangers: encodings other
// than UTF-8, alias bombs, and keys that JavaScript objects reserve. Each is a RuleSetError with a
// code and, where there is one, the file and line; nothing loads silently wrong.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createModerator, loadOverrides, loadRuleSet, RuleSetError, type RuleSetIssue } from '../../src/index.js';
import { loadParsedRuleSet } from '../../src/policy/load.js';
import { loadCaseFile } from '../../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'chaperone-rule-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A one-rule set whose term sits on line 11. */
const ruleSet = (term: string) => `id: cafe-words
category: off-platform
description: d
rules:
  - id: meet-at-cafe
    description: d
    severity: medium
    score: 0.6
    message: m
    terms:
      - ${term}
`;

function write(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function issuesOf(load: () => unknown): readonly RuleSetIssue[] {
  try {
    load();
  } catch (error) {
    if (error instanceof RuleSetError) return error.issues;
    throw error;
  }
  throw new Error('expected a RuleSetError');
}

const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const units = Buffer.from(text, 'utf16le');
  if (order === 'be') units.swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(bom ? mark : []), units]);
};

describe('rule file encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(ruleSet('café'))],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ruleSet('café'))])],
    ['UTF-16LE with a byte-order mark', utf16(ruleSet('café'), 'le', true)],
    ['UTF-16BE with a byte-order mark', utf16(ruleSet('café'), 'be', true)],
    ['UTF-16LE without a byte-order mark', utf16(ruleSet('café'), 'le', false)],
    ['UTF-16BE without a byte-order mark', utf16(ruleSet('café'), 'be', false)],
  ])('%s loads and matches accented words', (name, bytes) => {
    const loaded = loadRuleSet(write(`${name.replace(/\W+/g, '-')}.yaml`, bytes));
    expect(loaded.id).toBe('cafe-words');
    const findings = createModerator({ ruleSets: [loaded] }).moderate('see you at the café').findings;
    expect(findings.map((f) => f.text)).toEqual(['café']);
  });

  const u = (text: string) => Buffer.from(text);
  it.each([
    // Line 11 is "      - café": the term starts at column 9, so é (0xE9 in Latin-1) is at 12.
    ['Latin-1', Buffer.from(ruleSet('café'), 'latin1'), 11, 12],
    ['Windows-1252 curly quotes', Buffer.concat([u(ruleSet('caf').replace('- caf\n', '- ')), Buffer.from([0x93, 0x63, 0x94, 0x0a])]), 11, 9],
    ['a truncated UTF-8 sequence at the end', Buffer.concat([u(ruleSet('cafe').trimEnd()), Buffer.from([0xe4, 0xbd])]), 11, 13],
    // A U+FFFD written in the file is text; the bad byte after it is what is reported.
    ['a real U+FFFD before a bad byte', Buffer.concat([u(ruleSet('\uFFFDx').trimEnd()), Buffer.from([0xff, 0x0a])]), 11, 11],
    ['an overlong encoding', Buffer.concat([u('# '), Buffer.from([0xc0, 0xaf]), u(`\n${ruleSet('cafe')}`)]), 1, 3],
    ['UTF-32LE', Buffer.from([0xff, 0xfe, 0, 0, 0x69, 0, 0, 0]), undefined, undefined],
    ['UTF-16LE with an unpaired surrogate', utf16(ruleSet('caf\uD800'), 'le', true), 11, 12],
  ])('%s is refused with invalid_encoding at the first bad character', (name, bytes, line, column) => {
    const file = write(`bad-${name.replace(/\W+/g, '-')}.yaml`, bytes);
    const issues = issuesOf(() => loadRuleSet(file));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'invalid_encoding', file });
    expect([issues[0]!.line, issues[0]!.column]).toEqual([line, column]);
  });

  it('names the encoding it refuses', () => {
    const latin1 = write('latin1.yaml', Buffer.from(ruleSet('café'), 'latin1'));
    expect(issuesOf(() => loadRuleSet(latin1))[0]!.message).toMatch(/not UTF-8.*0xE9/);
    const utf32 = write('utf32.yaml', Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x69]));
    expect(issuesOf(() => loadRuleSet(utf32))[0]!.message).toContain('UTF-32');
  });

  it('refuses YAML text with NUL characters (UTF-16 decoded as UTF-8) with invalid_encoding', () => {
    const garbled = utf16(ruleSet('café'), 'le', false).toString('utf8');
    const [issue] = issuesOf(() => loadRuleSet(garbled, { file: 'garbled.yaml' }));
    expect(issue).toMatchObject({ code: 'invalid_encoding', file: 'garbled.yaml', line: 1, column: 2 });
    expect(issue!.message).toContain('UTF-16');
  });

  it.each([
    ['overrides', (file: string) => loadOverrides(file)],
    ['case file', (file: string) => loadCaseFile(file)],
  ])('reads an %s the same way', (what, load) => {
    const text = what === 'overrides' ? 'overrides: cafe\n# café\n' : 'ruleSet: cafe-words\n# café\n';
    expect(() => load(write(`${what}-16.yaml`, utf16(text, 'le', true)))).not.toThrow();
    const latin1 = write(`${what}-latin1.yaml`, Buffer.from(text, 'latin1'));
    expect(issuesOf(() => load(latin1))[0]).toMatchObject({ code: 'invalid_encoding', file: latin1, line: 2, column: 6 });
  });
});

describe('YAML that is too much to expand', () => {
  // Nine anchors of nine aliases each: 9^9 (387 million) strings from under 500 bytes.
  const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (const [prev, next] of [...'abcdefgh'].map((c, i) => [c, 'bcdefghi'[i]!])) {
    laughs.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  const bomb = `${laughs.join('\n')}\n`;

  // Line 2 ("b: &b [*a, …]") has the first alias, but its anchor holds none; line 3's anchor
  // holds aliases, and that is where the expansion starts to multiply.
  it.each([
    ['a rule set', (text: string) => loadRuleSet(text, { file: 'bomb.yaml' }), 3],
    ['an overrides file', (text: string) => loadOverrides(`overrides: x\n${text}`, { file: 'bomb.yaml' }), 4],
    ['a case file', (text: string) => loadCaseFile(`ruleSet: x\n${text}`, { file: 'bomb.yaml' }), 4],
  ])('is refused in %s with yaml_too_complex at the first alias of an alias', (_, load, line) => {
    const issues = issuesOf(() => load(bomb));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'yaml_too_complex', file: 'bomb.yaml', line, column: 8 });
  });

  it('still loads a rule file that uses an anchor a few times', () => {
    const text = ruleSet('café').replace('    terms:\n      - café\n', '    terms: &cafe [café, cafe]\n    context: *cafe\n');
    expect(loadRuleSet(text).rules[0]!.context).toEqual(['café', 'cafe']);
  });
});

describe('keys JavaScript objects reserve', () => {
  const lists = (key: string) => ruleSet(`'@${key}'`).replace('rules:', `lists:\n  ${key}: [cafe]\nrules:`);
  it.each([
    ['__proto__ as a list name', () => loadRuleSet(lists('__proto__'), { file: 'x.yaml' }), ['lists', '__proto__'], 5],
    ['constructor as a list name', () => loadRuleSet(lists('constructor'), { file: 'x.yaml' }), ['lists', 'constructor'], 5],
    ['prototype as a list label', () => loadRuleSet(ruleSet('cafe').replace('rules:', 'lists:\n  drinks:\n    prototype: [tea]\nrules:'), { file: 'x.yaml' }),
      ['lists', 'drinks', 'prototype'], 6],
    ['__proto__ inside detector options', () => loadRuleSet(ruleSet('cafe').replace('    terms:\n      - cafe\n', '    detector: x\n    options:\n      __proto__: { a: 1 }\n'), { file: 'x.yaml' }),
      ['rules', 0, 'options', '__proto__'], 12],
    ['__proto__ as an overridden rule', () => loadOverrides('overrides: x\nrules:\n  __proto__:\n    score: 0.1\n', { file: 'x.yaml' }), ['rules', '__proto__'], 3],
    ['constructor as a threshold category', () => loadOverrides('overrides: x\nthresholds:\n  constructor: { review: 0.9 }\n', { file: 'x.yaml' }),
      ['thresholds', 'constructor'], 3],
    ['__proto__ at the top of a case file', () => loadCaseFile('ruleSet: x\n__proto__: { valid: [a] }\n', { file: 'x.yaml' }), ['__proto__'], 2],
  ])('%s is refused with reserved_key, not dropped', (_, load, path, line) => {
    const issues = issuesOf(load);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'reserved_key', path, file: 'x.yaml', line });
  });

  it('the build-time loader of the built-in rule sets refuses them too', () => {
    const parsed: unknown = JSON.parse(JSON.stringify({ id: 'x', category: 'pii', description: 'd', rules: [] }).replace('"rules"', '"lists":{"__proto__":["a"]},"rules"'));
    const issues = issuesOf(() => loadParsedRuleSet(parsed, 'x.yaml'));
    expect(issues).toEqual([expect.objectContaining({ code: 'reserved_key', path: ['lists', '__proto__'], file: 'x.yaml' })]);
  });

  it('a __proto__ key pollutes no prototype on the way to being refused', () => {
    issuesOf(() => loadOverrides('overrides: x\nrules:\n  __proto__:\n    polluted: true\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
