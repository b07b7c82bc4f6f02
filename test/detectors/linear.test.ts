import { describe, expect, it } from 'vitest';
import { emailDetector } from '../../src/detectors/pii/email.js';
import type { Detector } from '../../src/detectors/types.js';
import { createViews } from '../../src/text/index.js';
import { workMeter } from '../../src/text/work-meter.js';

/** `unit` repeated to `size` code units. */
function flood(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Loop steps per character one detector takes on a flood (the views are built first, uncounted). */
function stepsPerChar(detector: Detector, text: string, options: Record<string, unknown> = {}): number {
  const views = createViews(text);
  void views.skeleton;
  void views.digits;
  const before = workMeter.steps;
  if (!detector.precheck || detector.precheck(text)) detector.detect({ text, views, options, lists: {} });
  return (workMeter.steps - before) / text.length;
}

// Ten times the text must cost at most a little more than ten times the steps: a detector that
// restarts a scan for each candidate takes about ten times the steps per character instead.
const SMALL = 10_000;
const LARGE = 100_000;

describe.each([
  ['email', emailDetector, ['@a ', 'a@b.co ', 'x at y dot ', 'a dot at dot dot dot ', '@', 'a.b@', '(at)x.co ']],
] as const)('%s detector', (_name, detector, units) => {
  it.each(units)('takes linear steps on a flood of %j', (unit) => {
    const small = stepsPerChar(detector, flood(unit, SMALL));
    const large = stepsPerChar(detector, flood(unit, LARGE));
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(small * 1.5);
  });
});
