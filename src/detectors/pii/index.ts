import type { Detector } from '../types.js';
import { emailDetector } from './email.js';

/** Detectors behind the `pii` rule set. */
export const piiDetectors: readonly Detector[] = [emailDetector];
