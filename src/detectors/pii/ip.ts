import { noOptions, type Detector, type DetectorMatch } from '../types.js';
import { eachMatch } from '../../text/regex.js';

const IPV4 = /(?<![\d.]|\d\.)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/g;
const IPV6 = /(?<![0-9a-z:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![0-9a-z:])/g;

const IP_PRECHECK = /\d\.\d{1,3}\.\d/;
const IPV6_PRECHECK = /::|[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/i;

// Addresses that identify a public service (resolvers) or no machine in particular.
const PUBLIC = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '208.67.222.222', '208.67.220.220', '0.0.0.0', '255.255.255.255']);

/** How much an IPv4 address says about a person: private and loopback ranges say little. */
function ipv4Score(octets: readonly number[]): number {
  const [a, b] = octets as [number, number];
  if (a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 0.2;
  // Version and build numbers look like this (5.0.1.227, 2.4.0.1): small leading parts.
  if (a < 10 && b < 10) return 0.35;
  return 0.7;
}

/** True when the text is an IPv6 address: hex groups, eight of them or fewer around one `::`. */
export function isIpv6(text: string): boolean {
  if (text === '::1') return true;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return false;
  // Times (12:30:45) and ratios have colons too: an address has a letter or `::`, or all eight groups.
  if (halves.length === 1) return groups.length === 8;
  return groups.length <= 7 && groups.length >= 2 && (/[a-f]/.test(text) || groups.length >= 3);
}

/**
 * IP addresses: IPv4 with every octet 0-255 (public resolvers excluded; private ranges and
 * version-like numbers score low until a word such as "IP" or "server" is near), and IPv6.
 */
export const ipDetector: Detector = {
  name: 'ip',
  optionsSchema: noOptions,
  description: 'An IPv4 or IPv6 address.',
  precheck: (text) => IP_PRECHECK.test(text) || (text.includes(':') && IPV6_PRECHECK.test(text)),
  detect({ views }) {
    const plain = views.plain.text;
    const out: DetectorMatch[] = [];
    for (const match of eachMatch(IPV4, plain)) {
      const octets = match.slice(1, 5).map(Number);
      if (octets.some((o) => o > 255) || match.slice(1, 5).some((o) => o.length > 1 && o.startsWith('0'))) continue;
      if (PUBLIC.has(match[0])) continue;
      // v1.2.3.4 is a version, whatever its parts.
      if (/v\s?$/.test(plain.slice(Math.max(0, match.index - 2), match.index))) continue;
      out.push({ view: 'plain', start: match.index, end: match.index + match[0].length, entity: 'ip', score: ipv4Score(octets) });
    }
    if (plain.includes(':')) {
      for (const match of eachMatch(IPV6, plain)) {
        if (!isIpv6(match[0])) continue;
        out.push({ view: 'plain', start: match.index, end: match.index + match[0].length, entity: 'ip', score: 0.7 });
      }
    }
    return out;
  },
};
