import conversation, { skeletons as conversationTerms, validated as conversationValidated } from '../../rules/conversation.yaml';
import shared, { skeletons as sharedTerms, validated as sharedValidated } from '../../rules/shared.yaml';
import { seedSkeletons } from '../engine/term-matcher.js';
import { RuleSetError, type RuleSetIssue } from './errors.js';
import { loadParsedVocabulary, locateIssue, SHARED_PREFIX, termsOf, type RuleSet, type Vocabulary } from './load.js';
import { nearest } from './nearest.js';

let cache: Vocabulary | undefined;

/**
 * The shared vocabulary that ships with chaperone (`rules/shared.yaml`): lists that several rule
 * sets read, such as group nouns, written once. The build validated it; run from sources, it is
 * validated here.
 */
export function sharedVocabulary(): Vocabulary {
  if (!cache) seedSkeletons(sharedTerms);
  cache ??= (sharedValidated as Vocabulary | undefined) ?? loadParsedVocabulary(shared, 'rules/shared.yaml');
  return cache;
}

let conversationCache: Vocabulary | undefined;

/**
 * The conversation vocabulary that ships with chaperone (`rules/conversation.yaml`): the words and
 * rule ids the conversation rules read. An overrides file changes its lists as `conversation/<name>`.
 */
export function conversationVocabulary(): Vocabulary {
  if (!conversationCache) seedSkeletons(conversationTerms);
  conversationCache ??= (conversationValidated as Vocabulary | undefined) ?? loadParsedVocabulary(conversation, 'rules/conversation.yaml');
  return conversationCache;
}

/**
 * Gives each rule set the shared lists its rules name (`@shared/group-nouns` becomes its list
 * `shared/group-nouns`), so a rule set keeps working whichever other rule sets are loaded or
 * disabled. A name the vocabulary does not have is an `unknown_list` error at its place in the file.
 */
export function resolveShared(ruleSets: readonly RuleSet[], vocabulary: Vocabulary = sharedVocabulary()): RuleSet[] {
  const issues: RuleSetIssue[] = [];
  const known = Object.keys(vocabulary.lists);
  const out = ruleSets.map((ruleSet) => {
    const added = new Map<string, Vocabulary['lists'][string]>();
    ruleSet.rules.forEach((rule, index) => {
      for (const [path, term] of [...termsOf(rule), ...sharedInOptions(rule.options)]) {
        if (!term.startsWith(`@${SHARED_PREFIX}`)) continue;
        const name = term.slice(1 + SHARED_PREFIX.length);
        // Own keys only: `@shared/constructor` is an unknown list, not Object's constructor.
        const list = Object.hasOwn(vocabulary.lists, name) ? vocabulary.lists[name] : undefined;
        if (list) added.set(`${SHARED_PREFIX}${name}`, list);
        else {
          const hint = nearest(name, known);
          const message = `no list "${name}" in the shared vocabulary${hint ? `; did you mean "@${SHARED_PREFIX}${hint}"?` : ''}`;
          issues.push(locateIssue(ruleSet, 'unknown_list', ['rules', index, ...path], message));
        }
      }
    });
    return added.size === 0 ? ruleSet : { ...ruleSet, lists: { ...ruleSet.lists, ...Object.fromEntries(added) } };
  });
  if (issues.length > 0) throw new RuleSetError(issues);
  return out;
}

/**
 * `@shared/<name>` strings in a detector rule's options (`reads: ['@shared/people-nouns']`): the
 * shared lists its detector reads beyond those its trigger names, with their paths.
 */
function sharedInOptions(options: unknown, path: (string | number)[] = ['options']): [(string | number)[], string][] {
  if (typeof options === 'string') return options.startsWith(`@${SHARED_PREFIX}`) ? [[path, options]] : [];
  if (Array.isArray(options)) return options.flatMap((value, i) => sharedInOptions(value, [...path, i]));
  if (options !== null && typeof options === 'object') return Object.entries(options).flatMap(([key, value]) => sharedInOptions(value, [...path, key]));
  return [];
}
