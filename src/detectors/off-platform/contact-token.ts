import type { Detector, DetectorContext, DetectorMatch } from '../types.js';
import { eachMatch } from '../../text/regex.js';
import { workMeter } from '../../text/work-meter.js';

/** What a contact token looks like: a handle or id, an email address, or a phone-length number. */
export type ContactShape = 'handle' | 'email' | 'number';

const SHAPES: readonly ContactShape[] = ['handle', 'email', 'number'];

// ASCII only: a handle glued to Han text (`我的是lee_88`) starts where the Latin begins.
const TOKEN = /(?<![a-z0-9_.@$#-])(?:live:[a-z0-9._-]*[a-z0-9]|[@$]?[a-z0-9](?:[a-z0-9_.#-]*[a-z0-9])?)/g;
const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b/g;
// The digit view has already joined `415 555 0173`, `四一五…` and `2one2`; a letter right
// before the run means an IBAN, a plate or a model number, not a phone.
const NUMBER = /(?<![a-z0-9])\+?\d{7,15}(?![0-9])/g;
const HANDLE_MARK = /[0-9@$_.#:]/;

function isHandleMark(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x40 || code === 0x24 || code === 0x5f || code === 0x2e || code === 0x23 || code === 0x3a;
}

function onlyDots(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) !== 0x2e) return false;
  return true;
}

/** Units a token may contain: ASCII letters and digits, `_.#-:` inside, `@$` in front. */
function isTokenUnit(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x2e ||
    code === 0x23 ||
    code === 0x2d ||
    code === 0x3a ||
    code === 0x40 ||
    code === 0x24
  );
}
const TIME = /^\d{1,2}(?::\d\d)?(?:am|pm)?$/;
// `name at host dot com`, `name(at)host(dot)com`: the address spelled out to dodge filters.
const SPELLED_AT = /\(at\)|\[at\]| at /;
const SPELLED_DOT = /\(dot\)|\[dot\]| dot |\.(?:com|net|org|me|io|co|cn|uk|de|edu|info|biz)\b/;
const SPELLED_EMAIL = new RegExp(
  String.raw`(?<![a-z0-9._-])[a-z0-9][a-z0-9._-]*\s?(?:\(at\)|\[at\]|\sat\s)\s?[a-z0-9-]+` +
    String.raw`(?:\s?(?:\(dot\)|\[dot\]|\sdot\s|\.)\s?[a-z0-9-]+){0,2}\s?(?:\(dot\)|\[dot\]|\sdot\s|\.)\s?` +
    String.raw`(?:com|net|org|me|io|co|cn|uk|de|edu|info|biz)\b`,
  'g',
);

/**
 * The plain text with the spaces between single characters removed (`j a k e . w r i t e s`
 * becomes `jake.writes`), and for each unit of it the plain unit it came from.
 */
export function compactSpaced(plain: string): { text: string; from: number[] } {
  const parts: string[] = [];
  const from: number[] = [];
  const n = plain.length;
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
  for (let i = 0; i < n; i++) {
    const c = plain[i]!;
    if (isSpace(c)) {
      let j = i;
      while (j < n && isSpace(plain[j])) j++;
      const singleBefore = i >= 1 && !isSpace(plain[i - 1]) && (i < 2 || isSpace(plain[i - 2]));
      const singleAfter = j < n && (j + 1 >= n || isSpace(plain[j + 1]));
      if (singleBefore && singleAfter) {
        i = j - 1;
        continue;
      }
    }
    parts.push(c);
    from.push(i);
  }
  return { text: parts.join(''), from };
}

/**
 * True for tokens people use as account names: `@rico.driver`, `$jmoves`, `tonyd_44`,
 * `xiaowang0915`, `rina.sells`, `pixelwitch#4471`, `live:.cid.8f2a`. Plain words, prices,
 * times, versions (`v2.14.3`) and short codes (`4b`, `ps5`) are not.
 */
