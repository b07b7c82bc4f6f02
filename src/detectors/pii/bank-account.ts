import { noOptions, type Detector, type DetectorMatch } from '../types.js';
import { detectorSteps } from '../steps.js';
import { abaRouting, ibanMod97 } from './checks.js';
import { PAYEE_ZH } from './card.js';
import { digitRuns, hasDigitRun } from './numbers.js';
import { allMatches } from '../../text/regex.js';

/** IBAN lengths by country (ISO 13616 registry); a country not listed accepts 15 to 34. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22,
  DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21,
  HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24,
  ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24,
  SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

// Country code, check digits, then the account in groups of up to four (as printed) or unbroken.
const IBAN = /(?<![a-z0-9])([a-z]{2}\d{2})((?:[ -]?[a-z0-9]{1,4}){3,8})/g;
// A UK sort code (12-34-56) or an Australian BSB (123-456), the branch part of an account.
const SORT_CODE = /(?:sort\s?code|bsb)\s*(?:is|:|#)?\s*(\d{2}[\s-]?\d{2}[\s-]?\d{2}|\d{3}[\s-]?\d{3})(?![\d])/g;
const ACCOUNT_LABEL = /(?:account|acct|acc|a\/c)(?:\s?(?:number|no\.?|num|#))?\s*(?:is|:|-)?\s*$/;
const ROUTING_LABEL = /(?:routing|aba|rtn|transit)(?:\s?(?:number|no\.?|num|#))?\s*(?:is|:)?\s*$/;
const ACCOUNT_LABEL_ZH = /(?:账号|帐号|账户|卡号|银行卡号?)\s*(?:是|为|:)?\s*$/;

/** Finds the IBANs in the plain view; trailing words that are not part of the number are dropped. */
function findIbans(plain: string, out: DetectorMatch[]): void {
  for (const match of allMatches(IBAN, plain)) {
    const head = match[1]!.toUpperCase();
    const country = head.slice(0, 2);
    const expected = IBAN_LENGTHS[country];
    const body = match[2]!;
    // Try the longest prefix of the groups first: "… 0130 00 and" must not swallow "and".
    const groups = allMatches(/[ -]?([a-z0-9]{1,4})/g, body);
    for (let take = groups.length; take >= 3; take--) {
      const last = groups[take - 1]!;
      const compact = head + groups.slice(0, take).map((g) => g[1]!.toUpperCase()).join('');
      if (expected !== undefined ? compact.length !== expected : compact.length < 15 || compact.length > 34) continue;
      if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) || !ibanMod97(compact)) continue;
      const end = match.index + head.length + last.index + last[0].length;
      out.push({
        view: 'plain',
        start: match.index,
        end,
        entity: 'bank-account',
        score: 0.9,
        matched: compact,
        values: { kind: 'IBAN' },
        steps: detectorSteps(`IBAN (${country}), mod 97 check passes`),
      });
      break;
    }
  }
}

/**
 * Bank accounts given for payment: IBANs (mod 97), UK sort code with account number, US ABA
 * routing number (checksum) with account number, a number labelled as an account, and a Chinese
 * bank card given as the account to pay into (打我卡上, 收款账号).
 */
export const bankAccountDetector: Detector = {
  name: 'bank-account',
  optionsSchema: noOptions,
  description: 'A bank account number: IBAN, sort code and account, routing and account, or a payee card.',
  placeholders: ['kind'],
  precheck: hasDigitRun,
  detect({ views }) {
    const out: DetectorMatch[] = [];
    const plain = views.plain.text;
    findIbans(plain, out);
    for (const match of allMatches(SORT_CODE, plain)) {
      const sortStart = match.index + match[0].search(/\d/);
      let end = match.index + match[0].length;
      const account = /^[\s,;]*(?:and\s+)?(?:account|acct|acc|a\/c)(?:\s?(?:number|no\.?|num|#))?\s*(?:is|:)?\s*(\d{6,10})(?!\d)/.exec(plain.slice(end));
      if (account) end += account[0].length;
      out.push({
        view: 'plain',
        start: sortStart,
        end,
        entity: 'bank-account',
        score: account ? 0.9 : 0.6,
        values: { kind: match[0].startsWith('bsb') ? 'BSB' : 'sort code' },
        steps: detectorSteps(account ? 'sort code or BSB with an account number' : 'sort code or BSB alone'),
      });
    }
    const digits = views.digits;
    const dv = digits.text;
    for (const run of digitRuns(digits, 6, 20)) {
      const before = dv.slice(Math.max(0, run.start - 24), run.start);
      if (run.digits.length === 9 && ROUTING_LABEL.test(before) && abaRouting(run.digits)) {
        out.push(accountMatch(run.start, run.end, 0.85, 'routing number', 'US ABA routing number, checksum passes'));
      } else if (run.digits.length >= 16 && PAYEE_ZH.test(before)) {
        out.push(accountMatch(run.start, run.end, 0.85, 'bank card', 'bank card number given as the account to pay into'));
      } else if (ACCOUNT_LABEL.test(before) || ACCOUNT_LABEL_ZH.test(before)) {
        // Sort codes are found above; their digits are not an account number of their own.
        if (/(?:sort\s?code|bsb)\s*(?:is|:|#)?\s*$/.test(before)) continue;
        out.push(accountMatch(run.start, run.end, 0.6, 'account number', 'number labelled as an account'));
      }
    }
    return out;
  },
};

function accountMatch(start: number, end: number, score: number, kind: string, note: string): DetectorMatch {
  return { view: 'digits', start, end, entity: 'bank-account', score, values: { kind }, steps: detectorSteps(note) };
}
