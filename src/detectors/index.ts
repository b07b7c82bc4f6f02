import { offPlatformDetectors } from './off-platform/index.js';
import { piiDetectors } from './pii/index.js';
import { threatDetectors, threatGrammarDetector } from './threat/index.js';
import type { Detector, DetectorOptionsSchema } from './types.js';

export type { Detector, DetectorContext, DetectorMatch, DetectorOptionsSchema, RejectedCandidate } from './types.js';

/** The detectors every moderator knows, by name. */
export function builtinDetectors(): readonly Detector[] {
  return [...piiDetectors, ...threatDetectors, ...offPlatformDetectors];
}

/** The built-in detector of that name, if there is one. */
export function builtinDetector(name: string): Detector | undefined {
  return builtinDetectors().find((d) => d.name === name);
}

/**
 * The threat grammar's options, kept here rather than beside its matching code: `kind` picks the
 * threats a rule reports, and a kind it does not know (`violense`) would find nothing, forever.
 */
const threatGrammarOptions: DetectorOptionsSchema = (z) =>
  z.strictObject({ kind: z.enum(['violence', 'intimidation', 'family', 'coercion', 'sexual', 'third-party']) });

const declaredHere = new Map<Detector, DetectorOptionsSchema>([[threatGrammarDetector, threatGrammarOptions]]);

/** A detector's options schema: its own, or the one this registry declares for it. */
export function optionsSchemaOf(detector: Detector): DetectorOptionsSchema | undefined {
  return detector.optionsSchema ?? declaredHere.get(detector);
}
