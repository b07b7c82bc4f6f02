import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';

function sink() {
  let data = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      data += String(chunk);
      done();
    },
  });
  return { stream, text: () => data };
}

async function cli(args: string[], stdin = '') {
  const out = sink();
  const err = sink();
  const code = await main(args, { stdout: out.stream, stderr: err.stream, stdin: () => stdin });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('chaperone cli', () => {
  it('check prints a readable report with brackets when not on a terminal', async () => {
    const { code, stdout } = await cli(['check', 'sh1t driver']);
    expect(code).toBe(0);
    expect(stdout).toContain('[sh1t] driver');
    expect(stdout).toContain('profanity/vulgar-word');
    expect(stdout).toContain('base:');
  });
  it('check --json prints the raw result, reading stdin', async () => {
    const { stdout } = await cli(['check', '--json'], 'you absolute moron\n');
    expect(JSON.parse(stdout).categories.profanity.verdict).not.toBe('allow');
  });
  it('test runs case files with custom rules and exits 0', async () => {
    const { code, stdout } = await cli(['test', 'fixtures/house-rules.cases.yaml', '--rules', 'fixtures/house-rules.yaml']);
    expect(stdout).toContain('2 passed, 0 failed');
    expect(code).toBe(0);
  });
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['check', '--bogus', 'x'], /Unknown option '--bogus'/],
    [['check', '--rules', 'missing.yaml', 'x'], /cannot read rule set missing\.yaml/],
    [['check', '--rules', 'fixtures/broken-rules.yaml', 'x'], /broken-rules\.yaml:\d+:\d+/],
    [['test'], /needs at least one/],
    [['test', 'missing.cases.yaml'], /Invalid case file .*\n.*missing\.cases\.yaml cannot read case file.*\[file_not_found\]/],
    [['test', 'fixtures/house-rules.cases.yaml'], /ruleSet: the cases are for rule set "house-rules", which is not loaded.*\[unknown_rule_set\]/],
  ])('%j is a usage error with a one-line reason', async (args, message) => {
    const { code, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
  it.each([
    // [verdict of the message, --fail-on, exit status]
    ['hello there', 'allow', undefined, 0],
    ['damn it', 'allow', 'review', 0],
    ['sh1t driver', 'review', undefined, 0],
    ['sh1t driver', 'review', 'block', 0],
    ['sh1t driver', 'review', 'review', 1],
    ['ok u dumb f*ck, add me on w e c h a t instead', 'block', undefined, 0],
    ['ok u dumb f*ck, add me on w e c h a t instead', 'block', 'review', 1],
    ['ok u dumb f*ck, add me on w e c h a t instead', 'block', 'block', 1],
  ])('check %j (%s) with --fail-on %s exits %i', async (text, verdict, failOn, status) => {
    const args = ['check', '--json', ...(failOn ? ['--fail-on', failOn] : []), text];
    const { code, stdout } = await cli(args);
    expect(JSON.parse(stdout).verdict).toBe(verdict);
    expect(code).toBe(status);
  });
  it.each([
    [['check', '--fail-on', 'blok', 'x'], /--fail-on must be review or block, got "blok"; did you mean "block"\?/],
    [['check', '--fail-on', 'reveiw', 'x'], /got "reveiw"; did you mean "review"\?/],
    [['check', '--fail-on', 'allow', 'x'], /--fail-on must be review or block, got "allow"$/m],
    [['check', '--fail-on'], /--fail-on/],
    [['redact', '--fail-on', 'block', 'x'], /--fail-on applies to check only, not redact/],
  ])('%j is a usage error naming the levels', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });
  it('check --help documents --fail-on', async () => {
    const { stdout } = await cli(['check', '--help']);
    expect(stdout).toMatch(/--fail-on LEVEL\s+exit 1 when the verdict reaches LEVEL/);
  });
  it.each([['--version'], ['-v']])('%s prints the version from package.json', async (flag) => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const { code, stdout } = await cli([flag]);
    expect(stdout).toBe(`${version}\n`);
    expect(code).toBe(0);
  });
  it('explain says why a message was missed and why it was caught', async () => {
    const { code, stdout } = await cli(['explain', '--rule', 'profanity/', 'you absolute m0ron, damn']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^flagged\s+profanity\/insult: matched "m0ron"/m);
    expect(stdout).toMatch(/^below-threshold\s+profanity\/mild-word/m);
    expect(stdout).toMatch(/^not-triggered\s+profanity\/slur: none of its terms occur/m);
    expect(stdout).not.toContain('threat/');
  });
  it('schema prints the JSON Schema for rule files', async () => {
    const { stdout } = await cli(['schema']);
    expect(JSON.parse(stdout).title).toBe('chaperone rule set');
  });
  it('--help shows examples', async () => {
    const { code, stdout } = await cli(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
  });
  it('redact masks the chosen categories', async () => {
    const { stdout } = await cli(['redact', '--category', 'profanity', 'what the fuck']);
    expect(stdout).toBe('what the [profanity]\n');
  });
  it('redact --entity masks only that kind of personal data', async () => {
    const { code, stdout } = await cli(['redact', '--entity', 'phone', 'call 138 0013 8000 or mail jay@example.com']);
    expect(code).toBe(0);
    expect(stdout).toBe('call [phone] or mail jay@example.com\n');
  });
  it.each([
    [['redact', '--category', 'nonsense', 'call 138 0013 8000'], /unknown category "nonsense" in --category; known: off-platform, pii, profanity, threat$/m],
    [['redact', '--category', 'pi', 'call 138 0013 8000'], /unknown category "pi" in --category \(did you mean "pii"\?\)/],
    [['redact', '--entity', 'phon', 'call 138 0013 8000'], /unknown entity "phon" in --entity \(did you mean "phone"\?\)/],
    [['redact', '--category', 'pii', '--category', 'profanty', 'x'], /unknown category "profanty" .*did you mean "profanity"/],
  ])('%j is a usage error naming the closest known name', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^chaperone: /);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
