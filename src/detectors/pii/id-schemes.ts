import { chineseIdCheckChar, decimalMod, isDate, iso7064Mod11_10, luhn, verhoeff, weightedAlnumSum, weightedSum } from './checks.js';

/**
 * One country's national id number: what it is called in messages, and what makes a value one
 * its issuer could have given (check digit, birth date, prefix). Shapes (lengths, which places
 * hold letters) are read by the detector; keywords are the rule set's `national-id-keywords`.
 */
export interface IdScheme {
  /** The finding's `scheme`: country code and name, `in-aadhaar`. */
  readonly id: string;
  /** For the rule's message (`{{kind}}`): `Indian Aadhaar number`. */
  readonly name: string;
  /** What a valid value passed, for the explanation: `Verhoeff check digit`. */
  readonly checked: string;
  /**
   * Why a value of the right shape is not one this scheme issues (`check digit`), or undefined
   * when it is. The value is upper case, without separators.
   */
  readonly problem: (value: string) => string | undefined;
  /**
   * The score of a valid value found with no keyword, when its shape and check are strong enough
   * for that in the form it was written (`written` is the original text); undefined when only a
   * keyword of the scheme's own may report it.
   */
  readonly alone?: (value: string, written: string) => number | undefined;
}

/** First two digits of a Chinese resident id: the province-level region that issued it. */
const CN_PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82, 83, 91,
]);

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
  return /^\d{17}[0-9X]$/i.test(id) && chineseIdProblem(id.toUpperCase(), maxYear) === undefined;
}

// GB 11643-1999: six digits of the issuing region, the birth date (yyyymmdd), three digits of
// order and an ISO 7064 MOD 11-2 check character (0-9 or X).
function chineseIdProblem(id: string, maxYear = new Date().getUTCFullYear()): string | undefined {
  if (!CN_PROVINCES.has(Number(id.slice(0, 2)))) return 'no province has that region code';
  if (!isDate(id.slice(6, 14), maxYear)) return 'the birth date is not a date';
  return chineseIdCheckChar(id.slice(0, 17)) === id[17] ? undefined : 'the check character does not match';
}

// HMRC National Insurance Manual NIM39110: two prefix letters (not D, F, I, Q, U or V, the second
// not O; BG, GB, KN, NK, NT, TN and ZZ never allocated), six digits, a suffix A-D. No check digit.
const NINO_UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

function ninoProblem(value: string): string | undefined {
  const [first, second] = [value[0]!, value[1]!];
  if ('DFIQUV'.includes(first) || 'DFIOQUV'.includes(second) || NINO_UNALLOCATED.has(value.slice(0, 2))) {
    return 'HMRC never allocates that prefix';
  }
  return value.length === 9 && !'ABCD'.includes(value[8]!) ? 'the suffix is not A-D' : undefined;
}

// German tax id (Steueridentifikationsnummer, §139b AO; BZSt/ELSTER "Prüfung der Steuer- und
// Steueridentifikationsnummer"): 11 digits, no leading 0; in the first ten, exactly one digit
// occurs twice or three times (never three in a row) and no other repeats; the eleventh is the
// ISO 7064 MOD 11,10 check digit.
function steuerIdProblem(value: string): string | undefined {
  if (value[0] === '0') return 'it starts with 0';
  if (iso7064Mod11_10(value.slice(0, 10)) !== value.charCodeAt(10) - 0x30) return 'the check digit does not match';
  const counts = new Uint8Array(10);
  for (let i = 0; i < 10; i++) counts[value.charCodeAt(i) - 0x30]!++;
  let repeated = 0;
  for (const count of counts) if (count > 1) repeated += count === 2 || count === 3 ? 1 : 2;
  return repeated !== 1 || /(\d)\1\1/.test(value.slice(0, 10)) ? 'its digits break the repetition rule' : undefined;
}