export function isHandleShaped(token: string): boolean {
  const prefix = token[0];
  if (prefix === '@') {
    const rest = token.slice(1);
    return rest.length >= 2 && /[a-z]/.test(rest) && !TIME.test(rest);
  }
  if (prefix === '$') return /^\$[a-z][a-z0-9_.-]{2,}$/.test(token);
  if (token.length < 4 || !/[a-z]/.test(token)) return false;
  if (token.includes('_')) return true;
  if (/^[a-z][a-z0-9]*#\d{4}$/.test(token)) return true;
  if (token.startsWith('live:')) return true;
  const segments = token.split('.');
  if (segments.length >= 2) {
    // `yep...that` is an ellipsis between two words, not a dotted name.
    if (segments.some((s) => s.length === 0)) return false;
    // `rina.sells`, `marcus.deals.77`, `k.r.i.s.s.e.l.l.s`; not `v2.14.3` or `e.g`.
    const lettered = segments.filter((s) => /[a-z]/.test(s));
    if (lettered.length >= 4 && segments.every((s) => s.length >= 1)) return true;
    return lettered.length >= 2 && lettered.every((s) => s.length >= 3 || /^[a-z]$/.test(s)) && token.length >= 6;
  }
  // Letters then at least two digits (`kimsales88`), with enough letters to be a name.
  return /^[a-z]{3,}[a-z0-9]*\d{2,}$/.test(token) && /[a-z]{4,}/.test(token);
}

/** Separator characters allowed between two digits of one number (`555 - 0173`). */
const MAX_DIGIT_GAP = 3;

// Digits in any form the digit view reads: ASCII, full-width, Chinese numerals, English words.
// Plain text is lower-case already.
const DIGIT_LIKE = /[0-9\uff10-\uff19零〇一二三四五六七八九幺两]|zero|one|two|three|four|five|six|seven|eight|nine|double|triple|\boh\b/g;
const NUMBER_WORD = /zero|one|two|three|four|five|six|seven|eight|nine|double|triple|\boh\b/;
const CJK_DIGITS = new Set('零〇一二三四五六七八九幺两');

function isDigitUnit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19) || (code >= 0x4e00 && CJK_DIGITS.has(String.fromCharCode(code)));
}

/**
 * True when the (plain, lower-case) text holds a run of at least seven digit-like units, each at
 * most three characters after the previous one (`415 555 0173`, `four one five …`, `幺三九 幺二零八`),
 * so building the digit view can pay off. Prices and times spread over a message do not count.
 */
export function mayHoldNumber(text: string): boolean {
  // Digits written as digits, found without a regex: the usual case, and most messages stop here.
  let count = 0;
  let lastEnd = -Infinity;
  for (let i = 0; i < text.length; i++) {
    if (!isDigitUnit(text.charCodeAt(i))) continue;
    count = i - lastEnd <= MAX_DIGIT_GAP ? count + 1 : 1;
    if (count >= 7) return true;
    lastEnd = i + 1;
  }
  if (!NUMBER_WORD.test(text)) return false;
  count = 0;
  lastEnd = -Infinity;
  DIGIT_LIKE.lastIndex = 0;
  for (let m = DIGIT_LIKE.exec(text); m !== null; m = DIGIT_LIKE.exec(text)) {
    count = m.index - lastEnd <= MAX_DIGIT_GAP ? count + 1 : 1;
    if (count >= 7) return true;
    lastEnd = m.index + m[0].length;
  }
  return false;
}

function wantedShapes(options: Readonly<Record<string, unknown>>): ReadonlySet<ContactShape> {
  const raw = options['shapes'];
  if (!Array.isArray(raw)) return new Set(SHAPES);
  return new Set(raw.filter((s): s is ContactShape => SHAPES.includes(s as ContactShape)));
}

const ignored = new WeakMap<object, RegExp | null>();

