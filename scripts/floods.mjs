// Floods: what an attacker sends to make a moderator slow, one unit repeated for the whole
// message. Each names what it sets to work (a detector, the skeleton view, a term list) and
// repeats that detector's or view's trigger characters. `npm run bench` times them from 10 KB
// to 1 MB; test/engine/floods.test.ts counts their work steps.

/** `[what it sets to work, the unit repeated]`. */
export const FLOODS = [
  ['email', '@a '],
  ['email', 'a@b.co '],
  ['email', 'x at y dot '],
  ['email', '(at)'],
  ['phone', '1'],
  ['phone', '1 2 3 '],
  ['phone', '138 0013 8000 '],
  ['phone', '一三八'],
  ['card', '4111 1111 1111 1111 '],
  ['bank-account', 'GB82 WEST '],
  ['national-id', '110101199003077'],
  ['handle', '@jay_88 '],
  ['handle', 'wechat: jay '],
  ['handle', 'vx '],
  ['address', '路1号'],
  ['address', '12 main st '],
  ['ip', '1.2.3.4 '],
  ['ip', '::'],
  ['url', 'http://a.co/ '],
  ['url', 'a.b.'],
  ['contact-token', 'qq 12345 '],
  ['contact-token', 'wx: abc123 '],
  ['misspelled-app', 'wechta '],
  ['skeleton: spaced letters', 'f u c k '],
  ['skeleton: spaced letters', 'w e c h a t '],
  ['skeleton: dotted letters', 'f.u.c.k '],
  ['skeleton: one long word', 'fuckfuck'],
  ['skeleton: masks', 'f*ck '],
  ['skeleton: masks in one word', 'f*ckf*ck'],
  ['skeleton: stretched letters', 'fuuuuuck '],
  ['terms: Chinese', '加微信'],
  ['terms: Chinese, spaced', '加 微 信 '],
  ['threat-grammar', 'kill you '],
  ['threat-grammar', 'k i l l '],
  ['threat-frames', 'i know where you live '],
  ['threat-frames', '我知道你家'],
  ['views: punctuation', '.'],
  ['views: spaces', ' '],
];

/** `unit` repeated to exactly `size` UTF-16 code units. */
export function flood(unit, size) {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
