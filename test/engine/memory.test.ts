// Memory of one moderate() call on a very long message, measured in a child process on the built
// package as a user imports it (CI builds before testing). 4 MB of digits once took 1.2 GB and
// 加微信 repeated to 4 MB took 2.7 GB.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = 'dist/index.js';

/** Peak RSS growth and retained heap of one moderate() call on `unit` repeated to `size`, in a fresh process. */
function measure(unit: string, size: number): { peakGrowth: number; retained: number; findings: number; at: number | undefined } {
  const script = `
    const { createModerator } = await import(${JSON.stringify(pathToFileURL(dist).href)});
    const moderator = createModerator();
    moderator.moderate('warm up: 加微信 138 0013 8000 jo@mail.com f u c k');
    const unit = ${JSON.stringify(unit)};
    const text = unit.repeat(Math.ceil(${size} / unit.length)).slice(0, ${size});
    gc();
    const rss = process.memoryUsage().rss;
    const heap = process.memoryUsage().heapUsed;
    const result = moderator.moderate(text);
    const peak = process.resourceUsage().maxRSS * 1024;
    gc();
    const retained = process.memoryUsage().heapUsed - heap;
    console.log(JSON.stringify({ peakGrowth: peak - rss, retained, findings: result.findings.length, at: result.truncated?.at }));
  `;
  // A heap limit, so that the figure is what moderation needs rather than what V8 lets pile up
  // while memory is free; a call that needs more dies here and fails the test.
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=256', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out);
}

const MB = 1024 * 1024;

describe.runIf(existsSync(dist) || process.env.CI)('memory of moderate() on a 4 MB message', () => {
  it.each([
    ['digits', '1', 0],
    ['加微信 repeated', '加微信', 300_000],
    ['an app name and nothing else', 'vx ', 0],
    ['spaced letters', 'f u c k ', 1],
  ])('%s: peak RSS growth under 300 MB in a 256 MB heap', (_name, unit, minFindings) => {
    const { peakGrowth, retained, findings, at } = measure(unit, 4_000_000);
    expect(at).toBe(1_048_576);
    expect(findings).toBeGreaterThanOrEqual(minFindings);
    expect(peakGrowth).toBeLessThan(300 * MB);
    // What the result keeps: about 300 bytes per finding.
    expect(retained).toBeLessThan(64 * MB + findings * 400);
  }, 120_000);

  // One address every six characters: a finding each, all saying the same. Each kept its own
  // steps, explanation and strings (530 bytes a finding); they share them now, and a finding
  // costs about its own object.
  it('an address repeated: the result keeps under 250 bytes a finding', () => {
    const { retained, findings } = measure('路1号', 4_000_000);
    expect(findings).toBeGreaterThan(170_000);
    expect(retained).toBeLessThan(16 * MB + findings * 250);
  }, 120_000);
});
