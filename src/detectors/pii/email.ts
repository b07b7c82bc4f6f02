import { noOptions, type Detector, type DetectorMatch } from '../types.js';
import { workMeter } from '../../text/work-meter.js';

/** Mail providers people name without the `.com` ("sam dot trades at gmail"). */
const PROVIDERS = new Set([
  'gmail', 'googlemail', 'hotmail', 'outlook', 'yahoo', 'ymail', 'aol', 'icloud', 'proton', 'protonmail', 'gmx', 'yandex',
  'zoho', 'fastmail', 'tutanota', 'qq', 'foxmail', '163', '126', 'sina', 'sohu', 'aliyun', 'btinternet', 'comcast',
]);

/** Top-level domains accepted when the `@` itself was written as a word (`name at host dot com`). */
const COMMON_TLDS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'io', 'me', 'co', 'uk', 'cn', 'de', 'fr', 'ca', 'au', 'jp', 'info', 'biz', 'us', 'nl',
  'pl', 'it', 'es', 'ru', 'in', 'sg', 'hk', 'tw', 'nz', 'ie', 'ch', 'se', 'no', 'dk', 'be', 'at', 'br', 'mx', 'dev', 'app',
]);

/** Words that stand before "at" in ordinary sentences ("email me at work"), never a mailbox. */
const NOT_LOCAL = new Set([
  'not', 'that', 'this', 'one', 'first', 'last', 'best', 'me', 'us', 'him', 'her', 'them', 'you', 'it', 'i', 'we', 'home', 'work',
  'least', 'all', 'once', 'look', 'be', 'is', 'am', 'are', 'was', 'arrive', 'arrived', 'here', 'there', 'meet', 'see', 'stay',
]);

// A dot with a space after it but none before ends a sentence ("not at all. It's…"), so a
// spaced dot must have spaces on both sides.
const DOT = String.raw`(?:\.|\s+\.\s+|\s+dot\s+|\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*)`;
const AT_WORD = String.raw`\s+at\s+`;
const AT_SIGN = String.raw`\s*@\s*`;
const AT_BRACKET = String.raw`\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*`;
const LOCAL = String.raw`[a-z0-9][a-z0-9_%+-]*(?:${DOT}[a-z0-9_%+-]+)*`;
const DOMAIN = String.raw`[a-z0-9][a-z0-9-]*(?:${DOT}[a-z0-9-]+)*`;
const EMAIL = new RegExp(
  String.raw`(?<![a-z0-9._%+-])(${LOCAL})(${AT_SIGN}|${AT_BRACKET}|${AT_WORD})(${DOMAIN})(?![a-z0-9@_-]|\.[a-z0-9])`,
  'gy',
);
const DOT_SPLIT = new RegExp(DOT, 'g');

const SPACED_LETTERS = /(?:^| )[a-z0-9@._-](?: [a-z0-9@._-]){3}(?: |$)/;
// A run of four or more address characters, each alone between spaces (or the text's ends):
// the leftmost run is taken whole, as reading the text from the start finds it.
const SPACED_RUN = /(?<![^ ])[a-z0-9@._-](?: [a-z0-9@._-](?![^ ])){3,}/g;

/**
 * Collapses letters written one by one (`j a k e . w r i t e s @ p r o t o n . m e`) so the
 * address can be read; `map[i]` is the plain offset of compact unit `i`. Only the runs are
 * rebuilt; the text between them is copied as slices.
 */
function compactSpacedLetters(text: string): { text: string; map: Int32Array | undefined } {
  // Most messages have no letters spelled one by one: then the text is its own compact form.
  if (!SPACED_LETTERS.test(text)) return { text, map: undefined };
  const runs: { start: number; end: number }[] = [];
  let removed = 0;
  SPACED_RUN.lastIndex = 0;
  for (let m = SPACED_RUN.exec(text); m !== null; m = SPACED_RUN.exec(text)) {
    runs.push({ start: m.index, end: m.index + m[0].length });
    removed += (m[0].length - 1) / 2;
  }
  if (runs.length === 0) return { text, map: undefined };
  const map = new Int32Array(text.length - removed);
  const parts: string[] = [];
  let length = 0;
  let copied = 0;
  for (const { start, end } of runs) {
    parts.push(text.slice(copied, start));
    for (let i = copied; i < start; i++) map[length++] = i;
    let letters = '';
    for (let i = start; i < end; i += 2) {
      letters += text[i];
      map[length++] = i;
    }
    parts.push(letters);
    copied = end;
  }
  parts.push(text.slice(copied));
  for (let i = copied; i < text.length; i++) map[length++] = i;
  return { text: parts.join(''), map };
}