/** `options.ignore`: words that start product, room and order codes (`iphone14`, `room1203`), not handles. */
function ignoreOf(options: Readonly<Record<string, unknown>>): RegExp | null {
  if (ignored.has(options)) return ignored.get(options)!;
  const words = (Array.isArray(options['ignore']) ? options['ignore'] : [])
    .filter((w): w is string => typeof w === 'string' && /^[a-z]+$/i.test(w))
    .map((w) => w.toLowerCase());
  const regex = words.length > 0 ? new RegExp(`^[@$]?(?:${words.join('|')})[-_.#]?\\d`) : null;
  ignored.set(options, regex);
  return regex;
}

/** `pics.See`: a capital after the dot in the original text is a missing space, not a dotted name. */
function isSentenceBreak(original: string, start: number, end: number): boolean {
  return /\.[A-Z][a-z]/.test(original.slice(start, end));
}

/** One contact-shaped token of a message, in the view it was found in. */
interface Token {
  readonly shape: ContactShape;
  readonly view: 'plain' | 'digits';
  readonly start: number;
  readonly end: number;
  readonly contact: string;
}

/** How far either side of a spaced `@` a spaced-out address may reach, in plain units. */
const SPACED_REACH = 120;

// Several rules run this detector on one message; the tokens are found once per message.
const tokensByViews = new WeakMap<object, Token[]>();

