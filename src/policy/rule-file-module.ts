import { basename } from 'node:path';
import { parse } from 'yaml';
import { precomputeSkeletons } from '../engine/term-matcher.js';
import { documentTerms } from './document-terms.js';
import { loadParsedRuleSet, loadVocabulary } from './load.js';

/**
 * A built-in rule file as the module the package imports (the build's and the tests' plugins
 * both use it): the document validated by the loader's own code (a broken built-in file fails the
 * build; verbs' forms are expanded here, not when a moderator is created), and its terms
 * normalised ahead of time. A JSON string is the fastest form for V8 to load.
 */
export function ruleFileModule(source: string, path: string): string {
  const data: unknown = parse(source);
  const terms = precomputeSkeletons(documentTerms(data));
  const file = `rules/${basename(path)}`;
  // A vocabulary file (rules/shared.yaml) holds lists only; rule files hold rules.
  const isVocabulary = typeof data === 'object' && data !== null && 'vocabulary' in data;
  const validated = { ...(isVocabulary ? loadVocabulary(source, file) : loadParsedRuleSet(data, file)) };
  return [
    'export default undefined;',
    `export const validated = JSON.parse(${JSON.stringify(JSON.stringify(validated))});`,
    `export const skeletons = JSON.parse(${JSON.stringify(JSON.stringify(terms))});`,
  ].join('\n');
}
