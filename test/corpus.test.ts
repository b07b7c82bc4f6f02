import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateArchiveLines, generateCorpus, MAX_LENGTH, TEMPLATE_COUNT } from '../scripts/corpus.mjs';

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
const hasLatinWords = (s: string) => /[A-Za-z]{3,}/.test(s);

describe('scripts/corpus.mjs', () => {
  const corpus = generateCorpus(5000, { seed: 7 });

  it('is deterministic: same seed, same corpus; different seed, different corpus', () => {
    expect(generateCorpus(5000, { seed: 7 })).toEqual(corpus);
    const other = generateCorpus(5000, { seed: 8 });
    expect(other).not.toEqual(corpus);
    const same = other.filter((m, i) => m.text === corpus[i]?.text).length;
    expect(same).toBeLessThan(500);
    expect(generateCorpus(50)).toEqual(generateCorpus(50, { seed: 1 }));
  });

  it('honours the count, and a longer corpus starts with the shorter one', () => {
    expect(generateCorpus(0)).toEqual([]);
    expect(generateCorpus(1)).toHaveLength(1);
    expect(generateCorpus(1234, { seed: 7 })).toHaveLength(1234);
    expect(corpus.slice(0, 1234)).toEqual(generateCorpus(1234, { seed: 7 }));
    expect(() => generateCorpus(-1)).toThrow(RangeError);
  });

  it('produces well-formed messages with unique ids', () => {
    for (const m of corpus) {
      expect(Object.keys(m).sort()).toEqual(['id', 'sender', 'text']);
      expect(m.sender).toMatch(/^[a-z]+(-[a-z]+)?-\d+$/);
      expect(typeof m.text).toBe('string');
    }
    expect(new Set(corpus.map((m) => m.id)).size).toBe(corpus.length);
  });

  it('keeps lengths within bounds: mostly 10-200 characters, a tail up to 500', () => {
    const lengths = corpus.map((m) => m.text.length);
    expect(Math.min(...lengths)).toBeGreaterThan(0);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_LENGTH);
    expect(MAX_LENGTH).toBe(500);
    const typical = lengths.filter((n) => n >= 10 && n <= 200).length;
    expect(typical / lengths.length).toBeGreaterThan(0.85);
    expect(lengths.filter((n) => n > 200).length).toBeGreaterThan(0);
    // no lone surrogates from trimming
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const m of corpus) expect(m.text).not.toMatch(loneSurrogate);
  });

  it('mixes English and Chinese, and has a rich template set', () => {
    const zh = corpus.filter((m) => hasHan(m.text)).length / corpus.length;
    const en = corpus.filter((m) => !hasHan(m.text) && hasLatinWords(m.text)).length / corpus.length;
    expect(zh).toBeGreaterThan(0.15);
    expect(zh).toBeLessThan(0.4);
    expect(en).toBeGreaterThan(0.6);
    expect(TEMPLATE_COUNT).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((m) => m.text)).size).toBeGreaterThan(2000);
  });

  it('concentrates messages of some senders: a few repeat senders exist', () => {
    const counts = new Map<string, number>();
    for (const m of corpus) counts.set(m.sender, (counts.get(m.sender) ?? 0) + 1);
    const top = Math.max(...counts.values());
    expect(top).toBeGreaterThanOrEqual(10);
  });

  it('streams JSONL lines of the same messages until about `bytes` bytes', () => {
    const lines = [...generateArchiveLines({ seed: 7, bytes: 20_000 })];
    const total = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
    expect(total).toBeGreaterThanOrEqual(20_000);
    expect(total - Buffer.byteLength(lines.at(-1) ?? '')).toBeLessThan(20_000);
    for (const [i, line] of lines.entries()) {
      expect(line.endsWith('\n')).toBe(true);
      expect(JSON.parse(line)).toEqual(corpus[i]);
    }
    expect([...generateArchiveLines({ seed: 7, bytes: 0 })]).toEqual([]);
  });
});

describe('fixtures/sample-archive.jsonl', () => {
  const raw = readFileSync(new URL('../fixtures/sample-archive.jsonl', import.meta.url), 'utf8');
  const lines = raw.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const records = lines.map((line, i) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`line ${i + 1} is not valid JSON: ${(err as Error).message}`);
    }
  });

  it('has at least 250 messages, every line with the required fields', () => {
    expect(records.length).toBeGreaterThanOrEqual(250);
    for (const r of records) {
      expect(Object.keys(r).sort()).toEqual(['conversation', 'id', 'sender', 'text', 'time']);
      expect(r.id).toMatch(/^m-\d{4}$/);
      expect(r.conversation).toMatch(/^c-\d{3}$/);
      expect(r.sender).toMatch(/^[a-z]+(-[a-z]+)?-\d+$/);
      expect(typeof r.text).toBe('string');
      expect((r.text as string).trim().length).toBeGreaterThan(0);
      expect(new Date(r.time as string).toISOString().replace('.000Z', 'Z')).toBe(r.time);
    }
  });

  it('has unique, sequential ids and increasing time within each conversation', () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    records.forEach((r, i) => expect(r.id).toBe(`m-${String(i + 1).padStart(4, '0')}`));
    const last = new Map<unknown, string>();
    for (const r of records) {
      const prev = last.get(r.conversation);
      if (prev !== undefined) expect(r.time as string > prev).toBe(true);
      last.set(r.conversation, r.time as string);
    }
  });

  it('is mostly English with a good share of Chinese', () => {
    const zh = records.filter((r) => hasHan(r.text as string)).length / records.length;
    expect(zh).toBeGreaterThan(0.15);
    expect(zh).toBeLessThan(0.4);
  });
});
