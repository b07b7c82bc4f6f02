// Runs the examples of a markdown document, so the document cannot rot:
// - a block fenced with a title (```yaml title="docs/examples/x.yaml") must equal that file;
// - a ```console block runs each `$ npx chaperone …` line through the CLI and compares the output;
// - a ```ts run block is executed, and the ```text block right after it is what it must print.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';

/** A fenced code block of a markdown document. */
export interface Block {
  readonly lang: string;
  readonly info: string;
  readonly body: string;
  readonly line: number;
}

/** The fenced blocks of a document that name a language, with the line each opens on. */
export function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!open || open[1] === '') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    blocks.push({ lang: open[1]!, info: open[2]!, body: `${body.join('\n')}\n`, line: start + 1 });
  }
  return blocks;
}

/** Splits a command line the way a POSIX shell would for the quoting the documents use. */
function argv(command: string): string[] {
  return [...command.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? m[3]!);
}

async function runCli(args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const sink = { write: (s: string) => ((output += s), true), isTTY: false };
  const code = await main(args, { stdout: sink, stderr: sink, stdin: () => '' } as never);
  return { code, output };
}

/** Registers one test per example of `file` (a path from the repository root); returns its blocks. */
export function describeMarkdownExamples(file: string): Block[] {
  const blocks = blocksOf(readFileSync(file, 'utf8'));

  describe(`examples in ${file}`, () => {
    afterEach(() => vi.restoreAllMocks());

    for (const block of blocks.filter((b) => /title="/.test(b.info))) {
      const shown = /title="([^"]+)"/.exec(block.info)![1]!;
      it(`line ${block.line}: shows ${shown} as it is`, () => {
        expect(block.body).toBe(readFileSync(shown, 'utf8'));
      });
    }

    for (const block of blocks.filter((b) => b.lang === 'console')) {
      const steps = block.body.split(/^(?=\$ )/m).filter((s) => s.startsWith('$ '));
      for (const step of steps) {
        const [command, ...expected] = step.split('\n');
        it(`line ${block.line}: ${command}`, async () => {
          const args = argv(command!.slice(2));
          expect(args.slice(0, 2)).toEqual(['npx', 'chaperone']);
          const { output } = await runCli(args.slice(2));
          expect(output.trimEnd()).toBe(expected.join('\n').trimEnd());
        });
      }
    }

    blocks.forEach((block, index) => {
      if (block.lang !== 'ts' || block.info !== 'run') return;
      it(`line ${block.line}: the TypeScript example prints what the document says`, async () => {
        const printed = blocks[index + 1];
        expect(printed?.lang).toBe('text');
        const dir = resolve('node_modules/.cache/chaperone-docs');
        mkdirSync(dir, { recursive: true });
        const example = resolve(dir, `${basename(file, '.md')}-${block.line}.ts`);
        const source = block.body
          .replace(/from 'chaperone\/testing'/g, `from '${resolve('src/testing/index.ts')}'`)
          .replace(/from 'chaperone'/g, `from '${resolve('src/index.ts')}'`);
        writeFileSync(example, source);
        const lines: string[] = [];
        vi.spyOn(console, 'log').mockImplementation((...values: unknown[]) => {
          lines.push(values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' '));
        });
        await import(/* @vite-ignore */ `${example}?t=${Date.now()}`);
        expect(lines.join('\n')).toBe(printed!.body.trimEnd());
      });
    });
  });
  return blocks;
}
