import type { Detector } from '../types.js';

/** Detectors behind the `threat` rule set. */
export const threatDetectors: readonly Detector[] = [];
