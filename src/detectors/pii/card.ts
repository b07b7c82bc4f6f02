import { noOptions, type Detector, type DetectorMatch } from '../types.js';
import { detectorSteps } from '../steps.js';
import { luhn } from './checks.js';
import { isChineseResidentId } from './national-id.js';
import { digitRuns, hasDigitRun, looksLikeQuantity, originalOf } from './numbers.js';

/** A card scheme: the number prefixes it was given and the lengths its numbers have. */
interface Issuer {
  readonly name: string;
  readonly prefixes: readonly (readonly [number, number])[];
  readonly lengths: readonly number[];
}

const range = (from: number, to = from) => [from, to] as const;

// Issuer identification ranges of the schemes in wide use (ISO/IEC 7812 as the schemes publish them).
const ISSUERS: readonly Issuer[] = [
  { name: 'Visa', prefixes: [range(4)], lengths: [13, 16, 19] },
  { name: 'Mastercard', prefixes: [range(51, 55), range(2221, 2720)], lengths: [16] },
  { name: 'American Express', prefixes: [range(34), range(37)], lengths: [15] },
  { name: 'Discover', prefixes: [range(6011), range(644, 649), range(65), range(622126, 622925)], lengths: [16, 17, 18, 19] },
  { name: 'JCB', prefixes: [range(3528, 3589)], lengths: [16, 17, 18, 19] },
  { name: 'Diners Club', prefixes: [range(300, 305), range(3095), range(36), range(38, 39)], lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'UnionPay', prefixes: [range(62), range(81)], lengths: [16, 17, 18, 19] },
  { name: 'Maestro', prefixes: [range(50), range(56, 58), range(639), range(67)], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: 'Mir', prefixes: [range(2200, 2204)], lengths: [16, 17, 18, 19] },
];

/** The scheme whose prefix and length fit the number, if any. */
export function cardIssuer(digits: string): string | undefined {
  for (const issuer of ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    for (const [from, to] of issuer.prefixes) {
      const width = String(from).length;
      const prefix = Number(digits.slice(0, width));
      if (prefix >= from && prefix <= to) return issuer.name;
    }
  }
  return undefined;
}

/** Chinese wording that gives a number as the account to pay into (打我卡上, 转到这张卡, 收款账号). */
export const PAYEE_ZH = new RegExp(
  String.raw`(?:打|转|汇|付|存|充)[^，。,.!?！？]{0,6}(?:卡|账户|账号|帐号)|` +
    String.raw`(?:卡号|银行卡|收款|账号|帐号|账户|开户)[^，。,.!?！？]{0,4}$`,
);

/**
 * Payment card numbers: 13 to 19 digits (spaced, dashed or spelled out, through the digits view)
 * that pass the Luhn check and start with a known issuer's prefix for that length. The last four
 * digits or a masked number are too short to be found; IMEIs fail the issuer check.
 */
export const cardDetector: Detector = {
  name: 'card',
  optionsSchema: noOptions,
  description: 'A payment card number (Luhn check and issuer prefix).',
  placeholders: ['issuer'],
  precheck: hasDigitRun,
  detect({ text, views }) {
    const view = views.digits;
    const out: DetectorMatch[] = [];
    for (const run of digitRuns(view, 12, 19)) {
      const issuer = cardIssuer(run.digits);
      if (!issuer || !luhn(run.digits)) continue;
      // One in ten Chinese resident ids from region 62 also passes as a UnionPay number.
      if (run.digits.length === 18 && isChineseResidentId(run.digits)) continue;
      const before = view.text.slice(Math.max(0, run.start - 16), run.start);
      if (looksLikeQuantity(originalOf(view, text, run.start, run.end), before, view.text.slice(run.end, run.end + 6))) continue;
      // A card given as the account to pay into is a bank account (bank-account's).
      if (PAYEE_ZH.test(before)) continue;
      // Card numbers are printed in groups, never after a `+` or with a bracket (that is a phone).
      if (view.text.charCodeAt(run.start - 1) === 0x2b || /[()]/.test(originalOf(view, text, run.start, run.end))) continue;
      out.push({
        view: 'digits',
        start: run.start,
        end: run.end,
        entity: 'card',
        matched: run.digits,
        values: { issuer },
        steps: detectorSteps(`${issuer} number, Luhn check passes`),
      });
    }
    return out;
  },
};
