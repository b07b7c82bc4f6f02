import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { sink } from '../cli/scan-helpers.js';

// Mistakes in how the queue commands are called are usage errors, found before anything connects
// (nothing listens on port 9).
describe('usage errors of enqueue, worker and collect', () => {
  const redis = ['--redis', 'redis://127.0.0.1:9'];
  it.each([
    [['worker', ...redis, '--stream', 'in', '--out', 'out'], /worker needs --group NAME/],
    [['worker', ...redis, '--stream', 'in', '--group', 'g', '--out', 'in'], /--out must name another stream than --stream/],
    [['worker', ...redis, '--stream', 'in', '--group', 'g', '--out', 'out', '--batch', '0'], /--batch must be a whole number >= 1, got "0"/],
    [['worker', ...redis, '--stream', 'in', '--group', 'g', '--out', 'out', '--metrics-port', '70000'], /--metrics-port must be a port number/],
    [['worker', '--redis', 'http://localhost', '--stream', 'in', '--group', 'g', '--out', 'out'], /--redis: not a Redis URL/],
    [['collect', ...redis], /collect needs --stream NAME/],
    [['collect', ...redis, '--stream', 'out', 'extra'], /collect takes no positional argument/],
    [['enqueue', ...redis, '--stream', 'in'], /enqueue needs exactly one input/],
    [['enqueue', 'no-such-file.jsonl', ...redis, '--stream', 'in'], /cannot read no-such-file\.jsonl: no such file/],
    [['enqueue', 'fixtures/sample-archive.jsonl', ...redis, '--stream', 'in', '--max-lag', 'lots'], /--max-lag must be a whole number >= 0, got "lots"/],
    // The queue moderates each entry alone: a conversation option is refused, not ignored.
    [['worker', ...redis, '--stream', 'in', '--group', 'g', '--out', 'out', '--conversation-field', 'chat'], /--conversation-field applies to scan only, not worker/],
    [['enqueue', 'fixtures/conversations.jsonl', ...redis, '--stream', 'in', '--conversation-field', 'chat'], /--conversation-field applies to scan only, not enqueue/],
    [['collect', ...redis, '--stream', 'out', '--time-field', 'at'], /--time-field applies to scan only, not collect/],
  ])('%j', async (args, message) => {
    const err = sink();
    const previous = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      const code = await main(args, { stdout: sink().stream, stderr: err.stream, stdin: () => '', stdinStream: Readable.from([]) });
      expect(code).toBe(2);
      expect(err.text()).toMatch(message);
    } finally {
      if (previous !== undefined) process.env.REDIS_URL = previous;
    }
  });

  it('needs --redis or REDIS_URL', async () => {
    const err = sink();
    const previous = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      const code = await main(['collect', '--stream', 'out'], { stdout: sink().stream, stderr: err.stream, stdin: () => '' });
      expect(code).toBe(2);
      expect(err.text()).toMatch(/--redis URL is required \(or set REDIS_URL\)/);
    } finally {
      if (previous !== undefined) process.env.REDIS_URL = previous;
    }
  });
});
