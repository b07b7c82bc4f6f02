import type { Detector } from '../types.js';

/** Detectors behind the `off-platform` rule set. */
export const offPlatformDetectors: readonly Detector[] = [];
