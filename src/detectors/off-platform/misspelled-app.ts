import { damerauLevenshtein } from '../../text/edit-distance.js';
import { skeletonize } from '../../text/index.js';
import type { Detector, DetectorContext, DetectorMatch } from '../types.js';
import { allMatches } from '../../text/regex.js';

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
}

/** Names shorter than this are too close to ordinary words (`viber`/`fiber`, `skype`/`swipe`). */
const MIN_LENGTH = 6;
const WORD = /[a-z]+/g;

const configs = new WeakMap<object, Config>();

/** Reads `options.apps` (label → spellings) and `options.before` once per rule. */
function configOf(options: Readonly<Record<string, unknown>>): Config {
  const cached = configs.get(options);
  if (cached) return cached;
  const names: AppName[] = [];
  const apps = options['apps'];
  if (apps && typeof apps === 'object') {
    for (const [label, spellings] of Object.entries(apps as Record<string, unknown>)) {
      for (const spelling of Array.isArray(spellings) ? spellings : [spellings]) {
        if (typeof spelling !== 'string') continue;
        // Compared in the skeleton's form, where `whatsapp` is already `whatsap`.
        const key = skeletonize(spelling).text;
        if (/^[a-z]+$/.test(key) && key.length >= MIN_LENGTH) names.push({ label, key });
      }
    }
  }
  const before = new Set(
    (Array.isArray(options['before']) ? options['before'] : []).filter((w): w is string => typeof w === 'string').map((w) => skeletonize(w).text),
  );
  const lengths = names.map((n) => n.key.length);
  const config: Config = { names, before, shortest: Math.min(...lengths) - 1, longest: Math.max(...lengths) + 1 };
  configs.set(options, config);
  return config;
}

/**
 * A necessary condition for one edit: outside a shared prefix and suffix at most two letters
 * differ (a transposition touches two). natural's distance, which allocates a table per call, then
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
  // The name itself, or its plural (`snapchats`), is not a misspelling.
  for (const name of names) if (name.key === word || word === `${name.key}s`) return undefined;
  for (const name of names) {
    // Cheap filters first: a typo keeps the first letter and the length within one.
    if (name.key[0] !== word[0] || Math.abs(name.key.length - word.length) > 1 || !mayBeOneEdit(word, name.key)) continue;
    if (damerauLevenshtein(word, name.key) <= 1) return name;
  }
  return undefined;
}

function detectMisspelledApps({ views, options }: DetectorContext): DetectorMatch[] {
  const config = configOf(options);
  if (config.names.length === 0) return [];
  const text = views.skeleton.text;
  const out: DetectorMatch[] = [];
  let previous: string[] = [];
  for (const m of allMatches(WORD, text)) {
    const word = m[0];
    if (word.length >= config.shortest && word.length <= config.longest) {
      const app = misspelledApp(word, config.names);
      if (app && (config.before.size === 0 || previous.some((w) => config.before.has(w)))) {
        out.push({ view: 'skeleton', start: m.index, end: m.index + word.length, values: { app: app.label }, matched: word });
      }
    }
    previous = [previous[previous.length - 1] ?? '', word];
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
  description: 'An app name from options.apps misspelled by one edit, after one of options.before.',
  placeholders: ['app'],
  detect: detectMisspelledApps,
};
