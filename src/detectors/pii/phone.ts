import { createRequire } from 'node:module';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import type { Detector, DetectorMatch } from '../types.js';
import { detectorSteps } from '../steps.js';
import { digitRuns, hasDigitRun, looksLikeQuantity, originalOf } from './numbers.js';
import { workMeter } from '../../text/work-meter.js';

type Parse = (text: string, options?: { defaultCountry?: CountryCode }) => PhoneNumber | undefined;

/** The part of libphonenumber-js's `Metadata` used here: a country's pattern for one number type. */
interface NumberingMetadata {
  selectNumberingPlan(country: CountryCode): void;
  readonly numberingPlan?: { type(name: string): { pattern(): string } | undefined };
}

interface Library {
  readonly parse: Parse;
  readonly isSupportedCountry: (code: string) => boolean;
  readonly createMetadata: () => NumberingMetadata;
}

let library: Library | undefined;

/**
 * libphonenumber-js with its full ("max") metadata takes tens of milliseconds to load, so it
 * loads the first time a message holds something long enough to be a phone number.
 */
function loadLibrary(): Library {
  if (!library) {
    const require = createRequire(import.meta.url);
    const max = require('libphonenumber-js/max') as { parsePhoneNumberFromString: Parse; isSupportedCountry: (code: string) => boolean };
    // The max bundle does not export `Metadata` in every module format; core's takes the same data.
    const core = require('libphonenumber-js/core') as { Metadata: new (json: unknown) => NumberingMetadata };
    const json: unknown = require('libphonenumber-js/metadata.max.json');
    library = { parse: max.parsePhoneNumberFromString, isSupportedCountry: max.isSupportedCountry, createMetadata: () => new core.Metadata(json) };
  }
  return library;
}

/** Regions tried, in order, for a number written without a country code. */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['US', 'CN', 'GB', 'AU', 'IN', 'SG', 'HK'];

// Numbers anyone may publish: toll-free, shared-cost (China's 400), premium and universal
// access numbers belong to companies and hotlines, not to a person.
const PUBLIC_TYPES = ['TOLL_FREE', 'SHARED_COST', 'PREMIUM_RATE', 'UAN', 'VOICEMAIL'];
const publicPatterns = new Map<string, RegExp[]>();

/**
 * True when a valid number is of a public type. Only these types' patterns are tried:
 * `getType()` tries every type and costs as much as parsing the number.
 */
function isPublicNumber(number: PhoneNumber): boolean {
  const country = number.country;
  if (!country) return PUBLIC_TYPES.includes(number.getType() ?? '');
  let patterns = publicPatterns.get(country);
  if (!patterns) {
    const metadata = loadLibrary().createMetadata();
    metadata.selectNumberingPlan(country);
    patterns = PUBLIC_TYPES.flatMap((type) => {
      const pattern = metadata.numberingPlan?.type(type)?.pattern();
      return pattern ? [new RegExp(`^(?:${pattern})$`)] : [];
    });
    publicPatterns.set(country, patterns);
  }
  return patterns.some((pattern) => pattern.test(number.nationalNumber));
}

// A Chinese mobile (1[3-9] and nine digits) is distinctive even unformatted; other unformatted
// digit runs may be ids that happen to be valid somewhere, eight digits or fewer most of all.
const CN_MOBILE = /^1[3-9]\d{9}$/;

/** Scores before context: validated numbers review on their own, merely possible ones need a context word. */
const SCORE_VALID = 0.7;
const SCORE_VALID_BARE = 0.55;
const SCORE_POSSIBLE = 0.35;
/** Eight digits or fewer without a country code: valid in some region, but so are many ids and prices. */
const SCORE_SHORT = 0.45;

// QQ numbers are accounts (the handle detector's), not phones, even when they parse as one.
const ACCOUNT_LABEL = /(?:qq|扣扣|企鹅)\s*(?:号|號|id|number|no\.?)?\s*[:：是为]?\s*$/i;

/** One way a digit run can be read as a phone number. */
interface Reading {
  readonly number: PhoneNumber;
  readonly valid: boolean;
  /** A valid number of a public type (hotline, toll-free): not a finding. */
  readonly public: boolean;
}

// How national numbers of the default regions start and how long they are, so a digit run is
// parsed only for regions where it could be a number at all (parsing costs microseconds, and
// most long digit runs in chat are order numbers). Regions not listed are always tried.
const NATIONAL_SHAPES: Partial<Record<CountryCode, RegExp>> = {
  US: /^(?:1?[2-9]\d{9})$/,
  CA: /^(?:1?[2-9]\d{9})$/,
  // Mobiles, fixed lines with the trunk 0 (people write 028-…, not 28-…), and 400/800 hotlines.
  CN: /^(?:1[3-9]\d{9}|0[1-9]\d{8,10}|[48]00\d{7})$/,
  GB: /^0\d{9,10}$/,
  AU: /^0\d{9}$/,
  IN: /^(?:[6-9]\d{9}|0\d{10})$/,
  SG: /^[3689]\d{7}$/,
  HK: /^[2-9]\d{7}$/,
};

