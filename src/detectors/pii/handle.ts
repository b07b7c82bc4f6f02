import type { Detector, DetectorContext, DetectorMatch } from '../types.js';
import { detectorSteps } from '../steps.js';
import type { ExplanationStep } from '../../engine/types.js';
import { allMatches } from '../../text/regex.js';
import { isLowerAsciiAlnum, isLowerAsciiLetter } from '../../text/char-class.js';
import { workMeter } from '../../text/work-meter.js';

/** Letters people swap into app names to slip past filters (`c@shapp`, `wh@tsapp`, `1nsta`). */
const LETTER_FORMS: Readonly<Record<string, string>> = { a: '[a@4]', e: '[e3]', i: '[i1!]', o: '[o0]', s: '[s$5]', t: '[t7]' };

function namePattern(name: string): string {
  // Latin names may be written letter by letter (`W e C h a t`, `w.e.c.h.a.t`).
  return [...name]
    .map((ch) => (ch === ' ' ? '\\s?' : (LETTER_FORMS[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))))
    .join(/^[a-z ]+$/.test(name) ? '[\\s.*_-]?' : '\\s?');
}

interface AppName {
  readonly app: string;
  readonly name: string;
  /** Also an ordinary word ("stand in line", "oh snap", "a fb post"): an app only before an unmistakable id. */
  readonly ambiguous: boolean;
}

/** The app names a rule gives the detector, compiled once per rule and lists. */
interface AppNames {
  readonly names: readonly AppName[];
  /** Every name with its spelled-out forms, one capture group per name, in the order of `names`. */
  readonly pattern: RegExp;
  // The names as written, by first character, tried first: a lookup per character is many times
  // faster than a regex alternation of every spelled-out form, which runs only when they fail.
  readonly byFirst: ReadonlyMap<string, readonly AppName[]>;
  /** Which code units begin some app's name: most of a text is passed over by one array read. */
  readonly beginsName: Uint8Array;
}

const compiled = new WeakMap<object, WeakMap<object, AppNames>>();

/** The names of the lists `options.apps` and `options.ambiguous` name (`@shared/apps`), longest first. */
function appNamesOf(options: Readonly<Record<string, unknown>>, lists: DetectorContext['lists']): AppNames {
  let byOptions = compiled.get(lists);
  if (!byOptions) compiled.set(lists, (byOptions = new WeakMap()));
  const cached = byOptions.get(options);
  if (cached) return cached;
  const read = (key: string, ambiguous: boolean): AppName[] =>
    (Array.isArray(options[key]) ? (options[key] as unknown[]) : [])
      .filter((ref): ref is string => typeof ref === 'string')
      .flatMap((ref) => (lists[ref.slice(1)] ?? []).map(({ term, label }) => ({ app: label, name: term.toLowerCase(), ambiguous })));
  const seen = new Set<string>();
  const names = [...read('ambiguous', true), ...read('apps', false)]
    .filter(({ name }) => name !== '' && !seen.has(name) && seen.add(name))
    .sort((a, b) => b.name.length - a.name.length);
  const byFirst = new Map<string, AppName[]>();
  const beginsName = new Uint8Array(0x10000);
  for (const entry of names) {
    byFirst.set(entry.name[0]!, [...(byFirst.get(entry.name[0]!) ?? []), entry]);
    beginsName[entry.name.charCodeAt(0)] = 1;
  }
  // No name matches nothing (`(?!)`) rather than everything.
  const pattern = new RegExp(names.length === 0 ? '(?!)' : names.map(({ name }) => `(${namePattern(name)})`).join('|'), 'g');
  const out: AppNames = { names, pattern, byFirst, beginsName };
  byOptions.set(options, out);
  return out;
}