function findTokens(text: string, views: DetectorContext['views']): Token[] {
  const cached = tokensByViews.get(views);
  if (cached) return cached;
  const out: Token[] = [];
  const plain = views.plain.text;
  // Plain units inside an email, so a handle-shaped part of one is not reported again.
  const inEmail = new Uint8Array(plain.length);
  const pushEmail = (start: number, end: number, contact: string) => {
    workMeter.steps += end - start;
    for (let k = start; k < end; k++) if (inEmail[k]) return;
    inEmail.fill(1, start, end);
    out.push({ shape: 'email', view: 'plain', start, end, contact });
  };
  const hasAt = plain.includes('@');
  if (hasAt) {
    for (const m of eachMatch(EMAIL, plain)) pushEmail(m.index, m.index + m[0].length, m[0]);
  }
  if (SPELLED_AT.test(plain) && SPELLED_DOT.test(plain)) {
    for (const m of eachMatch(SPELLED_EMAIL, plain)) pushEmail(m.index, m.index + m[0].length, m[0]);
  }
  if (hasAt) {
    // A spaced-out address (`j a k e @ m a i l . c o m`) still has its `@`: compact only around each one.
    for (let at = plain.indexOf('@'); at !== -1; at = plain.indexOf('@', at + 1)) {
      if (plain[at - 1] !== ' ' && plain[at + 1] !== ' ') continue;
      const from = Math.max(0, at - SPACED_REACH);
      workMeter.steps += at + SPACED_REACH - from;
      const compact = compactSpaced(plain.slice(from, at + SPACED_REACH));
      for (const m of eachMatch(EMAIL, compact.text)) {
        pushEmail(from + compact.from[m.index]!, from + compact.from[m.index + m[0].length - 1]! + 1, m[0]);
      }
    }
  }
  // Most words are plain letters; only a token with a digit or one of `@$_.#:` can be a handle,
  // so tokens are grown out from those characters instead of matching every word.
  let covered = 0;
  for (let i = 0; i < plain.length; i++) {
    if (i < covered || !isHandleMark(plain.charCodeAt(i))) continue;
    let start = i;
    while (start > 0 && isTokenUnit(plain.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < plain.length && isTokenUnit(plain.charCodeAt(end))) end++;
    covered = end;
    workMeter.steps += end - start;
    // The first mark of the run is a full stop that only dots follow ("word." ending a sentence):
    // a token ends in a letter or digit, so none here can hold a mark.
    if (plain.charCodeAt(i) === 0x2e && onlyDots(plain, i, end)) continue;
    // TOKEN characters are all token units, so its matches from `start` stay inside the run.
    TOKEN.lastIndex = start;
    for (let m = TOKEN.exec(plain); m !== null && m.index < end; m = TOKEN.exec(plain)) {
      const token = m[0];
      const tokenStart = m.index;
      const tokenEnd = tokenStart + token.length;
      if (!HANDLE_MARK.test(token)) continue;
      if (inEmail[tokenStart] || inEmail[tokenEnd - 1]) continue;
      // A link is a link rule's business, not a bare handle.
      if (plain[tokenEnd] === '/' || plain[tokenStart - 1] === '/') continue;
      if (!isHandleShaped(token)) continue;
      if (token.includes('.') && isSentenceBreak(text, views.plain.starts[tokenStart]!, views.plain.ends[tokenEnd - 1]!)) continue;
      out.push({ shape: 'handle', view: 'plain', start: tokenStart, end: tokenEnd, contact: token });
    }
  }
  if (mayHoldNumber(plain)) {
    const digits = views.digits.text;
    for (const m of eachMatch(NUMBER, digits)) {
      out.push({ shape: 'number', view: 'digits', start: m.index, end: m.index + m[0].length, contact: m[0] });
    }
  }
  tokensByViews.set(views, out);
  return out;
}

/** How far before a token `options.han` looks for Chinese characters: where the words that offer it stand. */
const HAN_REACH = 12;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether Chinese characters stand in the {@link HAN_REACH} units before the token: it is offered in Chinese. */
function offeredInChinese(views: DetectorContext['views'], token: Token): boolean {
  const view = token.view === 'plain' ? views.plain.text : views.digits.text;
  return HAN.test(view.slice(Math.max(0, token.start - HAN_REACH), token.start));
}

function detectContactTokens({ text, views, options }: DetectorContext): DetectorMatch[] {
  const shapes = wantedShapes(options);
  const ignore = ignoreOf(options);
  const han = typeof options['han'] === 'boolean' ? options['han'] : undefined;
  const out: DetectorMatch[] = [];
  for (const token of findTokens(text, views)) {
    if (!shapes.has(token.shape)) continue;
    if (token.shape === 'handle' && ignore?.test(token.contact)) continue;
    if (han !== undefined && offeredInChinese(views, token) !== han) continue;
    out.push({ view: token.view, start: token.start, end: token.end, values: { contact: token.contact, shape: token.shape } });
  }
  return out;
}

/**
 * Handle-, email- and phone-shaped tokens: what an invitation to talk elsewhere gives out. It
 * judges shape only; the rule's context words (an app name, "my number", "text me") decide
 * whether the token is offered as a way off the platform. Validating that a number is a real
 * phone, or reporting it as personal data, is the `pii` rule set's job.
 */
// Every contact token has a digit, one of `@$_#:`, a dot between letters, or spelled-out digits.
const MAY_HOLD_CONTACT = /[0-9@$_#:\uff10-\uff19\uff20零〇一二三四五六七八九幺两]|[a-z]\.[a-z]| at |\(at\)/i;
const SPELLED_PAIR = new RegExp(
  String.raw`(?:zero|one|two|three|four|five|six|seven|eight|nine|oh)[\s,.-]+(?:zero|one|two|three|four|five|six|seven|eight|nine|oh|double|triple)\b`,
  'i',
);

export const contactTokenDetector: Detector = {
  name: 'contact-token',
  description:
    'A handle, email address or phone-length number, by shape (options.shapes: handle, email, number; options.ignore: code prefixes; ' +
    'options.han: only tokens with, or without, Chinese characters right before them).',
  placeholders: ['contact', 'shape'],
  optionsSchema: (z) =>
    z.strictObject({
      shapes: z.array(z.enum(SHAPES as [ContactShape, ...ContactShape[]])).min(1).optional(),
      // ignoreOf() builds a regex from these words, so only letters are taken.
      ignore: z.array(z.string().regex(/^[a-z]+$/i, 'expected a word of letters only, such as "iphone"')).optional(),
      // true: only tokens with Chinese characters right before them (offered in Chinese); false: only tokens without.
      han: z.boolean().optional(),
    }),
  precheck: (text) => MAY_HOLD_CONTACT.test(text) || SPELLED_PAIR.test(text),
  detect: detectContactTokens,
};
