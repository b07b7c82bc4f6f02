#!/usr/bin/env node
// Deterministic generator of chat-like messages for benchmarks and large test archives.
//
// The messages look like the chats of a moving/freight, ride-hailing, delivery and second-hand
// marketplace platform: about 72% English, 23% Simplified Chinese and 5% mixed; about 85% benign
// (including hard negatives such as "this traffic is killing me", Scunthorpe or 傻瓜相机) and 15% with
// profanity, threats, harassment, off-platform requests or personal data, often in evasive spellings.
// Problematic messages come mostly from a small pool of repeat senders, so a per-sender summary
// means something. Same seed, same corpus: the only randomness is a seeded mulberry32.
//
//   import { generateCorpus, generateArchiveLines } from './corpus.mjs';
//   generateCorpus(1000, { seed: 7 });                 // [{ id, sender, text }, ...]
//   for (const line of generateArchiveLines({ seed: 1, bytes: 1e9 })) ...   // JSONL lines ending in \n
//
// CLI (JSONL on stdout or in --out; nothing else is printed to stdout):
//   node scripts/corpus.mjs --count 100000 > corpus.jsonl
//   node scripts/corpus.mjs --bytes 1e9 --out big.jsonl        (--out *.gz writes gzip)
//   options: --seed N (default 1)
//
// Phone numbers, e-mail addresses, cards and bank accounts are fictional: UK 07700 900xxx (reserved
// for drama), US 555-01xx, Chinese numbers in the 138 0013 8000 style, example domains, Luhn-valid
// cards and mod-97-valid IBANs with random digits.

import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';

/** @typedef {{ id: string, sender: string, text: string }} CorpusMessage */
/** @typedef {() => number} Rng  a function returning a float in [0, 1) */

// ---------------------------------------------------------------------------------------------
// PRNG and helpers

/**
 * mulberry32: a small, fast 32-bit seeded PRNG.
 * @param {number} seed
 * @returns {Rng}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes an arbitrary number (including fractions and negatives) into a 32-bit seed.
 * @param {number} seed
 */
function seedToInt(seed) {
  const s = String(seed);
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * @template T
 * @param {Rng} r
 * @param {readonly T[]} xs
 * @returns {T}
 */
const pick = (r, xs) => /** @type {T} */ (xs[Math.floor(r() * xs.length)]);
/** @param {Rng} r @param {number} lo @param {number} hi inclusive */
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
/** @param {Rng} r @param {number} n */
const digits = (r, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(r() * 10));
  return s;
};
/** @param {string} s @param {number} n */
const pad = (s, n) => s.padStart(n, '0');

// ---------------------------------------------------------------------------------------------
// Fillers: word lists

const NAMES = ['Tom', 'Priya', 'Ahmed', 'Lucy', 'Wei', 'Marco', 'Olu', 'Sofia', 'Jake', 'Hannah', 'Dev', 'Mei', 'Carlos', 'Aisha', 'Ben', 'Grace', 'Ivan', 'Nora', 'Sam', 'Fatima', 'Luke', 'Zoe', 'Raj', 'Ellie'];
const TIMES = ['9:30', '10am', 'half 2', '14:15', 'quarter to six', 'noon', '8am', '11:45', '3pm', 'about 4', '7:20', '6 sharp', 'half past ten', '1pm'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'tomorrow', 'the weekend', 'the 14th', '22 March', 'Friday the 6th'];
const PLACES = ['the pharmacy', 'the Costa on Station Road', 'gate B', 'the loading bay', 'the north entrance', 'the bus stop opposite the school', 'the Tesco car park', 'exit 3', 'the main reception', 'the petrol station', 'the taxi rank', 'the back entrance', 'the corner shop', 'arrivals, door 4', 'the church car park'];
const DOORS = ['the blue door', 'the red door with the big hedge', 'the side gate', 'block C', 'the yellow house', 'the one with the ramp', 'the green garage door', 'the flat above the bakery', 'the house with the van outside', 'number 9, black railings'];
const STREETS = ['Mill Lane', 'Station Road', 'Elm Street', 'Alder Grove', 'Church Road', 'Victoria Street', 'Park Avenue', 'Carlton Road', 'Kingsway', 'Oak Drive', 'Lawson Street', 'Hastings Road', 'Maple Close', 'High Street'];
const TOWNS = ['Leeds', 'Harrogate', 'Bristol', 'Scunthorpe', 'Manchester', 'Essex', 'Brighton', 'Sheffield', 'Cardiff', 'Glasgow', 'York', 'Norwich'];
const US_CITIES = [['Springfield', 'IL'], ['Portland', 'OR'], ['Austin', 'TX'], ['Columbus', 'OH'], ['Madison', 'WI'], ['Denver', 'CO']];
const ITEMS = ['oak dining table', "kids' bike", 'PS5 controller', 'standing mirror', 'washing machine', 'bookcase', 'pram', 'desk', 'record player', 'bass amp', 'mid-century armchair', 'road bike', 'coffee machine', 'cocktail shaker set', 'baby monitor', 'camping tent', 'gaming chair', 'sewing machine', 'air fryer', 'wardrobe'];
const FURNITURE = ['sofa', 'fridge freezer', 'double bed frame', 'piano', 'wardrobe', 'chest of drawers', 'washing machine', 'dining table', 'desk', 'cocktail cabinet', 'fish tank', 'treadmill'];
const FOODS = ['pad thai', 'pizza', 'burger', 'curry', 'sushi', 'fish and chips', 'noodles', 'burrito', 'salad', 'kebab'];
const RESTAURANTS = ['Golden Wok', 'Pizza Roma', 'Bombay Spice', 'The Burger Shed', 'Sakura', 'Taco Loco', 'Noodle Bar', 'Fish Inn'];
const VEHICLES = ['silver Prius', 'white Transit van', 'black Skoda', 'red Civic', 'grey Corolla', 'blue Luton van', 'white Camry', 'green Kia'];
const FLOORS = ['second', 'third', 'fourth', 'ground', 'top', 'fifth'];
const EMOJI = ['🙂', '👍', '🙏', '😅', '😂', '🚚', '📦', '❤️', '👌', '😊', '🤞', '🙌'];
const FLIGHTS = ['BA287', 'EZY8412', 'LH921', 'FR1337', 'CA1831', 'MU5101', 'AA100', 'VS3', 'KL1008', 'U2 2213'];
const CURRENCIES = ['£', '$', '€'];

