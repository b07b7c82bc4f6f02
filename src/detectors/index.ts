import { offPlatformDetectors } from './off-platform/index.js';
import { piiDetectors } from './pii/index.js';
import { threatDetectors } from './threat/index.js';
import type { Detector } from './types.js';

export type { Detector, DetectorContext, DetectorMatch, RejectedCandidate } from './types.js';

/** The detectors every moderator knows, by name. */
export function builtinDetectors(): readonly Detector[] {
  return [...piiDetectors, ...threatDetectors, ...offPlatformDetectors];
}
