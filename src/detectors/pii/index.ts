import type { Detector } from '../types.js';
import { emailDetector } from './email.js';
import { phoneDetector } from './phone.js';

/** Detectors behind the `pii` rule set. */
export const piiDetectors: readonly Detector[] = [phoneDetector, emailDetector];
