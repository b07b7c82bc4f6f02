import { emailDetector } from './email.js';
import type { Detector } from './types.js';

export type { Detector, DetectorContext, DetectorMatch } from './types.js';

/** The detectors every moderator knows, by name. */
export function builtinDetectors(): readonly Detector[] {
  return [emailDetector];
}
