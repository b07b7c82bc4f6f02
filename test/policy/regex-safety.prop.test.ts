import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleSetError, safeLoadRuleSet } from '../../src/index.js';

/** A rule file with one regex rule, the regex on line 10 as a single-quoted YAML scalar. */
function ruleFile(regex: string, extra = ''): string {
  return [
    'id: generated',
    'category: off-platform',
    'description: A generated regex.',
    'rules:',
    '  - id: generated-regex',
    '    description: d',
    '    severity: low',
    '    score: 0.5',
    '    message: m',
    `    regex: '${regex.replace(/'/g, "''")}'`,
    extra,
  ].join('\n');
}

// Every atom is lower case so that it stays alive on every view (the plain view holds no upper case).
const atom = fc.constantFrom('a', 'x', '\\d', '[a-z]', '[a-f0-9]', '\\w', '.', '[^,]', '(?:ab)');
const unbounded = fc.constantFrom('*', '+', '{1,}', '{2,}', '{0,200}', '{1,500}', '*?', '+?');
const repeat = fc.constantFrom('*', '+', '{1,}', '{2,}', '{1,40}', '{2,30}', '+?');
const suffix = fc.constantFrom('!', '$', 'z', '#', '\\b!', '(?=!)');
const prefix = fc.constantFrom('', '\\b', 'k', '(?<=\\$)', '(?<!\\w)', '^');
const view = fc.constantFrom('', '    view: original', '    view: plain', '    view: skeleton', '    view: digits');
const flags = fc.constantFrom('', '    flags: i', '    flags: s', '    flags: m');

/** Alternatives that can read the same text, such as a|a, a|aa, a|a?, ab|a|b. */
const overlapping = atom.chain((a) =>
  fc.constantFrom(`${a}|${a}`, `${a}|${a}${a}`, `${a}${a}|${a}`, `${a}|${a}?`, `${a}|(?:${a})+`, `${a}${a}|${a}|x`),
);

const hostile = {
  'overlapping alternation under a repetition': fc.tuple(prefix, overlapping, repeat, suffix).map(([p, alt, q, s]) => `${p}(?:${alt})${q}${s}`),
  'stacked quantifiers': fc
    .tuple(prefix, atom, fc.array(fc.tuple(unbounded, fc.constantFrom('', '', '\\s?', ',?', '(?:-)?')), { minLength: 2, maxLength: 6 }), suffix)
    .map(([p, a, parts, s]) => `${p}${parts.map(([q, gap], i) => `${i > 0 ? gap : ''}${a}${q}`).join('')}${s}`),
  'nested quantifiers': fc
    .tuple(prefix, atom, unbounded, fc.constantFrom('', '\\s?', ',?', 'y?'), repeat, suffix)
    .map(([p, a, inner, tail, outer, s]) => `${p}(?:${a}${inner}${tail})${outer}${s}`),
};

describe('hostile rule regexes are refused when the file loads', () => {
  for (const [family, regexes] of Object.entries(hostile)) {
    it(`${family}: unsafe_regex at the rule's regex, with file and line`, () => {
      fc.assert(
        fc.property(regexes, view, flags, (regex, viewLine, flagLine) => {
          const result = safeLoadRuleSet(ruleFile(regex, [viewLine, flagLine].filter(Boolean).join('\n')), { file: 'generated.yaml' });
          expect(result.success, regex).toBe(false);
          if (result.success) return;
          expect(result.error).toBeInstanceOf(RuleSetError);
          const issue = result.error.issues.find((i) => i.code === 'unsafe_regex');
          expect(issue, `${regex}: ${result.error.message}`).toBeDefined();
          expect(issue!.path).toEqual(['rules', 0, 'regex']);
          expect(issue!.file).toBe('generated.yaml');
          expect(issue!.line).toBe(10);
        }),
        { numRuns: 150 },
      );
    });
  }
});

// Benign: runs of a class always end at a delimiter that no neighbouring run can read, so every
// text has one way through; words come first so that no match is empty.
const word = fc.constantFrom('pay', 'wire', 'venmo', 'cash', '微信', 'zelle');
const run = fc.record({
  chars: fc.constantFrom('[a-z]', '\\d', '[a-z0-9_]', '\\p{Script=Han}', '[^\\s@#:/-]', '\\w'),
  count: fc.constantFrom('+', '*', '{1,5}', '{2}', '?', '{3,80}', '+?'),
  delimiter: fc.constantFrom('@', '#', ':', '/', '-', '\\s'),
});
const benign = fc
  .tuple(
    fc.constantFrom('', '(?<=\\$)', '(?<![\\w@])', '\\b', '(?<=^|\\s)', '(?=\\w)'),
    fc.array(word, { minLength: 1, maxLength: 3 }),
    fc.array(run, { maxLength: 4 }),
    fc.constantFrom('', '\\b', '(?!\\d)', '(?=\\s|$)', '(?<name>\\d{2,4})'),
  )
  .map(([lead, words, runs, tail]) => {
    const body = runs.map(({ chars, count, delimiter }) => `${chars}${count}${delimiter}`).join('');
    return `${lead}(?:${words.join('|')})\\s${body}${tail}`;
  });

describe('benign rule regexes load', () => {
  it('a generated family of unambiguous regexes, lookbehind included, loads on every view', () => {
    fc.assert(
      fc.property(benign, view, fc.constantFrom('', '    flags: i'), (regex, viewLine, flagLine) => {
        const result = safeLoadRuleSet(ruleFile(regex, [viewLine, flagLine].filter(Boolean).join('\n')));
        expect(result.success, `${regex}: ${result.success ? '' : result.error.message}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
