/** True when a string of ASCII digits passes the Luhn check (payment cards, IMEIs). */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** True when an IBAN (letters upper-case, no spaces) passes ISO 13616 mod 97. */
export function ibanMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 0x41 && code <= 0x5a ? code - 55 : code - 0x30;
    if (value < 0 || value > 35) return false;
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/** True when a US ABA routing number (9 digits) passes its 3-7-1 weighted checksum. */
export function abaRouting(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 0x30) * weights[i % 3]!;
  // The first two digits are a Federal Reserve district (00-12, 21-32) or a special range.
  const prefix = Number(digits.slice(0, 2));
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  return sum % 10 === 0 && prefixOk;
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a Chinese resident id. */
export function chineseIdCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 0x30) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

/** True when `yyyymmdd` is a real calendar date between 1900 and `maxYear`. */
export function isDate(yyyymmdd: string, maxYear: number): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || year > maxYear || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** The value of an ASCII digit, or of an upper- or lower-case ASCII letter as 10-35 (A=10). */
function alnumValue(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  if (unit >= 0x61) return unit - 0x57;
  return unit - 0x37;
}

// Verhoeff's check (J. Verhoeff, "Error Detecting Decimal Codes", 1969; the check digit of the
// Aadhaar number in UIDAI's specification): multiplication in the dihedral group D5 and the
// permutation (0 1 5 8 9 4 2 7)(3 6), applied i times to the i-th digit from the right.
const VERHOEFF_P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];

function dihedral(j: number, k: number): number {
  if (j < 5) return k < 5 ? (j + k) % 5 : 5 + ((j + k) % 5);
  return k < 5 ? 5 + ((j - k + 5) % 5) : (j - k + 5) % 5;
}

function verhoeffPermute(times: number, digit: number): number {
  let out = digit;
  for (let t = 0; t < times % 8; t++) out = VERHOEFF_P1[out]!;
  return out;
}

/** The state of Verhoeff's check over `digits`, each shifted by `offset` places (0 = all `digits` including its check digit). */
function verhoeffState(digits: string, offset: number): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = dihedral(c, verhoeffPermute(i + offset, digits.charCodeAt(digits.length - 1 - i) - 0x30));
  return c;
}

/** True when a string of ASCII digits ends in a valid Verhoeff check digit. */
export function verhoeff(digits: string): boolean {
  return /^\d+$/.test(digits) && verhoeffState(digits, 0) === 0;
}

/** The Verhoeff check digit to append to `digits`. */
export function verhoeffCheckDigit(digits: string): number {
  const c = verhoeffState(digits, 1);
  // The inverse in D5: rotations invert to 5 - j, reflections to themselves.
  return c < 5 ? (5 - c) % 5 : c;
}

/** The ISO 7064 MOD 11,10 check digit of a string of ASCII digits (German tax id, IdNr). */
export function iso7064Mod11_10(digits: string): number {
  let product = 10;
  for (let i = 0; i < digits.length; i++) {
    let sum = (digits.charCodeAt(i) - 0x30 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}

/** `Σ digit × weight` over a string of ASCII digits and its weights. */
export function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 0x30) * weights[i]!;
  return sum;
}

/** `Σ value × weight` where letters count 10-35, for ids that mix letters and digits (HKID). */
export function weightedAlnumSum(text: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += alnumValue(text.charCodeAt(i)) * weights[i]!;
  return sum;
}

/** The remainder of a decimal string of any length modulo `m`, digit by digit. */
export function decimalMod(digits: string, m: number): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) remainder = (remainder * 10 + digits.charCodeAt(i) - 0x30) % m;
  return remainder;
}
