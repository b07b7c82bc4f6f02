import { inflections } from './term-entries.js';

/**
 * Every term written in a rule file or a vocabulary (lists, a vocabulary's apps, and the terms,
 * near, trigger, context and allow of its rules), read from the parsed document before validation.
 * The build uses it to normalise the built-in rule files' terms ahead of time; `@list` references
 * are not terms.
 */
export function documentTerms(document: unknown): Set<string> {
  const out = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string') {
      if (!value.startsWith('@')) for (const form of inflections(value)) out.add(form);
    } else if (Array.isArray(value)) {
      for (const item of value) add(item);
    } else if (value !== null && typeof value === 'object' && 'terms' in value) {
      add((value as { terms: unknown }).terms);
    }
  };
  if (document === null || typeof document !== 'object') return out;
  const { lists, rules, apps } = document as { lists?: unknown; rules?: unknown; apps?: unknown };
  if (lists !== null && typeof lists === 'object') {
    for (const list of Object.values(lists)) {
      if (Array.isArray(list)) add(list);
      else if (list !== null && typeof list === 'object') for (const terms of Object.values(list)) add(terms);
    }
  }
  // A vocabulary's apps: each app's names, words and after-add names.
  if (apps !== null && typeof apps === 'object') {
    for (const app of Object.values(apps)) if (app !== null && typeof app === 'object') for (const names of Object.values(app)) add(names);
  }
  if (Array.isArray(rules)) {
    for (const rule of rules) {
      if (rule === null || typeof rule !== 'object') continue;
      const { terms, near, trigger, context, allow } = rule as Record<string, unknown>;
      add(terms);
      add(trigger);
      add(context);
      add(allow);
      if (near !== null && typeof near === 'object') add((near as { groups?: unknown }).groups);
    }
  }
  return out;
}
