import type { Detector, DetectorMatch } from '../types.js';

// Local part and domain as RFC 5322 allows in practice; the TLD must be letters so
// `v1.2@3.4` style version strings are not addresses.
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b/g;

/** Email addresses written plainly (in the plain view, so full-width `＠` counts). */
export const emailDetector: Detector = {
  name: 'email',
  description: 'An email address.',
  precheck: (text) => text.includes('@') || text.includes('＠'),
  detect({ views }) {
    const view = views.plain;
    const out: DetectorMatch[] = [];
    EMAIL.lastIndex = 0;
    for (const match of view.text.matchAll(EMAIL)) {
      out.push({ view: 'plain', start: match.index, end: match.index + match[0].length, entity: 'email' });
    }
    return out;
  },
};