/** Reads the address as it would be typed, or undefined when the parts do not make one. */
function readAddress(local: string, at: string, domain: string): string | undefined {
  const localParts = local.split(DOT_SPLIT);
  const labels = domain.split(DOT_SPLIT);
  const tld = labels[labels.length - 1]!;
  const spelled = !at.includes('@') || /[(\[{<]/.test(at) || /dot|[(\[{<]/.test(local + domain);
  if (labels.length >= 2) {
    if (!/^[a-z]{2,24}$/.test(tld)) return undefined;
    // With the @ written as a word or set apart by spaces ("the gram @muscle.movers.atx" is a
    // handle), only a real top-level domain or a known provider makes an address.
    if ((/^\s+at\s+$/.test(at) || /\s/.test(at)) && !COMMON_TLDS.has(tld) && !PROVIDERS.has(labels[0]!)) return undefined;
  } else if (!spelled || !PROVIDERS.has(labels[0]!)) {
    return undefined;
  }
  if (/^\s+at\s+$/.test(at) && (NOT_LOCAL.has(localParts[localParts.length - 1]!) || local.length < 2)) return undefined;
  return `${localParts.join('.')}@${labels.join('.')}${labels.length === 1 ? '.com' : ''}`;
}

// Without an `@` or the word "dot", a spelled-out address has "at" in brackets, or "at" as a
// word and then a provider or a dot (`kim at hotmail.com`); plain `includes` go first because
// the precheck runs on every message.
const PROVIDER_NAME = new RegExp([...PROVIDERS].join('|'), 'i');

/**
 * Email addresses, plain (`jo@mail.com`, full-width `＠` through the plain view) or spelled out
 * to get past filters: `name at gmail dot com`, `name(at)mail(dot)com`, `name[@]mail.com`,
 * letters spaced one by one, or a well-known provider without its `.com`.
 */
export const emailDetector: Detector = {
  name: 'email',
  optionsSchema: noOptions,
  description: 'An email address, plain or spelled out.',
  placeholders: ['address'],
  precheck: (text) => {
    if (text.includes('@') || text.includes('＠') || text.includes('dot') || text.includes('DOT') || text.includes('Dot')) return true;
    if (/[(\[{<]\s*at\s*[)\]}>]/i.test(text)) return true;
    const wordAt = text.includes(' at ') || text.includes(' AT ') || text.includes(' At ');
    return wordAt && (/\.[a-z]{2}/i.test(text) || PROVIDER_NAME.test(text));
  },
  detect({ views }) {
    const plain = views.plain.text;
    const compact = compactSpacedLetters(plain);
    const text = compact.text;
    const out: DetectorMatch[] = [];
    const find = createAddressFinder(text);
    for (let from = 0; from < text.length; ) {
      const match = find(from);
      if (!match) break;
      const { index, whole, local, at, domain } = match;
      const address = readAddress(local, at, domain);
      if (!address) {
        from = index + 1;
        continue;
      }
      const map = compact.map;
      const start = map ? map[index]! : index;
      const end = (map ? map[index + whole.length - 1]! : index + whole.length - 1) + 1;
      const spelled = address !== whole;
      out.push({
        view: 'plain',
        start,
        end,
        entity: 'email',
        matched: address,
        values: { address },
        ...(spelled ? { steps: [{ kind: 'detector', delta: 0, note: `spelled out to avoid filters, reads ${address}` }] } : {}),
      });
      from = index + whole.length;
    }
    return out;
  },
};

const WORD_AT_TAIL = new RegExp(`^[a-z0-9-]+(?:\\s*\\.|\\s+dot\\b|\\s*[(\\[{<]\\s*(?:dot|\\.))|^(?:${[...PROVIDERS].join('|')})\\b`);
const AT_MARKERS = ['@', ' at ', '(at', '[at', '{at', '<at', '( at', '[ at', '{ at', '< at'];
/** The longest local part (with spelled-out dots) looked for before an at-marker. */
const LOCAL_REACH = 96;

/**
 * The longest text an address match may span. The expression is tried on a window this long:
 * a chain of labels and spelled-out dots (`a dot at dot dot dot …`) could otherwise run to the
 * end of a long message from every word start, which is quadratic.
 */
const MATCH_REACH = LOCAL_REACH + 256;

/**
 * Positions of the ways of writing "@", in order. Each marker is searched once per message
 * (searching every marker again from each position would be quadratic on a long message).
 */
function markerPositions(text: string): number[] {
  const positions: number[] = [];
  for (const marker of AT_MARKERS) for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) positions.push(at);
  return positions.sort((x, y) => x - y);
}

/** An address match, offsets in the text searched. */
interface AddressMatch {
  readonly index: number;
  readonly whole: string;
  readonly local: string;
  readonly at: string;
  readonly domain: string;
}

/**
 * A function giving the first address match at or after `from`, for `from` that never
 * decreases. The expression is sticky and tried only at word starts a little before an
 * at-marker, so a long message without addresses costs a few `indexOf`s; the markers behind
 * `from` are passed once for the whole message, not once per call.
 */
function createAddressFinder(text: string): (from: number) => AddressMatch | undefined {
  const markers = markerPositions(text);
  let next = 0;
  return (from) => {
    while (next < markers.length && markers[next]! < from) next++;
    let tried = from;
    for (let m = next; m < markers.length; m++) {
      const marker = markers[m]!;
      workMeter.steps++;
      // "at" as a word is everywhere; it can only be an address's when a dot or a provider follows.
      if (text.charCodeAt(marker) === 0x20 && !WORD_AT_TAIL.test(text.slice(marker + 4, marker + 48))) continue;
      for (let i = Math.max(tried, marker - LOCAL_REACH); i <= marker; i++) {
        workMeter.steps++;
        const unit = text.charCodeAt(i);
        if (!((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39))) continue;
        // The address must start a word, so only word starts are tried.
        if (i > 0 && /[a-z0-9._%+-]/.test(text[i - 1]!)) continue;
        const window = text.slice(i, i + MATCH_REACH);
        workMeter.steps += window.length;
        EMAIL.lastIndex = 0;
        const match = EMAIL.exec(window);
        // A match that reaches the end of a cut window might go on: too long for an address.
        if (!match || (match[0].length === window.length && i + window.length < text.length)) continue;
        return { index: i, whole: match[0], local: match[1]!, at: match[2]!, domain: match[3]! };
      }
      tried = marker + 1;
    }
    return undefined;
  };
}
