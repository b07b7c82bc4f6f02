import { describe, expect, it } from 'vitest';
import { findingsByWindow, moderatedLength } from '../../src/engine/limits.js';
import type { Finding } from '../../src/engine/types.js';
import { createModerator, MAX_MODERATED_LENGTH } from '../../src/index.js';

const moderator = createModerator();
const MiB = MAX_MODERATED_LENGTH;

/** `size` units of clean filler with `words` written at the given offsets. */
function messageWith(size: number, words: readonly [at: number, word: string][]): string {
  const filler = 'the parcel is on its way ';
  let text = filler.repeat(Math.ceil(size / filler.length)).slice(0, size);
  for (const [at, word] of words) text = text.slice(0, at) + word + text.slice(at + word.length);
  return text;
}

describe('messages longer than MAX_MODERATED_LENGTH', () => {
  it('is 1 MiB of UTF-16 code units', () => {
    expect(MAX_MODERATED_LENGTH).toBe(1_048_576);
  });

  it('moderates a 4 MB message in its first 1 MiB, says so, and finds nothing past the cut', () => {
    const words: [number, string][] = [
      [1_000, ' fuck '],
      [MiB - 2_000, ' fuck '],
      [MiB + 2_000, ' fuck '],
      [3_000_000, ' shit '],
      [3_999_000, ' fuck '],
    ];
    const text = messageWith(4_000_000, words);
    const result = moderator.moderate(text);
    expect(result.truncated).toEqual({ at: MiB, length: 4_000_000 });
    const starts = result.findings.map((f) => f.start);
    expect(starts).toEqual([1_001, MiB - 1_999]);
    for (const finding of result.findings) {
      expect(finding.end).toBeLessThanOrEqual(MiB);
      expect(finding.text).toBe(text.slice(finding.start, finding.end));
    }
    expect(result.verdict).not.toBe('allow');
  });

  it('finds what lies just before the cut, and nothing of a word the cut splits', () => {
    const before = moderator.moderate(messageWith(MiB + 10, [[MiB - 6, ' fuck ']]));
    expect(before.findings.map((f) => [f.start, f.end])).toEqual([[MiB - 5, MiB - 1]]);
    const split = moderator.moderate(messageWith(MiB + 10, [[MiB - 3, ' fuck ']]));
    expect(split.truncated).toEqual({ at: MiB, length: MiB + 10 });
    expect(split.findings).toEqual([]);
  });

  it('does not cut a surrogate pair in half', () => {
    const text = `${'a'.repeat(MiB - 1)}😀${'b'.repeat(100)}`;
    expect(text.charCodeAt(MiB - 1)).toBe(0xd83d);
    expect(moderator.moderate(text).truncated).toEqual({ at: MiB - 1, length: MiB + 101 });
    // A lone high surrogate at the cut is no pair: the cut stays at the limit.
    const lone = `${'a'.repeat(MiB - 1)}\ud83dx${'b'.repeat(100)}`;
    expect(moderator.moderate(lone).truncated).toEqual({ at: MiB, length: MiB + 101 });
  });

  it('leaves the field out up to and at the limit', () => {
    const atLimit = moderator.moderate('a'.repeat(MiB));
    expect('truncated' in atLimit).toBe(false);
    const short = moderator.moderate('you are a fucking idiot');
    expect('truncated' in short).toBe(false);
    expect(Object.keys(short)).toEqual(['verdict', 'score', 'categories', 'findings']);
  });

  it.each([
    ['lone surrogates', '\udc00\ud800'],
    ['NUL and controls', '\u0000\u0001\u007f'],
    ['digits', '1'],
    ['astral letters', '𝕏'],
    ['combining marks', 'e\u0301\u0301'],
  ])('never throws on 4 MB of %s', (_name, unit) => {
    const text = unit.repeat(Math.ceil(4_000_000 / unit.length));
    const result = moderator.moderate(text);
    expect(result.truncated?.length).toBe(text.length);
    expect(result.truncated!.at).toBeLessThanOrEqual(MiB);
    expect(result.truncated!.at).toBeGreaterThanOrEqual(MiB - 1);
  });

  it('explains what moderate reads: the first part only', () => {
    const text = messageWith(MiB + 5_000, [[MiB + 1_000, ' fuck ']]);
    const flagged = moderator.explain(text).filter((e) => e.outcome === 'flagged');
    expect(flagged).toEqual([]);
  });
});

