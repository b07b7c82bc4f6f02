import { noOptions, type Detector, type DetectorMatch } from '../types.js';
import { chineseIdCheckChar, isDate } from './checks.js';
import { digitRuns, hasDigitRun, originalOf } from './numbers.js';
import { eachMatch } from '../../text/regex.js';

/** First two digits of a Chinese resident id: the province-level region that issued it. */
const CN_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82, 83, 91,
]);

const CN_ID = /(?<![0-9a-z])(\d{17}[0-9x])(?![0-9a-z])/g;
const SSN_WRITTEN = /^\d{3}([\s-])\d{2}\1\d{4}$/;
const SSN_LABEL = /(?:ssn|social\s?security(?:\s?(?:number|no\.?|#))?|ss#|itin|tax\s?id|tin)\s*(?:is|:|#)?\s*$/;

/** True when a 9-digit string is an SSN the Social Security Administration could have issued. */
export function isIssuableSsn(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  // Numbers printed on sample cards and in advertising, invalidated by the SSA.
  return digits !== '078051120' && digits !== '219099999';
}

/** True when an 18-character Chinese resident id has a real region, birth date and check character. */
export function isChineseResidentId(id: string, maxYear = new Date().getUTCFullYear()): boolean {
  if (!/^\d{17}[0-9X]$/i.test(id)) return false;
  if (!CN_PROVINCES.has(Number(id.slice(0, 2)))) return false;
  if (!isDate(id.slice(6, 14), maxYear)) return false;
  return chineseIdCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/**
 * National ids: US social security numbers (written 3-2-4, or nine digits after "SSN"; area 000,
 * 666 and 900-999, group 00 and serial 0000 are never issued) and 18-character Chinese resident
 * ids (issuing region, birth date and ISO 7064 MOD 11-2 check character).
 */
export const nationalIdDetector: Detector = {
  name: 'national-id',
  optionsSchema: noOptions,
  description: 'A US social security number or a Chinese resident id number.',
  placeholders: ['kind'],
  precheck: hasDigitRun,
  detect({ text, views }) {
    const view = views.digits;
    const dv = view.text;
    const out: DetectorMatch[] = [];
    for (const run of digitRuns(view, 9, 9)) {
      if (!isIssuableSsn(run.digits)) continue;
      const labelled = SSN_LABEL.test(dv.slice(Math.max(0, run.start - 24), run.start));
      const written = SSN_WRITTEN.test(originalOf(view, text, run.start, run.end));
      if (!labelled && !written) continue;
      out.push({
        view: 'digits',
        start: run.start,
        end: run.end,
        entity: 'national-id',
        score: labelled ? 0.9 : 0.6,
        values: { kind: 'US social security number' },
        steps: [{ kind: 'detector', delta: 0, note: labelled ? 'labelled as an SSN, in an issued range' : 'written like an SSN (3-2-4), in an issued range' }],
      });
    }
    for (const match of eachMatch(CN_ID, dv)) {
      if (!isChineseResidentId(match[1]!)) continue;
      out.push({
        view: 'digits',
        start: match.index,
        end: match.index + match[1]!.length,
        entity: 'national-id',
        score: 0.9,
        values: { kind: 'Chinese resident id' },
        steps: [{ kind: 'detector', delta: 0, note: 'Chinese resident id: region, birth date and check character valid' }],
      });
    }
    return out;
  },
};
