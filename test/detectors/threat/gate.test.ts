import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { gate, gatePasses, gateText, harmWordNearPerson, SEXUAL_CANDIDATE, SHAPE_CANDIDATE, sexualSign, shapeCandidates } from '../../../src/detectors/threat/gate.js';
import { sentenceSpans } from '../../../src/detectors/threat/clauses.js';
import { joinLetterRuns, readingText } from '../../../src/detectors/threat/reading.js';
import { createPlainView } from '../../../src/text/index.js';

describe('gateText', () => {
  it.each([
    ["i'll find u", 'i will find you'],
    ["you're dead, won't you?", 'you are dead will not you '],
    ["it's ur car, can't hide", 'it is your car can not hide'],
    ['im gonna get ya', 'i am going to get you'],
    ['dont make me come round', 'do not make me come round'],
    ['k. see u soon!!', 'k see you soon '],
  ])('%s -> %s', (input, expected) => {
    expect(gateText(input)).toBe(expected);
  });

  it('never grows a word out of nothing: every word of the result comes from a word of the input or a known expansion', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abcu r'ltm .,!?".split('')), maxLength: 40 }), (text) => {
        const out = gateText(text);
        expect(out).not.toMatch(/[^a-z0-9'$ ]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('harmWordNearPerson', () => {
  it.each([
    ["i'm gonna cave your head in", true],
    ['imma pop you', true],
    ['someone should stab that cop', true],
    ["he's getting his hands broken", true],
    ['you will die', true],
    ['pop by whenever', false],
    ['the cake was a hit', false],
    ['i will jump on the call at 5', false],
  ])('%s -> %s', (text, expected) => {
    expect(harmWordNearPerson(text)).toBe(expected);
  });
});

describe('gate', () => {
  it.each([
    ['i know you are home alone right now', 'intimidation'],
    ['you will be eating through a straw', 'harm'],
    ['send me a pic of you in your bra', 'sexual'],
    ['300 quid or the recording goes to your wife', 'coercion'],
  ] as const)('lets %s through for %s', (text, kind) => {
    expect(gate(text)?.[kind]).toBe(true);
  });

  it.each(['see you at the pickup point', 'thanks, the sofa fits perfectly', 'dinner is at 7, love you'])(
    'keeps %s out of the parser',
    (text) => {
      expect(gate(text)).toBeUndefined();
    },
  );
});

describe('shapeCandidates', () => {
  // Sentences a shape passes or nearly passes, from the case file (threats and their traps).
  const file = parseYaml(readFileSync(new URL('../../../rules/threat.cases.yaml', import.meta.url), 'utf8')) as { valid: string[]; invalid: { text: string }[] };
  const texts = [...file.valid, ...file.invalid.map((c) => c.text)];
  const sentences = texts.flatMap((text) => {
    const reading = joinLetterRuns(readingText(createPlainView(text).text)).text;
    return sentenceSpans(reading).map((span) => reading.slice(span.start, span.end));
  });

  it('marks every sentence that passes the gate (or shows a sexual sign) alone, whatever sentences surround it', () => {
    expect(sentences.filter((s) => gatePasses(s)).length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sentences), { minLength: 2, maxLength: 12 }), fc.constantFrom(' ', '\n', '', '  '), (picked, glue) => {
        const reading = picked.join(glue);
        const spans = sentenceSpans(reading);
        const marks = shapeCandidates(reading, spans);
        spans.forEach((span, i) => {
          const own = reading.slice(span.start, span.end);
          if (gatePasses(own)) expect(marks[i]! & SHAPE_CANDIDATE, own).toBe(SHAPE_CANDIDATE);
          if (sexualSign(own)) expect(marks[i]! & SEXUAL_CANDIDATE, own).toBe(SEXUAL_CANDIDATE);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('lets a sentence meet the end of text inside the joined search (a sign that needs the end of the line)', () => {
    const reading = 'miss u already 😘 cutie!\nsee you at 6.';
    const spans = sentenceSpans(reading);
    expect(gatePasses(reading.slice(spans[0]!.start, spans[0]!.end))).toBe(true);
    expect(shapeCandidates(reading, spans)[0]! & SHAPE_CANDIDATE).toBe(SHAPE_CANDIDATE);
  });

  it('leaves ordinary sentences unmarked', () => {
    const reading = 'the train was late again. see you at 6 by the fountain. thanks for the lift, the playlist was great.';
    expect([...shapeCandidates(reading, sentenceSpans(reading))]).toEqual([0, 0, 0]);
  });
});