// French NIR (INSEE, numéro d'inscription au répertoire): sex (1, 2; 3, 4, 7, 8 for special
// cases), year, month (01-12; 20, 30-42 and 50-99 when unknown), department (2A and 2B for
// Corsica), commune, order, then a key of 97 minus the first 13 digits mod 97, with 2A read as
// 19 and 2B as 18.
function nirProblem(value: string): string | undefined {
  if (!'123478'.includes(value[0]!)) return 'the first digit is not a sex code';
  const month = Number(value.slice(3, 5));
  if (!((month >= 1 && month <= 12) || month === 20 || (month >= 30 && month <= 42) || month >= 50)) return 'the month is not a month';
  const department = value.slice(5, 7);
  const body = value.slice(0, 5) + (department === '2A' ? '19' : department === '2B' ? '18' : department) + value.slice(7, 13);
  return 97 - decimalMod(body, 97) === Number(value.slice(13)) ? undefined : 'the key does not match';
}

// Spain (Real Decreto 1553/2005 and Orden INT/2058/2008): DNI, eight digits and a letter;
// NIE, X, Y or Z (read as 0, 1, 2) and seven digits and a letter; the letter is the number mod 23.
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function dniProblem(digits: string, letter: string): string | undefined {
  return DNI_LETTERS[Number(digits) % 23] === letter ? undefined : 'the letter does not match';
}

// Italian codice fiscale (DM 23 dicembre 1976): surname and name letters, year, a month letter,
// day (+40 for women), place code, check letter; omocodia replaces digits by L-V from the right.
const CF_MONTHS = 'ABCDEHLMPRST';
const CF_OMOCODIA = 'LMNPQRSTUV';
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const CF_DIGIT_PLACES = [6, 7, 9, 10, 12, 13, 14];

function codiceFiscaleProblem(value: string): string | undefined {
  const plain = value.split('');
  for (const at of CF_DIGIT_PLACES) {
    const omocode = CF_OMOCODIA.indexOf(plain[at]!);
    if (omocode >= 0) plain[at] = String(omocode);
  }
  const decoded = plain.join('');
  if (!/^[A-Z]{6}\d\d[A-Z]\d\d[A-Z]\d{3}[A-Z]$/.test(decoded)) return 'a digit place holds a letter';
  if (!CF_MONTHS.includes(decoded[8]!)) return 'the month letter is not a month';
  const day = Number(decoded.slice(9, 11));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return 'the day is not a day';
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const unit = value.charCodeAt(i);
    const index = unit <= 0x39 ? unit - 0x30 : unit - 0x41;
    sum += i % 2 === 0 ? CF_ODD[index]! : index;
  }
  return String.fromCharCode(0x41 + (sum % 26)) === value[15] ? undefined : 'the check letter does not match';
}

// Dutch BSN (Besluit burgerservicenummer): nine digits passing the 11-proef,
// 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11).
function bsnProblem(value: string): string | undefined {
  const sum = weightedSum(value, [9, 8, 7, 6, 5, 4, 3, 2]) - (value.charCodeAt(8) - 0x30);
  return sum % 11 === 0 && value !== '000000000' ? undefined : 'the 11-proef fails';
}

// Brazilian CPF (Receita Federal, IN RFB 1548/2015): nine digits and two mod 11 check digits.
function cpfCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 0x30) * (digits.length + 1 - i);
  return ((sum * 10) % 11) % 10;
}

function cpfProblem(value: string): string | undefined {
  if (/^(\d)\1{10}$/.test(value)) return 'all its digits are the same';
  const first = cpfCheckDigit(value.slice(0, 9));
  const second = cpfCheckDigit(value.slice(0, 9) + first);
  return value.endsWith(`${first}${second}`) ? undefined : 'the check digits do not match';
}

// Canadian SIN (Employment and Social Development Canada): nine digits passing Luhn; the first
// digit is the province group, 0 and 8 never issued.
function sinProblem(value: string): string | undefined {
  if (value[0] === '0' || value[0] === '8') return 'no province group starts with that digit';
  return luhn(value) ? undefined : 'the Luhn check fails';
}

