// The project's rule: no line in src/ over 160 characters (long patterns are built from pieces,
// long lists wrap), so every line reads without scrolling and a diff shows what changed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIMIT = 160;
const SRC = 'src';

/** The lines of a text longer than `LIMIT` characters (code points, not UTF-16 units), as `line: length`. */
function longLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ n: i + 1, length: [...line].length }))
    .filter(({ length }) => length > LIMIT)
    .map(({ n, length }) => `${n}: ${length}`);
}

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .map((name) => join(SRC, name))
  .filter((file) => statSync(file).isFile())
  .sort();

describe(`no line in ${SRC}/ over ${LIMIT} characters`, () => {
  it('sees every file under src/, the longest ones included', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain(join(SRC, 'detectors', 'threat', 'cues.ts'));
    expect(files).toContain(join(SRC, 'detectors', 'pii', 'address.ts'));
  });

  it('counts characters, not bytes, and finds a long line', () => {
    expect(longLines(`short\n${'x'.repeat(LIMIT)}\n${'微'.repeat(LIMIT)}`)).toEqual([]);
    expect(longLines(`short\n${'x'.repeat(LIMIT + 1)}\nshort`)).toEqual([`2: ${LIMIT + 1}`]);
  });

  it.each(files)('%s', (file) => {
    expect(longLines(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
