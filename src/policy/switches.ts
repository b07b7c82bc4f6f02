import type { z as Z } from 'zod';
import { formatPath, RuleSetError, type RuleSetIssue, type RuleSetIssueCode } from './errors.js';
import type { Region, RuleSet } from './load.js';
import { nearest } from './nearest.js';
import { SEVERITIES, type Severity } from './schema.js';
import { schemaIssues } from './source.js';
import { zodLibrary, type ZodLibrary } from './zod-lib.js';

/** Builds the schemas of the two switches, shared by overrides files and `createModerator` options. */
export function switchSchemas(z: ZodLibrary) {
  const names = z.array(z.string().min(1)).min(1);
  /** Which of a rule set's regions are on: only those in `include` (when given), less those in `exclude`. */
  const regionChoice = z.strictObject({ include: names.optional(), exclude: names.optional() });
  /** Which of a rule set's severity tiers are on: those at or above `min`, less those in `exclude`. */
  const severityChoice = z.strictObject({ min: z.enum(SEVERITIES).optional(), exclude: z.array(z.enum(SEVERITIES)).min(1).optional() });
  return {
    /** Regions turned on or off, keyed by rule-set id. */
    regions: z.record(z.string(), regionChoice),
    /** Severity tiers turned on or off, keyed by rule-set id. */
    severity: z.record(z.string(), severityChoice),
  };
}

type SwitchSchemas = ReturnType<typeof switchSchemas>;

/** Which regions of a rule set are on: `{ exclude: ['en-au'] }`, or `{ include: ['en-gb-ie'] }` for only those. */
export interface RegionChoice {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}
/** Which severity tiers of a rule set are on: `{ min: 'medium' }`, `{ exclude: ['low'] }`. */
export interface SeverityChoice {
  readonly min?: Severity;
  readonly exclude?: readonly Severity[];
}

/** Regions and severity tiers turned on or off, each keyed by rule-set id. */
export interface Switches {
  readonly regions?: Readonly<Record<string, RegionChoice>>;
  readonly severity?: Readonly<Record<string, SeverityChoice>>;
}

type Issue = (code: RuleSetIssueCode, path: (string | number)[], message: string) => RuleSetIssue;

/**
 * Problems with switches against the loaded rule sets: a rule set that is not loaded, a region
 * its files do not declare (`invalid_option`, with the nearest name as a hint). A name that does
 * not exist would otherwise leave words on that the policy meant to turn off.
 */
export function switchIssues(ruleSets: readonly RuleSet[], switches: Switches, issue: Issue): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  const setIds = [...new Set(ruleSets.map((r) => r.id))];
  const loaded = (key: 'regions' | 'severity', id: string): boolean => {
    if (setIds.includes(id)) return true;
    const hint = nearest(id, setIds);
    issues.push(issue('unknown_rule_set', [key, id], `no rule set "${id}" is loaded${hint ? `; did you mean "${hint}"?` : ''} (loaded: ${setIds.join(', ')})`));
    return false;
  };
  for (const [id, choice] of Object.entries(switches.regions ?? {})) {
    if (!loaded('regions', id)) continue;
    const known = regionsOf(ruleSets, id);
    for (const key of ['include', 'exclude'] as const) {
      choice[key]?.forEach((name, i) => {
        if (known.includes(name)) return;
        // `au` or `yue` alone is a region written without its language: `en-au`, `zh-yue`.
        const hint = nearest(name, known) ?? known.find((region) => region.endsWith(`-${name.toLowerCase()}`));
        const message =
          known.length === 0
            ? `rule set "${id}" declares no regions, so "${name}" cannot be turned on or off`
            : `no region "${name}" in rule set "${id}"${hint ? `; did you mean "${hint}"?` : ''} (known: ${known.join(', ')})`;
        issues.push(issue('invalid_option', ['regions', id, key, i], message));
      });
    }
  }
  for (const id of Object.keys(switches.severity ?? {})) loaded('severity', id);
  return issues;
}

let built: SwitchSchemas | undefined;

/**
 * Validates the `regions` and `severity` options of `createModerator` with the schemas overrides
 * files use, and against the rule sets; throws {@link RuleSetError} with every problem. zod is
 * loaded only when one of the options is given.
 */
export function checkSwitchOptions(ruleSets: readonly RuleSet[], options: { readonly regions?: unknown; readonly severity?: unknown }): Switches {
  if (options.regions === undefined && options.severity === undefined) return {};
  built ??= switchSchemas(zodLibrary());
  const schemas = built;
  const issue: Issue = (code, path, message) => ({ code, path, message });
  const issues: RuleSetIssue[] = [];
  const parse = <K extends 'regions' | 'severity'>(key: K, keys: string[]): Z.output<SwitchSchemas[K]> | undefined => {
    if (options[key] === undefined) return undefined;
    const parsed = schemas[key].safeParse(options[key], { reportInput: true });
    if (parsed.success) return parsed.data as Z.output<SwitchSchemas[K]>;
    issues.push(...schemaIssues({ issue }, parsed.error, (path) => (path.length === 2 ? keys : []), { prefix: [key], code: 'invalid_option' }));
    return undefined;
  };
  const regions = parse('regions', ['include', 'exclude']);
  const severity = parse('severity', ['min', 'exclude']);
  const out: Switches = { ...(regions && { regions }), ...(severity && { severity }) };
  issues.push(...switchIssues(ruleSets, out, issue));
  if (issues.length > 0) throw new RuleSetError(issues, formatOptionIssues(issues));
  return out;
}

function formatOptionIssues(issues: readonly RuleSetIssue[]): string {
  const lines = issues.map((i) => `  ${formatPath(i.path)}: ${i.message} [${i.code}]`);
  return `Invalid createModerator options (${issues.length === 1 ? '1 problem' : `${issues.length} problems`}):\n${lines.join('\n')}`;
}

/** The region ids every loaded file of a rule set declares, sorted. */
export function regionsOf(ruleSets: readonly RuleSet[], id: string): string[] {
  return [...new Set(ruleSets.filter((r) => r.id === id).flatMap((r) => Object.keys(r.regions ?? {})))].sort();
}

/**
 * Applies checked switches: a region turned off keeps its declaration, marked `off`, and its lists
 * become empty, so every rule stops matching its words and only those; a severity tier turned off
 * takes the rule set's rules of that severity out, as `disable` would.
 */
export function applySwitches(ruleSets: readonly RuleSet[], switches: Switches): RuleSet[] {
  return ruleSets.map((ruleSet) => {
    const regions = ownValue(switches.regions, ruleSet.id);
    const severity = ownValue(switches.severity, ruleSet.id);
    let out = ruleSet;
    if (regions !== undefined && ruleSet.regions !== undefined) {
      const declared: Record<string, Region> = {};
      const lists = { ...ruleSet.lists };
      for (const [id, region] of Object.entries(ruleSet.regions)) {
        const on = (regions.include === undefined || regions.include.includes(id)) && !regions.exclude?.includes(id);
        declared[id] = on ? region : { ...region, off: true };
        if (!on) for (const name of region.lists) lists[name] = [];
      }
      out = { ...out, lists, regions: declared };
    }
    if (severity !== undefined) {
      const floor = severity.min === undefined ? 0 : SEVERITIES.indexOf(severity.min);
      const on = (level: Severity) => SEVERITIES.indexOf(level) >= floor && !severity.exclude?.includes(level);
      const rules = out.rules.filter((rule) => on(rule.severity));
      if (rules.length !== out.rules.length) out = { ...out, rules };
    }
    return out;
  });
}

/** A record's own entry: a rule-set id is any kebab-case name, `constructor` included. */
function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
