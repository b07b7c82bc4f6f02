import type { Detector } from '../types.js';
import { addressDetector } from './address.js';
import { bankAccountDetector } from './bank-account.js';
import { cardDetector } from './card.js';
import { emailDetector } from './email.js';
import { handleDetector } from './handle.js';
import { ipDetector } from './ip.js';
import { nationalIdDetector } from './national-id.js';
import { phoneDetector } from './phone.js';
import { urlDetector } from './url.js';

export { addressDetector, bankAccountDetector, cardDetector, emailDetector, handleDetector, ipDetector, nationalIdDetector, phoneDetector, urlDetector };

/** Detectors behind the `pii` rule set, registered by name (`detector: handle` in any rule set). */
export const piiDetectors: readonly Detector[] = [
  phoneDetector,
  emailDetector,
  cardDetector,
  bankAccountDetector,
  nationalIdDetector,
  handleDetector,
  addressDetector,
  ipDetector,
  urlDetector,
];