// Korean resident registration number (주민등록법 시행규칙): birth date yymmdd, a digit for sex
// and century (9/0 1800s, 1/2/5/6 1900s, 3/4/7/8 2000s), five digits, and a check digit
// (11 − Σ dᵢ·wᵢ mod 11) mod 10 with weights 2-9, 2-5. Numbers issued since October 2020 have
// random digits after the sex digit, so their check digit often fails: a keyword reports them.
const RRN_CENTURY = [1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800];

function rrnProblem(value: string): string | undefined {
  const century = RRN_CENTURY[value.charCodeAt(6) - 0x30]!;
  if (!isDate(`${century + Number(value.slice(0, 2))}${value.slice(2, 6)}`, new Date().getUTCFullYear())) return 'the birth date is not a date';
  const check = (11 - (weightedSum(value, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10;
  return check === value.charCodeAt(12) - 0x30 ? undefined : 'the check digit does not match';
}

// Hong Kong identity card (Registration of Persons Ordinance, Cap. 177): one or two letters, six
// digits and a check digit 0-9 or A: Σ value·weight with weights 9…2 over the eight places
// before it (letters A=10…Z=35, a missing first letter 36) is 0 mod 11 once the check is added.
function hkidProblem(value: string): string | undefined {
  const oneLetter = value.length === 8;
  const sum = (oneLetter ? 36 * 9 : 0) + weightedAlnumSum(value.slice(0, -1), oneLetter ? [8, 7, 6, 5, 4, 3, 2] : [9, 8, 7, 6, 5, 4, 3, 2]);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'A' : String(check)) === value[value.length - 1] ? undefined : 'the check digit does not match';
}

// Taiwan national id (內政部, 國民身分證統一編號): a letter for the place of registration (A=10
// … with I=34, O=35, W=32, X=30, Y=31, Z=33), 1 or 2 for sex (8 or 9 for residents' certificates
// since 2021), seven digits and a check digit making Σ ≡ 0 (mod 10) with weights 1, 9, 8…1, 1.
const TW_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

function taiwanProblem(value: string): string | undefined {
  if (!'1289'.includes(value[1]!)) return 'the second character is not a sex code';
  const code = TW_LETTERS.indexOf(value[0]!) + 10;
  const sum = Math.floor(code / 10) + (code % 10) * 9 + weightedSum(value.slice(1), [8, 7, 6, 5, 4, 3, 2, 1, 1]);
  return sum % 10 === 0 ? undefined : 'the check digit does not match';
}

// Singapore NRIC and FIN (ICA): S, T (citizens and PRs, born before / from 2000), F, G, M
// (foreigners); seven digits weighted 2, 7, 6, 5, 4, 3, 2, plus 4 for T and G or 3 for M, mod 11,
// read through the series' table of check letters.
const NRIC_TABLES: Readonly<Record<string, readonly [number, string]>> = {
  S: [0, 'JZIHGFEDCBA'],
  T: [4, 'JZIHGFEDCBA'],
  F: [0, 'XWUTRQPNMLK'],
  G: [4, 'XWUTRQPNMLK'],
  M: [3, 'XWUTRQPNJLK'],
};

function nricProblem(value: string): string | undefined {
  const [offset, letters] = NRIC_TABLES[value[0]!]!;
  const remainder = (offset + weightedSum(value.slice(1), [2, 7, 6, 5, 4, 3, 2])) % 11;
  return letters[remainder] === value[8] ? undefined : 'the check letter does not match';
}

// Aadhaar (UIDAI): twelve digits, the first not 0 or 1, the last a Verhoeff check digit.
function aadhaarProblem(value: string): string | undefined {
  if (value[0] === '0' || value[0] === '1') return 'it starts with 0 or 1';
  return verhoeff(value) ? undefined : 'the Verhoeff check digit does not match';
}

const fixed = (score: number) => () => score;

/** The schemes, by id. Order breaks ties between schemes that read the same number. */
export const ID_SCHEMES = {
  'cn-ric': {
    id: 'cn-ric',
    name: 'Chinese resident id',
    checked: 'region, birth date and check character',
    problem: (v) => chineseIdProblem(v),
    alone: fixed(0.9),
  },
  'us-ssn': {
    id: 'us-ssn',
    name: 'US social security number',
    checked: 'issued range',
    problem: (v) => (isIssuableSsn(v) ? undefined : 'it is not in a range the SSA issues'),
    // Written 3-2-4 with one separator, as on the card.
    alone: (_, written) => (/^\d{3}([\s-])\d{2}\1\d{4}$/.test(written) ? 0.6 : undefined),
  },
  'gb-nino': { id: 'gb-nino', name: 'UK National Insurance number', checked: 'prefix and suffix', problem: ninoProblem },
  'in-aadhaar': { id: 'in-aadhaar', name: 'Indian Aadhaar number', checked: 'Verhoeff check digit', problem: aadhaarProblem },
  'ng-nin': { id: 'ng-nin', name: 'Nigerian national identification number', checked: 'length', problem: () => undefined },
  'de-steuer-id': { id: 'de-steuer-id', name: 'German tax id (Steuer-ID)', checked: 'digit pattern and ISO 7064 check digit', problem: steuerIdProblem },
  'fr-nir': {
    id: 'fr-nir',
    name: 'French social security number (NIR)',
    checked: 'sex, month and mod 97 key',
    problem: nirProblem,
    // The everyday case, a man or woman with a known birth month: 1 in 4,000 random numbers.
    alone: (v) => (/^[12]\d\d(?:0[1-9]|1[0-2])/.test(v) ? 0.85 : undefined),
  },
  'es-dni': { id: 'es-dni', name: 'Spanish DNI', checked: 'check letter', problem: (v) => dniProblem(v.slice(0, 8), v[8]!), alone: fixed(0.6) },
  'es-nie': {
    id: 'es-nie',
    name: 'Spanish NIE',
    checked: 'check letter',
    problem: (v) => dniProblem(String('XYZ'.indexOf(v[0]!)) + v.slice(1, 8), v[8]!),
    alone: fixed(0.6),
  },
  'it-cf': { id: 'it-cf', name: 'Italian codice fiscale', checked: 'birth date and check letter', problem: codiceFiscaleProblem, alone: fixed(0.85) },
  'nl-bsn': { id: 'nl-bsn', name: 'Dutch BSN', checked: '11-proef', problem: bsnProblem },
  'br-cpf': {
    id: 'br-cpf',
    name: 'Brazilian CPF',
    checked: 'two check digits',
    problem: cpfProblem,
    alone: (_, written) => (/^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(written) ? 0.8 : undefined),
  },
  'ca-sin': { id: 'ca-sin', name: 'Canadian social insurance number', checked: 'Luhn check', problem: sinProblem },
  'kr-rrn': {
    id: 'kr-rrn',
    name: 'Korean resident registration number',
    checked: 'birth date and check digit',
    problem: rrnProblem,
    alone: (_, written) => (/^\d{6}\s?-\s?\d{7}$/.test(written) ? 0.7 : undefined),
  },
  'hk-hkid': {
    id: 'hk-hkid',
    name: 'Hong Kong identity card number',
    checked: 'check digit',
    problem: hkidProblem,
    alone: (_, written) => (/\([0-9a]\)$/i.test(written) ? 0.7 : undefined),
  },
  'tw-id': { id: 'tw-id', name: 'Taiwan national id', checked: 'sex code and check digit', problem: taiwanProblem },
  'sg-nric': { id: 'sg-nric', name: 'Singapore NRIC/FIN', checked: 'check letter', problem: nricProblem, alone: fixed(0.6) },
} satisfies Record<string, IdScheme>;
