import type { Detector } from '../types.js';
import { contactTokenDetector } from './contact-token.js';
import { misspelledAppDetector } from './misspelled-app.js';

export { compactSpaced, contactTokenDetector, isHandleShaped, mayHoldNumber } from './contact-token.js';
export { misspelledAppDetector, misspelledApp } from './misspelled-app.js';

/** Detectors behind the `off-platform` rule set. */
export const offPlatformDetectors: readonly Detector[] = [contactTokenDetector, misspelledAppDetector];
