import { damerauLevenshtein } from '../../text/edit-distance.js';
import { isLowerAsciiLetter } from '../../text/char-class.js';
import { skeletonize } from '../../text/index.js';
import type { Detector, DetectorContext, DetectorMatch } from '../types.js';

/** An app name as compared: its skeleton form and the label shown in messages. */
interface AppName {
  readonly label: string;
  readonly key: string;
}

interface Config {
  readonly names: readonly AppName[];
  readonly before: ReadonlySet<string>;
  readonly shortest: number;
  readonly longest: number;
  /** 1 for each letter an app name begins with (a misspelling keeps the first letter). */
  readonly initials: Uint8Array;
}

/** Names shorter than this are too close to ordinary words (`viber`/`fiber`, `skype`/`swipe`). */
const MIN_LENGTH = 6;

const configs = new WeakMap<object, WeakMap<object, Config>>();

/** The spellings `options.apps` gives, label → spellings: written out, or shared lists it names (`@shared/apps`). */
function spellingsOf(apps: unknown, lists: DetectorContext['lists']): [string, unknown][] {
  if (Array.isArray(apps)) {
    const refs = apps.filter((ref): ref is string => typeof ref === 'string');
    return refs.flatMap((ref) => (lists[ref.slice(1)] ?? []).map(({ term, label }): [string, unknown] => [label, term]));
  }
  return apps && typeof apps === 'object' ? Object.entries(apps as Record<string, unknown>) : [];
}

/** Reads `options.apps` and `options.before` once per rule (and lists). */
function configOf(options: Readonly<Record<string, unknown>>, lists: DetectorContext['lists']): Config {
  let byOptions = configs.get(lists);
  if (!byOptions) configs.set(lists, (byOptions = new WeakMap()));
  const cached = byOptions.get(options);
  if (cached) return cached;
  const names: AppName[] = [];
  const keys = new Set<string>();
  for (const [label, spellings] of spellingsOf(options['apps'], lists)) {
    for (const spelling of Array.isArray(spellings) ? spellings : [spellings]) {
      if (typeof spelling !== 'string') continue;
      // Compared in the skeleton's form, where `whatsapp` is already `whatsap`. A shared list's
      // names too short to compare (`ig`, `snap`) are passed over: a misspelling of them is another word.
      const key = skeletonize(spelling).text;
      if (isComparable(spelling) && !keys.has(key)) {
        keys.add(key);
        names.push({ label, key });
      }
    }
  }
  const before = new Set(
    (Array.isArray(options['before']) ? options['before'] : []).filter((w): w is string => typeof w === 'string').map((w) => skeletonize(w).text),
  );
  const lengths = names.map((n) => n.key.length);
  const initials = new Uint8Array(128);
  for (const name of names) initials[name.key.charCodeAt(0)] = 1;
  const config: Config = { names, before, shortest: Math.min(...lengths) - 1, longest: Math.max(...lengths) + 1, initials };
  byOptions.set(options, config);
  return config;
}

/** True for a spelling that is compared: letters only and long enough in its skeleton form. */
function isComparable(spelling: string): boolean {
  const key = skeletonize(spelling).text;
  return /^[a-z]+$/.test(key) && key.length >= MIN_LENGTH;
}

/**
 * A necessary condition for one edit: outside a shared prefix and suffix at most two letters
 * differ (a transposition touches two). The distance, which allocates a table per call, then
 * runs only for the few words that pass.
 */
function mayBeOneEdit(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return prefix + suffix >= Math.max(a.length, b.length) - 2;
}

/** The app a word misspells (one edit, same first letter), or undefined for exact names and other words. */
export function misspelledApp(word: string, names: readonly AppName[]): AppName | undefined {
  // The name itself, its plural (`snapchats`) or its singular (`hangout` of `hangouts`) is not a misspelling.
  for (const name of names) if (name.key === word || word === `${name.key}s` || `${word}s` === name.key) return undefined;
  for (const name of names) {
    // Cheap filters first: a typo keeps the first letter and the length within one.
    if (name.key[0] !== word[0] || Math.abs(name.key.length - word.length) > 1 || !mayBeOneEdit(word, name.key)) continue;
    if (damerauLevenshtein(word, name.key) <= 1) return name;
  }
  return undefined;
}

function detectMisspelledApps({ views, options, lists }: DetectorContext): DetectorMatch[] {
  const config = configOf(options, lists);
  if (config.names.length === 0) return [];
  const text = views.skeleton.text;
  const out: DetectorMatch[] = [];
  // Words are runs of a-z. Only a word of an app name's length and first letter is sliced out of
  // the text; the two words before it only when it is a misspelling (a long message has many words).
  const before = config.before;
  const wordAt = (start: number, end: number) => (start < 0 ? '' : text.slice(start, end));
  let lastStart = -1;
  let lastEnd = -1;
  let secondStart = -1;
  let secondEnd = -1;
  for (let i = 0; i < text.length; ) {
    if (!isLowerAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isLowerAsciiLetter(text.charCodeAt(end))) end++;
    const length = end - i;
    if (length >= config.shortest && length <= config.longest && config.initials[text.charCodeAt(i)] === 1) {
      const word = text.slice(i, end);
      const app = misspelledApp(word, config.names);
      // One of the two words before it (for the second word of the text, '' and the first; none for the first).
      if (app && (before.size === 0 || (lastStart >= 0 && (before.has(wordAt(secondStart, secondEnd)) || before.has(wordAt(lastStart, lastEnd)))))) {
        out.push({ view: 'skeleton', start: i, end, values: { app: app.label }, matched: word });
      }
    }
    secondStart = lastStart;
    secondEnd = lastEnd;
    lastStart = i;
    lastEnd = end;
    i = end;
  }
  return out;
}

/**
 * App names misspelled by one edit (`teIegram`, `whatsaap`, `instagarm`), found with
 * Damerau-Levenshtein distance on words of the skeleton view. Only words of an app name's
 * length are compared, so it stays cheap; the rule's trigger keeps it off most messages.
 */
export const misspelledAppDetector: Detector = {
  name: 'misspelled-app',
  description: 'An app name from options.apps (names, or shared lists of them) misspelled by one edit, after one of options.before.',
  placeholders: ['app'],
  optionsSchema: (z) => {
    // configOf() drops a spelling it cannot compare, so the schema refuses it instead.
    const spelling = z.string().refine(isComparable, `expected an app name of at least ${MIN_LENGTH} letters (shorter ones are too close to ordinary words)`);
    const shared = z.string().regex(/^@shared\/[A-Za-z0-9_-]+$/, 'expected a shared list of app names such as "@shared/apps"');
    return z.strictObject({
      apps: z.union([z.record(z.string().min(1), z.union([spelling, z.array(spelling).min(1)])), z.array(shared).min(1)]),
      before: z.array(z.string().min(1)).optional(),
    });
  },
  detect: detectMisspelledApps,
};
