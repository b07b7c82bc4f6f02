import type { z } from 'zod';
import type { ExplanationStep } from '../engine/types.js';
import type { ViewName } from '../text/types.js';
import type { Views } from '../text/index.js';
import type { TermEntry } from '../policy/load.js';

/** What a detector is given for one message. */
export interface DetectorContext {
  readonly text: string;
  /** The message's views; `skeleton` and `digits` are computed on first use. */
  readonly views: Views;
  /** The rule's `options` from YAML. */
  readonly options: Readonly<Record<string, unknown>>;
  /**
   * The term lists of the rule's rule set, after overrides: its own (`harm-acts`) and the shared
   * ones its rules name (`shared/group-nouns`). The same object for every message, so a detector
   * can compile what it reads from them once (e.g. in a WeakMap keyed by it).
   */
  readonly lists: Readonly<Record<string, readonly TermEntry[]>>;
  /**
   * The lists of every loaded file of the rule set (its English and Chinese files), same-name
   * lists joined: for code that reads a message mixing the languages. Default: `lists`.
   */
  readonly ruleSetLists?: Readonly<Record<string, readonly TermEntry[]>>;
}

/** One thing a detector found, as a span of one of the views. */
export interface DetectorMatch {
  /** The view `start`/`end` refer to; the engine maps them to the original text. Default `original`. */
  readonly view?: ViewName;
  readonly start: number;
  readonly end: number;
  /** Personal-data kind, overriding the rule's `entity`. */
  readonly entity?: string;
  /** Which country's id or numbering scheme the match follows (`in-aadhaar`); the finding's `scheme`. */
  readonly scheme?: string;
  /** A score to use instead of the rule's base score, e.g. lower for a weakly validated match. */
  readonly score?: number;
  /** Why the score differs from the rule's base score; added to the explanation. */
  readonly steps?: readonly ExplanationStep[];
  /** Extra placeholder values for the rule's message. */
  readonly values?: Readonly<Record<string, string>>;
  /** What matched after normalisation; defaults to the view's text of the span. */
  readonly matched?: string;
}

/**
 * Code for what data cannot express (checksums, grammar). A rule uses it with `detector: <name>`.
 * Register custom ones with `createModerator({ detectors: [...] })`.
 */
export interface Detector {
  readonly name: string;
  readonly description: string;
  /** Placeholder names this detector fills through `DetectorMatch.values`. */
  readonly placeholders?: readonly string[];
  /**
   * The options a rule may give it (`options:` in YAML), as a zod schema built with the zod it is
   * handed: chaperone loads zod to validate rule files, never to run the built-in policy. Options
   * it refuses are `invalid_option` issues when the rule set loads; without it any options pass.
   */
  readonly optionsSchema?: DetectorOptionsSchema;
  /**
   * Every `entity` this detector's matches can set, when its rules do not declare it with
   * `entity:`. `redact` accepts an entity name only when a loaded rule or the detector of one
   * declares it, so a typo is an error instead of a leak. The built-in detectors leave it to
   * their rules: one more property on each detector object measured as more instructions per
   * message (callgrind, BENCHMARKS.md), for names the rules already give.
   */
  readonly entities?: readonly string[];
  /**
   * A cheap test run before `detect`; when it returns false the detector is skipped.
   * Detectors run on every message unless their rule has a `trigger`, so keep this fast.
   */
  readonly precheck?: (text: string) => boolean;
  detect(context: DetectorContext): readonly DetectorMatch[];
  /**
   * For `chaperone explain` only, never on the moderation path: the candidates `detect` looked at
   * and set aside, each with the reason (a negated threat, a checksum that failed), so a policy
   * author can see why a message was missed.
   */
  explainRejected?(context: DetectorContext): readonly RejectedCandidate[];
}

/** Builds a detector's options schema from the zod namespace chaperone passes in. */
export type DetectorOptionsSchema = (zod: typeof z) => z.ZodType;

/** The options schema of a detector that takes none. */
export const noOptions: DetectorOptionsSchema = (zod) => zod.strictObject({});

/** A candidate a detector set aside, as `explainRejected` reports it. */
export interface RejectedCandidate {
  /** The view `start`/`end` refer to; default `original`. */
  readonly view?: ViewName;
  readonly start: number;
  readonly end: number;
  /** Why it is not a finding, for a person: `negated ("never")`. */
  readonly reason: string;
}
