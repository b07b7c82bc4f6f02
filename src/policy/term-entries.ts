import { loadCompromise } from '../engine/compromise.js';
import type { TermEntry } from './load.js';

/** A list as a rule file writes it: terms, or terms under labels (`{ label: [terms] }`). */
export type WrittenList = readonly string[] | Readonly<Record<string, readonly string[]>>;

// A word a verb's forms stand in for: letters (an apostrophe or hyphen inside), then `+`.
const INFLECTED = /^[\p{L}][\p{L}'-]*\+$/u;

/** Whether a term asks for a verb's forms (`kill+ you`). */
export function hasInflection(term: string): boolean {
  return term.includes('+') && term.split(' ').some((word) => INFLECTED.test(word));
}

const formsCache = new Map<string, readonly string[]>();

/** A verb's forms as compromise conjugates it: kill → kill, kills, killed, killing. */
function verbForms(verb: string): readonly string[] {
  let forms = formsCache.get(verb);
  if (!forms) {
    const doc = loadCompromise()(verb) as unknown as { tag(tag: string): { verbs(): { conjugate(): Record<string, string>[] } } };
    const conjugated = doc.tag('Verb').verbs().conjugate()[0] ?? {};
    const keys = ['Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Participle'];
    forms = [...new Set([verb, ...keys.map((key) => conjugated[key]?.toLowerCase()).filter((f): f is string => !!f && !f.includes(' '))])];
    formsCache.set(verb, forms);
  }
  return forms;
}

/**
 * A term with its verbs' forms: each word written with a trailing `+` stands for every form of
 * that verb (`kill+ you` → kill you, kills you, killed you, killing you). Built-in rule files are
 * expanded when the package is built; a policy author's terms when their file loads, by the
 * compromise the package ships. Other terms are returned as they are.
 */
export function inflections(term: string): string[] {
  if (!hasInflection(term)) return [term];
  let out = [''];
  for (const word of term.split(' ')) {
    const forms = INFLECTED.test(word) ? verbForms(word.slice(0, -1).toLowerCase()) : [word];
    out = out.flatMap((head) => forms.map((form) => (head ? `${head} ${form}` : form)));
  }
  return out;
}

/** A term as its label shows it: without the `+` of its verbs. */
export function bareTerm(term: string): string {
  return hasInflection(term) ? term.split(' ').map((word) => (INFLECTED.test(word) ? word.slice(0, -1) : word)).join(' ') : term;
}

/** The entries of a written list: each term (its verbs' forms expanded) with the label it shows. */
export function termEntries(list: WrittenList | undefined): TermEntry[] {
  if (list === undefined) return [];
  const labelled: [string, readonly string[]][] = Array.isArray(list) ? list.map((term: string) => [bareTerm(term), [term]]) : Object.entries(list);
  return labelled.flatMap(([label, terms]) => terms.flatMap((term) => inflections(term).map((form) => ({ term: form, label }))));
}
