import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { candidateCues, cueIndex, gateText } from '../../../src/detectors/threat/gate.js';
import { readingText } from '../../../src/detectors/threat/reading.js';
import { createPlainView } from '../../../src/text/index.js';

/** The cues `candidateCues` is meant to offer, found the slow way: every key that is a word or a word's prefix. */
function reference(text: string): Set<number> {
  const { byWord, always } = cueIndex();
  const offered = new Set(always);
  for (const word of text.match(/[a-z]{3,}/g) ?? []) {
    for (const [key, cues] of byWord) if (word.startsWith(key)) for (const i of cues) offered.add(i);
  }
  return offered;
}

const sorted = (cues: Set<number>) => [...cues].sort((a, b) => a - b);

// Every text of the threat cases and the sample archive, as the cue gate reads it.
const caseFile = parse(readFileSync('rules/threat.cases.yaml', 'utf8')) as { valid: (string | { text: string })[]; invalid: { text: string }[] };
const texts = [
  ...[...caseFile.valid, ...caseFile.invalid].map((c) => (typeof c === 'string' ? c : c.text)),
  ...readFileSync('fixtures/sample-archive.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text),
].map((raw) => gateText(readingText(createPlainView(raw).text)));

describe('candidateCues', () => {
  it('offers exactly the cues one of whose key words is a word of the text or a prefix of one', () => {
    for (const text of texts) expect(sorted(candidateCues(text)), text).toEqual(sorted(reference(text)));
  });

  it('does so for words made of the keys themselves, cut short and run on', () => {
    const keys = [...cueIndex().byWord.keys()];
    const word = fc.tuple(fc.constantFrom(...keys), fc.integer({ min: -3, max: 3 }), fc.constantFrom('', 's', 'ing', 'ed', 'x')).map(([key, cut, tail]) => (cut < 0 ? key.slice(0, cut) : key) + tail);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const text = words.join(' ');
        expect(sorted(candidateCues(text))).toEqual(sorted(reference(text)));
      }),
      { numRuns: 500 },
    );
  });
});
