import { readFileSync } from 'node:fs';
import type { ModeratorOptions } from '../engine/moderator.js';
import { builtinRuleSets } from './builtin.js';
import { RuleSetError } from './errors.js';
import { loadRuleSet, type RuleSet } from './load.js';
import { isOverridesDocument, loadOverrides, type PolicyOverrides } from './overrides.js';
import { yamlLibrary } from './yaml-lib.js';

/** Rule sets and overrides read from files given on the command line. */
export interface PolicyFiles {
  readonly ruleSets: RuleSet[];
  readonly overrides: PolicyOverrides[];
}

/**
 * Loads each path as a rule set, or as policy overrides when the file has a top-level
 * `overrides:` key, so `--rules` takes both kinds.
 */
export function loadPolicyFiles(paths: readonly string[]): PolicyFiles {
  const ruleSets: RuleSet[] = [];
  const overrides: PolicyOverrides[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new RuleSetError([{ code: 'file_not_found', path: [], message: 'cannot read rule set: no such file', file: path }]);
    }
    let document: unknown;
    try {
      document = yamlLibrary().parse(text);
    } catch {
      document = undefined; // the loader reports the syntax error with its position
    }
    if (isOverridesDocument(document)) overrides.push(loadOverrides(text, { file: path }));
    else ruleSets.push(loadRuleSet(text, { file: path }));
  }
  return { ruleSets, overrides };
}

/** Moderator options for files given with `--rules`, with or without the built-in rule sets. */
export function moderatorOptionsFor(paths: readonly string[], onlyRules: boolean): ModeratorOptions {
  const files = loadPolicyFiles(paths);
  return {
    ruleSets: onlyRules ? files.ruleSets : [...builtinRuleSets(), ...files.ruleSets],
    ...(files.overrides.length > 0 ? { overrides: files.overrides } : {}),
  };
}
