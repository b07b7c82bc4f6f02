import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { MAX_MODERATED_LENGTH } from '../../src/index.js';
import { scanInProcess } from './scan-helpers.js';

const MiB = MAX_MODERATED_LENGTH;

async function cli(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const stream = (write: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        write(String(chunk));
        done();
      },
    });
  const code = await main(args, { stdout: stream((s) => (stdout += s)), stderr: stream((s) => (stderr += s)), stdin: () => stdin });
  return { code, stdout, stderr };
}

/** A clean message of `size` units with a vulgar word at `at` and an email at `mailAt`. */
function longMessage(size: number, at: number, mailAt: number): string {
  const filler = 'the parcel is on its way ';
  let text = filler.repeat(Math.ceil(size / filler.length)).slice(0, size);
  text = `${text.slice(0, at)} fuck ${text.slice(at + 6)}`;
  return `${text.slice(0, mailAt)} jo@mail.com ${text.slice(mailAt + 13)}`;
}

describe('the command line on a message longer than MAX_MODERATED_LENGTH', () => {
  const text = longMessage(MiB + 50_000, MiB + 10_000, MiB + 20_000);

  it('check says the message was moderated in part, and --json carries `truncated`', async () => {
    const report = await cli(['check'], text);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(`moderated the first ${MiB} of ${MiB + 50_000} characters; the rest was not read`);
    expect(report.stdout.split('\n')[0]).toBe('verdict allow (score 0)');
    const json = await cli(['check', '--json'], text);
    expect(JSON.parse(json.stdout).truncated).toEqual({ at: MiB, length: MiB + 50_000 });
  });

  it('redact masks personal data past the first MiB too', async () => {
    const { code, stdout } = await cli(['redact'], text);
    expect(code).toBe(0);
    expect(stdout).not.toContain('jo@mail.com');
    expect(stdout).toContain(' [email] ');
    expect(stdout).toHaveLength(text.length - 'jo@mail.com'.length + '[email]'.length + 1);
  });

  it('explain says on stderr that it read the first part only', async () => {
    const { code, stderr } = await cli(['explain', '--rule', 'profanity/'], text);
    expect(code).toBe(0);
    expect(stderr).toContain(`explained the first ${MiB} of ${MiB + 50_000} characters`);
  });

  it('scan writes `truncated` in the record of a long line and counts it in the summary', async () => {
    const long = longMessage(MiB + 5_000, 100, MiB + 1_000);
    const { code, lines, stderr } = await scanInProcess(['-', '--format', 'text'], { stdin: `fine\n${long}\nshit\n` });
    expect(code).toBe(0);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    const record = lines[1] as { truncated?: unknown; verdict?: string };
    expect(record.truncated).toEqual({ at: MiB, length: MiB + 5_000 });
    expect(record.verdict).toBe('review');
    expect('truncated' in lines[0]!).toBe(false);
    expect(stderr).toContain(`0 errors, 1 moderated in part (longer than ${MiB} characters)`);
  });
});
