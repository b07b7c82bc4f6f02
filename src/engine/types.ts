import type { Severity } from '../policy/schema.js';

/** The built-in categories; custom rule sets may add their own. */
export type Category = 'profanity' | 'threat' | 'off-platform' | 'pii' | (string & {});

/**
 * The id schemes the built-in `national-id` detector reads, country code first; a custom
 * detector may name others.
 */
export type NationalIdScheme =
  | 'us-ssn'
  | 'cn-ric'
  | 'gb-nino'
  | 'in-aadhaar'
  | 'ng-nin'
  | 'de-steuer-id'
  | 'fr-nir'
  | 'es-dni'
  | 'es-nie'
  | 'it-cf'
  | 'nl-bsn'
  | 'br-cpf'
  | 'ca-sin'
  | 'kr-rrn'
  | 'hk-hkid'
  | 'tw-id'
  | 'sg-nric'
  | (string & {});

/** What a category's score says should happen to the message. */
export type Verdict = 'allow' | 'review' | 'block';

/** One change to a finding's score, from the rule's base score to the final one. */
export interface ExplanationStep {
  readonly kind: string;
  readonly delta: number;
  readonly note: string;
}

/** How a finding came about. */
export interface Explanation {
  /** What matched after normalisation, e.g. `wechat` for `W​e​C​h​a​t`. */
  readonly matched: string;
  readonly steps: readonly ExplanationStep[];
}

/** One thing wrong with a message, with the exact characters it is about. */
export interface Finding {
  /** `rule-set-id/rule-id`. */
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly category: Category;
  /** Personal-data kind (pii only): phone, email, address, card, bank-account, national-id, handle, ip, url. */
  readonly entity?: string;
  /**
   * For a `national-id` (and any finding whose detector names one): the country's id scheme,
   * such as `us-ssn` or `in-aadhaar`. Absent when the finding follows no particular scheme.
   */
  readonly scheme?: NationalIdScheme;
  /** Half-open UTF-16 offsets into the original text. */
  readonly start: number;
  readonly end: number;
  /** `original.slice(start, end)`. */
  readonly text: string;
  readonly score: number;
  readonly severity: Severity;
  readonly message: string;
  readonly explanation: Explanation;
}

/** A category's combined score and verdict. */
export interface CategoryResult {
  readonly score: number;
  readonly verdict: Verdict;
}

/** Everything `moderate` says about one message. */
export interface ModerationResult {
  /** The worst category verdict; `allow` when nothing was flagged. */
  readonly verdict: Verdict;
  /** The highest category score, 0 when there are no findings. */
  readonly score: number;
  /** Only categories with at least one finding appear. */
  readonly categories: Readonly<Record<string, CategoryResult>>;
  /** Sorted by start, then end. */
  readonly findings: readonly Finding[];
  /**
   * Present only when the message was longer than `MAX_MODERATED_LENGTH`: moderation read
   * `text.slice(0, truncated.at)` and nothing after it.
   */
  readonly truncated?: Truncation;
}

/** Where moderation of a message longer than `MAX_MODERATED_LENGTH` stopped. */
export interface Truncation {
  /** UTF-16 offset where moderation stopped: `MAX_MODERATED_LENGTH`, or one less so as not to cut a surrogate pair. */
  readonly at: number;
  /** The full length of the message in UTF-16 code units. */
  readonly length: number;
}

/** Review and block thresholds for a category. */
export interface Thresholds {
  readonly review: number;
  readonly block: number;
}
