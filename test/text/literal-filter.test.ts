import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CUE_READS_ASCII, CUES, cuesPossible } from '../../src/detectors/threat/cues.js';
import { gateText } from '../../src/detectors/threat/gate.js';
import { joinLetterRuns, latinTwin, readingText } from '../../src/detectors/threat/reading.js';
import { createPlainView } from '../../src/text/index.js';
import { LiteralFilter, requiredLiterals, type Literal } from '../../src/text/literal-filter.js';

const show = (literals: readonly Literal[] | undefined) =>
  literals?.map((l) => `${l.boundaryBefore ? '\\b' : ''}${l.text}${l.boundaryAfter ? '\\b' : ''}`).sort();

describe('requiredLiterals', () => {
  it('takes the literals of each alternative, with the \\b beside them', () => {
    expect(show(requiredLiterals(/\b(?:see what happens|regret)\b/))).toEqual(['\\bregret\\b', '\\bsee what happens\\b']);
  });

  it('joins a few alternatives into the text around them', () => {
    expect(show(requiredLiterals(/(?:you|u) will pay/))).toEqual(['u will pay', 'you will pay']);
    expect(show(requiredLiterals(/colou?r/))).toEqual(['color', 'colour']);
    expect(show(requiredLiterals(/['’]ll\b/))).toEqual(["'ll\\b", '’ll\\b']);
  });

  it('picks the most selective piece of a sequence', () => {
    // `\w+` says nothing; of "a" and "visit", the longer is kept.
    expect(show(requiredLiterals(/a \w+ visit/))).toEqual([' visit']);
    expect(show(requiredLiterals(/kill\w* (?:you|him)\b/))).toEqual([' him\\b', ' you\\b']);
  });

  it('leaves out what lookarounds and anchors ask, since they consume nothing', () => {
    expect(show(requiredLiterals(/(?<!no )way(?= out)$/))).toEqual(['way']);
    expect(show(requiredLiterals(/^(?:hi|hey)\b/m))).toEqual(['hey\\b', 'hi\\b']);
  });

  it('reads escapes as the characters they stand for', () => {
    expect(show(requiredLiterals(/a\.b\/c\u0064\x65/))).toEqual(['a.b/cde']);
    expect(show(requiredLiterals(/\u{1F600}!/u))).toEqual(['\u{1F600}!']);
  });

  it('repeats: at least once keeps the literals, possibly never drops them', () => {
    expect(show(requiredLiterals(/(?:ab)+c/))).toEqual(['ab']);
    expect(show(requiredLiterals(/(?:ab){2,3}/))).toEqual(['ab']);
    expect(requiredLiterals(/(?:ab)*/)).toBeUndefined();
    expect(show(requiredLiterals(/x?yz/))).toEqual(['xyz', 'yz']);
  });

  it('gives nothing when a match can be made of characters it does not know', () => {
    for (const re of [/\w+/, /[a-z]{3}/, /a|\d/, /(\w)\1/, /./s, /[^x]/, /(?:)/]) expect(requiredLiterals(re), String(re)).toBeUndefined();
  });

  it('gives nothing under the i and v flags, whose matching it does not model', () => {
    expect(requiredLiterals(/hello/i)).toBeUndefined();
    expect(requiredLiterals(new RegExp('hello', 'v'))).toBeUndefined();
  });
});

describe('LiteralFilter', () => {
  it('reports which expressions a text leaves possible', () => {
    const filter = new LiteralFilter([/\bend\b/, /\bsee what happens\b/, /\w+/, undefined]);
    expect([...filter.mayMatch('see you at the weekend')]).toEqual([0, 0, 1, 1]);
    expect([...filter.mayMatch('the end')]).toEqual([1, 0, 1, 1]);
    expect([...filter.mayMatch("let's see what happens.")]).toEqual([0, 1, 1, 1]);
    expect([...filter.mayMatch('')]).toEqual([0, 0, 1, 1]);
  });

  it('finds literals shorter than three units and at either end of the text', () => {
    const filter = new LiteralFilter([/;\)/, /\bur\b/, /abc/]);
    expect([...filter.mayMatch(';)')]).toEqual([1, 0, 0]);
    expect([...filter.mayMatch('ur')]).toEqual([0, 1, 0]);
    expect([...filter.mayMatch('your')]).toEqual([0, 0, 0]);
    expect([...filter.mayMatch('abc')]).toEqual([0, 0, 1]);
  });

  it('checks a \\b on either side of a literal that begins or ends with a non-word character', () => {
    // `\b ` needs a word character before the space.
    const filter = new LiteralFilter([/\b go\b/]);
    expect(filter.mayMatch('to go now')[0]).toBe(1);
    expect(filter.mayMatch(' go')[0]).toBe(0);
  });
});

// The source of an expression without the assertions fast-check cannot generate from (`\b`,
// lookarounds): strings matching it are candidates, kept only where the expression itself matches.
function withoutAssertions(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      if (source[i + 1] !== 'b') out += source.slice(i, i + 2);
      i++;
    } else if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      let depth = 0;
      for (; i < source.length; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '(') depth++;
        else if (source[i] === ')' && --depth === 0) break;
      }
    } else out += source[i];
  }
  return out;
}

