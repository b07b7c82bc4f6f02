import { noOptions, type Detector, type DetectorMatch } from '../types.js';
import { eachMatch } from '../../text/regex.js';
import { workMeter } from '../../text/work-meter.js';

// Street types that make "<number> <name> <type>" an address on their own.
const STRONG_TYPES = [
  'street', 'st', 'avenue', 'ave', 'av', 'road', 'rd', 'lane', 'ln', 'drive', 'dr', 'boulevard', 'blvd', 'court', 'ct',
  'crescent', 'cres', 'terrace', 'tce', 'parkway', 'pkwy', 'highway', 'hwy', 'place', 'pl', 'circle', 'cir', 'trail', 'trl',
  'close', 'mews', 'gardens', 'gdns', 'grove', 'way', 'square', 'sq', 'alley', 'quay', 'wharf', 'esplanade', 'plaza',
];
// Types that are everyday words too ("3 in a row", "10 min walk"): need a capitalised name or an address word.
const WEAK_TYPES = ['row', 'walk', 'hill', 'park', 'view', 'green', 'rise', 'vale', 'end', 'gate', 'heights', 'point'];

const NUMBER_WORDS =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|' +
    'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
// A house number may carry a letter (12b), but not one that makes it a quantity (631k, 5m, 2x).
const HOUSE = `(?:\\d{1,5}(?:[a-hj](?![a-z]))?(?:-\\d{1,4})?|${NUMBER_WORDS})`;
// A word of a street name, or an ordinal (5th Ave, 42nd Street).
const NAME_WORD = "(?:[a-z][a-z'.-]*|\\d{1,3}(?:st|nd|rd|th))";
// Every house number starts with a digit or one of o, t, f, s, e, n (one, two, … ten, eleven):
// the leading lookahead lets the regex give up at once everywhere else.
const EN_ADDRESS = new RegExp(
  `(?=[\\dotfsen])(?<![\\w$£€.,:-]|[a-z]/)(${HOUSE})\\s+` +
    `((?:(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\\.?\\s+)?(?:${NAME_WORD}\\s+){0,3})` +
    `(${[...STRONG_TYPES, ...WEAK_TYPES].join('|')})\\b\\.?`,
  'g',
);
// One word that is a whole street name: Queensway, Broadway, Kingsgate.
const EN_ONE_WORD = new RegExp(`(?=[\\dotfsen])(?<![\\w$£€.,/:-])(${HOUSE})\\s+([a-z]{3,}(?:way|gate))\\b`, 'g');
const UNIT_BEFORE = /(?:(?:rm|room|unit|flat|apt|apartment|suite|ste)\.?\s*#?\s*\d{1,5}[a-z]?\s*,?\s*)$/;
const UNIT_AFTER = /^\s*,?\s*(?:unit|apt|apartment|suite|ste|flat|rm|room|#)\.?\s*#?\s*\d{1,5}[a-z]?/;

// A street type as a word, or the end of a one-word street name (Queensway, Kingsgate).
const STREET_WORD = new RegExp(`\\b(?:${[...STRONG_TYPES, ...WEAK_TYPES].join('|')})\\b|[a-z](?:way|gate)\\b`, 'i');

// Words that say what follows is where someone is: they vouch for a lower-case or weak street.
const ADDRESS_WORDS = new RegExp(
  String.raw`\b(?:address|live[sd]?|living|pick(?:up|ing)?|drop(?:off)?|ship|deliver|send|come|visit|post|moved?|stay(?:ing)?|origin|destination)\b|` +
    String.raw`地址`,
);

/** Institutions and places named like streets ("2064 Supreme Court", "the food court"). */
const NOT_STREET = new Set([
  'supreme court', 'high court', 'crown court', 'district court', 'county court', 'appeals court', 'food court', 'tennis court',
  'basketball court', 'federal court', 'family court', 'magistrates court',
]);

/** Words that never make up a street name: the number before them is a quantity. */
const NOT_NAME = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'of', 'to', 'for', 'from', 'and', 'or', 'my', 'your', 'his', 'her', 'our', 'their',
  'more', 'other', 'min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'hr', 'hrs', 'second', 'seconds', 'day', 'days',
  'week', 'weeks', 'month', 'months', 'year', 'years', 'block', 'blocks', 'mile', 'miles', 'km', 'times', 'time', 'star',
  'stars', 'box', 'boxes', 'people', 'guys', 'car', 'cars', 'bags', 'items', 'is', 'was', 'are', 'it', 'that', 'this',
  'just', 'only', 'about', 'over', 'under', 'by', 'with', 'no', 'not', 'per', 'each', 'every', 'extra', 'lane', 'way',
  'bucks', 'dollars', 'pounds', 'floor', 'floors', 'step', 'steps', 'stop', 'stops', 'exit', 'gate', 'platform', 'door',
  'doors', 'less', 'than', 'as', 'so', 'too', 'very', 'lb', 'lbs', 'kg', 'ft', 'feet', 'meters', 'metres', 'story', 'storey',
  'big', 'small', 'new', 'old', 'good', 'bad', 'free', 'but', 'followers', 'likes', 'views', 'subscribers', 'points', 'goals',
  'if', 'we', 'you', 'i', 'he', 'she', 'they', 'me', 'them', 'u', 'ur',
]);

