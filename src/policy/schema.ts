import type { z as Z } from 'zod';
import { zodLibrary, type ZodLibrary } from './zod-lib.js';

/** Severity of a rule's findings, lowest first. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Views a `regex` rule can run on. */
export const VIEW_NAMES = ['original', 'plain', 'skeleton', 'digits'] as const;

/** Builds every schema of the file formats from zod (loaded by the first caller). */
function build(z: ZodLibrary) {
  const kebab = z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as "pay-by-bank-transfer"');
  const score = z.number().min(0).max(1);
  const nonEmpty = z.string().min(1, 'expected a non-empty string');

  /**
   * A list of terms: plain strings, `@list` references, or a map from a label (used by `{{term}}`)
   * to the terms that mean it (`WeChat: [wechat, weixin, 微信]`).
   */
  const termList = z.union([z.array(nonEmpty), z.record(z.string(), z.array(nonEmpty))]);

  const contextEntry = z.union([
    nonEmpty,
    z.strictObject({
      /** Words that change the score; may be left out when `opening` is the whole condition. */
      terms: z.array(nonEmpty).min(1).optional(),
      within: z.number().int().min(0).max(100).optional(),
      /** Count only terms on this side of the match: `after` reads what follows it (你妈的 + 行李). */
      side: z.enum(['before', 'after']).optional(),
      /** Only when the match is a vocative: punctuation after it; before it only punctuation and @mentions, or an English sentence's end. */
      opening: z.boolean().optional(),
      delta: z.number().min(-1).max(1).optional(),
      note: z.string().optional(),
    }).refine((entry) => entry.terms !== undefined || entry.opening === true, {
      message: 'a context entry needs `terms` unless `opening: true` is its whole condition',
    }),
  ]);

  const allowEntry = z.union([
    nonEmpty,
    z.strictObject({
      terms: z.array(nonEmpty).min(1),
      /** Cancel the finding when one of the terms is within this many words of it; without it, when one overlaps it. */
      within: z.number().int().min(0).max(100).optional(),
      /** Count only terms on this side of the match (`after`: what follows it). */
      side: z.enum(['before', 'after']).optional(),
      /** Only when the match is written as a name: a capital, then lower case (`Hi Dick,`, not `hi DICK`). */
      name: z.boolean().optional(),
      /** Only for matches with these labels (what `{{term}}` shows), e.g. `for: [bitch]` near `dog`. */
      for: z.array(nonEmpty).min(1).optional(),
      note: z.string().optional(),
    }),
  ]);

  const nearSpec = z.strictObject({
    groups: z.array(z.array(nonEmpty).min(1)).min(2),
    within: z.number().int().min(0).max(100).default(5),
    ordered: z.boolean().default(false),
  });

  const ruleSchema = z.strictObject({
    id: kebab,
    description: nonEmpty,
    severity: z.enum(SEVERITIES),
    score,
    message: nonEmpty,
    terms: z.array(nonEmpty).min(1).optional(),
    boundary: z.enum(['word', 'none']).optional(),
    near: nearSpec.optional(),
    pattern: nonEmpty.optional(),
    regex: nonEmpty.optional(),
    flags: z.string().regex(/^[imsu]*$/, 'regex flags may only be i, m, s and u').optional(),
    view: z.enum(VIEW_NAMES).optional(),
    detector: nonEmpty.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    trigger: z.array(nonEmpty).min(1).optional(),
    entity: nonEmpty.optional(),
    context: z.array(contextEntry).optional(),
    allow: z.array(allowEntry).optional(),
  });

  const listName = z.string().regex(/^[A-Za-z0-9_-]+$/, 'list names use letters, digits, _ and -');

  /**
   * A region or language variety whose words a policy can turn off as one (`en-au`, `zh-yue`): the
   * lists that hold its words. A list belongs to at most one region; a list in none is always on.
   */
  const region = z.strictObject({
    description: nonEmpty,
    lists: z.array(listName).min(1),
  });

  /** The shape of a rule file (`rules/<id>.<locale>.yaml`). */
  const ruleSetSchema = z.strictObject({
    $schema: z.string().optional(),
    id: kebab,
    category: kebab,
    locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$|^any$/).default('any'),
    description: nonEmpty,
    lists: z.record(listName, termList).optional(),
    /** Regions whose words a policy can turn off (`regions: { profanity: { exclude: [en-au] } }` in an overrides file). */
    regions: z.record(kebab, region).optional(),
    rules: z.array(ruleSchema).min(1),
  });

  /**
   * One app of a vocabulary's `apps`: what people call it, by how much must stand next to a name
   * before it means the app. Each kind becomes a list of its own (see APP_NAME_KINDS).
   */
  const appEntry = z
    .strictObject({
      /** Names and nicknames in any language that mean the app wherever they stand (`wechat`, 微信, `the green app`). */
      names: z.array(nonEmpty).min(1).optional(),
      /** Everyday words that mean the app next to a request, a question or an id ("add me on snap", "got signal?"). */
      words: z.array(nonEmpty).min(1).optional(),
      /** Words and letters too common even after an English request, that mean the app after 加 or next to an id (加v, 加line). */
      'after-add': z.array(nonEmpty).min(1).optional(),
    })
    .refine((entry) => entry.names !== undefined || entry.words !== undefined || entry['after-add'] !== undefined, {
      message: 'an app needs at least one of names, words or after-add',
    });

  /**
   * The shape of a vocabulary file (`rules/shared.yaml`): named term lists, no rules, that any rule
   * set reads as `@shared/<name>`.
   */
  const vocabularySchema = z.strictObject({
    $schema: z.string().optional(),
    vocabulary: kebab,
    description: nonEmpty,
    lists: z.record(listName, termList),
    /** Messaging and social apps by canonical name, read as the lists `apps`, `apps-words` and `apps-after-add`. */
    apps: z.record(nonEmpty, appEntry).optional(),
  });

  const findingExpectation = z.strictObject({
    ruleId: nonEmpty,
    text: z.string().optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    entity: z.string().optional(),
    scheme: z.string().optional(),
    severity: z.enum(SEVERITIES).optional(),
    message: z.string().optional(),
  });

  const validCase = z.union([nonEmpty, z.strictObject({ text: nonEmpty, note: z.string().optional() })]);
  const invalidCase = z.strictObject({
    text: nonEmpty,
    note: z.string().optional(),
    findings: z.array(findingExpectation).min(1),
    exact: z.boolean().optional(),
  });

  /** The shape of a test-case file (`*.cases.yaml`). */
  const caseFileSchema = z.strictObject({
    $schema: z.string().optional(),
    ruleSet: kebab,
    valid: z.array(validCase).default([]),
    invalid: z.array(invalidCase).default([]),
  });

  return {
    termList,
    region,
    contextEntry,
    allowEntry,
    rule: ruleSchema,
    ruleSet: ruleSetSchema,
    vocabulary: vocabularySchema,
    appEntry,
    findingExpectation,
    caseFile: caseFileSchema,
  };
}

/** The zod schemas of rule files and case files. */
export type Schemas = ReturnType<typeof build>;

let built: Schemas | undefined;

/** The schemas, built on first use: importing chaperone does not load zod. */
export function schemas(): Schemas {
  built ??= build(zodLibrary());
  return built;
}

/** A rule set as written in YAML, after schema validation and defaults. */
export type RuleSetSource = Z.output<Schemas['ruleSet']>;
/** A region a rule file declares: the lists that hold its words. */
export type RegionSource = Z.output<Schemas['region']>;
/** One rule as written in YAML, after schema validation and defaults. */
export type RuleSource = Z.output<Schemas['rule']>;

/** A vocabulary file as written in YAML, after schema validation. */
export type VocabularySource = Z.output<Schemas['vocabulary']>;

/** A case file after schema validation. */
export type CaseFileSource = Z.output<Schemas['caseFile']>;
/** What an invalid case expects of one finding. */
export type FindingExpectation = Z.output<Schemas['findingExpectation']>;
