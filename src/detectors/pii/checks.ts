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
