import type { RuleSetIssue } from './errors.js';
import type { TermEntry } from './load.js';
import type { VocabularySource } from './schema.js';
import type { YamlSource } from './source.js';
import { termEntries } from './term-entries.js';

/**
 * The kinds of name an app of the vocabulary's `apps` has, and the list each kind is read as
 * (`@shared/apps`, `@shared/apps-words`, `@shared/apps-after-add`), every term labelled with the
 * app's canonical name. A rule names the kinds its own cues make safe: an English request reads
 * names and words, a Chinese one all three, and the handle detector holds words and after-add
 * names to an id that cannot be an ordinary word.
 */
export const APP_NAME_KINDS = { names: 'apps', words: 'apps-words', 'after-add': 'apps-after-add' } as const;

type AppKind = keyof typeof APP_NAME_KINDS;
const KINDS = Object.keys(APP_NAME_KINDS) as AppKind[];

/** The lists a vocabulary's `apps` is read as; none when it has no `apps`. */
export function appLists(apps: VocabularySource['apps']): Record<string, TermEntry[]> {
  if (apps === undefined) return {};
  const out: Record<string, TermEntry[]> = {};
  for (const kind of KINDS) {
    out[APP_NAME_KINDS[kind]] = Object.entries(apps).flatMap(([app, entry]) => termEntries({ [app]: entry[kind] ?? [] }));
  }
  return out;
}

/**
 * Problems of a vocabulary's `apps` beyond its shape: a name given twice (in one app or in two,
 * in any case), which would leave it to chance which app a finding names, and a list in `lists`
 * under a name that `apps` is read as.
 */
export function appIssues(vocabulary: VocabularySource, source: Pick<YamlSource, 'issue'>): RuleSetIssue[] {
  const issues: RuleSetIssue[] = [];
  if (vocabulary.apps === undefined) return issues;
  const seen = new Map<string, string>();
  for (const [app, entry] of Object.entries(vocabulary.apps)) {
    for (const kind of KINDS) {
      entry[kind]?.forEach((name, i) => {
        const key = name.trim().toLowerCase();
        const where = `apps.${app}.${kind}[${i}]`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, where);
        else issues.push(source.issue('duplicate_term', ['apps', app, kind, i], `"${name}" is already given at ${first}; each name belongs to one app, once`));
      });
    }
  }
  for (const list of Object.values(APP_NAME_KINDS)) {
    if (Object.hasOwn(vocabulary.lists, list)) {
      issues.push(source.issue('duplicate_list', ['lists', list], `the list "${list}" is made from \`apps\`; give this list another name`));
    }
  }
  return issues;
}

/** The keys an entry of `apps` takes, for "did you mean" hints. */
export function appEntryKeys(): string[] {
  return [...KINDS];
}