/** Words between an app's name and the handle that keep the two together ("IG: @x", "snap? mine is x", 微信号是x). */
const CONNECTOR = new RegExp(
  String.raw`^(?:\s|[:=\-–—,(（?？!！~>→👉]|me|is|it's|its|id|ids|handle|username|user|name|account|acc|mine|my|ur|your|on|at|app|add|` +
    String.raw`search|find|号|號|是|为|搜|加|搜索|账号|帐号|id号|名|叫|:|的|细聊|私聊|聊|联系|联系我)+`,
  'u',
);
const TOKEN = /^(?:live:[a-z0-9._-]{3,40}|[@$]?[a-z0-9_][a-z0-9._-]{1,38}[a-z0-9_](?:#\d{4})?)/;
const QQ_NUMBER = /^(?:\s|[:=#-]|号|號|是|为|号码|number|no\.?|id)*([1-9](?:[\s-]?\d){4,11})(?!\d)/;

// Written forms that have digits or underscores and still are no handle: times, amounts, ordinals, models.
const NOT_HANDLE = /^(?:\d+(?:am|pm|st|nd|rd|th|s|k|m|kg|km|mins?|hrs?|h|g|gb|mb|x|p|pcs|mph)|(?:v|ps|mp|iphone|covid|h|no)\d+|\d+[./-]\d+(?:[./-]\d+)*)$/;
const URL_END = /\.(?:com|net|org|io|me|co|cn|uk|de|app|dev|ly|gg|tv|us|info|biz)$/;

/** What kind of token follows an app's name. */
function handleShape(token: string, loose: boolean): 'strong' | 'weak' | undefined {
  if (token.length < 3 || NOT_HANDLE.test(token.replace(/^[@$]/, ''))) return undefined;
  if (URL_END.test(token) || token.includes('@', 1)) return undefined;
  if (/^live:/.test(token) || /#\d{4}$/.test(token)) return 'strong';
  const body = token.replace(/^[@$]/, '');
  if (/^\d+$/.test(body)) return undefined;
  if (token.startsWith('@') || (token.startsWith('$') && /^[a-z]/.test(body))) return 'strong';
  // Leetspeak words (s4me, numb3r, pr0file) have single digits standing in for letters.
  if (/^[a-z]+(?:[013457][a-z]+)+$/.test(body)) return undefined;
  if (/[a-z]/.test(body) && (/\d/.test(body) || body.includes('_') || /[a-z]\.[a-z0-9]/.test(body))) return 'strong';
  if (loose && /^[a-z][a-z.-]{4,}$/.test(body) && !COMMON_WORDS.has(body)) return 'weak';
  return undefined;
}

/** English words that follow "wechat:" or "my ig is" without being an id. */
const COMMON_WORDS = new Set([
  'there', 'later', 'maybe', 'please', 'thanks', 'right', 'never', 'again', 'instead', 'today', 'tonight', 'tomorrow', 'about',
  'after', 'before', 'where', 'which', 'while', 'since', 'still', 'should', 'would', 'could', 'first', 'private', 'public',
  'broken', 'blocked', 'banned', 'better', 'faster', 'easier', 'cheaper', 'better', 'every', 'nothing', 'something',
  'account', 'profile', 'message', 'messages', 'details', 'number', 'contact', 'either', 'other', 'whatever', 'though',
]);

const BEFORE_CONNECTOR = /\s+(?:on|at|via|is\s+my|is\s+on)\s+(?:my\s+|the\s+)?$/;
const BEFORE_TOKEN = /(?:^|[^a-z0-9@._-])([@$]?[a-z0-9_][a-z0-9._-]{1,38}[a-z0-9_])$/;

/** One app name found in the plain view. */
interface Mention extends AppName {
  readonly start: number;
  readonly end: number;
}

function findMentions(plain: string, apps: AppNames): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < plain.length; i++) {
    const unit = plain.charCodeAt(i);
    if (apps.beginsName[unit] === 0) continue;
    // A Latin name inside a word is never whole (see isWhole): not worth the lookup.
    if (isLowerAsciiLetter(unit) && i > 0 && isLowerAsciiAlnum(plain.charCodeAt(i - 1))) continue;
    const candidates = apps.byFirst.get(plain[i]!)!;
    for (const entry of candidates) {
      const { name } = entry;
      if (!plain.startsWith(name, i) || !isWhole(plain, name, i, i + name.length)) continue;
      out.push({ ...entry, start: i, end: i + name.length });
      i += name.length - 1;
      break;
    }
  }
  workMeter.steps += plain.length;
  // The spelled-out forms are costly to look for: only when letters stand apart or swap for symbols.
  if (out.length > 0 || !SPELLED_HINT.test(plain)) return out;
  workMeter.steps += plain.length;
  for (const match of allMatches(apps.pattern, plain)) {
    const entry = apps.names[match.slice(1).findIndex((g) => g !== undefined)]!;
    if (isWhole(plain, entry.name, match.index, match.index + match[0].length)) out.push({ ...entry, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

const SPELLED_HINT = /[a-z][\s.*_-][a-z][\s.*_-][a-z]|[a-z][@$0-9!][a-z]|[0-9@$!][a-z]/;

/** Latin names are whole words: `ig` is not in `big`, `tg` not in `btg`, `v` not in `v2`'s word. */
function isWhole(plain: string, name: string, start: number, end: number): boolean {
  if (/[a-z]/.test(name[0]!) && /[a-z0-9]/.test(plain[start - 1] ?? '')) return false;
  return !(/[a-z]$/.test(name) && /[a-z]/.test(plain[end] ?? ''));
}

/** Where a run of connector words after an app's name ends, or where a labelled id starts after a colon. */
function handleStarts(plain: string, from: number): number[] {
  const starts: number[] = [];
  const window = plain.slice(from, from + 48);
  const connector = CONNECTOR.exec(window);
  starts.push(from + (connector ? connector[0].length : 0));
  // "weixin me if you wanna talk about it: dragon_mover": a colon a few words on labels the id.
  const colon = window.search(/[:：]\s*[@$]?[a-z0-9_]/);
  if (colon >= 0 && !/[.!?。！？]\s/.test(window.slice(0, colon))) {
    const after = window.slice(colon + 1).search(/\S/);
    starts.push(from + colon + 1 + after);
  }
  return starts;
}

/** `options.apps` and `options.ambiguous`: shared lists of app names, labelled by app. */
const LIST_REFERENCES = ['apps', 'ambiguous'] as const;

/**
 * Account ids given for a messaging, social or payment app: "WeChat: jay_88", "my IG is @x",
 * "TG @mover_uk", 微信号 abc123, "venmo me @name", cashtags, Discord tags, and QQ numbers after
 * QQ/扣扣/企鹅. The id must come right after the app's name (or after a colon a few words on,
 * or right before "on <app>"), and must look like an id: an `@`, a digit, an underscore or an
 * inner dot, so "add me on WeChat tonight" has no handle. The app names are data: the shared lists
 * a rule names in `options.apps`, and in `options.ambiguous` those that are also ordinary words
 * and count only before an unmistakable id. Exported for reuse by name (`handle`); it has no
 * precheck, so a rule using it should have the same lists as its `trigger`, as pii's does.
 */
export const handleDetector: Detector = {
  name: 'handle',
  optionsSchema: (z) => {
    const reference = z.string().regex(/^@shared\/[A-Za-z0-9_-]+$/, 'expected a shared list of app names such as "@shared/apps"');
    return z.strictObject(Object.fromEntries(LIST_REFERENCES.map((key) => [key, z.array(reference).min(1).optional()])));
  },
  description: 'An account id given for a messaging, social or payment app named in options.apps or options.ambiguous.',
  placeholders: ['app', 'handle'],
  detect({ text, views, options, lists }) {
    const plainView = views.plain;
    const plain = plainView.text;
    const out: DetectorMatch[] = [];
    const taken = new Set<number>();
    for (const mention of findMentions(plain, appNamesOf(options, lists))) {
      workMeter.steps++;
      const ambiguous = mention.ambiguous;
      // QQ ids are numbers: a number after QQ's own name (not after "penguin") is one.
      if (mention.app === 'QQ' && !ambiguous) {
        const qq = QQ_NUMBER.exec(plain.slice(mention.end, mention.end + 40));
        if (qq && !/群|订单|单号|order/.test(plain.slice(mention.end, mention.end + qq.index + qq[0].length - qq[1]!.length))) {
          const start = mention.end + qq[0].length - qq[1]!.length;
          const digits = qq[1]!.replace(/\D/g, '');
          if (digits.length >= 5 && digits.length <= 11 && !taken.has(start)) {
            taken.add(start);
            out.push(handleMatch(start, start + qq[1]!.length, mention.app, digits, 0.8));
            continue;
          }
        }
      }
      let found = false;
      for (const start of handleStarts(plain, mention.end)) {
        const token = TOKEN.exec(plain.slice(start))?.[0]?.replace(/[._-]+$/, '');
        if (!token || taken.has(start)) continue;
        // "pics.See if…": a capital after the dot starts a sentence; the dot is no part of an id.
        if (/\.[A-Z][a-z]/.test(text.slice(plainView.starts[start]!, plainView.ends[start + token.length - 1]!))) continue;
        const chinese = /[\u4e00-\u9fff]/.test(mention.name) || /[:：]|id|号/.test(plain.slice(mention.end, start));
        const shape = handleShape(token, chinese && !ambiguous);
        if (!shape || (ambiguous && !/[@$_\d#]|^live:/.test(token))) continue;
        taken.add(start);
        out.push(handleMatch(start, start + token.length, mention.app, token, shape === 'strong' ? 0.8 : 0.6));
        found = true;
        break;
      }
      if (found || ambiguous) continue;
      // The id before the app: "@rico.driver on IG", "jay_88 is my wechat".
      // A name right before an app's name with nothing between is a mention ("@ann Twitter is…").
      const lead = plain.slice(Math.max(0, mention.start - 64), mention.start);
      // The connector is checked on a short tail first: the token pattern anchored at the end
      // would otherwise be tried from every position of the window.
      const connector = BEFORE_CONNECTOR.exec(lead.slice(-16));
      const before = connector ? BEFORE_TOKEN.exec(lead.slice(0, lead.length - connector[0].length).slice(-41)) : null;
      if (connector && before) {
        const token = before[1]!;
        const start = mention.start - connector[0].length - token.length;
        if (handleShape(token, false) === 'strong' && !taken.has(start)) {
          taken.add(start);
          out.push(handleMatch(start, start + token.length, mention.app, token, 0.75));
        }
      }
    }
    return out;
  },
};

/**
 * The step of each app's handles, found by the app's name (a list label: its hash is kept) rather
 * than by a note made for each match. Cleared when full: apps are labels of any policy's lists.
 */
const stepsByApp = new Map<string, readonly ExplanationStep[]>();

function appSteps(app: string): readonly ExplanationStep[] {
  let steps = stepsByApp.get(app);
  if (steps === undefined) {
    if (stepsByApp.size >= 1000) stepsByApp.clear();
    stepsByApp.set(app, (steps = detectorSteps(`${app} account id`)));
  }
  return steps;
}

function handleMatch(start: number, end: number, app: string, handle: string, score: number): DetectorMatch {
  return {
    view: 'plain',
    start,
    end,
    entity: 'handle',
    score,
    matched: handle,
    values: { app, handle },
    steps: appSteps(app),
  };
}