describe('redact on a message longer than MAX_MODERATED_LENGTH', () => {
  it('reads the whole message, masking what lies past the first window and across a window edge', () => {
    // Window edges fall at MiB (the first window's end) and MiB - 4096 + MiB (the second's).
    const places: [number, string][] = [
      [500, ' mail jay.lee@example.com '],
      [MiB - 12, ' mail kim.park@example.org '],
      [2 * MiB - 4_096 - 10, ' mail sam.wu@example.net '],
      [3_500_000, ' mail ann.li@example.com '],
    ];
    const text = messageWith(4_000_000, places);
    const result = moderator.redact(text, { entities: ['email'], style: 'mask' });
    expect(result.findings.map((f) => f.text)).toEqual(['jay.lee@example.com', 'kim.park@example.org', 'sam.wu@example.net', 'ann.li@example.com']);
    for (const finding of result.findings) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    expect(result.text).toHaveLength(text.length);
    expect(result.text).not.toMatch(/@example/);
    expect(result.text.slice(0, 100)).toBe(text.slice(0, 100));
  });

  it('masks a finding once when two windows both hold it', () => {
    const text = messageWith(MiB + 100_000, [[MiB - 100, ' mail kim.park@example.org ']]);
    const result = moderator.redact(text, { entities: ['email'] });
    expect(result.findings).toHaveLength(1);
    expect(result.text).toBe(text.replace('kim.park@example.org', '[email]'));
  });
});

describe('moderatedLength and findingsByWindow', () => {
  it('stop at the limit, or before it when the limit splits a surrogate pair', () => {
    expect(moderatedLength('abcdef', 4)).toBe(4);
    expect(moderatedLength('abc😀f', 4)).toBe(3);
    expect(moderatedLength('abcde😀x', 4, 2)).toBe(3);
    expect(moderatedLength('abcd😀', 4, 2)).toBe(4);
    expect(moderatedLength('abc', 4)).toBe(3);
  });

  /** A finding for every `xy` of a window, as the engine would report it. */
  const pairs = (part: string): Finding[] => {
    const out: Finding[] = [];
    for (let at = part.indexOf('xy'); at >= 0; at = part.indexOf('xy', at + 1)) {
      out.push({ ruleId: 't/xy', ruleSet: 't', category: 'pii', start: at, end: at + 2, text: 'xy', score: 1, severity: 'high', message: '', explanation: { matched: 'xy', steps: [] } });
    }
    return out;
  };

  it('find every occurrence once, with offsets into the whole text, whatever the window edges', () => {
    const text = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? 'xy' : i % 5 === 0 ? '😀' : 'ab')).join('');
    const expected = pairs(text).map((f) => f.start);
    for (const [limit, overlap] of [
      [10, 3],
      [17, 4],
      [64, 8],
      [1000, 0],
    ] as const) {
      const found = findingsByWindow(text, pairs, limit, overlap);
      expect(found.map((f) => f.start)).toEqual(expected);
      for (const f of found) expect(text.slice(f.start, f.end)).toBe('xy');
    }
  });

  it('never starts or ends a window inside a surrogate pair', () => {
    const text = '😀'.repeat(50);
    const windows: string[] = [];
    findingsByWindow(text, (part) => (windows.push(part), []), 7, 2);
    expect(windows.length).toBeGreaterThan(5);
    for (const part of windows) expect(part).toMatch(/^(?:😀)+$/u);
  });
});