const Z_NAMES = ['王师傅', '李姐', '小陈', '张先生', '刘女士', '赵师傅', '老周', '小林', '孙老师', '黄阿姨'];
const Z_TIMES = ['八点半', '十点', '下午两点', '三点一刻', '中午十二点', '早上七点', '晚上六点半', '九点左右', '十一点前'];
const Z_DAYS = ['明天', '后天', '周六', '周日', '下周一', '今天下午', '月底', '3月14号'];
const Z_PLACES = ['小区东门', '地铁站B口', '商场北门', '菜鸟驿站', '物流园C区', '公司前台', '学校门口', '停车场入口', '二号楼楼下', '便利店门口', '公交站对面'];
const Z_ITEMS = ['傻瓜相机', '婴儿推车', '书柜', '电动车', '空调扇', '二手手机', '电饭煲', '儿童自行车', '显示器', '吉他', '投影仪', '办公椅'];
const Z_FURN = ['冰箱', '洗衣机', '沙发', '衣柜', '床垫', '钢琴', '书桌', '电视柜', '鱼缸'];
const Z_FLOORS = ['六楼', '三楼', '十二楼', '一楼', '顶楼', '五楼'];
const Z_COMMUNITIES = ['幸福小区', '阳光花园', '锦绣家园', '翠湖苑', '金地名园', '和平里小区'];
const Z_CITIES = [['上海市', '浦东新区', '张杨路'], ['北京市', '朝阳区', '建国路'], ['广州市', '天河区', '天河北路'], ['深圳市', '南山区', '科技园路'], ['杭州市', '西湖区', '文三路'], ['成都市', '武侯区', '人民南路']];
const Z_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const Z_FOOD = ['麻辣烫', '黄焖鸡', '奶茶', '煎饼果子', '炸鸡', '盖浇饭', '牛肉面'];

// Profanity and insults, English; evasions are applied by `evade`.
const PROF = ['fuck', 'shit', 'crap', 'bollocks', 'bullshit'];
const PROF_ING = ['fucking', 'bloody', 'shitty', 'goddamn', 'fucking'];
const INSULTS = ['idiot', 'moron', 'asshole', 'dickhead', 'bitch', 'wanker', 'loser', 'prick', 'bastard', 'dumbass', 'twat', 'clown'];
const CONTACT_APPS = ['WeChat', 'wechat', 'WhatsApp', 'whatsapp', 'Telegram', 'telegram', 'Signal', 'insta', 'IG', 'Snapchat', 'snap', 'Line', 'weixin'];
const HANDLE_WORDS = ['jay', 'kate', 'movers', 'vanman', 'deals', 'lao', 'film', 'vintage', 'gadget', 'xiao', 'driver', 'cheap', 'quick', 'ming', 'star'];
// Chinese profanity, insults and contact words, already in the evasive forms people type.
const Z_PROF = ['傻逼', '傻B', 'SB', 's b', '煞笔', '沙比', '傻*逼', '草泥马', 'cnm', 'CNM', '操你妈', '你妈的', 'tmd', '他妈的', 'nmsl'];
const Z_INSULTS = ['脑残', '废物', '王八蛋', '蠢货', '猪脑子', '神经病', '垃圾', '智障', 'zz'];
const Z_CONTACT = ['微信', '薇信', 'V信', 'vx', 'VX', '威信', 'wx', '加V', '微 信', '微*信', '绿泡泡', 'QQ', '扣扣', 'weixin', '卫星'];