/** Chinese numerals as used in house and room numbers (三号楼, 十二栋). */
const ZH_NUM = '[0-9一二三四五六七八九十百零〇两]{1,5}';
const ZH_ROAD = `[\\u4e00-\\u9fff]{1,10}?(?:大道|路|街|道|巷|弄|胡同|里)`;
const ZH_PARTS = `(?:${ZH_NUM}(?:号院|号楼|號樓|栋|幢|座|楼|单元|室|层|号|號)|[-－]?\\d{1,5}(?![0-9]))`;
const ZH_ESTATE = '[\\u4e00-\\u9fff]{1,10}?(?:小区|花园|公寓|大厦|苑|新村|家园|广场|社区|村|大楼)';
// After the house number: a building (中石化大厦, 现代城), a tower or block (b塔, a座), rooms.
const ZH_BUILDING = `(?:[\\u4e00-\\u9fffa-z]{1,12}?(?:大厦|大楼|中心|广场|公寓|花园|小区|城|苑|院))?(?:[a-z0-9]{1,3}(?:座|塔|栋|幢|区))?`;
const ZH_ADDRESS = new RegExp(
  `((?:${ZH_ROAD}${ZH_NUM}(?:号|號)院?${ZH_BUILDING}(?:${ZH_PARTS})*)|` +
    `(?:${ZH_ESTATE}(?:${ZH_PARTS}){2,})|` +
    `(?:${ZH_NUM}(?:号楼|栋|幢|座)${ZH_NUM}单元${ZH_NUM}(?:室|号)?))`,
  'g',
);
// What every Chinese address found here contains: a road and a house number, an estate, or a unit.
// Tested first because the address pattern is costly on long Chinese text.
const ZH_HINT = new RegExp(
  String.raw`(?:大道|路|街|道|巷|弄|胡同|里)[0-9一二三四五六七八九十百零〇两]{1,5}[号號]|` +
    String.raw`小区|花园|公寓|大厦|苑|新村|家园|广场|社区|村|大楼|单元`,
);

// Characters a Chinese address never starts with: they end the words before it (地址改到…, 住在…).
const ZH_LEAD = /^.*[到在是址住送寄往给于去:：,，。的我你他她]/;

/**
 * Street addresses with a house number: English (`1842 W Belmont Ave`, `twelve Oak Street`,
 * `Rm 1402, 88 Queensway`) and Chinese (`张杨路500号1806室`, `望京街10号院3号楼`, `阳光小区3栋2单元`).
 * A street named without a number, a floor, a flat number alone and a postcode alone are not
 * addresses.
 */
export const addressDetector: Detector = {
  name: 'address',
  optionsSchema: noOptions,
  description: 'A street address with a house number (English or Chinese).',
  // Every address this finds has a street type (or 号/栋/单元/室), so a message without one is skipped.
  precheck: (text) =>
    /[0-9０-９]/.test(text)
      ? STREET_WORD.test(text) || /[号號栋单元室]/.test(text)
      : /[号號栋单元室]/.test(text) ||
        (/one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty\b/i.test(text) && STREET_WORD.test(text)),
  detect({ text, views }) {
    const plain = views.plain.text;
    const out: DetectorMatch[] = [];
    workMeter.steps += 2 * plain.length;
    for (const match of eachMatch(EN_ADDRESS, plain)) {
      workMeter.steps++;
      const name = match[2]!.trim();
      const type = match[3]!;
      const words = name.split(/\s+/).filter(Boolean);
      if (words.length === 0 || words.some((w) => NOT_NAME.has(w.replace(/\.$/, '')))) {
        // Let a later number in the same words start its own try ("3 more blocks to 12 Oak St").
        EN_ADDRESS.lastIndex = match.index + match[1]!.length;
        continue;
      }
      if (NOT_STREET.has(`${words[words.length - 1]} ${type}`)) continue;
      const spelled = /^[a-z]/.test(match[1]!);
      const weak = spelled || WEAK_TYPES.includes(type) || type === 'way' || type === 'place' || type === 'close' || type === 'square' || type === 'court';
      const original = text.slice(views.plain.starts[match.index]!, views.plain.ends[match.index + match[0].length - 1]!);
      const capitalised = /\s[A-Z]/.test(original);
      const lead = plain.slice(Math.max(0, match.index - 40), match.index);
      const told = ADDRESS_WORDS.test(lead) || /\b(?:at|to|is)\s+$/.test(lead);
      if (weak && !capitalised && !told) continue;
      // A spelled-out number before a weak street type is a count ("One World Government End").
      if (spelled && WEAK_TYPES.includes(type)) continue;
      // Several lower-case words before a street type read as a sentence, not a name.
      if (!capitalised && words.length > 2 && !told) continue;
      out.push(withUnits(plain, match.index, match.index + match[0].length, capitalised ? 0.8 : 0.7));
    }
    for (const match of eachMatch(EN_ONE_WORD, plain)) {
      const original = text.slice(views.plain.starts[match.index]!, views.plain.ends[match.index + match[0].length - 1]!);
      if (!/\s[A-Z]/.test(original) || /(?:sub|any|half|rail|door|hall|gate|run|drive|free|express)way$/.test(match[2]!)) continue;
      out.push(withUnits(plain, match.index, match.index + match[0].length, 0.7));
    }
    if (ZH_HINT.test(plain)) {
      for (const match of eachMatch(ZH_ADDRESS, plain)) {
        const lead = ZH_LEAD.exec(match[0]);
        const cut = lead ? lead[0].length : 0;
        const start = match.index + cut;
        if (match[0].length - cut < 4) continue;
        out.push({ view: 'plain', start, end: match.index + match[0].length, entity: 'address', score: 0.8 });
      }
    }
    return out;
  },
};

/** The address span grown over a unit or room number written next to it. */
function withUnits(plain: string, start: number, end: number, score: number): DetectorMatch {
  const before = UNIT_BEFORE.exec(plain.slice(Math.max(0, start - 24), start));
  const after = UNIT_AFTER.exec(plain.slice(end, end + 24));
  return {
    view: 'plain',
    start: before ? start - before[0].length : start,
    end: after ? end + after[0].length : end,
    entity: 'address',
    score,
  };
}