const cache = new Map<string, Reading | null>();
const CACHE_SIZE = 2048;

function readRun(digits: string, international: boolean, regions: readonly CountryCode[]): Reading | undefined {
  const key = `${international ? '+' : ''}${digits}|${regions.join(',')}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const reading = parseRun(digits, international, regions);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, reading ?? null);
  return reading;
}

function parseRun(digits: string, international: boolean, regions: readonly CountryCode[]): Reading | undefined {
  const parsePhone = loadLibrary().parse;
  if (international) {
    const number = parsePhone(`+${digits}`);
    if (!number) return undefined;
    const valid = number.isValid();
    return valid || number.isPossible() ? { number, valid, public: valid && isPublicNumber(number) } : undefined;
  }
  let possible: PhoneNumber | undefined;
  for (const region of regions) {
    const shape = NATIONAL_SHAPES[region];
    if (shape && !shape.test(digits)) continue;
    const number = parsePhone(digits, { defaultCountry: region });
    if (!number) continue;
    if (number.isValid()) return { number, valid: true, public: isPublicNumber(number) };
    if (!possible && number.isPossible() && number.nationalNumber.length >= 9) possible = number;
  }
  return possible ? { number: possible, valid: false, public: false } : undefined;
}

/** True when the written form has the grouping people use for phone numbers (spaces, dashes, brackets). */
function isFormatted(written: string): boolean {
  return /\d[\s.\-()]+\d/.test(written) || /^\(/.test(written);
}

/**
 * Phone numbers of any country, however they are written: the digits view has already read
 * full-width, circled, Chinese and spelled-out digits and dropped the separators, and
 * libphonenumber-js says whether the digits are a real number (options.regions: regions to
 * try for numbers without a country code).
 */
export const phoneDetector: Detector = {
  name: 'phone',
  description: 'A phone number, validated against the numbering plan of its country.',
  placeholders: ['country', 'e164'],
  optionsSchema: (z) =>
    z.strictObject({
      regions: z
        .array(
          z
            .string()
            .regex(/^[A-Z]{2}$/, { message: 'expected a two-letter region code such as "US" or "GB"', abort: true })
            .refine((code) => loadLibrary().isSupportedCountry(code), 'not a region libphonenumber-js knows (the United Kingdom is "GB")'),
        )
        .min(1)
        .optional(),
    }),
  precheck: hasDigitRun,
  detect({ text, views, options }) {
    const regions = Array.isArray(options.regions) ? (options.regions as CountryCode[]) : DEFAULT_PHONE_REGIONS;
    const view = views.digits;
    const dv = view.text;
    const out: DetectorMatch[] = [];
    workMeter.steps += dv.length;
    for (const run of digitRuns(view, 7, 17)) {
      workMeter.steps++;
      let start = run.start;
      let international = false;
      let digits = run.digits;
      const before = dv.slice(Math.max(0, start - 12), start);
      if (dv.charCodeAt(start - 1) === 0x2b) {
        international = true;
        start--;
      } else if (/plus\s?$/.test(before)) {
        international = true;
        start -= before.length - before.search(/plus\s?$/);
      } else if (/wa\.me\/$|whatsapp\.com\/send\?phone=$/.test(before)) {
        international = true;
      } else if (digits.startsWith('00') && digits.length >= 10) {
        international = true;
        digits = digits.slice(2);
      }
      if (digits.length > 15) continue;
      const written = originalOf(view, text, run.start, run.end);
      const after = dv.slice(run.end, run.end + 8);
      if (looksLikeQuantity(written, before, after)) continue;
      if (ACCOUNT_LABEL.test(before)) continue;
      const reading = readRun(digits, international, regions);
      if (!reading) continue;
      const { number, valid } = reading;
      if (reading.public) continue;
      // Three-two-four is how a US social security number is written (the national-id rule's).
      if (!valid && /^\d{3}[\s-]\d{2}[\s-]\d{4}$/.test(written)) continue;
      const score = !valid
        ? SCORE_POSSIBLE
        : digits.length <= 8 && !international
          ? SCORE_SHORT
          : international || isFormatted(written) || CN_MOBILE.test(digits)
            ? SCORE_VALID
            : SCORE_VALID_BARE;
      // A bracketed area code belongs to the number: `(347) 555-0134` is one finding.
      if (dv.charCodeAt(start - 1) === 0x28 && /^\d{2,5}\)/.test(written)) start--;
      out.push({
        view: 'digits',
        start,
        end: run.end,
        entity: 'phone',
        score,
        matched: number.number,
        steps: detectorSteps(
          valid
            ? `valid ${number.country ?? `+${number.countryCallingCode}`} number`
            : `possible ${number.country ?? `+${number.countryCallingCode}`} number, not in an assigned range`,
        ),
        values: { country: number.country ?? `+${number.countryCallingCode}`, e164: number.number },
      });
    }
    return out;
  },
};