// Homoglyphs (Cyrillic look-alikes) and leetspeak used by `evade`.
const HOMOGLYPH = /** @type {Record<string, string>} */ ({ a: 'а', e: 'е', o: 'о', c: 'с', p: 'р', x: 'х', i: 'і', s: 'ѕ' });
const LEET = /** @type {Record<string, string[]>} */ ({ a: ['4', '@'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['$', '5'], t: ['7'], l: ['1'], b: ['8'] });

/**
 * Spells a word the way people dodge filters: f.u.c.k, f u c k, sh1t, f*ck, fuuuck, homoglyphs,
 * zero-width characters, or plainly (about half the time).
 * @param {Rng} r
 * @param {string} w
 */
function evade(r, w) {
  const k = r();
  if (k < 0.45) return r() < 0.15 ? w.toUpperCase() : w;
  if (k < 0.53) return w.split('').join(pick(r, ['.', ' ', '-', '_']));
  if (k < 0.68) {
    let out = '';
    let changed = false;
    for (const ch of w) {
      const subs = LEET[ch];
      if (subs && r() < 0.6) {
        out += pick(r, subs);
        changed = true;
      } else out += ch;
    }
    return changed ? out : w.replace(/[aeiou]/, '*');
  }
  if (k < 0.8) {
    // mask the inner letters: f*ck, a**hole, b!tch
    const inner = w.slice(1, -1).replace(/[aeiou]/g, () => (r() < 0.7 ? '*' : '!'));
    return w[0] + (inner === w.slice(1, -1) ? inner.replace(/./, '*') : inner) + w.slice(-1);
  }
  if (k < 0.87) {
    const i = w.search(/[aeiou]/);
    return i < 0 ? w : w.slice(0, i) + w[i].repeat(int(r, 2, 5)) + w.slice(i + 1);
  }
  if (k < 0.94) return w.replace(/[aeocpxis]/g, (ch) => (r() < 0.6 ? (HOMOGLYPH[ch] ?? ch) : ch));
  return w.split('').join(pick(r, ['\u200b', '\u200c', '\u00ad']));
}

/**
 * Spreads Chinese characters with noise: 加 微 信, 加*微*信, 加.微.信
 * @param {Rng} r
 * @param {string} w
 */
function zhNoise(r, w) {
  if (r() < 0.75) return w;
  return [...w].join(pick(r, [' ', '*', '.', '/', '~', '❤']));
}

// ---------------------------------------------------------------------------------------------
// Fillers: generated values

const SPELL_EN = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * Spells out digits in English, with "oh" for zero and "double" for pairs now and then.
 * @param {Rng} r
 * @param {string} ds
 */
function spellEn(r, ds) {
  const words = [];
  const oh = r() < 0.5;
  for (let i = 0; i < ds.length; i++) {
    const d = Number(ds[i]);
    const w = d === 0 && oh ? 'oh' : SPELL_EN[d];
    if (ds[i + 1] === ds[i] && r() < 0.6) {
      words.push(`double ${w}`);
      i++;
    } else words.push(w);
  }
  return words.join(r() < 0.7 ? ' ' : '-');
}

/** @param {Rng} r */
function ukPhone(r) {
  const tail = pad(String(int(r, 0, 999)), 3);
  const local = `07700900${tail}`;
  switch (int(r, 0, 7)) {
    case 0: return `07700 900${tail}`;
    case 1: return local;
    case 2: return `+44 7700 900${tail}`;
    case 3: return `+447700900${tail}`;
    case 4: return `07700-900-${tail}`;
    case 5: return spellEn(r, local);
    case 6: return local.split('').join(' ');
    default: return `O77OO 9OO${tail}`.replace(/0/g, () => (r() < 0.5 ? 'O' : '0'));
  }
}

/** @param {Rng} r */
function usPhone(r) {
  const area = pick(r, ['212', '312', '415', '646', '206', '303', '617']);
  const line = `01${digits(r, 2)}`;
  switch (int(r, 0, 5)) {
    case 0: return `(${area}) 555-${line}`;
    case 1: return `${area}-555-${line}`;
    case 2: return `${area}.555.${line}`;
    case 3: return `+1 ${area} 555 ${line}`;
    case 4: return `${area}555${line}`;
    default: return spellEn(r, `${area}555${line}`);
  }
}

/** @param {Rng} r */
function cnPhoneDigits(r) {
  return `${pick(r, ['138', '139', '137', '186', '159'])}00${pick(r, ['13', '14', '15', '16'])}${digits(r, 4)}`;
}

/** @param {Rng} r */
function cnPhone(r) {
  const d = cnPhoneDigits(r);
  const toZh = (/** @type {string} */ s, yao = false) =>
    s.replace(/\d/g, (c) => (c === '1' && yao ? '幺' : c === '0' && r() < 0.3 ? '〇' : /** @type {string} */ (Z_NUM[Number(c)])));
  switch (int(r, 0, 8)) {
    case 0: return d;
    case 1: return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
    case 2: return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
    case 3: return `+86 ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
    case 4: return toZh(d);
    case 5: return toZh(d, true);
    case 6: return d.replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c))); // full-width
    case 7: return d.slice(0, 3) + toZh(d.slice(3, 7)) + d.slice(7); // half and half
    default: return d.split('').join(' ');
  }
}

/** @param {Rng} r */
function anyPhone(r) {
  return r() < 0.6 ? ukPhone(r) : usPhone(r);
}

/** @param {Rng} r */
function emailParts(r) {
  const local = `${pick(r, NAMES).toLowerCase()}${pick(r, ['.', '_', ''])}${pick(r, HANDLE_WORDS)}${r() < 0.5 ? digits(r, 2) : ''}`;
  const [dom, tld] = pick(r, [['example', 'com'], ['example', 'org'], ['gmail', 'com'], ['outlook', 'com'], ['qq', 'com'], ['163', 'com'], ['yahoo', 'co.uk']]);
  return { local, dom, tld: /** @type {string} */ (tld) };
}

/** @param {Rng} r */
function email(r) {
  const { local, dom, tld } = emailParts(r);
  switch (int(r, 0, 6)) {
    case 0:
    case 1: return `${local}@${dom}.${tld}`;
    case 2: return `${local} at ${dom} dot ${tld.replace('.', ' dot ')}`;
    case 3: return `${local}(at)${dom}(dot)${tld}`;
    case 4: return `${local} [at] ${dom} [dot] ${tld}`;
    case 5: return `${local}＠${dom}.${tld}`;
    default: return `${local} @ ${dom} . ${tld}`;
  }
}

/** @param {Rng} r */
function card(r) {
  const prefix = pick(r, ['4', '4', '51', '52', '53', '54', '55']);
  let body = prefix + digits(r, 15 - prefix.length);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  body += String((10 - (sum % 10)) % 10);
  const sep = pick(r, [' ', ' ', '-', '']);
  return body.match(/.{4}/g)?.join(sep) ?? body;
}

/** @param {string} country @param {string} bban */
function ibanFor(country, bban) {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let m = 0;
  for (const ch of rearranged) m = (m * 10 + Number(ch)) % 97;
  return `${country}${pad(String(98 - m), 2)}${bban}`;
}

/** @param {Rng} r */
function iban(r) {
  const raw = r() < 0.6
    ? ibanFor('GB', `${pick(r, ['WEST', 'NWBK', 'BARC', 'MIDL'])}${digits(r, 14)}`)
    : ibanFor('DE', digits(r, 18));
  return r() < 0.7 ? (raw.match(/.{1,4}/g) ?? [raw]).join(' ') : raw;
}

/** @param {Rng} r */
function ukPostcode(r) {
  const L = 'ABCDEFGHJKLMNPRSTUWYZ';
  return `${pick(r, ['LS', 'HG', 'BS', 'M', 'SS', 'BN', 'S', 'CF', 'G', 'YO', 'NR'])}${int(r, 1, 20)} ${int(r, 1, 9)}${L[int(r, 0, L.length - 1)]}${L[int(r, 0, L.length - 1)]}`;
}

/** @param {Rng} r */
function address(r) {
  switch (int(r, 0, 3)) {
    case 0: return `${int(r, 1, 220)} ${pick(r, STREETS)}, ${pick(r, TOWNS)} ${ukPostcode(r)}`;
    case 1: return `Flat ${int(r, 1, 30)}, ${int(r, 1, 150)} ${pick(r, STREETS)}`;
    case 2: {
      const [city, state] = pick(r, US_CITIES);
      return `${int(r, 100, 9999)} ${pick(r, STREETS)} Apt ${int(r, 1, 40)}${pick(r, ['A', 'B', 'C', ''])}, ${city}, ${state} ${digits(r, 5)}`;
    }
    default: return `${int(r, 1, 99)} ${pick(r, STREETS)}, ${pick(r, ['first', 'second', 'top'])} floor`;
  }
}

/** @param {Rng} r */
function zAddress(r) {
  const [city, district, road] = pick(r, Z_CITIES);
  if (r() < 0.5) return `${city}${district}${road}${int(r, 1, 2000)}号${int(r, 1, 12)}栋${int(r, 1, 30)}0${int(r, 1, 6)}室`;
  return `${district}${pick(r, Z_COMMUNITIES)}${int(r, 1, 20)}号楼${int(r, 1, 6)}单元${int(r, 1, 30)}0${int(r, 1, 4)}`;
}

/** Chinese resident id with a valid checksum (region 110101 or 310115, random birth date). @param {Rng} r */
function zId(r) {
  const body = `${pick(r, ['110101', '310115', '440106', '330106'])}${int(r, 1960, 2004)}${pad(String(int(r, 1, 12)), 2)}${pad(String(int(r, 1, 28)), 2)}${digits(r, 3)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * /** @type {number} */ (w[i]);
  return body + '10X98765432'[s % 11];
}

/** @param {Rng} r */
function handle(r) {
  return `${pick(r, HANDLE_WORDS)}${pick(r, ['_', '.', '', '_'])}${pick(r, HANDLE_WORDS)}${r() < 0.7 ? digits(r, int(r, 2, 4)) : ''}`;
}

/** @param {Rng} r */
function price(r) {
  const c = pick(r, CURRENCIES);
  return r() < 0.7 ? `${c}${int(r, 5, 400)}` : `${c}${int(r, 5, 90)}.${pick(r, ['50', '99', '00', '25'])}`;
}

/** @param {Rng} r */
function orderNo(r) {
  switch (int(r, 0, 3)) {
    case 0: return `HL-${pad(String(int(r, 101, 1231)), 4)}-${digits(r, 5)}`;
    case 1: return `#A${digits(r, 7)}`;
    case 2: return `FR-${digits(r, 5)}`;
    default: return `${int(r, 10000000, 99999999)}`;
  }
}

/** @param {Rng} r */
function zOrderNo(r) {
  return `202603${pad(String(int(r, 1, 28)), 2)}${digits(r, 4)}`;
}

/** @param {Rng} r */
function masked(r) {
  return pick(r, [`138****${digits(r, 4)}`, `07700 9*****`, `+44 7*** ***${digits(r, 3)}`, `***-***-${digits(r, 4)}`, `尾号${digits(r, 4)}`]);
}

/** @param {Rng} r */
function zMins(r) {
  return pick(r, ['五', '十', '二十', '半小时', '十五', '四十', String(int(r, 3, 40))]);
}

/**
 * Every slot a template may use.
 * @type {Record<string, (r: Rng) => string>}
 */
const SLOTS = {
  name: (r) => pick(r, NAMES),
  mins: (r) => String(int(r, 2, 45)),
  time: (r) => pick(r, TIMES),
  day: (r) => pick(r, DAYS),
  place: (r) => pick(r, PLACES),
  door: (r) => pick(r, DOORS),
  street: (r) => pick(r, STREETS),
  town: (r) => pick(r, TOWNS),
  item: (r) => pick(r, ITEMS),
  furn: (r) => pick(r, FURNITURE),
  food: (r) => pick(r, FOODS),
  restaurant: (r) => pick(r, RESTAURANTS),
  vehicle: (r) => pick(r, VEHICLES),
  floor: (r) => pick(r, FLOORS),
  n: (r) => String(int(r, 2, 9)),
  emoji: (r) => pick(r, EMOJI),
  flight: (r) => pick(r, FLIGHTS),
  price,
  smallprice: (r) => `${pick(r, CURRENCIES)}${int(r, 3, 12)}.${pick(r, ['50', '99', '00', '20'])}`,
  order: orderNo,
  tracking: (r) => `1Z${digits(r, 3)}AA${digits(r, 10)}`,
  masked,
  stars: (r) => pick(r, ['5 stars', 'five stars', '5*', 'a 5 star rating', '⭐⭐⭐⭐⭐']),
  // problematic, English
  prof: (r) => evade(r, pick(r, PROF)),
  profing: (r) => evade(r, pick(r, PROF_ING)),
  insult: (r) => evade(r, pick(r, INSULTS)),
  app: (r) => {
    const a = pick(r, CONTACT_APPS);
    return r() < 0.15 ? a.split('').join(' ') : r() < 0.1 ? evade(r, a.toLowerCase()) : a;
  },
  handle,
  at_handle: (r) => `@${handle(r)}`,
  phone: anyPhone,
  ukphone: ukPhone,
  usphone: usPhone,
  email,
  card,
  exp: (r) => `${pad(String(int(r, 1, 12)), 2)}/${int(r, 26, 31)}`,
  cvv: (r) => digits(r, 3),
  iban,
  address,
  // Chinese
  zname: (r) => pick(r, Z_NAMES),
  ztime: (r) => pick(r, Z_TIMES),
  zday: (r) => pick(r, Z_DAYS),
  zplace: (r) => pick(r, Z_PLACES),
  zitem: (r) => pick(r, Z_ITEMS),
  zfurn: (r) => pick(r, Z_FURN),
  zfloor: (r) => pick(r, Z_FLOORS),
  zfood: (r) => pick(r, Z_FOOD),
  zcomm: (r) => pick(r, Z_COMMUNITIES),
  zmins: zMins,
  zprice: (r) => pick(r, [`¥${int(r, 20, 900)}`, `${int(r, 20, 900)}元`, `${int(r, 20, 900)}块`]),
  zorder: zOrderNo,
  zcode: (r) => digits(r, 4),
  zplate: (r) => `${pick(r, ['京', '沪', '粤', '浙', '川'])}${pick(r, ['A', 'B', 'C', 'D'])}·${digits(r, 2)}${pick(r, ['K', 'M', 'X', 'Q'])}${digits(r, 2)}`,
  zprof: (r) => zhNoise(r, pick(r, Z_PROF)),
  zinsult: (r) => zhNoise(r, pick(r, Z_INSULTS)),
  zcontact: (r) => zhNoise(r, pick(r, Z_CONTACT)),
  zphone: cnPhone,
  zaddress: zAddress,
  zid: zId,
};

// ---------------------------------------------------------------------------------------------
// Templates

const EN_BENIGN = [
  // moving and freight
  "Hi, this is {name}, your driver for the {time} move. Running about {mins} min behind, traffic's awful.",
  "No problem, thanks for the heads up. It's {door}, park on the street if you can.",
  'How many flights of stairs at the drop-off? Is there a lift?',
  'Two flights, no lift sorry {emoji} The big items are the {furn} and a {furn}.',
  "I'm outside now.",
  "I'm outside, {vehicle}, hazards on.",
  'Coming down!',
  'Be there in {mins}, just finishing up the previous job.',
  'Everything is in and nothing broken. You absolutely killed it, thank you!',
  'Cheers, glad it went smoothly. A rating in the app really helps us out.',
  "Confirmed for {day}, {time} start. The quote in the app is {price} for up to {n} hours.",
  "Is the {furn} disconnected and drained? Put a towel under it, they always leak a bit.",
  "We'll bring straps and blankets for the {furn}, no need to wrap it.",
  'Can we add a {furn} to the booking? Forgot about it, sorry!',
  "You can add items to the order in the app, the price updates automatically.",
  "Hell of a job on those stairs but it's all in. The {furn} is in the back bedroom.",
  "We're {mins} min early, is it ok to come now?",
  "Yes! Kettle's on {emoji}",
  'You guys are lifesavers, the {furn} did not get a single scratch.',
  "Pallet collection for order {order}: {n} pallets, tail lift needed.",
  'Loaded and signed, POD uploaded in the app.',
  'Delivered at {time}, no damage, signed for by {name}.',
  'Loading dock opens at 7, bay {n}. Ask for {name} at goods in.',
  "This traffic is killing me, the ring road is a car park. ETA {time} now.",
  "Dead tired after that one, but all done {emoji}",
  'Do you need directions? The sat nav sends people to the wrong end of {street}.',
  "No need, I know exactly where it is, I've done a job on {street} before.",
  'Finished unloading. Please check everything and confirm in the app.',
  "Container cut-off is 17:00 so we're fine for time.",
  // ride-hailing
  "I'm at the pickup point by {place}, {vehicle}.",
  'Be there in 2, just paying for my coffee',
  "Can't see you, are you on the {street} side?",
  'Found you, thanks',
  'Think I left my umbrella on the back seat, black one with a wooden handle',
  "Found it. I can drop it at {place} around {time}, or you can arrange it through lost property in the app.",
  "Hi, my flight {flight} lands at {time}, I'll message when I've got my bags",
  'Landed, the queue at passport control is huge, maybe {mins} min',
  'All good, waiting time is included for airport pickups.',
  'Out now, grey coat, big orange suitcase',
  'Can you wait {n} mins at the second stop? Picking up my sister, she always runs late',
  'Sure, waiting time is added to the fare automatically.',
  "My phone is almost dead so if I go quiet that's why",
  "Honestly best ride I've had all week, the playlist killed it",
  "Left my charger in the door pocket. No rush, I'll kill some time in town anyway",
  "Shoot me a message here when you're free and I'll swing by.",
  'Can we stop at the cash machine on the way? 2 min tops',
  "Sure, the fare's already paid in the app though.",
  "I'm at {place}, can you come round? It says no stopping here",
  "Hi, I'm {mins} min away. Any luggage?",
  'Just a backpack, I\'m outside {place}',
  'Legend, thank you',
  // delivery
  'Picked up your order from {restaurant}, on my way. ETA {mins} min',
  "Quick q, the pin in the app is in the middle of the park, what's the actual entrance?",
  "Sorry! It's the flats on the corner, {door}. Buzz {n}{n}.",
  'Downstairs now',
  "They forgot the {food} lol, not your fault",
  'You can ask for a refund on missing items in the app under Help.',
  "Left it with the concierge at reception, as per the note on the order.",
  "Hi, they're out of oat milk, is almond ok or shall I skip it?",
  "Yes please! You're a star",
  "The bags are heavy so I'll ring the bell rather than leave them on the step.",
  'Parcel for you, which unit is it? Reception is empty.',
  'My parcel was due yesterday, tracking {tracking} still says out for delivery.',
  "Sorry about that, the van broke down. It's first on today's route, between 9 and 11.",
  "Where the hell is my food? App says delivered but it's not here",
  "Oh damn, found it. Sorry for snapping, long day.",
  'No worries at all, enjoy your {food}!',
  'Your {food} is on its way, the restaurant was a bit slow tonight, sorry!',
  "It's still hot, thanks so much {emoji}",
  // marketplace
  'Hi, is the {item} still available?',
  'Yes it is! A couple of small marks but otherwise great condition.',
  'Would you take {price}? I can collect {day}.',
  "{price} and it's yours.",
  "I'd rather pay through the app so we're both covered.",
  "Pay in the app and I'll mark it as reserved.",
  'Would you post it to Scunthorpe or is it collection only?',
  "I can send it with the app's tracked delivery, it's about {smallprice} extra.",
  'Arrived today, exactly as described. Cheers!',
  "Sorry for the slow reply, WhatsApp is down for me today so I'm only checking messages here.",
  "Is the {item} smoke and pet free?",
  'Does it come with the original box and charger?',
  "Can I collect after the school run, about 3:30? I'm in {town}.",
  "We're {door}, you can't miss it.",
  "Please don't send card details in chat! Contact support in the app if checkout fails.",
  "Support said it was a glitch, it's paid now.",
  "Posting it tomorrow morning, you'll get the tracking in the app.",
  "Does the Assassin's Creed bundle include the season pass code?",
  'Selling the cocktail shaker set because we never use it, all 6 pieces included.',
  'Is the bass amp noisy at all? Any hum?',
  "I'll take it at the listed price.",
  'It fit in the car with 2cm to spare {emoji}',
  'Could you send a short video of it working?',
  "Sorry about the cat in the background, she thinks she's the star",
  // support
  "I've moved your booking to {day}, same time slot. The driver has been notified.",
  "Drivers can call you through the app with a masked number ({masked}), so there's no need to share your number here.",
  'You can add a billing email under Settings > Invoices.',
  'For your safety, please keep all messages and payments in the app.',
  "We've refunded the difference, it should show in {n} working days.",
  "Your order {order} has been updated, thanks for your patience.",
  "Hi, I need help. The driver said he knows where I live and told me to watch my back. Please help.",
  'The courier was really rude and swore at me, can someone look into it? Order {order}.',
  'The seller asked me to pay outside the app, is that allowed?',
  "No, please don't pay outside the app or add anyone's personal contact. We'll look into it.",
  "If you feel unsafe, please call 999 or 911. We've suspended the account while we investigate.",
  'Your case reference is CS-{n}{n}{n}{n}{n}{n}{n}.',
  // chit-chat and long-ish
  'Thanks again, have a great weekend!',
  "You killed it today, honestly the smoothest move we've had.",
  'Running late, sorry, the school run took forever.',
  "Just so you know, the building has a tight corner on the stairs, the {furn} might need to come in through the window. Is that something you've done before or should we book a hoist? Happy to pay for it through the app if needed.",
  "Hi {name}, quick update on the {day} booking: the lift at the new place is out of order until {day}, so it's {floor} floor by the stairs. I've added a note in the app. Let me know if the price changes and I'll confirm it there.",
  "Morning! Just checking in about {day}. We have {n} boxes, a {furn}, a {furn} and some bags. Parking is a permit zone but I've got a visitor permit for you, I'll leave it on the dashboard spot by {door}.",
  "I'll be the one in the {vehicle}. My colleague {name} is with me today.",
  "No rush at all, I'm in all day.",
];

const ZH_BENIGN = [
  '您好，我是{zday}给您搬家的司机，请问几点方便？',
  '{ztime}可以吗？小区门口保安要登记车牌。',
  '可以，车牌{zplate}，到了给您打电话。',
  '{zfloor}，有电梯，不过{zfurn}可能得走楼梯',
  '好的，那我多带一个师傅过来。',
  '我到{zplace}了，蓝色货车',
  '马上下来，稍等一下',
  '今天辛苦了师傅，东西一件都没磕着',
  '不客气，记得在App里确认一下订单完成',
  '你好，这个{zitem}还在吗？能正常用吗？',
  '在的，功能都正常，就是有点划痕',
  '{zprice}能出吗？',
  '最低{zprice}，包邮',
  '还是在平台上拍吧，有保障',
  '请问这个{zitem}用了多久？',
  '一年多，平时放家里，其他都好',
  '周日下午自提行吗？',
  '行，地铁站出来走五分钟。到了在App里说一声',
  '好的，已经在App里付款了',
  '师傅到哪了？我在{zplace}',
  '堵车，大概{zmins}分钟到',
  '看到了，白色的车是吧？',
  '师傅开得很稳，谢谢，已经给五星了',
  '您好，外卖到了，放门口还是送上楼？',
  '放前台就行，我在开会，谢谢',
  '已放在外卖柜{n}号格，取件码{zcode}',
  '拿到了，还是热的，谢谢小哥',
  '你好，这单是帮我妈下的，能不能改一下送货地址？',
  '好的，你妈的订单我这边备注好了，大概四点到',
  '已送达，阿姨已经拿到了',
  '可以，别取消订单就行，今天必须搬完',
  '放心，不会取消。到了打您电话，App显示的是虚拟号{masked}',
  'App上显示{zprice}，按App上的付就行',
  '请问App里可以用微信支付吗？我的信用卡付不了',
  '可以的，在支付页面选择“微信支付”即可。请不要在聊天里发送银行卡号哦。',
  '请不要添加司机的私人联系方式，也不要线下付款。',
  '师傅，{zday}{ztime}装货，地点在{zplace}',
  '收到，4米2厢货够吗？',
  '已装车，回单拍照上传到App了',
  '订单号{zorder}，麻烦帮忙查一下进度',
  '这个空调扇还在吗？今天热死了',
  '哈哈你这砍价太狠了，{zprice}吧',
  '行吧，笑死，第一次遇到这么会砍的',
  '累死了，今天跑了三十多单',
  '这台傻瓜相机还能用吗？送胶卷吗？',
  '您好，您点的{zfood}还有{zmins}分钟到，需要餐具吗？',
  '不用餐具，谢谢',
  '不好意思，门禁进不去，麻烦您下来开一下',
  '好的，我在{zplace}等您',
  '{zname}，明天{ztime}见，东西我都打包好了',
  '不着急，慢慢来，注意安全',
  '下雨了，路上慢点开',
  '请问能开发票吗？',
  '可以，在App订单页面申请电子发票就行',
  '你好，刚才那个司机骂人，还说知道我住哪，订单号{zorder}，请帮忙处理',
  '非常抱歉给您带来不好的体验，我们已经暂停该司机接单，处理结果会在App内通知您。',
  '如果您感到人身安全受到威胁，请立即拨打110。',
  '物品有损坏吗？有的话拍照上传，我们帮您申请理赔',
  '没有损坏，都挺好的，谢谢',
  '这个{zitem}可以便宜点吗？学生党',
  '已经是最低价了，不好意思',
  '我下周搬家，想问一下{zfurn}和{zfurn}一起运要多少钱？楼层是{zfloor}，没有电梯，新家在{zfloor}有电梯。App上估价{zprice}，会不会额外收搬运费？',
  '师傅您好，今天是接我爸去医院复查，他腿脚不太方便，麻烦到了等一下，在{zplace}',
  '已接到叔叔了，预计二十分钟到医院',
];

const MIXED_BENIGN = [
  'Hi 我到了, at the taxi stand near exit 3',
  'ok 等我一下, still collecting my luggage',
  'no problem 慢慢来',
  'Thanks 师傅, 五星 already',
  '我在南门 leh, can you come round? 北门 cannot stop',
  'ok ok, {zmins}分钟',
  '订单 {order} 的 invoice 可以发我吗?',
  'The {item} 还在吗? can collect {day}',
  'Sorry 今天 traffic 很堵, ETA {mins} min',
];

const EN_BAD = [
  // profanity and insults
  "there is no ramp. {prof} this, been walking round for {mins} min",
  'this building is {prof}, next time come down yourself',
  'whatever you {insult}',
  'are you deaf or just a {insult}? I said {place}',
  "you {profing} {insult}, I've been waiting {mins} minutes",
  'move your fat ass round the corner then, useless {insult}',
  'ffs you are so {profing} slow, 1 star you {insult}',
  'what a {profing} joke of a service',
  "{prof}! you scratched my {furn} you {insult}",
  'go on then, you {profing} scammer',
  'shut up and drive, {insult}',
  "learn to read a map you {profing} {insult}",
  'stupid woman, you want careful you pay extra',
  // threats
  'I know where you live. {address}. think about that',
  "give me {stars} or else, I know which flat is yours",
  'rate me {stars} or I come back to {door}',
  'you do that and see what happens. watch your back',
  "I've got your pickup address, mate. think about it",
  'nice kids you have. would be a shame if something happened to them',
  'your daughter goes to the school across the road right? be careful',
  "take back the complaint or your family will regret it",
  "I'll smash that nice car on your drive if I don't get my money",
  "I know where you work too. I'll be waiting outside",
  "you'll regret this. I'll find you",
  "keep talking and I'll break your legs",
  // sexual harassment
  'you looked good bending over those boxes today. send me a photo 😉',
  "why don't you come up instead, I'll make it worth your while 😏",
  "what's your number babe, I want to see more of you. send nudes",
  'you sound cute, are you the girl in the profile pic? wanna hook up after your shift?',
  "don't act innocent, I know you liked it",
  // off-platform
  'the app takes 20% from me. cancel the order and add me on {app}, I do it {price} cheaper',
  'cancel the order and add me on {app}: {handle}',
  "tbh the app fees are a rip-off, pay me cash directly when you collect and we skip them",
  'easier on {app}, text me on {phone}',
  "my IG is {at_handle}, I post everything there first",
  'msg me on {app} {at_handle}, no fees',
  'easier on telegram, this app deletes my messages lol. t.me/{handle}',
  'if you ever want private jobs skip the app, call me {phone}',
  'then text me: {ukphone}. cash on collection only, no app',
  "bank transfer to {iban}, ref {n}{n}{n}, then I'll drop it off",
  "email me at {email}, cheaper if we do it without the app",
  'pay me by bank transfer instead, IBAN {iban}',
  'venmo me instead and I\'ll knock {price} off, @{handle}',
  // personal data
  "can't you just charge it yourself? {card} exp {exp}",
  'card is {card}, {exp}, cvv {cvv}',
  'My number is {phone}, call me when you get here',
  'send the invoice to {email}',
  "I'm at {address}, ring the bell twice",
  'my cell is {usphone} and my email is {email}',
];

const ZH_BAD = [
  // profanity and insults
  '催什么催，{zprof}',
  '{zprof}，嫌慢你自己打车去',
  '你是不是{zinsult}，这都进不去，{zprof}',
  '等着吧，{zprof}，差评',
  '{zprof}，{zmins}分钟了还不来',
  '你个{zinsult}，会不会开车',
  '东西磕坏了还嘴硬，{zprof}',
  '傻逼女人，投诉去吧',
  // threats
  '你给我等着',
  '你投诉试试，我知道你在哪下车，弄死你',
  '信不信我弄死你',
  '我知道你住哪，{zaddress}，小心点',
  '你家里几口人我都知道，你孩子在哪上学我也知道',
  '不给五星你试试，我记得你家门牌号',
  '出门小心点，别让我碰到你',
  // sexual harassment
  '美女，晚上出来玩吗，加个{zcontact}',
  '那你穿上拍张照给我看看，穿少一点更好',
  '装什么清纯，加个微信聊聊呗，约吗',
  // off-platform
  '你先把订单取消，加我{zcontact} {handle}，私下交易便宜{zprice}',
  '平台抽成太高，{zcontact}私聊吧：{handle}',
  '加{zcontact}私下交易，直接转账给你便宜二十',
  '取消订单，我们私下走，价格给你打八折',
  '加 微 信 {handle}，发你实拍图',
  '加V：{handle}，平台上拍我要加价的',
  '不走平台了，直接打我电话 {zphone}',
  '明天到了打我电话：{zphone}',
  '或者发邮件 {email}',
  // personal data
  '地址：{zaddress}，电话 {zphone}',
  '我的身份证号是{zid}，帮我登记一下',
  '卡号{card}，你直接刷吧',
  '收货人{zname}，{zphone}，{zaddress}',
];

const MIXED_BAD = [
  '微信 {handle} 你先把订单取消, add me on WeChat, 私下交易对你也便宜',
  'why so difficult. everybody does it. 加个微信又不会怎么样',
  'go ahead and complain. {zprof}',
  'call me {zphone}, no need 走平台',
];

/**
 * @typedef {{ parts: (string | ((r: Rng) => string))[] }} Template
 */

/**
 * Compiles "{slot}" templates once into literal/filler parts; an unknown slot is a load-time error.
 * @param {string[]} list
 * @returns {Template[]}
 */
function compile(list) {
  return list.map((src) => {
    /** @type {(string | ((r: Rng) => string))[]} */
    const parts = [];
    const re = /\{(\w+)\}/g;
    let last = 0;
    for (let m = re.exec(src); m; m = re.exec(src)) {
      if (m.index > last) parts.push(src.slice(last, m.index));
      const fill = SLOTS[/** @type {string} */ (m[1])];
      if (!fill) throw new Error(`corpus template uses unknown slot {${m[1]}}: ${src}`);
      parts.push(fill);
      last = re.lastIndex;
    }
    if (last < src.length) parts.push(src.slice(last));
    return { parts };
  });
}

const T = {
  en: compile(EN_BENIGN),
  zh: compile(ZH_BENIGN),
  mixed: compile(MIXED_BENIGN),
  enBad: compile(EN_BAD),
  zhBad: compile(ZH_BAD),
  mixedBad: compile(MIXED_BAD),
};

/** Number of templates, for tests and the curious. */
export const TEMPLATE_COUNT = Object.values(T).reduce((n, t) => n + t.length, 0);

/** @param {Rng} r @param {Template} t */
function expand(r, t) {
  let s = '';
  for (const p of t.parts) s += typeof p === 'string' ? p : p(r);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Messages

const ROLES = ['driver', 'courier', 'customer', 'rider', 'seller', 'buyer', 'shipper', 'customer', 'driver', 'buyer'];
export const MAX_LENGTH = 500;

/**
 * Trims to MAX_LENGTH at a word or sentence boundary, without splitting a surrogate pair.
 * @param {string} s
 */
function clamp(s) {
  if (s.length <= MAX_LENGTH) return s;
  let cut = MAX_LENGTH;
  const space = Math.max(s.lastIndexOf(' ', MAX_LENGTH), s.lastIndexOf('。', MAX_LENGTH - 1) + 1);
  if (space > MAX_LENGTH - 80) cut = space;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return s.slice(0, cut).trimEnd();
}

/**
 * Light, seeded surface variation: lower case, an emoji, a trailing "!!" or "??".
 * @param {Rng} r
 * @param {string} s
 * @param {boolean} latin
 */
function vary(r, s, latin) {
  const k = r();
  if (latin && k < 0.08) return s.toLowerCase();
  if (k < 0.13) return `${s} ${pick(r, EMOJI)}`;
  if (k < 0.15) return `${s.replace(/[.。]$/, '')}${latin ? '!!' : '！！'}`;
  return s;
}

/**
 * An endless, deterministic stream of messages.
 * @param {number} seed
 * @returns {Generator<CorpusMessage, never>}
 */
function* messages(seed) {
  const r = mulberry32(seedToInt(seed));
  // A small pool of repeat offenders sends most of the problematic messages (Zipf-like weights).
  const offenders = Array.from({ length: 40 }, () => `${pick(r, ROLES)}-${int(r, 1000, 9999)}`);
  const offender = () => /** @type {string} */ (offenders[Math.floor(offenders.length * r() ** 2.2)]);
  const sender = () => `${pick(r, ROLES)}-${int(r, 1000, 9999)}`;

  for (let i = 1; ; i++) {
    const lang = r();
    const bad = r() < 0.15;
    const kind = lang < 0.72 ? 'en' : lang < 0.95 ? 'zh' : 'mixed';
    /** @type {Template[]} */
    const pool = bad ? (kind === 'en' ? T.enBad : kind === 'zh' ? T.zhBad : T.mixedBad) : T[kind];
    let text = expand(r, pick(r, pool));
    // A tail of long messages: several benign sentences around the first one, up to MAX_LENGTH.
    if (r() < 0.05) {
      const more = int(r, 2, 7);
      const benign = kind === 'zh' ? T.zh : T.en;
      const sep = pick(r, [' ', ' ', '\n']);
      for (let j = 0; j < more; j++) {
        const extra = expand(r, pick(r, benign));
        text = r() < 0.5 ? `${text}${sep}${extra}` : `${extra}${sep}${text}`;
      }
    }
    text = clamp(vary(r, text, kind !== 'zh'));
    yield { id: `m-${i}`, sender: bad && r() < 0.8 ? offender() : sender(), text };
  }
}

/**
 * A deterministic corpus of chat-like messages. The same seed gives the same corpus, and a longer
 * corpus starts with the shorter one.
 * @param {number} count
 * @param {{ seed?: number }} [options]
 * @returns {CorpusMessage[]}
 */
export function generateCorpus(count, { seed = 1 } = {}) {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  /** @type {CorpusMessage[]} */
  const out = new Array(count);
  const it = messages(seed);
  for (let i = 0; i < count; i++) out[i] = it.next().value;
  return out;
}

/**
 * JSONL lines (`{"id","sender","text"}` followed by "\n") until at least `bytes` UTF-8 bytes were
 * yielded; the messages are those of generateCorpus with the same seed.
 * @param {{ seed?: number, bytes: number }} options
 * @returns {Generator<string, void>}
 */
export function* generateArchiveLines({ seed = 1, bytes }) {
  if (!(bytes >= 0)) throw new RangeError(`bytes must be a non-negative number, got ${bytes}`);
  let written = 0;
  for (const m of messages(seed)) {
    if (written >= bytes) return;
    const line = `${JSON.stringify(m)}\n`;
    written += Buffer.byteLength(line);
    yield line;
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

/** @param {string} s */
function parseSize(s) {
  const m = /^\s*([\d.]+(?:e\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(s);
  if (!m) return NaN;
  const mult = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 }[/** @type {'' | 'k' | 'm' | 'g' | 't'} */ ((m[2] ?? '').toLowerCase())];
  return Math.round(Number(m[1]) * mult);
}

const USAGE = `usage: node scripts/corpus.mjs (--count N | --bytes SIZE) [--seed N] [--out FILE]
  --count N      write the first N messages (same as generateCorpus(N, { seed }))
  --bytes SIZE   write messages until SIZE bytes (1e9, 500MB, 2G ...)
  --seed N       PRNG seed (default 1)
  --out FILE     write to FILE instead of stdout (FILE ending in .gz is gzip-compressed)
`;

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string' },
        bytes: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${/** @type {Error} */ (err).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    process.stderr.write(USAGE);
    return;
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const count = values.count === undefined ? undefined : parseSize(values.count);
  const bytes = values.bytes === undefined ? undefined : parseSize(values.bytes);
  if ((count === undefined) === (bytes === undefined) || Number.isNaN(seed) || Number.isNaN(count) || Number.isNaN(bytes)) {
    process.stderr.write(USAGE);
    process.exit(2);
  }

  const progress = values.out !== undefined && process.stderr.isTTY;
  let total = 0;
  let lines = 0;
  // Lines are batched into ~256 KB chunks; Readable.from + pipeline handle backpressure.
  async function* chunks() {
    const it = bytes !== undefined ? generateArchiveLines({ seed, bytes }) : countLines(seed, /** @type {number} */ (count));
    let buf = '';
    for (const line of it) {
      buf += line;
      lines++;
      if (buf.length >= 262144) {
        total += Buffer.byteLength(buf);
        if (progress && lines % 100 === 0) process.stderr.write(`\r${lines} lines, ${(total / 1e6).toFixed(0)} MB`);
        yield buf;
        buf = '';
      }
    }
    if (buf) {
      total += Buffer.byteLength(buf);
      yield buf;
    }
  }
  const source = Readable.from(chunks(), { objectMode: false });
  const sink = values.out !== undefined ? createWriteStream(values.out) : process.stdout;
  try {
    if (values.out?.endsWith('.gz')) await pipeline(source, createGzip(), sink);
    else await pipeline(source, sink);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'EPIPE') return; // e.g. piped into head
    throw err;
  }
  if (progress) process.stderr.write(`\r${lines} lines, ${(total / 1e6).toFixed(1)} MB written to ${values.out}\n`);
}

/** @param {number} seed @param {number} count */
function* countLines(seed, count) {
  const it = messages(seed);
  for (let i = 0; i < count; i++) yield `${JSON.stringify(it.next().value)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((err) => {
    process.stderr.write(`corpus: ${err?.stack ?? err}\n`);
    process.exit(1);
  });
}
