import type { ModeratorOptions } from '../engine/moderator.js';
import { builtinRuleSets } from './builtin.js';
import { readPolicyFile } from './encoding.js';
import { RuleSetError } from './errors.js';
import { loadRuleSet, type RuleSet } from './load.js';
import { loadOverrides, type PolicyOverrides } from './overrides.js';
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
    const read = readPolicyFile(path, 'rule set');
    if ('issue' in read) throw new RuleSetError([read.issue]);
    if (isOverridesText(read.text)) overrides.push(loadOverrides(read.text, { file: path }));
    else ruleSets.push(loadRuleSet(read.text, { file: path }));
  }
  return { ruleSets, overrides };
}

/**
 * True when the document's top level has an `overrides:` key. Only the syntax tree is read, so an
 * alias bomb or a syntax error is left for the loader to report with its position.
 */
function isOverridesText(text: string): boolean {
  const { isMap, parseDocument } = yamlLibrary();
  const contents = parseDocument(text).contents;
  return isMap(contents) && contents.has('overrides');
}

/** Moderator options for files given with `--rules`, with or without the built-in rule sets. */
export function moderatorOptionsFor(paths: readonly string[], onlyRules: boolean): ModeratorOptions {
  const files = loadPolicyFiles(paths);
  return {
    ruleSets: onlyRules ? files.ruleSets : [...builtinRuleSets(), ...files.ruleSets],
    ...(files.overrides.length > 0 ? { overrides: files.overrides } : {}),
  };
}
