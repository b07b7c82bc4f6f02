// Every flood of a detector's or view's trigger characters costs work in proportion to its
// length. Work is counted, not timed: the loops that scan a message add their steps to
// `workMeter.steps` (views, the term scan and the walks of `*` terms to a word's edges, near and
// context lookups, messages written, the detectors' candidate loops).
import { describe, expect, it } from 'vitest';
import { flood, FLOODS } from '../../scripts/floods.mjs';
import { createModerator } from '../../src/index.js';
import { workMeter } from '../../src/text/work-meter.js';

const moderator = createModerator();

/** Work steps per character of one moderate() call. */
function stepsPerChar(text: string): number {
  const before = workMeter.steps;
  moderator.moderate(text);
  return (workMeter.steps - before) / text.length;
}

// Floods beyond the bench's: other separators between single letters, masks, Chinese variants.
const MORE: readonly (readonly [string, string])[] = [
  ['skeleton: spaced letters', 'a b '],
  ['skeleton: dotted letters', 'k.i.l.l.'],
  ['skeleton: underscored letters', 'f_u_c_k_'],
  ['skeleton: masks between letters', 'f*u*c*k*'],
  ['skeleton: masked word', 'a**hole '],
  ['digits: dotted', '1.2.3.'],
  ['terms: Chinese, masked', '加*微*信*'],
  ['terms: Chinese and Latin', '加v信'],
  ['handle: Chinese app name', '微信号 '],
  ['handle: ambiguous app name', 'ig: '],
  ['profanity: Chinese', '你妈'],
  ['phrases', 'you are a fucking idiot '],
  ['phrases', 'add me on wechat: jay_88 '],
  ['phrases', 'my address is 12 Main St '],
  ['national-id: keyword and number', 'aadhaar 2345 6789 0124 '],
  ['national-id: keyword, number with letters', 'nino AB123456C, '],
  ['national-id: numbers without keywords', 'A123456(3) 12345678Z '],
];

// Ten times the text must cost at most a little more than ten times the steps: a loop that
// rescans the message (or a word of it) for each candidate takes about ten times the steps per
// character instead.
const SMALL = 5_000;
const LARGE = 50_000;

describe('work per character on floods', () => {
  it.each([...FLOODS, ...MORE])('%s: %j', (_what, unit) => {
    const small = stepsPerChar(flood(unit, SMALL));
    const large = stepsPerChar(flood(unit, LARGE));
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(small * 1.5);
  });
});