/** Texts around strings generated from `re`: the filter must report `re` possible wherever it matches. */
function matchingTexts(re: RegExp): fc.Arbitrary<string> {
  const core = fc.stringMatching(new RegExp(withoutAssertions(re.source)), { size: 'small' });
  const edge = fc.constantFrom('', ' ', 'a', '. ', 'x y ', "'");
  return fc.tuple(edge, core, edge).map(([a, b, c]) => a + b + c);
}

describe('the threat cues never lose a match to the filter', () => {
  const soundFor = (patterns: readonly (RegExp | undefined)[], possible: (text: string) => Uint8Array) => (text: string) => {
    const may = possible(text);
    patterns.forEach((re, k) => {
      if (re && new RegExp(re.source, re.flags.replace(/[gy]/g, '')).test(text)) expect(may[k], `${re.source.slice(0, 60)} on ${JSON.stringify(text)}`).toBe(1);
    });
  };
  const cuePatterns = CUES.map((cue, i) => (CUE_READS_ASCII[i] ? cue.pattern : undefined));

  it('on strings generated from every cue', () => {
    const check = soundFor(cuePatterns, cuesPossible);
    const all = cuePatterns.flatMap((re) => (re ? [re] : []));
    const untested: string[] = [];
    for (const re of all) {
      let matched = 0;
      fc.assert(
        fc.property(matchingTexts(re), (text) => {
          if (new RegExp(re.source, re.flags.replace(/[gy]/g, '')).test(text)) matched++;
          check(text);
        }),
        { numRuns: 100, seed: 11 },
      );
      if (matched < 5) untested.push(`${matched} ${re.source.slice(0, 80)}`);
    }
    // The generated strings must really match, or the property says little.
    expect(untested).toEqual([]);
  });

  it('on every text of the threat cases, the sample archive and the held-out sets', () => {
    const caseFile = parse(readFileSync('rules/threat.cases.yaml', 'utf8')) as { valid: (string | { text: string })[]; invalid: { text: string }[] };
    const jsonl = (path: string) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { text: string }).text);
    const raw = [...[...caseFile.valid, ...caseFile.invalid].map((c) => (typeof c === 'string' ? c : c.text)), ...['fixtures/sample-archive.jsonl', 'eval/holdout.jsonl', 'eval/holdout-2.jsonl', 'eval/holdout-3.jsonl'].flatMap(jsonl)];
    const cues = soundFor(cuePatterns, cuesPossible);
    for (const text of raw) cues(latinTwin(gateText(joinLetterRuns(readingText(createPlainView(text).text)).text), true));
  });
});
