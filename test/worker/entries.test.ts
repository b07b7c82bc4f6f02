import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRuleSets, createModerator } from '../../src/index.js';
import type { InputItem } from '../../src/cli/scan/records.js';
import { describeRedisUrl } from '../../src/worker/client.js';
import { enqueuedFields, entryItem } from '../../src/worker/entries.js';
import { formatMetricsLine } from '../../src/worker/metrics.js';
import { formatPrometheus, policyVersion, type WorkerMetrics } from '../../src/worker/index.js';

describe('entries of the input stream', () => {
  it.each<[string, InputItem, 'jsonl' | 'csv' | 'text', InputItem]>([
    ['a JSONL line', { line: 3, raw: '{"text":"hi"}' }, 'jsonl', { line: 3, raw: '{"text":"hi"}' }],
    ['a text line', { line: 4, raw: 'hello there' }, 'text', { line: 4, fields: { body: 'hello there' } }],
    ['a CSV row', { line: 5, fields: { body: 'hi', author: 'bo' } }, 'csv', { line: 5, fields: { body: 'hi', author: 'bo' } }],
    ['a CSV row of the wrong width', { line: 6, error: 'CSV row has 3 fields, the header has 2' }, 'csv', { line: 6, error: 'CSV row has 3 fields, the header has 2' }],
    ['the end of a truncated input', { line: 7, endOfInput: 'input truncated after line 6' }, 'jsonl', { line: 7, endOfInput: 'input truncated after line 6' }],
  ])('%s goes into an entry and comes back as the item scan would read', (_, item, format, back) => {
    const [line, kind, payload] = enqueuedFields(item, format);
    const fields = { seq: '9', run: 'r1', line: String(line), [kind]: payload };
    expect(entryItem(fields, 'body')).toEqual({ seq: '9', run: 'r1', item: back });
  });

  it('an entry without seq is a message of its own, its fields the record (own keys only)', () => {
    const fields = Object.fromEntries([['__proto__', 'x'], ['text', 'hi']]);
    const { item, seq } = entryItem(fields, 'text');
    expect(seq).toBeUndefined();
    expect(item.line).toBeUndefined();
    expect(Object.hasOwn(item.fields!, '__proto__')).toBe(true);
  });

  it.each([
    [{ seq: '1', line: '0', jsonl: '{}' }, /no line number/],
    [{ seq: '1', line: '2', csv: '["a"]' }, /not a JSON object of strings/],
    [{ seq: '1', line: '2', csv: '{"a": 1}' }, /not a JSON object of strings/],
    [{ seq: '1', line: '2' }, /none of the fields/],
  ])('a malformed archive entry %j is an item with an error', (fields, error) => {
    expect(entryItem(fields, 'text').item.error).toMatch(error);
  });
});

describe('policy versions', () => {
  it('are equal for equal policies and differ when a rule set or a threshold differs', () => {
    const a = policyVersion(createModerator());
    expect(policyVersion(createModerator()).id).toBe(a.id);
    expect(a.id).toMatch(/^\d+\.\d+\.\d+[^+]*\+[0-9a-f]{12}$/);
    expect(Object.keys(a.ruleSets)).toEqual(expect.arrayContaining(['profanity.en', 'profanity.zh', 'pii.any']));
    const disabled = policyVersion(createModerator({ disable: ['profanity/mild-word'] }));
    expect(disabled.id).not.toBe(a.id);
    expect(disabled.ruleSets['threat.en']).toBe(a.ruleSets['threat.en']);
    expect(disabled.ruleSets['profanity.en']).not.toBe(a.ruleSets['profanity.en']);
    const stricter = policyVersion(createModerator({ thresholds: { threat: { review: 0.4 } } }));
    expect(stricter.ruleSets['threat.en']).not.toBe(a.ruleSets['threat.en']);
    expect(stricter.ruleSets['pii.any']).toBe(a.ruleSets['pii.any']);
    expect(policyVersion(createModerator({ ruleSets: builtinRuleSets().slice(1) })).id).not.toBe(a.id);
  });
});

describe('metrics', () => {
  const metrics: WorkerMetrics = {
    consumer: 'host-"1"',
    processed: 120,
    errors: 2,
    deadLettered: 1,
    claimed: 5,
    lag: undefined,
    messagesPerSecond: 40,
    policy: '0.1.0+abc',
  };

  it('are one line for stderr', () => {
    expect(formatMetricsLine(metrics)).toBe('host-"1": 120 processed (40 msg/s), 2 errors, 1 dead-lettered, 5 claimed, lag unknown');
  });

  it("are Prometheus's text format, labels escaped, an unknown lag left out", () => {
    const text = formatPrometheus(metrics);
    expect(text).toContain('chaperone_worker_processed_total{consumer="host-\\"1\\"",policy="0.1.0+abc"} 120\n');
    expect(text).toContain('# TYPE chaperone_worker_messages_per_second gauge\n');
    expect(text).not.toContain('chaperone_worker_group_lag');
    expect(formatPrometheus({ ...metrics, lag: 7 })).toContain('chaperone_worker_group_lag{consumer="host-\\"1\\"",policy="0.1.0+abc"} 7\n');
  });
});

describe('Redis URLs', () => {
  it.each([
    ['redis://localhost:6379', 'redis://localhost:6379'],
    ['rediss://alice:s3cret@cache.example:6380/2', 'rediss://alice:***@cache.example:6380/2'],
  ])('%s is accepted and shown without its password', (url, shown) => {
    expect(describeRedisUrl(url)).toBe(shown);
  });

  it.each(['localhost:6379', 'http://localhost', ''])('%j is refused', (url) => {
    expect(() => describeRedisUrl(url)).toThrow(TypeError);
  });
});

describe.runIf(existsSync('dist/index.js'))('the built package', () => {
  it('loads the Redis client only from the queue commands and chaperone/worker, never from the core', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(`dist/${file}`, 'utf8');
      expect(code, file).not.toContain('ioredis');
      for (const [, chunk] of code.matchAll(/from\s+["']\.\/([^"']+)["']/g)) visit(chunk!);
    };
    visit('index.js');
    visit('testing.js');
    expect(readFileSync('dist/worker.js', 'utf8') + readFileSync('dist/cli.js', 'utf8')).toMatch(/ioredis/);
  });
});
