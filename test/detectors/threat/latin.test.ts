import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUES, CUE_READS_ASCII } from '../../../src/detectors/threat/cues.js';
import * as frames from '../../../src/detectors/threat/frames.js';
import * as shapes from '../../../src/detectors/threat/shapes.js';
import { isAsciiPattern, latinTwin, mayBeTwoByte } from '../../../src/detectors/threat/reading.js';

// The patterns the threat grammar runs on the twin, and a few that exercise what an ASCII
// pattern can say about a unit above U+00FF: a space, a line end, "not this", a word edge.
const PATTERNS: readonly RegExp[] = [
  ...CUES.filter((_, i) => CUE_READS_ASCII[i]).map((cue) => cue.pattern),
  ...Object.values(frames).filter((v): v is RegExp => v instanceof RegExp && isAsciiPattern(v)),
  ...Object.values(shapes).filter((v): v is RegExp => v instanceof RegExp),
  /\bkill\b\s+you/g,
  /[^.!?\n]{2,6}/g,
  /^\w+$|you$/gm,
  /\S+ \s/g,
  /\s+/g,
  /.{3}\B./g,
  /\W\W/gi,
];

const WORDS = ['i', 'will', 'find', 'you', 'kill', 'your', 'family', 'accident', 'know', 'where', 'live', 'or', 'else', 'pics', 'go', 'online', 'cute'];
const OTHERS = ['😀', '😘', '美女', '\u2028', '\u3000', '\u00a0', '’', '…', '“', 'é', '\u200a', '\ufeff', 'ѕ'];
const text = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...OTHERS), fc.constantFrom(' ', ' ', '. ', ', ', '\n', '!')), { maxLength: 40 })
  .map((parts) => parts.join(''));

const matches = (pattern: RegExp, subject: string) => {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return [...subject.matchAll(global)].map((m) => [m.index, m[0].length]);
};

describe('latinTwin', () => {
  it('keeps the length and every unit up to U+00FF', () => {
    fc.assert(
      fc.property(text, (t) => {
        const twin = latinTwin(t, true);
        expect(twin.length).toBe(t.length);
        for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) <= 0xff) expect(twin.charCodeAt(i)).toBe(t.charCodeAt(i));
        expect(mayBeTwoByte(twin)).toBe(false);
      }),
    );
  });

  it('lets every ASCII pattern match where it matches on the text itself', () => {
    expect(PATTERNS.length).toBeGreaterThan(80);
    fc.assert(
      fc.property(text, fc.constantFrom(...PATTERNS), (t, pattern) => {
        expect(matches(pattern, latinTwin(t, true))).toEqual(matches(pattern, t));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells ASCII patterns from the rest', () => {
    expect(isAsciiPattern(/\bkill\w*\b/)).toBe(true);
    expect(isAsciiPattern(/美女/)).toBe(false);
    expect(isAsciiPattern(/[\u3400-\u9fff]/)).toBe(false);
    expect(isAsciiPattern(/\p{L}/u)).toBe(false);
    expect(isAsciiPattern(/kill/u)).toBe(false);
    expect(frames.LAUGHING.test('😂') && !isAsciiPattern(frames.LAUGHING)).toBe(true);
  });
});
